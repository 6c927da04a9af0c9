import { zodResolver } from '@hookform/resolvers/zod';
import { ChangePasswordRequestSchema, type ChangePasswordRequest } from '@portal/shared';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { NewPasswordPair } from '../../../components/ui/new-password-field';
import { TextField } from '../../../components/ui/text-field';
import { ApiError, showFieldErrors } from '../../../lib/api-error';
import { createAccountPasswordRater } from '../../../lib/password-strength/create-account-password-rater';
import { usePasswordStrength } from '../../../lib/password-strength/use-password-strength';
import { useChangePassword } from '../api/change-password';

const NO_USER_INPUTS: readonly string[] = [];
const EMPTY: ChangePasswordRequest = { currentPassword: '', password: '', passwordConfirm: '' };

/** 變更密碼: the API ends every other login of the account; this one goes on. */
export function ChangePasswordSection() {
  const change = useChangePassword();
  const [result, setResult] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    setFocus,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<ChangePasswordRequest>({ resolver: zodResolver(ChangePasswordRequestSchema), defaultValues: EMPTY });
  const password = useWatch({ control, name: 'password' });
  // Rated by the API with the account's 帳號, 姓名, 身分證 and E-mail, as on submit.
  const strength = usePasswordStrength(password, NO_USER_INPUTS, () => createAccountPasswordRater('/api/account/password/strength'));

  const submit = handleSubmit(async (request) => {
    setResult(null);
    const refusal = await strength.refusalNow(request.password, NO_USER_INPUTS);
    if (refusal) {
      setError('password', { type: 'strength', message: refusal }, { shouldFocus: true });
      return;
    }
    try {
      const { message } = await change.mutateAsync(request);
      reset(EMPTY);
      setResult(message);
    } catch (error) {
      // Each refusal on its own field (目前密碼 wrong, 新密碼 against the rules), focus on the first.
      const [first] = showFieldErrors(error, ['currentPassword', 'password', 'passwordConfirm'] as const, setError);
      if (first) setFocus(first);
    }
  });

  return (
    <section aria-labelledby="change-password-heading" className="account-section">
      <h2 id="change-password-heading">變更密碼</h2>
      <form onSubmit={(event) => void submit(event)} noValidate className="stack-form">
        <TextField
          id="change-current-password"
          label="目前密碼"
          required
          type="password"
          autoComplete="current-password"
          error={errors.currentPassword?.message}
          registration={register('currentPassword')}
        />
        <NewPasswordPair idPrefix="change-password" password={password} strength={strength} register={register} errors={errors} />
        {change.error && !(change.error instanceof ApiError && change.error.fieldErrors) ? (
          <div className="alert alert-error">
            <p role="alert">{change.error.message}</p>
          </div>
        ) : null}
        {result ? <p role="status">{result}</p> : null}
        <p className="field-hint">變更密碼後，您在其他裝置上的登入將全部登出。</p>
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          變更密碼
        </button>
      </form>
    </section>
  );
}
