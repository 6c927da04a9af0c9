import { zodResolver } from '@hookform/resolvers/zod';
import { ForgotPasswordRequestSchema, type ForgotPasswordRequest } from '@portal/shared';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import type { z } from 'zod';
import { Page } from '../../../components/ui/page';
import { ResultNotice } from '../../../components/ui/result-notice';
import { TextField } from '../../../components/ui/text-field';
import { paths } from '../../../lib/site';
import { useForgotPassword } from '../api/forgot-password';

type Identity = 'email' | 'nationalId';
type FormInput = z.input<typeof ForgotPasswordRequestSchema>;

export function ForgotPasswordPage() {
  const forgot = useForgotPassword();
  const [done, setDone] = useState<string | null>(null);
  const [identity, setIdentity] = useState<Identity>('email');
  const {
    register,
    handleSubmit,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<FormInput, unknown, ForgotPasswordRequest>({
    resolver: zodResolver(ForgotPasswordRequestSchema),
    defaultValues: { accountName: '', email: '', nationalId: '' },
  });

  // Only the chosen one is sent: the other is emptied (the schema turns '' into absent).
  const choose = (next: Identity) => {
    setIdentity(next);
    setValue(next === 'email' ? 'nationalId' : 'email', '');
  };
  // "E-mail or 身分證 is required" is reported on `email`; show it under whichever field is there.
  const identityError = identity === 'email' ? errors.email?.message : (errors.nationalId?.message ?? errors.email?.message);

  const submit = handleSubmit(async (request) => {
    const { message } = await forgot.mutateAsync(request).catch(() => ({ message: null }));
    if (message) setDone(message);
  });

  return (
    <Page title="忘記密碼" lead="請輸入您的帳號，以及申請時填寫的E-mail信箱或身分證字號，系統將寄送一次性的重設密碼連結。">
      {done ? (
        <ResultNotice>
          <p>{done}</p>
          <p>
            <Link to={paths.announcements}>回首頁</Link>
          </p>
        </ResultNotice>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate className="stack-form">
          {forgot.error ? (
            <ResultNotice key={forgot.submittedAt} tone="error">
              <p role="alert">{forgot.error.message}</p>
            </ResultNotice>
          ) : null}
          <TextField
            id="forgot-account-name"
            label="帳號"
            required
            autoComplete="username"
            error={errors.accountName?.message}
            registration={register('accountName')}
          />
          <fieldset className="choice-group">
            <legend>以何種資料驗證身分</legend>
            <label className="choice">
              <input type="radio" name="identity" checked={identity === 'email'} onChange={() => choose('email')} /> E-mail信箱
            </label>
            <label className="choice">
              <input type="radio" name="identity" checked={identity === 'nationalId'} onChange={() => choose('nationalId')} />{' '}
              身分證字號
            </label>
          </fieldset>
          {identity === 'email' ? (
            <TextField
              id="forgot-email"
              label="E-mail信箱"
              required
              type="email"
              inputMode="email"
              autoComplete="email"
              error={identityError}
              registration={register('email')}
            />
          ) : (
            <TextField
              id="forgot-national-id"
              label="身分證字號"
              required
              autoComplete="off"
              error={identityError}
              registration={register('nationalId')}
            />
          )}
          <button type="submit" className="button button-primary" disabled={isSubmitting}>
            寄送重設密碼連結
          </button>
        </form>
      )}
    </Page>
  );
}
