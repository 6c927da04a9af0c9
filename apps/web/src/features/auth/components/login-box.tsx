import { AUTH_MESSAGES, LOGIN_REFUSAL_CODES, messages, type Session } from '@portal/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { PendingVerificationLinks } from '../../../components/pending-verification-links';
import { ApiError } from '../../../lib/api-error';
import { manageLinks, managePaths } from '../../../lib/manage-links';
import { useOpenScreeningAlerts } from '../../../lib/screening-alerts';
import { endSessionByLogout, useSession } from '../../../lib/session';
import { isLoginFocusState, paths, webMessages } from '../../../lib/site';
import { useLogin } from '../api/login';
import { useLogout } from '../api/logout';

/** The API's message; for a 429 without the wait in it, the wait from Retry-After. */
function loginErrorMessage(error: Error): string {
  if (!(error instanceof ApiError)) return messages.internal;
  if (error.status === 429 && error.retryAfterSeconds && !error.message.includes('分鐘')) {
    return `${error.message}（請於 ${Math.ceil(error.retryAfterSeconds / 60)} 分鐘後再試）`;
  }
  return error.message;
}

function LoginForm({ notice }: { notice: string | null }) {
  const loginMutation = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const accountRef = useRef<HTMLInputElement>(null);
  const [accountName, setAccountName] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [awaitsVerification, setAwaitsVerification] = useState(false);

  useEffect(() => {
    if (isLoginFocusState(location.state)) accountRef.current?.focus();
  }, [location.state]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Only "required" is checked here; the API answers everything else with one message.
    const missing = [
      accountName.trim() === '' ? AUTH_MESSAGES.accountNameRequired : null,
      password === '' ? AUTH_MESSAGES.passwordRequired : null,
    ].filter((text) => text !== null);
    if (missing.length > 0) {
      setProblem(missing.join('；'));
      return;
    }
    setProblem(null);
    setAwaitsVerification(false);
    loginMutation.mutate(
      { accountName: accountName.trim(), password },
      {
        onSuccess: () => {
          setPassword('');
          const from = isLoginFocusState(location.state) ? location.state.from : undefined;
          void navigate(from ?? paths.accountHome);
        },
        onError: (error) => {
          setPassword('');
          setProblem(loginErrorMessage(error));
          setAwaitsVerification(error instanceof ApiError && error.code === LOGIN_REFUSAL_CODES.PENDING_VERIFICATION);
        },
      },
    );
  };

  const alert = problem ?? notice;
  return (
    <form className="login-form" onSubmit={submit} noValidate aria-describedby={alert ? 'login-alert' : undefined}>
      {alert ? (
        <p id="login-alert" role="alert" className="login-alert">
          {alert}
        </p>
      ) : null}
      {awaitsVerification ? <PendingVerificationLinks lead="請以剛才的帳號及密碼完成：" /> : null}
      <div className="field">
        <label htmlFor="login-account">帳號</label>
        <input
          id="login-account"
          ref={accountRef}
          name="accountName"
          type="text"
          autoComplete="username"
          maxLength={30}
          value={accountName}
          onChange={(event) => setAccountName(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="login-password">密碼</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </div>
      <button type="submit" className="button button-primary button-block" disabled={loginMutation.isPending}>
        登入
      </button>
    </form>
  );
}

function Greeting({ session, onLoggedOut }: { session: Session; onLoggedOut: (message: string) => void }) {
  const logoutMutation = useLogout();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);
  const openAlerts = useOpenScreeningAlerts(session.role === 'SYSTEM_STAFF');
  const institutionStaff = session.role === 'INSTITUTION_MANAGER' || session.role === 'GENERAL_USER';

  const logout = () => {
    logoutMutation.mutate(undefined, {
      onSuccess: async ({ message }) => {
        endSessionByLogout(queryClient);
        await navigate(paths.announcements);
        onLoggedOut(message);
      },
      onError: (error) => setProblem(error.message),
    });
  };

  return (
    <div className="login-greeting">
      <p className="login-greeting-name">{session.name} 您好</p>
      <dl className="login-greeting-facts">
        <dt>角色</dt>
        <dd>{session.roleLabel}</dd>
        {session.institution ? (
          <>
            <dt>機構</dt>
            <dd>{session.institution.name}</dd>
          </>
        ) : null}
      </dl>
      <ul className="side-links">
        <li>
          <Link to={paths.accountHome}>我的服務</Link>
        </li>
        <li>
          <Link to={paths.accountProfile}>我的帳號</Link>
        </li>
        {institutionStaff ? (
          <li>
            <Link to={paths.screening}>篩檢結果查詢</Link>
          </li>
        ) : null}
        {manageLinks[session.role].map((link) => (
          <li key={link.to}>
            <Link to={link.to}>
              {link.label}
              {link.to === managePaths.screeningAlerts && openAlerts.data ? <strong>（{openAlerts.data} 件未處理）</strong> : null}
            </Link>
          </li>
        ))}
      </ul>
      {problem ? <p role="alert">{problem}</p> : null}
      <button type="button" className="button button-secondary button-block" onClick={logout} disabled={logoutMutation.isPending}>
        登出
      </button>
    </div>
  );
}

/** 服務登入: the form, or who is logged in with 我的帳號 and 登出. */
export function LoginBox() {
  const session = useSession();
  const location = useLocation();
  const [loggedOut, setLoggedOut] = useState<string | null>(null);
  const notice = isLoginFocusState(location.state) ? (location.state.notice ?? null) : null;

  return (
    <section aria-labelledby="login-heading" className="side-box">
      <h2 id="login-heading" className="side-box-title">
        服務登入
      </h2>
      {session.data ? (
        <Greeting session={session.data} onLoggedOut={setLoggedOut} />
      ) : session.isPending ? (
        <p role="status">{webMessages.loading}</p>
      ) : (
        <>
          {loggedOut ? <p role="status">{loggedOut}</p> : null}
          <LoginForm notice={notice} />
        </>
      )}
    </section>
  );
}
