import { SUBSYSTEM_SELECTION_NOTES } from '@portal/shared';
import { ErrorAlert } from '../../../components/ui/query-feedback';
import { webMessages } from '../../../lib/site';
import { useSubsystems } from '../../../lib/subsystems';
import { FIELD_IDS, type ApplicationFormState } from './use-application-form';

/** 請選擇申請的子系統: the catalogue as checkboxes, under the notes on choosing. */
export function SubsystemsSection({ state }: { state: ApplicationFormState }) {
  const subsystems = useSubsystems();
  const error = state.fieldError('subsystems');

  return (
    <fieldset
      id={FIELD_IDS.subsystems}
      tabIndex={-1}
      className="form-section subsystems-field"
      aria-describedby={['apply-subsystems-notes', error ? 'apply-subsystems-error' : ''].filter(Boolean).join(' ')}
    >
      <legend>
        <h3>請選擇申請的子系統</h3>
      </legend>
      <ol id="apply-subsystems-notes" className="subsystem-notes">
        {SUBSYSTEM_SELECTION_NOTES.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ol>
      {subsystems.isPending ? <p role="status">{webMessages.loading}</p> : null}
      {subsystems.isError ? <ErrorAlert error={subsystems.error} onRetry={() => void subsystems.refetch()} /> : null}
      {subsystems.isSuccess ? (
        <ul className="subsystem-options">
          {subsystems.data.items.map((subsystem) => (
            <li key={subsystem.code}>
              <label className="choice">
                <input type="checkbox" value={subsystem.code} {...state.form.register('subsystems')} />
                {subsystem.name}
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p id="apply-subsystems-error" className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
