import type { ReactNode } from 'react';
import { useForm, type FieldErrors, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { sharedSchemaResolver } from '../../lib/form-resolver';
import { ErrorSummary, summaryItems } from './error-summary';
import { FormField } from './form-field';
import './back-office.css';

export interface FilterField<K extends string> {
  key: K;
  label: string;
  type: 'search' | 'date' | 'password' | 'select';
  hint?: string;
  maxLength?: number;
  /** A select's choices. */
  options?: readonly { value: string; label: string }[];
  /** A select's first, empty choice (e.g. 全部); none when omitted. */
  anyLabel?: string;
}

type FilterValues<K extends string> = Record<K, string>;

/** The id of a filter's control: `${idPrefix}-${key}`. */
export const filterFieldId = (idPrefix: string, key: string) => `${idPrefix}-${key}`;

/**
 * The filters' form state, checked with the API's own query schema (blank means "not given"):
 * `initial` gives each field's starting text, e.g. from the address bar.
 */
export function useFilterForm<K extends string, Output>(
  schema: z.ZodType<Output>,
  keys: readonly K[],
  initial: (key: K) => string,
  toInput?: (values: FilterValues<K>) => unknown,
): UseFormReturn<FilterValues<K>, unknown, Output> {
  return useForm<FilterValues<K>, unknown, Output>({
    defaultValues: Object.fromEntries(keys.map((key) => [key, initial(key)])) as FieldValues as never,
    resolver: sharedSchemaResolver(schema, toInput),
  });
}

/** The non-blank text filters as a query string (page 1: a new search starts from the top). */
export function filterSearchParams<K extends string>(values: Partial<Record<K, unknown>>, keys: readonly K[]): URLSearchParams {
  const next = new URLSearchParams();
  for (const key of keys) {
    const value = values[key];
    if (typeof value === 'string' && value !== '') next.set(key, value);
  }
  return next;
}

interface FilterFormProps<K extends string, Output> {
  /** Names the search landmark, e.g. 稽核紀錄查詢條件. */
  label: string;
  idPrefix: string;
  fields: readonly FilterField<K>[];
  form: UseFormReturn<FilterValues<K>, unknown, Output>;
  onSearch: (values: Output) => void;
  summaryTitle?: string;
  /** Buttons after 查詢, e.g. 匯出 CSV. */
  actions?: ReactNode;
}

/**
 * A back-office list's filters: labelled fields in a grid, an error summary linked to them, 查詢.
 * Every filter, a select too, applies on 查詢 only: changing a field never moves the page.
 */
export function FilterForm<K extends string, Output>({
  label,
  idPrefix,
  fields,
  form,
  onSearch,
  summaryTitle = '查詢條件有誤，請修正以下欄位',
  actions,
}: FilterFormProps<K, Output>) {
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitted },
  } = form;
  const errorOf = (key: K) => (errors as FieldErrors<FieldValues>)[key]?.message as string | undefined;
  const summary = summaryItems(
    errors as FieldErrors<FieldValues>,
    fields.map(({ key, label: fieldLabel }) => ({ key, id: filterFieldId(idPrefix, key), label: fieldLabel })),
  );

  return (
    <form role="search" aria-label={label} className="filter-form" noValidate onSubmit={handleSubmit(onSearch)}>
      {isSubmitted && summary.length > 0 ? <ErrorSummary title={summaryTitle} items={summary} /> : null}
      <div className="field-grid">
        {fields.map((field) => {
          const name = field.key as unknown as Path<FilterValues<K>>;
          return (
            <FormField key={field.key} id={filterFieldId(idPrefix, field.key)} label={field.label} hint={field.hint} error={errorOf(field.key)}>
              {(control) =>
                field.type === 'select' ? (
                  <select {...control} {...register(name)}>
                    {field.anyLabel === undefined ? null : <option value="">{field.anyLabel}</option>}
                    {field.options?.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input {...control} type={field.type} autoComplete="off" maxLength={field.maxLength} {...register(name)} />
                )
              }
            </FormField>
          );
        })}
      </div>
      <div className="form-buttons">
        <button type="submit" className="button button-primary">
          查詢
        </button>
        {actions}
      </div>
    </form>
  );
}

/** A select's choices from a list of values and their labels. */
export function optionsOf<V extends string>(values: readonly V[], labelOf: (value: V) => string = (value) => value) {
  return values.map((value) => ({ value, label: labelOf(value) }));
}
