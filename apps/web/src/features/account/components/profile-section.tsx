import { zodResolver } from '@hookform/resolvers/zod';
import { ACCOUNT_MESSAGES, UpdateProfileRequestSchema, type Profile, type UpdateProfileRequest } from '@portal/shared';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { TextField } from '../../../components/ui/text-field';
import { ApiError, showFieldErrors } from '../../../lib/api-error';
import { useUpdateProfile } from '../api/profile';

type FormInput = { phone: string; mobile: string; email: string; currentPassword?: string };
type FormOutput = z.output<typeof UpdateProfileRequestSchema>;

/** 帳號資料: who (read-only) and how to reach them (市話, 手機, E-mail: editable). */
export function ProfileSection({ profile }: { profile: Profile }) {
  const update = useUpdateProfile();
  const [result, setResult] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(UpdateProfileRequestSchema) as never,
    defaultValues: { phone: profile.phone, mobile: profile.mobile ?? '', email: profile.email },
    // 目前密碼 is asked only while the E-mail differs; once hidden it is not sent (nor checked).
    shouldUnregister: true,
  });
  const emailChanges = (useWatch({ control, name: 'email' }) ?? '').trim().toLowerCase() !== profile.email.toLowerCase();

  const submit = handleSubmit(async (values) => {
    setResult(null);
    // Only what changed: an unchanged e-mail must not mail a confirmation link.
    const request: UpdateProfileRequest = {};
    if (values.phone !== undefined && values.phone !== profile.phone) request.phone = values.phone;
    if (values.mobile !== undefined && values.mobile !== profile.mobile) request.mobile = values.mobile ?? '';
    if (values.email !== undefined && values.email.toLowerCase() !== profile.email.toLowerCase()) {
      request.email = values.email;
      if (!values.currentPassword) {
        setError('currentPassword', { message: ACCOUNT_MESSAGES.emailChangeNeedsPassword }, { shouldFocus: true });
        return;
      }
      request.currentPassword = values.currentPassword;
    }
    try {
      const response = await update.mutateAsync(request);
      setResult(response.message);
    } catch (error) {
      showFieldErrors(error, ['phone', 'mobile', 'email', 'currentPassword'] as const, setError);
    }
  });

  return (
    <section aria-labelledby="profile-heading" className="account-section">
      <h2 id="profile-heading">帳號資料</h2>
      <dl className="facts">
        <dt>帳號</dt>
        <dd>{profile.accountName}</dd>
        <dt>姓名</dt>
        <dd>{profile.name}</dd>
        <dt>機構</dt>
        <dd>{profile.institution ? `${profile.institution.name}（${profile.institution.code}）` : '—'}</dd>
        <dt>角色</dt>
        <dd>{profile.roleLabel}</dd>
      </dl>
      <form onSubmit={(event) => void submit(event)} noValidate className="stack-form">
        <TextField
          id="profile-phone"
          label="市話"
          required
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          hint="例：02-12345678#123456"
          error={errors.phone?.message}
          registration={register('phone')}
        />
        <TextField
          id="profile-mobile"
          label="手機"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          hint="例：0912-345678（可留空）"
          error={errors.mobile?.message}
          registration={register('mobile')}
        />
        <TextField
          id="profile-email"
          label="E-mail"
          required
          type="email"
          inputMode="email"
          autoComplete="email"
          hint="變更E-mail時，確認信會寄至新的信箱，點選信中連結後才會生效。"
          error={errors.email?.message}
          registration={register('email')}
        />
        {emailChanges ? (
          <TextField
            id="profile-current-password"
            label="目前密碼"
            required
            type="password"
            autoComplete="current-password"
            hint="變更E-mail須輸入目前的密碼；舊的E-mail信箱也會收到變更通知。"
            error={errors.currentPassword?.message}
            registration={register('currentPassword')}
          />
        ) : null}
        {update.error && !(update.error instanceof ApiError && update.error.fieldErrors) ? (
          <div className="alert alert-error">
            <p role="alert">{update.error.message}</p>
          </div>
        ) : null}
        {result ? <p role="status">{result}</p> : null}
        {profile.pendingEmail ? (
          <p className="notice">待確認的新E-mail：{profile.pendingEmail}（點選寄至該信箱的確認連結後才會變更）</p>
        ) : null}
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          儲存帳號資料
        </button>
      </form>
    </section>
  );
}
