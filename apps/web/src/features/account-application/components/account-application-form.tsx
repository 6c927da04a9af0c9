import { useEffect, useRef } from 'react';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { InstitutionSection } from './institution-section';
import { PersonalSection } from './personal-section';
import { SubsystemsSection } from './subsystems-section';
import { useApplicationForm, type OnSubmitted } from './use-application-form';

export function AccountApplicationForm({
  onSubmitted,
}: {
  /** `credentials`: for the verification step that follows (kept in memory only). */
  onSubmitted: OnSubmitted;
}) {
  const state = useApplicationForm(onSubmitted);
  const { summary } = state;
  // The error summary takes focus after each failed submit, and links to each field. After it is
  // rendered: on the first failed submit the errors arrive a render after the count. Once per
  // submit: while the fields are corrected they are checked again as one types, and the summary
  // reappearing must not take focus from the field being typed in.
  const summaryRef = useRef<HTMLDivElement>(null);
  const focusedForSubmit = useRef(0);
  useEffect(() => {
    if (!summary.shown || focusedForSubmit.current === summary.failedSubmits) return;
    focusedForSubmit.current = summary.failedSubmits;
    summaryRef.current?.focus();
  }, [summary.failedSubmits, summary.shown]);

  return (
    <form className="application-form" aria-labelledby="apply-form-title" noValidate onSubmit={state.onSubmit}>
      <h2 id="apply-form-title">填寫資料送出</h2>
      {summary.shown ? <ErrorSummary ref={summaryRef} title={summary.title} items={summary.items} /> : null}
      <InstitutionSection state={state} />
      <PersonalSection state={state} />
      <SubsystemsSection state={state} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={state.form.formState.isSubmitting}>
          送出申請
        </button>
      </div>
    </form>
  );
}
