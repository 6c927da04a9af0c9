import { PendingApplicationCredentialsSchema, type PendingApplicationCredentials } from '@portal/shared';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { FormField } from '../../../components/ui/form-field';
import { PAGE_HEADING_ID } from '../../../components/ui/page';
import { ApiError } from '../../../lib/api-error';
import { pendingApplicant, rememberPendingApplicant } from '../../../lib/pending-applicant';
import { webMessages } from '../../../lib/site';
import { checkPendingCredentials } from '../api/check-pending-credentials';

type Field = keyof PendingApplicationCredentials;
type Errors = Partial<Record<Field, string>>;

/**
 * A pending 單位業務管理者 proves who they are with 帳號 + 密碼 (the API checks them again with
 * each call). Right after 帳號申請 they are remembered in memory; later (another visit) this asks,
 * and checks them with the API at once: a wrong password is said on 密碼 and corrected here,
 * not discovered at the card or the upload.
 */
export function PendingCredentialsGate({ children }: { children: (credentials: PendingApplicationCredentials) => ReactNode }) {
  const [credentials, setCredentials] = useState(pendingApplicant);
  const ids = { accountName: useId(), password: useId(), status: useId() };
  const refs = { accountName: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };
  const alertRef = useRef<HTMLParagraphElement>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [accepted, setAccepted] = useState(false);
  useEffect(() => {
    if (failure) alertRef.current?.focus();
  }, [failure]);
  // The form is gone once accepted: focus goes to the page's heading, above the step that follows.
  useEffect(() => {
    if (accepted) document.getElementById(PAGE_HEADING_ID)?.focus();
  }, [accepted]);

  if (credentials) return <>{children(credentials)}</>;

  const refuse = (found: Errors) => {
    setErrors(found);
    const first = (['accountName', 'password'] as const).find((field) => found[field]);
    if (first) refs[first].current?.focus();
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (checking) return;
    const data = new FormData(event.currentTarget);
    const parsed = PendingApplicationCredentialsSchema.safeParse({ accountName: data.get('accountName'), password: data.get('password') });
    setFailure(null);
    if (!parsed.success) {
      const found: Errors = {};
      for (const issue of parsed.error.issues) found[issue.path[0] as Field] ??= issue.message;
      refuse(found);
      return;
    }
    setErrors({});
    setChecking(true);
    try {
      await checkPendingCredentials(parsed.data);
    } catch (error) {
      // One answer for a wrong name or password (the API does not say which): on 密碼, the one to retype.
      if (error instanceof ApiError && error.status === 401) refuse({ password: error.message });
      else setFailure(error instanceof ApiError ? error.message : webMessages.networkError);
      return;
    } finally {
      setChecking(false);
    }
    rememberPendingApplicant(parsed.data);
    setCredentials(parsed.data);
    setAccepted(true);
  };

  return (
    <form className="pending-credentials-form" onSubmit={(event) => void submit(event)} noValidate aria-busy={checking || undefined}>
      <p>請輸入您申請單位業務管理者帳號時設定的帳號及密碼，以繼續帳號驗證。</p>
      <FormField id={ids.accountName} label="帳號" required error={errors.accountName}>
        {(control) => <input {...control} ref={refs.accountName} name="accountName" autoComplete="username" />}
      </FormField>
      <FormField id={ids.password} label="密碼" required error={errors.password}>
        {(control) => <input {...control} ref={refs.password} name="password" type="password" autoComplete="current-password" />}
      </FormField>
      {failure ? (
        <div className="alert alert-error">
          <p role="alert" ref={alertRef} tabIndex={-1}>
            {failure}
          </p>
        </div>
      ) : null}
      <p id={ids.status} role="status" className="result-status">
        {checking ? '正在確認帳號及密碼…' : ''}
      </p>
      {/* Stays enabled while checking (a second press is ignored): focus never lands on a disabled button. */}
      <button type="submit" className="button button-primary" aria-disabled={checking || undefined} aria-describedby={checking ? ids.status : undefined}>
        繼續
      </button>
    </form>
  );
}
