import { accessStatusLabels, ACCESS_STATUSES, AccessRequestQuerySchema, CITIES, type SubsystemRef } from '@portal/shared';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { useSearchParams } from 'react-router';
import { ErrorSummary, type SummaryItem } from '../../../components/ui/error-summary';
import { FormField } from '../../../components/ui/form-field';
import { sharedSchemaResolver } from '../../../lib/form-resolver';

const FILTER_KEYS = ['institution', 'city', 'from', 'to', 'subsystem', 'status', 'q'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
type FilterValues = Record<FilterKey, string>;

const LABELS: Record<FilterKey, string> = {
  institution: '機構（代碼或名稱）',
  city: '縣市',
  from: '申請日期（起）',
  to: '申請日期（迄）',
  subsystem: '子系統',
  status: '狀態',
  q: '帳號或姓名',
};
const idOf = (key: FilterKey) => `access-filter-${key}`;

/** The queue's filters, checked with the API's own query schema, kept in the URL. */
export function AccessRequestFilters({ subsystems }: { subsystems: SubsystemRef[] }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitted },
  } = useForm<FilterValues, unknown, z.output<typeof AccessRequestQuerySchema>>({
    defaultValues: Object.fromEntries(FILTER_KEYS.map((key) => [key, searchParams.get(key) ?? (key === 'status' ? 'PENDING' : '')])) as FilterValues,
    resolver: sharedSchemaResolver(AccessRequestQuerySchema),
  });

  const apply = (query: z.output<typeof AccessRequestQuerySchema>) => {
    const next = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const value = query[key];
      if (typeof value === 'string' && value !== '' && !(key === 'status' && value === 'PENDING')) next.set(key, value);
    }
    setSearchParams(next);
  };

  const summary: SummaryItem[] = FILTER_KEYS.flatMap((key) => {
    const message = errors[key]?.message;
    return message ? [{ fieldId: idOf(key), label: LABELS[key], message }] : [];
  });
  const err = (key: FilterKey) => errors[key]?.message;

  return (
    <form role="search" aria-label="申請查詢條件" className="filter-form" noValidate onSubmit={handleSubmit(apply)}>
      {isSubmitted && summary.length > 0 ? <ErrorSummary title="查詢條件有誤，請修正以下欄位" items={summary} /> : null}
      <div className="field-grid">
        <FormField id={idOf('institution')} label={LABELS.institution} error={err('institution')}>
          {(control) => <input {...control} type="search" maxLength={50} {...register('institution')} />}
        </FormField>
        <FormField id={idOf('city')} label={LABELS.city} error={err('city')}>
          {(control) => (
            <select {...control} {...register('city')}>
              <option value="">全部</option>
              {CITIES.map((city) => (
                <option key={city} value={city}>
                  {city}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id={idOf('from')} label={LABELS.from} error={err('from')}>
          {(control) => <input {...control} type="date" {...register('from')} />}
        </FormField>
        <FormField id={idOf('to')} label={LABELS.to} error={err('to')}>
          {(control) => <input {...control} type="date" {...register('to')} />}
        </FormField>
        <FormField id={idOf('subsystem')} label={LABELS.subsystem} error={err('subsystem')}>
          {(control) => (
            <select {...control} {...register('subsystem')}>
              <option value="">全部（我管理的子系統）</option>
              {subsystems.map((subsystem) => (
                <option key={subsystem.code} value={subsystem.code}>
                  {subsystem.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id={idOf('status')} label={LABELS.status} error={err('status')}>
          {(control) => (
            <select {...control} {...register('status')}>
              {ACCESS_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {accessStatusLabels[status]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id={idOf('q')} label={LABELS.q} error={err('q')}>
          {(control) => <input {...control} type="search" maxLength={50} {...register('q')} />}
        </FormField>
      </div>
      <button type="submit" className="button button-primary">
        查詢
      </button>
    </form>
  );
}
