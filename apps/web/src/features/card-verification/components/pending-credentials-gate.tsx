import { PendingApplicationCredentialsSchema, type PendingApplicationCredentials } from '@portal/shared';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { pendingApplicant, rememberPendingApplicant } from '../../../lib/pending-applicant';

/**
 * A pending 單位業務管理者 proves who they are with 帳號 + 密碼 (the API checks them with each
 * call). Right after 帳號申請 they are remembered in memory; later (another visit) this asks.
 */
export function PendingCredentialsGate({ children }: { children: (credentials: PendingApplicationCredentials) => ReactNode }) {
  const [credentials, setCredentials] = useState(pendingApplicant);
  const ids = { name: useId(), password: useId(), error: useId() };
  const [error, setError] = useState<string | null>(null);

  if (credentials) return <>{children(credentials)}</>;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = PendingApplicationCredentialsSchema.safeParse({ accountName: data.get('accountName'), password: data.get('password') });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? '請輸入帳號及密碼。');
      return;
    }
    rememberPendingApplicant(parsed.data);
    setCredentials(parsed.data);
  };

  return (
    <form className="pending-credentials-form" onSubmit={submit} noValidate aria-describedby={error ? ids.error : undefined}>
      <p>請輸入您申請單位業務管理者帳號時設定的帳號及密碼，以繼續帳號驗證。</p>
      <div className="field">
        <label htmlFor={ids.name}>帳號</label>
        <input id={ids.name} name="accountName" autoComplete="username" required />
      </div>
      <div className="field">
        <label htmlFor={ids.password}>密碼</label>
        <input id={ids.password} name="password" type="password" autoComplete="current-password" required />
      </div>
      {error ? (
        <p id={ids.error} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button button-primary">
        繼續
      </button>
    </form>
  );
}
