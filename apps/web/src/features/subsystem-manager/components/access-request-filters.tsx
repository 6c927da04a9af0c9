import { accessStatusLabels, ACCESS_STATUSES, AccessRequestQuerySchema, CITIES, type SubsystemRef } from '@portal/shared';
import type { z } from 'zod';
import { useSearchParams } from 'react-router';
import { FilterForm, filterSearchParams, optionsOf, useFilterForm, type FilterField } from '../../../components/ui/filter-form';

type FilterKey = 'institution' | 'city' | 'from' | 'to' | 'subsystem' | 'status' | 'q';
const KEYS: readonly FilterKey[] = ['institution', 'city', 'from', 'to', 'subsystem', 'status', 'q'];
// The queue opens on the requests awaiting a decision; that default is left out of the address.
const DEFAULT_STATUS = 'PENDING';

function filterFields(subsystems: SubsystemRef[]): FilterField<FilterKey>[] {
  return [
    { key: 'institution', label: '機構（代碼或名稱）', type: 'search', maxLength: 50 },
    { key: 'city', label: '縣市', type: 'select', anyLabel: '全部', options: optionsOf(CITIES) },
    { key: 'from', label: '申請日期（起）', type: 'date' },
    { key: 'to', label: '申請日期（迄）', type: 'date' },
    {
      key: 'subsystem',
      label: '子系統',
      type: 'select',
      anyLabel: '全部（我管理的子系統）',
      options: subsystems.map((subsystem) => ({ value: subsystem.code, label: subsystem.name })),
    },
    { key: 'status', label: '狀態', type: 'select', options: optionsOf(ACCESS_STATUSES, (status) => accessStatusLabels[status]) },
    { key: 'q', label: '帳號或姓名', type: 'search', maxLength: 50 },
  ];
}

/** The queue's filters, checked with the API's own query schema, kept in the URL. */
export function AccessRequestFilters({ subsystems, onSearch }: { subsystems: SubsystemRef[]; onSearch: () => void }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const form = useFilterForm(AccessRequestQuerySchema, KEYS, (key) => searchParams.get(key) ?? (key === 'status' ? DEFAULT_STATUS : ''));
  const apply = (query: z.output<typeof AccessRequestQuerySchema>) => {
    setSearchParams(filterSearchParams({ ...query, status: query.status === DEFAULT_STATUS ? undefined : query.status }, KEYS));
    onSearch();
  };
  return <FilterForm label="申請查詢條件" idPrefix="access-filter" fields={filterFields(subsystems)} form={form} onSearch={apply} />;
}
