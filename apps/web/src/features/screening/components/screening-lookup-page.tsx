import { zodResolver } from '@hookform/resolvers/zod';
import { LOOKUP_PURPOSE_LABELS, LOOKUP_PURPOSES, ScreeningLookupRequestSchema, type ScreeningLookupRequest } from '@portal/shared';
import { useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { Page } from '../../../components/ui/page';
import { TextField } from '../../../components/ui/text-field';
import { useLookUpPerson } from '../api/look-up-person';
import { ScreeningResult } from './screening-result';
import '../screening.css';

/** 篩檢結果查詢: 身分證 + 出生日期 + 查詢目的, then the person's services and eligibility today. */
export function ScreeningLookupPage() {
  const lookup = useLookUpPerson();
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const problem = useRef<HTMLDivElement>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<ScreeningLookupRequest>({
    resolver: zodResolver(ScreeningLookupRequestSchema),
    defaultValues: { nationalId: '', birthDate: '' },
  });
  const submit = handleSubmit(async (values) => {
    await lookup.mutateAsync(values).catch(() => undefined);
  });

  // Focus lands on what the lookup produced: the result, or why there is none.
  useEffect(() => {
    if (lookup.data) resultHeading.current?.focus();
    else if (lookup.error) problem.current?.focus();
  }, [lookup.data, lookup.error]);

  return (
    <Page
      title="篩檢結果查詢"
      lead="輸入民眾的身分證字號及出生日期（兩者皆須相符），並選擇查詢目的。每一次查詢都會記錄查詢者、對象、目的、時間與來源，供稽核使用。"
    >
      <form onSubmit={(event) => void submit(event)} noValidate className="stack-form screening-form no-print" aria-label="篩檢結果查詢條件">
        <TextField id="screening-national-id" label="身分證字號" required autoComplete="off" error={errors.nationalId?.message} registration={register('nationalId')} />
        <TextField
          id="screening-birth-date"
          label="出生日期"
          type="date"
          required
          autoComplete="off"
          hint="西元年月日，例：1986-03-15"
          error={errors.birthDate?.message}
          registration={register('birthDate')}
        />
        <fieldset className="field" aria-describedby={errors.purpose ? 'screening-purpose-error' : undefined}>
          <legend>
            <span className="required-mark">(必填)</span>查詢目的
          </legend>
          <div className="choice-row">
            {LOOKUP_PURPOSES.map((purpose) => (
              <label key={purpose} className="choice">
                <input type="radio" value={purpose} aria-invalid={errors.purpose ? true : undefined} {...register('purpose')} />
                {LOOKUP_PURPOSE_LABELS[purpose]}
              </label>
            ))}
          </div>
          {errors.purpose ? (
            <p id="screening-purpose-error" className="field-error">
              {errors.purpose.message}
            </p>
          ) : null}
        </fieldset>
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          查詢
        </button>
      </form>
      {lookup.error ? (
        <div className="alert alert-error" ref={problem} tabIndex={-1}>
          <p role="alert">{lookup.error.message}</p>
        </div>
      ) : null}
      {lookup.data && !lookup.error ? <ScreeningResult ref={resultHeading} result={lookup.data} /> : null}
    </Page>
  );
}
