import { PASSWORD_POLICY_TEXT } from '@portal/shared';
import type { UseFormRegisterReturn } from 'react-hook-form';
import type { PasswordStrength } from '../../lib/password-strength/use-password-strength';
import { PasswordStrengthMeter } from './password-strength-meter';
import { TextField } from './text-field';

interface NewPasswordFieldProps {
  id: string;
  label: string;
  password: string;
  strength: PasswordStrength;
  registration: UseFormRegisterReturn;
  error?: string | undefined;
  /** text while 顯示密碼 is on. */
  type?: 'password' | 'text';
}

/** A new password with the live strength meter (弱 / 中 / 強), the policy and what is still missing. */
export function NewPasswordField({ id, label, password, strength, registration, error, type = 'password' }: NewPasswordFieldProps) {
  return (
    <TextField
      id={id}
      label={label}
      required
      type={type}
      autoComplete="new-password"
      error={error}
      registration={registration}
      onFocus={strength.prepare}
      describedBy={[`${id}-policy`, `${id}-strength`]}
    >
      <PasswordStrengthMeter
        id={`${id}-strength`}
        verdict={strength.verdict}
        evaluatedLength={strength.evaluatedLength}
        pending={strength.pending}
      />
      <p id={`${id}-policy`} className="field-hint">
        {PASSWORD_POLICY_TEXT}
      </p>
      {password ? (
        strength.unmet.length > 0 ? (
          <div className="password-unmet">
            <p id={`${id}-unmet-title`}>尚未符合：</p>
            <ul aria-labelledby={`${id}-unmet-title`}>
              {strength.unmet.map((rule) => (
                <li key={rule.code}>{rule.message}</li>
              ))}
            </ul>
          </div>
        ) : strength.pending ? null : (
          <p className="password-ok">密碼符合規則</p>
        )
      ) : null}
    </TextField>
  );
}
