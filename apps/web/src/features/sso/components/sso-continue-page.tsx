import type { SsoInteractionDetails } from '@portal/shared';
import { useCallback, useEffect, useRef } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Page, PAGE_HEADING_ID } from '../../../components/ui/page';
import { ErrorAlert } from '../../../components/ui/query-feedback';
import { ApiError } from '../../../lib/api-error';
import { useSession } from '../../../lib/session';
import { paths, webMessages, type LoginFocusState } from '../../../lib/site';
import { leaveFor, useAbortInteraction, useContinueInteraction, useInteractionDetails } from '../api/interaction';
import { AccessDeniedExplanation } from './access-denied';
import './sso.css';

type View =
  | { kind: 'loading' }
  | { kind: 'continue'; details: SsoInteractionDetails }
  | { kind: 'login'; details: SsoInteractionDetails }
  | { kind: 'not-approved'; details: SsoInteractionDetails }
  | { kind: 'expired'; message: string }
  | { kind: 'failed'; error: Error };

const isApiError = (error: unknown, status: number) => error instanceof ApiError && error.status === status;

/**
 * /sso/continue/:uid — where the provider hands a subsystem's login to the portal. With a
 * portal session the user goes on at once; without one, the 服務登入 box takes focus and this
 * page goes on after the login; without approval for the subsystem, it explains how to get it.
 */
export function SsoContinuePage() {
  const { uid = '' } = useParams();
  const session = useSession();
  const details = useInteractionDetails(uid, session.data?.id ?? null, !session.isPending);
  const proceed = useContinueInteraction(uid);
  const abort = useAbortInteraction(uid);
  const navigate = useNavigate();
  const location = useLocation();

  // A refusal of `continue` counts only for the account that tried (after a new login it is tried again).
  const accountId = session.data?.id ?? null;
  const proceedError = proceed.variables === accountId ? proceed.error : null;
  const view = ((): View => {
    const error = details.error ?? proceedError;
    if (isApiError(error, 404)) return { kind: 'expired', message: error!.message };
    if (error && !isApiError(error, 403) && !isApiError(error, 401)) return { kind: 'failed', error };
    if (!details.data) return { kind: 'loading' };
    if (isApiError(proceedError, 403) || details.data.decision === 'NOT_APPROVED') return { kind: 'not-approved', details: details.data };
    if (details.data.decision === 'LOGIN_REQUIRED' || isApiError(proceedError, 401)) return { kind: 'login', details: details.data };
    return { kind: 'continue', details: details.data };
  })();

  // CONTINUE needs no click: the provider's answer sends the browser back to the subsystem, signed in.
  const continuing = view.kind === 'continue';
  const triedFor = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (!continuing || triedFor.current === accountId) return;
    triedFor.current = accountId;
    proceed.mutate(accountId, { onSuccess: ({ redirectTo }) => leaveFor(redirectTo) });
  }, [continuing, accountId, proceed]);

  // Without a session, the 服務登入 box takes focus and says why; after the login it comes back here.
  const subsystemName = view.kind === 'login' ? view.details.client.name : null;
  const { pathname } = location;
  const askToLogIn = useCallback(() => {
    const state: LoginFocusState = { focusLogin: true, notice: `請登入單一入口，以進入「${subsystemName}」。`, from: pathname };
    void navigate(pathname, { replace: true, state });
  }, [navigate, pathname, subsystemName]);
  const askedToLogIn = useRef(false);
  useEffect(() => {
    if (subsystemName && !askedToLogIn.current) {
      askedToLogIn.current = true;
      askToLogIn();
    }
  }, [subsystemName, askToLogIn]);

  // Every other outcome is announced by moving focus to the heading that names it.
  useEffect(() => {
    if (view.kind !== 'loading' && view.kind !== 'login') document.getElementById(PAGE_HEADING_ID)?.focus();
  }, [view.kind]);

  const backToSubsystem = () => abort.mutate(undefined, { onSuccess: ({ redirectTo }) => leaveFor(redirectTo) });
  const abortError = abort.error ? <ErrorAlert error={abort.error} /> : null;

  switch (view.kind) {
    case 'loading':
      return (
        <Page title="進入子系統">
          <p role="status">{webMessages.loading}</p>
        </Page>
      );
    case 'continue': {
      const { client, account } = view.details;
      return (
        <Page title={`進入「${client.name}」`}>
          <p role="status">
            您已登入單一入口{account ? `（${account.name}，帳號 ${account.accountName}）` : ''}，正在進入「{client.name}」，請稍候…
          </p>
        </Page>
      );
    }
    case 'login':
      return (
        <Page title={`登入以進入「${view.details.client.name}」`}>
          <p>「{view.details.client.name}」使用單一入口的帳號登入。請於「服務登入」輸入帳號及密碼，登入後將自動進入，不必再次登入。</p>
          <div className="sso-actions">
            <button type="button" className="button button-primary" onClick={askToLogIn}>
              前往登入
            </button>
            <button type="button" className="button button-secondary" onClick={backToSubsystem} disabled={abort.isPending}>
              取消並返回子系統
            </button>
          </div>
          {abortError}
        </Page>
      );
    case 'not-approved':
      return (
        <Page title="您尚未取得此子系統的使用權限">
          <AccessDeniedExplanation subsystemName={view.details.client.name} role={session.data?.role ?? null} />
          <div className="sso-actions">
            <Link to={paths.accountHome} className="button button-primary">
              前往我的服務申請
            </Link>
            <button type="button" className="button button-secondary" onClick={backToSubsystem} disabled={abort.isPending}>
              返回子系統
            </button>
          </div>
          {abortError}
        </Page>
      );
    case 'expired':
      return (
        <Page title="登入流程已逾時">
          <p>{view.message}</p>
          <p>
            如要使用其他服務，請至「<Link to={paths.accountHome}>我的服務</Link>」。
          </p>
        </Page>
      );
    case 'failed':
      return (
        <Page title="無法進入子系統">
          <ErrorAlert
            error={view.error}
            onRetry={() => {
              proceed.reset();
              void details.refetch();
            }}
          />
        </Page>
      );
  }
}
