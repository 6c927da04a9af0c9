import { StaffAccountQuerySchema, BACK_OFFICE_MESSAGES, type StaffAccountQuery } from '@portal/shared';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { FormField } from '../../../components/ui/form-field';
import { Page } from '../../../components/ui/page';
import { Pagination } from '../../../components/ui/pagination';
import { ErrorAlert, ResultStatus } from '../../../components/ui/query-feedback';
import { formatTaipeiDate, pageFromParam } from '../../../lib/format';
import { blankToUndefined, sharedSchemaResolver } from '../../../lib/form-resolver';
import { useStaffAccounts } from '../api/staff';
import '../../../components/ui/back-office.css';
import { EmptyRow } from '../../../components/ui/empty-row';

const FIELDS = [
  { key: 'accountName', id: 'account-search-name', label: '帳號', max: 30 },
  { key: 'name', id: 'account-search-person', label: '姓名', max: 50 },
  { key: 'institutionCode', id: 'account-search-institution', label: '機構代碼', max: 10 },
  { key: 'nationalId', id: 'account-search-national-id', label: '身分證', max: 10 },
] as const;
type Key = (typeof FIELDS)[number]['key'];
type Values = Record<Key, string>;
type Output = z.output<typeof StaffAccountQuerySchema>;


/** 帳號查詢 by 帳號, 姓名, 機構 or 身分證 (at least one); 身分證 only ever shown masked. */
export function AccountSearchPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  // Criteria stay in memory, not in the URL: a 身分證 must not end up in history or logs.
  const [criteria, setCriteria] = useState<StaffAccountQuery | null>(null);
  const query = criteria ? { ...criteria, page: pageFromParam(searchParams.get('page')) } : null;
  const result = useStaffAccounts(query);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitted },
  } = useForm<Values, unknown, Output>({
    defaultValues: { accountName: '', name: '', institutionCode: '', nationalId: '' },
    resolver: sharedSchemaResolver(StaffAccountQuerySchema, (values) => blankToUndefined({ ...values, nationalId: values.nationalId.toUpperCase() })),
  });
  const search = (values: Output) => {
    if (!FIELDS.some(({ key }) => values[key])) {
      setError('accountName', { message: BACK_OFFICE_MESSAGES.searchCriteriaRequired });
      return;
    }
    const { accountName, name, institutionCode, nationalId } = values;
    setCriteria({ accountName, name, institutionCode, nationalId });
    setSearchParams({});
  };
  const summary = FIELDS.flatMap(({ key, id, label }) => (errors[key]?.message ? [{ fieldId: id, label, message: errors[key].message }] : []));

  return (
    <Page title="帳號查詢" lead="輸入至少一項查詢條件。身分證僅以遮罩顯示。">
      <form role="search" aria-label="帳號查詢條件" className="filter-form" noValidate onSubmit={handleSubmit(search)}>
        {isSubmitted && summary.length > 0 ? <ErrorSummary title="查詢條件有誤" items={summary} /> : null}
        <div className="field-grid">
          {FIELDS.map((field) => (
            <FormField key={field.key} id={field.id} label={field.label} error={errors[field.key]?.message}>
              {(control) => (
                <input {...control} type={field.key === 'nationalId' ? 'password' : 'search'} autoComplete="off" maxLength={field.max} {...register(field.key)} />
              )}
            </FormField>
          ))}
        </div>
        <button type="submit" className="button button-primary">
          查詢
        </button>
      </form>
      {query ? <ResultStatus isPending={result.isPending} total={result.data?.total} /> : null}
      {result.error ? <ErrorAlert error={result.error} onRetry={() => void result.refetch()} /> : null}
      {query && result.data ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption>帳號查詢結果</caption>
            <thead>
              <tr>
                <th scope="col">帳號</th>
                <th scope="col">姓名</th>
                <th scope="col">身分證</th>
                <th scope="col">機構</th>
                <th scope="col">角色</th>
                <th scope="col">狀態</th>
                <th scope="col">E-mail</th>
                <th scope="col">申請日期</th>
                <th scope="col">最近登入</th>
              </tr>
            </thead>
            <tbody>
              {result.data.items.length === 0 ? (
                <EmptyRow columns={9} />
              ) : (
                result.data.items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row" data-label="帳號">
                      {item.accountName}
                    </th>
                    <td data-label="姓名">{item.name}</td>
                    <td data-label="身分證">{item.nationalIdMasked}</td>
                    <td data-label="機構">{item.institution ? `${item.institution.code} ${item.institution.name}` : '—'}</td>
                    <td data-label="角色">
                      {item.roleLabel}
                      {item.managedSubsystems.length > 0 ? `（${item.managedSubsystems.map((s) => s.name).join('、')}）` : ''}
                    </td>
                    <td data-label="狀態">{item.statusLabel}</td>
                    <td data-label="E-mail">{item.email}</td>
                    <td data-label="申請日期">{formatTaipeiDate(item.createdAt)}</td>
                    <td data-label="最近登入">{item.lastLoginAt ? formatTaipeiDate(item.lastLoginAt) : '—'}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      ) : null}
      {query && result.data ? <Pagination page={result.data.page} pageSize={result.data.pageSize} total={result.data.total} label="查詢結果分頁" /> : null}
    </Page>
  );
}
