import {
  LOOKUP_PURPOSE_LABELS,
  LOOKUP_PURPOSES,
  ScreeningLookupLogQuerySchema,
  type ScreeningLookupLogEntry,
  type ScreeningLookupLogQuery,
} from '@portal/shared';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { DataTable, type Column } from '../../../components/ui/data-table';
import { FilterForm, filterSearchParams, optionsOf, useFilterForm, type FilterField } from '../../../components/ui/filter-form';
import { KeysetPager, keysetPageStatus, useKeysetCursors } from '../../../components/ui/keyset-pager';
import { Page } from '../../../components/ui/page';
import { ListStatus, useResultsFocus } from '../../../components/ui/query-feedback';
import { formatTaipeiDateTime } from '../../../lib/format';
import { useLookupLog, type LookupLogScope } from '../api/lookup-log';
import '../screening.css';

type FilterKey = 'account' | 'institutionCode' | 'nationalId' | 'purpose' | 'from' | 'to';
type Filter = Omit<ScreeningLookupLogQuery, 'cursor' | 'limit'>;
const FilterSchema = ScreeningLookupLogQuerySchema;

const FIELDS: readonly (FilterField<FilterKey> & { staffOnly?: boolean })[] = [
  { key: 'account', label: '查詢者帳號', type: 'search', maxLength: 30 },
  { key: 'institutionCode', label: '機構代碼', type: 'search', maxLength: 30, staffOnly: true },
  { key: 'nationalId', label: '被查詢者身分證字號', type: 'search', maxLength: 30, hint: '只比對雜湊值：紀錄中不存身分證字號。' },
  { key: 'purpose', label: '查詢目的', type: 'select', anyLabel: '全部', options: optionsOf(LOOKUP_PURPOSES, (purpose) => LOOKUP_PURPOSE_LABELS[purpose]) },
  { key: 'from', label: '日期（起）', type: 'date' },
  { key: 'to', label: '日期（迄）', type: 'date' },
];
const KEYS = FIELDS.map(({ key }) => key);
// The 身分證 filter lives in memory only, never in the address bar.
const URL_KEYS = KEYS.filter((key) => key !== 'nationalId');

const COLUMNS: readonly Column<ScreeningLookupLogEntry>[] = [
  { label: '時間', rowHeader: true, cell: (entry) => <time dateTime={entry.at}>{formatTaipeiDateTime(entry.at)}</time> },
  { label: '查詢者', cell: (entry) => (entry.account ? `${entry.account.accountName}（${entry.account.name}）` : `子系統 ${entry.subsystemCode ?? ''}`) },
  { label: '機構', cell: (entry) => (entry.institution ? `${entry.institution.name}（${entry.institution.code}）` : '—') },
  { label: '對象（身分證雜湊值）', className: 'person-hash', cell: (entry) => <span title={entry.personHash}>{entry.personHash.slice(0, 16)}…</span> },
  { label: '目的', cell: (entry) => entry.purposeLabel },
  { label: '結果', cell: (entry) => entry.outcomeLabel },
  { label: 'IP', cell: (entry) => entry.ip ?? '—' },
];

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
  const [nationalId, setNationalId] = useState<string | undefined>(undefined);
  const filter = filterFrom(searchParams, nationalId);
  const pager = useKeysetCursors();
  const result = useLookupLog(scope, filter, pager.cursor);
  const { ref: resultsRef, searched } = useResultsFocus();
  const fields = FIELDS.filter((field) => scope === 'all' || !field.staffOnly);
  const form = useFilterForm(FilterSchema, KEYS, (key) => (key === 'nationalId' ? '' : (searchParams.get(key) ?? '')));
  const search = (values: z.output<typeof FilterSchema>) => {
    setNationalId(values.nationalId);
    pager.reset();
    setSearchParams(filterSearchParams(values, URL_KEYS.filter((key) => fields.some((field) => field.key === key))));
    searched();
  };
  const { pageNumber } = pager;
  const { title, lead } = TITLES[scope];

  return (
    <Page title={title} lead={lead}>
      <FilterForm label={`${title}查詢條件`} idPrefix="lookup-log" fields={fields} form={form} onSearch={search} />
      <ListStatus ref={resultsRef} list={result} text={keysetPageStatus(pageNumber, result.data?.items)} />
      {result.data ? <DataTable caption={`${title}（第 ${pageNumber} 頁）`} columns={COLUMNS} items={result.data.items} rowKey={(entry) => entry.id} /> : null}
      <KeysetPager label={`${title}分頁`} pager={pager} nextCursor={result.data?.nextCursor} busy={result.isPlaceholderData} />
    </Page>
  );
}

export const StaffLookupLogPage = () => <LookupLogPage scope="all" />;
export const InstitutionLookupLogPage = () => <LookupLogPage scope="institution" />;
