import { APPLICANT_ROLE_LABELS, APPLICANT_ROLES, GENERAL_USER_REQUIRES_MANAGER_MESSAGE } from '@portal/shared';
import { FIELD_IDS, type ApplicationFormState } from './use-application-form';
import { InstitutionPicker } from './institution-picker';

/** 請選擇單位, and the role, whose 一般使用者 choice depends on that institution having a manager. */
export function InstitutionSection({ state }: { state: ApplicationFormState }) {
  const { field, code, lookup, found, pick, generalUserDecision } = state.institution;
  const { register } = state.form;
  const institutionError = state.fieldError('institutionCode');
  const roleError = state.fieldError('role');
  const institutionErrorId = `${FIELD_IDS.institutionCode}-error`;

  return (
    <section className="form-section" aria-labelledby="apply-section-institution">
      <h3 id="apply-section-institution">請選擇單位</h3>
      <div className="field">
        <label htmlFor={FIELD_IDS.institutionCode}>
          <span className="required-mark">(必填)</span>請選擇單位：
        </label>
        <InstitutionPicker
          id={FIELD_IDS.institutionCode}
          value={field.value ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          inputRef={field.ref}
          onPick={pick}
          institution={found}
          lookupPending={code !== undefined && lookup.isPending}
          lookupMessage={code !== undefined && lookup.isError ? lookup.error.message : null}
          errorId={institutionError ? institutionErrorId : undefined}
          invalid={Boolean(institutionError)}
        />
        {institutionError ? (
          <p id={institutionErrorId} className="field-error">
            {institutionError}
          </p>
        ) : null}
      </div>

      <fieldset
        className="field role-field"
        // The API's refusal of the role rule repeats the reminder word for word: read it once.
        aria-describedby={['apply-role-reminder', roleError && roleError !== GENERAL_USER_REQUIRES_MANAGER_MESSAGE ? 'apply-role-error' : ''].filter(Boolean).join(' ')}
      >
        <legend>
          <span className="required-mark">(必填)</span>請選擇使用者角色別：
        </legend>
        <div className="role-options">
          {APPLICANT_ROLES.map((role) => {
            const allowed = role === 'GENERAL_USER' ? generalUserDecision.allowed : true;
            return (
              <label key={role} className="choice">
                <input
                  id={`apply-role-${role}`}
                  type="radio"
                  value={role}
                  disabled={!allowed}
                  aria-describedby={allowed ? undefined : 'apply-role-reminder'}
                  aria-invalid={roleError ? true : undefined}
                  {...register('role')}
                />
                {APPLICANT_ROLE_LABELS[role]}
              </label>
            );
          })}
        </div>
        {/* Always there, as under the administration's role picker; stressed once it applies. */}
        <p id="apply-role-reminder" className={generalUserDecision.allowed ? 'field-hint' : 'notice'}>
          {GENERAL_USER_REQUIRES_MANAGER_MESSAGE}
        </p>
        {roleError ? (
          <p id="apply-role-error" className="field-error">
            {roleError}
          </p>
        ) : null}
      </fieldset>
    </section>
  );
}
