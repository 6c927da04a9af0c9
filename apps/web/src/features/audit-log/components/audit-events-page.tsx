import { auditActionLabel, auditEntityTypeLabel, AuditEventFilterSchema, type AuditEventFilter } from '@portal/shared';
import { useForm } from 'react-hook-form';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { ErrorSummary, type SummaryItem } from '../../../components/ui/error-summary';
import { FormField } from '../../../components/ui/form-field';
import { KeysetPager, useKeysetCursors } from '../../../components/ui/keyset-pager';
import { Page } from '../../../components/ui/page';
import { ErrorAlert } from '../../../components/ui/query-feedback';
import { sharedSchemaResolver } from '../../../lib/form-resolver';
import { managePaths } from '../../../lib/manage-links';
import { formatTaipeiDateTime } from '../../../lib/format';
import { auditCsvHref, useSearchAuditEvents } from '../api/search-audit-events';
import '../../../components/ui/back-office.css';
import { EmptyRow } from '../../../components/ui/empty-row';

const FILTERS = [
  { key: 'actor', label: '操作者帳號', type: 'search' },
  { key: 'action', label: '動作', type: 'search', hint: '完整名稱，或以「.」結尾的前綴，例如 subsystem-access.' },
  { key: 'entityType', label: '對象類型', type: 'search' },
  { key: 'entityId', label: '對象 ID', type: 'search' },
  { key: 'ip', label: 'IP', type: 'search' },
  { key: 'from', label: '日期（起）', type: 'date' },
  { key: 'to', label: '日期（迄）', type: 'date' },
] as const;
type FilterKey = (typeof FILTERS)[number]['key'];
type FilterValues = Record<FilterKey, string>;
const idOf = (key: FilterKey) => `audit-filter-${key}`;


function filterFrom(searchParams: URLSearchParams): AuditEventFilter {
  const parsed = AuditEventFilterSchema.safeParse(Object.fromEntries(searchParams));
  return parsed.success ? parsed.data : {};
}

/** 稽核紀錄: search with filters, keyset 下一頁, and the CSV export of the same filters. */
export function AuditEventsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = filterFrom(searchParams);
  const pager = useKeysetCursors();
  const result = useSearchAuditEvents(filter, pager.cursor);

  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitted },
  } = useForm<FilterValues, unknown, z.output<typeof AuditEventFilterSchema>>({
    defaultValues: Object.fromEntries(FILTERS.map(({ key }) => [key, searchParams.get(key) ?? ''])) as FilterValues,
    resolver: sharedSchemaResolver(AuditEventFilterSchema),
  });
  const search = (values: z.output<typeof AuditEventFilterSchema>) => {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(values)) if (typeof value === 'string' && value) next.set(key, value);
    pager.reset();
    setSearchParams(next);
  };
  const summary: SummaryItem[] = FILTERS.flatMap(({ key, label }) => {
    const message = errors[key]?.message;
    return message ? [{ fieldId: idOf(key), label, message }] : [];
  });

  const items = result.data?.items ?? [];
  const { pageNumber } = pager;

  return (
    <Page
      title="稽核紀錄"
      lead={
        <>
          每一次狀態變更都會留下稽核紀錄（由新到舊）。篩檢結果的每一次查詢另記於「<Link to={managePaths.screeningLookups}>篩檢結果查詢紀錄</Link>」。
        </>
      }
    >
      <form role="search" aria-label="稽核紀錄查詢條件" className="filter-form" noValidate onSubmit={handleSubmit(search)}>
        {isSubmitted && summary.length > 0 ? <ErrorSummary title="查詢條件有誤，請修正以下欄位" items={summary} /> : null}
        <div className="field-grid">
          {FILTERS.map((field) => (
            <FormField key={field.key} id={idOf(field.key)} label={field.label} hint={'hint' in field ? field.hint : undefined} error={errors[field.key]?.message}>
              {(control) => <input {...control} type={field.type} maxLength={60} {...register(field.key)} />}
            </FormField>
          ))}
        </div>
        <div className="form-buttons">
          <button type="submit" className="button button-primary">
            查詢
          </button>
          <a className="button button-secondary" href={auditCsvHref(filter)} download>
            匯出 CSV
          </a>
        </div>
      </form>

      <p role="status" className="result-status">
        {result.isPending ? '資料載入中…' : `第 ${pageNumber} 頁，本頁 ${items.length} 筆`}
      </p>
      {result.error ? <ErrorAlert error={result.error} onRetry={() => void result.refetch()} /> : null}
      {result.data ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption>稽核紀錄（第 {pageNumber} 頁）</caption>
            <thead>
              <tr>
                <th scope="col">時間</th>
                <th scope="col">操作者</th>
                <th scope="col">動作</th>
                <th scope="col">對象類型</th>
                <th scope="col">對象 ID</th>
                <th scope="col">IP</th>
              </tr>
            </thead>
            <tbody>
              {items.length === 0 ? (
                <EmptyRow columns={6} />
              ) : (
                items.map((event) => (
                  <tr key={event.id}>
                    <th scope="row" data-label="時間">
                      <time dateTime={event.at}>{formatTaipeiDateTime(event.at)}</time>
                    </th>
                    <td data-label="操作者">{event.actorAccountName ?? event.actorLabel ?? '—'}</td>
                    <td data-label="動作">
                      {auditActionLabel(event.action)}
                      {auditActionLabel(event.action) === event.action ? null : <span className="audit-code">{event.action}</span>}
                    </td>
                    <td data-label="對象類型">{auditEntityTypeLabel(event.entityType)}</td>
                    <td data-label="對象 ID">{event.entityId ?? '—'}</td>
                    <td data-label="IP">{event.ip ?? '—'}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      ) : null}
      <KeysetPager label="稽核紀錄分頁" pager={pager} nextCursor={result.data?.nextCursor} busy={result.isPlaceholderData} />
    </Page>
  );
}
