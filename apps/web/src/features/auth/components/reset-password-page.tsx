import { zodResolver } from '@hookform/resolvers/zod';
import { AUTH_MESSAGES, ResetPasswordRequestSchema, type ResetPasswordRequest } from '@portal/shared';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link, useSearchParams } from 'react-router';
import { NewPasswordField } from '../../../components/ui/new-password-field';
import { Page } from '../../../components/ui/page';
import { ResultNotice } from '../../../components/ui/result-notice';
import { TextField } from '../../../components/ui/text-field';
import { showFieldErrors } from '../../../lib/api-error';
import { usePasswordStrength } from '../../../lib/password-strength/use-password-strength';
import { paths, type LoginFocusState } from '../../../lib/site';
import { useResetPassword } from '../api/reset-password';

const NO_USER_INPUTS: readonly string[] = [];
const LOGIN_STATE: LoginFocusState = { focusLogin: true };

export function ResetPasswordPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const reset = useResetPassword();
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ResetPasswordRequest>({
    resolver: zodResolver(ResetPasswordRequestSchema),
    defaultValues: { token, password: '', passwordConfirm: '' },
  });
  const password = useWatch({ control, name: 'password' });
  // The account's personal data is not known here: the API re-judges with it and may refuse.
  const strength = usePasswordStrength(password, NO_USER_INPUTS);

  const submit = handleSubmit(async (request) => {
    setProblem(null);
    const refusal = await strength.refusalNow(request.password, NO_USER_INPUTS);
    if (refusal) {
      setError('password', { type: 'strength', message: refusal });
      return;
    }
    try {
      setDone((await reset.mutateAsync(request)).message);
    } catch (error) {
      showFieldErrors(error, ['password', 'passwordConfirm'] as const, setError);
      setProblem(error instanceof Error ? error.message : null);
    }
  });

  return (
    <Page title="重設密碼">
      {!token ? (
        <div className="alert alert-error">
          <p role="alert">{AUTH_MESSAGES.resetTokenRequired}</p>
          <p>
            <Link to={paths.forgotPassword}>重新申請忘記密碼</Link>
          </p>
        </div>
      ) : done ? (
        <ResultNotice>
          <p>{done}</p>
          <p>
            <Link to={paths.announcements} state={LOGIN_STATE}>
              登入
            </Link>
          </p>
        </ResultNotice>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate className="stack-form">
          {problem ? (
            <ResultNotice key={reset.submittedAt} tone="error">
              <p role="alert">{problem}</p>
              {errors.token || problem === AUTH_MESSAGES.resetTokenInvalid ? (
                <p>
                  <Link to={paths.forgotPassword}>重新申請忘記密碼</Link>
                </p>
              ) : null}
            </ResultNotice>
          ) : null}
          <NewPasswordField
            id="reset-password"
            label="新密碼"
            password={password}
            strength={strength}
            error={errors.password?.message}
            registration={register('password')}
          />
          <TextField
            id="reset-password-confirm"
            label="再輸入一次新密碼"
            required
            type="password"
            autoComplete="new-password"
            error={errors.passwordConfirm?.message}
            registration={register('passwordConfirm')}
          />
          <button type="submit" className="button button-primary" disabled={isSubmitting}>
            重設密碼
          </button>
        </form>
      )}
    </Page>
  );
}
