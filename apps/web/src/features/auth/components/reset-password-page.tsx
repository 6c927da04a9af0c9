import { zodResolver } from '@hookform/resolvers/zod';
import { AUTH_MESSAGES, ResetPasswordRequestSchema, type ResetPasswordRequest } from '@portal/shared';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link, useSearchParams } from 'react-router';
import { NewPasswordPair } from '../../../components/ui/new-password-field';
import { Page } from '../../../components/ui/page';
import { ResultNotice } from '../../../components/ui/result-notice';
import { showFieldErrors } from '../../../lib/api-error';
import { createAccountPasswordRater } from '../../../lib/password-strength/create-account-password-rater';
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
  // The link's account is known only to the API: it rates the candidate with its 帳號, 姓名,
  // 身分證 and E-mail, the same verdict as on submit.
  const strength = usePasswordStrength(password, NO_USER_INPUTS, () => createAccountPasswordRater('/api/auth/reset-password/strength', { token }));

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
          <NewPasswordPair idPrefix="reset-password" password={password} strength={strength} register={register} errors={errors} />
          <button type="submit" className="button button-primary" disabled={isSubmitting}>
            重設密碼
          </button>
        </form>
      )}
    </Page>
  );
}
