import { PASSWORD_POLICY_TEXT, PASSWORD_STRENGTH_ADVICE } from '@portal/shared';
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
            {strength.unmet.every((rule) => rule.code === 'STRENGTH') ? <p className="field-hint">{PASSWORD_STRENGTH_ADVICE}</p> : null}
          </div>
        ) : strength.pending ? null : (
          <p className="password-ok">密碼符合規則</p>
        )
      ) : null}
    </TextField>
  );
}

interface NewPasswordPairProps {
  /** Prefix of the two inputs' ids (`${idPrefix}` and `${idPrefix}-confirm`). */
  idPrefix: string;
  password: string;
  strength: PasswordStrength;
  register: (name: 'password' | 'passwordConfirm') => UseFormRegisterReturn;
  errors: { password?: { message?: string | undefined } | undefined; passwordConfirm?: { message?: string | undefined } | undefined };
}

/** 新密碼 with its meter and 再輸入一次新密碼: the pair of 重設密碼 and 變更密碼. */
export function NewPasswordPair({ idPrefix, password, strength, register, errors }: NewPasswordPairProps) {
  return (
    <>
      <NewPasswordField
        id={idPrefix}
        label="新密碼"
        password={password}
        strength={strength}
        error={errors.password?.message}
        registration={register('password')}
      />
      <TextField
        id={`${idPrefix}-confirm`}
        label="再輸入一次新密碼"
        required
        type="password"
        autoComplete="new-password"
        error={errors.passwordConfirm?.message}
        registration={register('passwordConfirm')}
      />
    </>
  );
}
