import { StaffAccountQuerySchema, BACK_OFFICE_MESSAGES, type StaffAccountQuery, type StaffAccount } from '@portal/shared';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { DataTable, type Column } from '../../../components/ui/data-table';
import { FilterForm, useFilterForm, type FilterField } from '../../../components/ui/filter-form';
import { Page } from '../../../components/ui/page';
import { Pagination } from '../../../components/ui/pagination';
import { ListStatus, useResultsFocus } from '../../../components/ui/query-feedback';
import { formatTaipeiDate, pageFromParam } from '../../../lib/format';
import { blankToUndefined } from '../../../lib/form-resolver';
import { useStaffAccounts } from '../api/staff';

type Key = 'accountName' | 'name' | 'institutionCode' | 'nationalId';
const FIELDS: readonly FilterField<Key>[] = [
  { key: 'accountName', label: '帳號', type: 'search', maxLength: 30 },
  { key: 'name', label: '姓名', type: 'search', maxLength: 50 },
  { key: 'institutionCode', label: '機構代碼', type: 'search', maxLength: 10 },
  // Typed like a password: a 身分證 is not shown on screen nor kept by the browser.
  { key: 'nationalId', label: '身分證', type: 'password', maxLength: 10 },
];
const KEYS = FIELDS.map(({ key }) => key);
type Output = z.output<typeof StaffAccountQuerySchema>;

const COLUMNS: readonly Column<StaffAccount>[] = [
  { label: '帳號', rowHeader: true, cell: (item) => item.accountName },
  { label: '姓名', cell: (item) => item.name },
  { label: '身分證', cell: (item) => item.nationalIdMasked },
  { label: '機構', cell: (item) => (item.institution ? `${item.institution.code} ${item.institution.name}` : '—') },
  {
    label: '角色',
    cell: (item) => `${item.roleLabel}${item.managedSubsystems.length > 0 ? `（${item.managedSubsystems.map((s) => s.name).join('、')}）` : ''}`,
  },
  { label: '狀態', cell: (item) => item.statusLabel },
  { label: 'E-mail', cell: (item) => item.email },
  { label: '申請日期', cell: (item) => formatTaipeiDate(item.createdAt) },
  { label: '最近登入', cell: (item) => (item.lastLoginAt ? formatTaipeiDate(item.lastLoginAt) : '—') },
];

/** 帳號查詢 by 帳號, 姓名, 機構 or 身分證 (at least one); 身分證 only ever shown masked. */
export function AccountSearchPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  // Criteria stay in memory, not in the URL: a 身分證 must not end up in history or logs.
  const [criteria, setCriteria] = useState<StaffAccountQuery | null>(null);
  const query = criteria ? { ...criteria, page: pageFromParam(searchParams.get('page')) } : null;
  const result = useStaffAccounts(query);
  const { ref: resultsRef, searched } = useResultsFocus();
  const form = useFilterForm(StaffAccountQuerySchema, KEYS, () => '', (values) =>
    blankToUndefined({ ...values, nationalId: values.nationalId.toUpperCase() }),
  );
  const search = (values: Output) => {
    if (!KEYS.some((key) => values[key])) {
      form.setError('accountName', { message: BACK_OFFICE_MESSAGES.searchCriteriaRequired });
      return;
    }
    const { accountName, name, institutionCode, nationalId } = values;
    setCriteria({ accountName, name, institutionCode, nationalId });
    setSearchParams({});
    searched();
  };

  return (
    <Page title="帳號查詢" lead="輸入至少一項查詢條件。身分證僅以遮罩顯示。">
      <FilterForm label="帳號查詢條件" idPrefix="account-search" fields={FIELDS} form={form} onSearch={search} summaryTitle="查詢條件有誤" />
      {query ? <ListStatus ref={resultsRef} list={result} /> : null}
      {query && result.data ? <DataTable caption="帳號查詢結果" columns={COLUMNS} items={result.data.items} rowKey={(item) => item.id} /> : null}
      {query ? <Pagination of={result.data} label="查詢結果分頁" /> : null}
    </Page>
  );
}
