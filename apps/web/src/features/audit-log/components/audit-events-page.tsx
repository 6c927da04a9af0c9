import { auditActionLabel, auditEntityTypeLabel, AuditEventFilterSchema, type AuditEvent, type AuditEventFilter } from '@portal/shared';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { DataTable, type Column } from '../../../components/ui/data-table';
import { FilterForm, filterSearchParams, useFilterForm, type FilterField } from '../../../components/ui/filter-form';
import { KeysetPager, keysetPageStatus, useKeysetCursors } from '../../../components/ui/keyset-pager';
import { Page } from '../../../components/ui/page';
import { ListStatus, useResultsFocus } from '../../../components/ui/query-feedback';
import { managePaths } from '../../../lib/manage-links';
import { formatTaipeiDateTime } from '../../../lib/format';
import { auditCsvHref, useSearchAuditEvents } from '../api/search-audit-events';

type FilterKey = 'actor' | 'action' | 'entityType' | 'entityId' | 'ip' | 'from' | 'to';
const FILTERS: readonly FilterField<FilterKey>[] = [
  { key: 'actor', label: '操作者帳號', type: 'search', maxLength: 60 },
  { key: 'action', label: '動作', type: 'search', maxLength: 60, hint: '完整名稱，或以「.」結尾的前綴，例如 subsystem-access.' },
  { key: 'entityType', label: '對象類型', type: 'search', maxLength: 60 },
  { key: 'entityId', label: '對象 ID', type: 'search', maxLength: 60 },
  { key: 'ip', label: 'IP', type: 'search', maxLength: 60 },
  { key: 'from', label: '日期（起）', type: 'date' },
  { key: 'to', label: '日期（迄）', type: 'date' },
];
const KEYS = FILTERS.map(({ key }) => key);

const COLUMNS: readonly Column<AuditEvent>[] = [
  { label: '時間', rowHeader: true, cell: (event) => <time dateTime={event.at}>{formatTaipeiDateTime(event.at)}</time> },
  { label: '操作者', cell: (event) => event.actorAccountName ?? event.actorLabel ?? '—' },
  {
    label: '動作',
    cell: (event) => (
      <>
        {auditActionLabel(event.action)}
        {auditActionLabel(event.action) === event.action ? null : <span className="audit-code">{event.action}</span>}
      </>
    ),
  },
  { label: '對象類型', cell: (event) => auditEntityTypeLabel(event.entityType) },
  { label: '對象 ID', cell: (event) => event.entityId ?? '—' },
  { label: 'IP', cell: (event) => event.ip ?? '—' },
];

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
  const { ref: resultsRef, searched } = useResultsFocus();
  const form = useFilterForm(AuditEventFilterSchema, KEYS, (key) => searchParams.get(key) ?? '');
  const search = (values: z.output<typeof AuditEventFilterSchema>) => {
    pager.reset();
    setSearchParams(filterSearchParams(values, KEYS));
    searched();
  };
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
      <FilterForm
        label="稽核紀錄查詢條件"
        idPrefix="audit-filter"
        fields={FILTERS}
        form={form}
        onSearch={search}
        actions={
          <a className="button button-secondary" href={auditCsvHref(filter)} download>
            匯出 CSV
          </a>
        }
      />
      <ListStatus ref={resultsRef} list={result} text={keysetPageStatus(pageNumber, result.data?.items)} />
      {result.data ? <DataTable caption={`稽核紀錄（第 ${pageNumber} 頁）`} columns={COLUMNS} items={result.data.items} rowKey={(event) => event.id} /> : null}
      <KeysetPager label="稽核紀錄分頁" pager={pager} nextCursor={result.data?.nextCursor} busy={result.isPlaceholderData} />
    </Page>
  );
}
