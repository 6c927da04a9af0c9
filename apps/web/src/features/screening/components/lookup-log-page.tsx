import { LOOKUP_PURPOSE_LABELS, LOOKUP_PURPOSES, ScreeningLookupLogQuerySchema, type ScreeningLookupLogQuery } from '@portal/shared';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { EmptyRow } from '../../../components/ui/empty-row';
import { ErrorSummary, type SummaryItem } from '../../../components/ui/error-summary';
import { FormField } from '../../../components/ui/form-field';
import { KeysetPager, useKeysetCursors } from '../../../components/ui/keyset-pager';
import { Page } from '../../../components/ui/page';
import { ErrorAlert } from '../../../components/ui/query-feedback';
import { sharedSchemaResolver } from '../../../lib/form-resolver';
import { formatTaipeiDateTime } from '../../../lib/format';
import { useLookupLog, type LookupLogScope } from '../api/lookup-log';
import '../../../components/ui/back-office.css';
import '../screening.css';

type FilterKey = 'account' | 'institutionCode' | 'nationalId' | 'purpose' | 'from' | 'to';
type Filter = Omit<ScreeningLookupLogQuery, 'cursor' | 'limit'>;

const FIELDS: { key: FilterKey; label: string; type: 'search' | 'date' | 'select'; staffOnly?: boolean; hint?: string }[] = [
  { key: 'account', label: '查詢者帳號', type: 'search' },
  { key: 'institutionCode', label: '機構代碼', type: 'search', staffOnly: true },
  { key: 'nationalId', label: '被查詢者身分證字號', type: 'search', hint: '只比對雜湊值：紀錄中不存身分證字號。' },
  { key: 'purpose', label: '查詢目的', type: 'select' },
  { key: 'from', label: '日期（起）', type: 'date' },
  { key: 'to', label: '日期（迄）', type: 'date' },
];
const idOf = (key: FilterKey) => `lookup-log-${key}`;
const FilterSchema = ScreeningLookupLogQuerySchema;


function filterFrom(searchParams: URLSearchParams, nationalId: string | undefined): Filter {
  const parsed = FilterSchema.safeParse(Object.fromEntries(searchParams));
  if (!parsed.success) return {};
  const { cursor: _cursor, limit: _limit, ...filter } = parsed.data;
  return { ...filter, nationalId };
}

const TITLES: Record<LookupLogScope, { title: string; lead: string }> = {
  all: { title: '篩檢結果查詢紀錄', lead: '每一次篩檢結果查詢的查詢者、對象（身分證雜湊值）、目的、時間與來源（由新到舊）。' },
  institution: { title: '本機構篩檢查詢紀錄', lead: '貴機構帳號查詢民眾篩檢結果的紀錄（由新到舊）。' },
};

/** The lookup log: everyone's for 系統人員 (稽核紀錄), the own institution's for 單位業務管理者. */
export function LookupLogPage({ scope }: { scope: LookupLogScope }) {
  const [searchParams, setSearchParams] = useSearchParams();
  // The 身分證 filter lives in memory only, never in the address bar.
  const [nationalId, setNationalId] = useState<string | undefined>(undefined);
  const filter = filterFrom(searchParams, nationalId);
  const pager = useKeysetCursors();
  const result = useLookupLog(scope, filter, pager.cursor);
  const fields = FIELDS.filter((field) => scope === 'all' || !field.staffOnly);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitted },
  } = useForm<Record<FilterKey, string>, unknown, z.output<typeof FilterSchema>>({
    defaultValues: Object.fromEntries(FIELDS.map(({ key }) => [key, key === 'nationalId' ? '' : (searchParams.get(key) ?? '')])) as Record<FilterKey, string>,
    resolver: sharedSchemaResolver(FilterSchema),
  });
  const search = (values: z.output<typeof FilterSchema>) => {
    const next = new URLSearchParams();
    for (const { key } of fields) {
      const value = values[key];
      if (key !== 'nationalId' && typeof value === 'string' && value) next.set(key, value);
    }
    setNationalId(values.nationalId);
    pager.reset();
    setSearchParams(next);
  };
  const summary: SummaryItem[] = fields.flatMap(({ key, label }) => {
    const message = errors[key]?.message;
    return message ? [{ fieldId: idOf(key), label, message }] : [];
  });
  const items = result.data?.items ?? [];
  const { pageNumber } = pager;
  const { title, lead } = TITLES[scope];

  return (
    <Page title={title} lead={lead}>
      <form role="search" aria-label={`${title}查詢條件`} className="filter-form" noValidate onSubmit={handleSubmit(search)}>
        {isSubmitted && summary.length > 0 ? <ErrorSummary title="查詢條件有誤，請修正以下欄位" items={summary} /> : null}
        <div className="field-grid">
          {fields.map((field) => (
            <FormField key={field.key} id={idOf(field.key)} label={field.label} hint={field.hint} error={errors[field.key]?.message}>
              {(control) =>
                field.type === 'select' ? (
                  <select {...control} {...register(field.key)}>
                    <option value="">全部</option>
                    {LOOKUP_PURPOSES.map((purpose) => (
                      <option key={purpose} value={purpose}>
                        {LOOKUP_PURPOSE_LABELS[purpose]}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input {...control} type={field.type} autoComplete="off" maxLength={30} {...register(field.key)} />
                )
              }
            </FormField>
          ))}
        </div>
        <div className="form-buttons">
          <button type="submit" className="button button-primary">
            查詢
          </button>
        </div>
      </form>

      <p role="status" className="result-status">
        {result.isPending ? '資料載入中…' : `第 ${pageNumber} 頁，本頁 ${items.length} 筆`}
      </p>
      {result.error ? <ErrorAlert error={result.error} onRetry={() => void result.refetch()} /> : null}
      {result.data ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption>
              {title}（第 {pageNumber} 頁）
            </caption>
            <thead>
              <tr>
                <th scope="col">時間</th>
                <th scope="col">查詢者</th>
                <th scope="col">機構</th>
                <th scope="col">對象（身分證雜湊值）</th>
                <th scope="col">目的</th>
                <th scope="col">結果</th>
                <th scope="col">IP</th>
              </tr>
            </thead>
            <tbody>
              {items.length === 0 ? (
                <EmptyRow columns={7} />
              ) : (
                items.map((entry) => (
                  <tr key={entry.id}>
                    <th scope="row" data-label="時間">
                      <time dateTime={entry.at}>{formatTaipeiDateTime(entry.at)}</time>
                    </th>
                    <td data-label="查詢者">{entry.account ? `${entry.account.accountName}（${entry.account.name}）` : `子系統 ${entry.subsystemCode ?? ''}`}</td>
                    <td data-label="機構">{entry.institution ? `${entry.institution.name}（${entry.institution.code}）` : '—'}</td>
                    <td data-label="對象（身分證雜湊值）" className="person-hash" title={entry.personHash}>
                      {entry.personHash.slice(0, 16)}…
                    </td>
                    <td data-label="目的">{entry.purposeLabel}</td>
                    <td data-label="結果">{entry.outcomeLabel}</td>
                    <td data-label="IP">{entry.ip ?? '—'}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      ) : null}
      <KeysetPager label={`${title}分頁`} pager={pager} nextCursor={result.data?.nextCursor} busy={result.isPlaceholderData} />
    </Page>
  );
}

export const StaffLookupLogPage = () => <LookupLogPage scope="all" />;
export const InstitutionLookupLogPage = () => <LookupLogPage scope="institution" />;
