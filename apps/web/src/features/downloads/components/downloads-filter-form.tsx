import { zodResolver } from '@hookform/resolvers/zod';
import { DownloadQuerySchema } from '@portal/shared';
import { Fragment, useEffect } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { OptionList } from '../../../components/ui/option-list';

/** The API's own query schema (trimmed, length-limited), minus paging. */
const DownloadFilterSchema = DownloadQuerySchema.pick({ system: true, category: true, keyword: true });
type DownloadFilterInput = z.input<typeof DownloadFilterSchema>;
export type DownloadFilter = z.output<typeof DownloadFilterSchema>;

interface DownloadsFilterFormProps {
  values: { system: string; category: string; keyword: string };
  systems: string[];
  categories: string[];
  onSubmit: (filter: DownloadFilter) => void;
}

/** Keeps a value from the URL selectable even when the API no longer lists it. */
const withCurrent = (options: string[], current: string) =>
  current && !options.includes(current) ? [...options, current] : options;

export function DownloadsFilterForm({ values, systems, categories, onSubmit }: DownloadsFilterFormProps) {
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<DownloadFilterInput, unknown, DownloadFilter>({
    resolver: zodResolver(DownloadFilterSchema),
    defaultValues: values,
  });

  // Back/forward changes the URL: show the filters that produced the table.
  const { system, category, keyword } = values;
  useEffect(() => {
    reset({ system, category, keyword });
  }, [reset, system, category, keyword]);

  const keywordError = errors.keyword?.message;

  return (
    <form className="filter-form" role="search" aria-label="下載專區查詢" noValidate onSubmit={handleSubmit(onSubmit)}>
      <fieldset className="filter-group">
        <legend>分類查詢：</legend>
        {(
          [
            ['system', '所屬系統', '請選擇系統', systems],
            ['category', '所屬分類', '請選擇分類', categories],
          ] as const
        ).map(([name, label, placeholder, options]) => (
          <Fragment key={name}>
            <label htmlFor={`download-${name}`} className="visually-hidden">
              {label}
            </label>
            <select id={`download-${name}`} {...register(name)}>
              <option value="">{placeholder}</option>
              <OptionList values={withCurrent(options, values[name])} />
            </select>
          </Fragment>
        ))}
      </fieldset>
      <div className="filter-group">
        <label htmlFor="download-keyword">輸入關鍵字：</label>
        <input
          id="download-keyword"
          type="search"
          placeholder="請輸入要查詢的關鍵字"
          aria-invalid={keywordError ? true : undefined}
          aria-describedby={keywordError ? 'download-keyword-error' : undefined}
          {...register('keyword')}
        />
        <button type="submit" className="button button-primary">
          查詢
        </button>
      </div>
      {keywordError ? (
        <p id="download-keyword-error" className="field-error" role="alert">
          {keywordError}
        </p>
      ) : null}
    </form>
  );
}
