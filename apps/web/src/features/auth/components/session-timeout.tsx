import type { Session } from '@portal/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { lastActivityAt, noteActivity, trackActivity } from '../../../lib/activity';
import { refreshSession } from '../../../lib/api-client';
import { formatTaipeiTime } from '../../../lib/format';
import { endSessionByLogout, endSessionByTimeout, sessionEnd, useSession } from '../../../lib/session';
import { paths, type LoginFocusState } from '../../../lib/site';
import { logout } from '../api/logout';

/** The warning comes this long before the session would end. */
export const WARN_BEFORE_MS = 2 * 60_000;
/** Browsers fire longer timeouts at once; a far deadline is checked again after this. */
const LONGEST_TIMER_MS = 60 * 60_000;
/** Activity this much later than the deadline was based on is worth a refresh (avoids loops on rounding). */
const ACTIVITY_MARGIN_MS = 5_000;

interface Deadlines {
  /** When the session ends: the idle deadline or the absolute end, whichever is first. */
  endsAt: number;
  /** The idle deadline binds (a refresh can move it); otherwise the absolute end comes first. */
  idle: boolean;
}

function deadlinesOf(session: Session): Deadlines {
  const idleEnd = Date.parse(session.idleExpiresAt);
  const absoluteEnd = Date.parse(session.absoluteExpiresAt);
  return { endsAt: Math.min(idleEnd, absoluteEnd), idle: idleEnd < absoluteEnd };
}

/** The user did something (here or in another tab) after the activity the idle deadline counts from. */
function activeSince(session: Session): boolean {
  return lastActivityAt() + session.idleTimeoutSeconds * 1000 > Date.parse(session.idleExpiresAt) + ACTIVITY_MARGIN_MS;
}

/**
 * The session's end, seen from the SPA (decision 002): two minutes before the idle
 * deadline it refreshes quietly if the user was active meanwhile, or asks 「繼續使用」 in a dialog
 * (clinics share computers); at the deadline it asks the API, which ends the session and audits
 * it, and takes the user to 服務登入 with the reason. Before the absolute end it only warns.
 */
export function SessionTimeout() {
  const { data: session } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [warningFor, setWarningFor] = useState<number | null>(null);

  useEffect(() => trackActivity(), []);

  const idleExpiresAt = session?.idleExpiresAt;
  const absoluteExpiresAt = session?.absoluteExpiresAt;
  useEffect(() => {
    if (!session) return;
    const { endsAt, idle } = deadlinesOf(session);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const schedule = (at: number) => {
      clearTimeout(timer);
      timer = setTimeout(check, Math.min(Math.max(at - Date.now(), 0), LONGEST_TIMER_MS));
    };
    const end = async () => {
      // The API decides: it ends and audits a timed-out session (or another tab moved it on).
      const goesOn = await refreshSession();
      if (stopped || goesOn) return;
      // Unreachable API: the session is over all the same for this page.
      endSessionByTimeout(queryClient, idle ? 'idle' : 'absolute');
    };
    function check() {
      const now = Date.now();
      if (now >= endsAt) {
        void end();
      } else if (now >= endsAt - WARN_BEFORE_MS) {
        if (idle && activeSince(session!)) {
          void refreshSession().then((goesOn) => {
            if (!goesOn && !stopped) setWarningFor(endsAt);
          });
        } else {
          setWarningFor(endsAt);
        }
        // A second later than the end, so that the API sees it passed.
        schedule(endsAt + 1_000);
      } else {
        schedule(endsAt - WARN_BEFORE_MS);
      }
    }
    check();
    // Timers sleep with the computer: look again when the page is shown.
    document.addEventListener('visibilitychange', check);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', check);
    };
    // The deadlines are what matters; the rest of the session may change without them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [idleExpiresAt, absoluteExpiresAt, queryClient]);

  // A timed-out session (ended here, or found by any request) goes to 服務登入 with the reason.
  const hadSession = session !== undefined && session !== null;
  const [wasLoggedIn, setWasLoggedIn] = useState(hadSession);
  if (hadSession !== wasLoggedIn) setWasLoggedIn(hadSession);
  useEffect(() => {
    if (wasLoggedIn) return;
    const ended = sessionEnd(queryClient);
    if (!ended || ended.reason === 'logout') return;
    const state: LoginFocusState = { focusLogin: true, notice: ended.message, from: `${location.pathname}${location.search}` };
    void navigate(paths.announcements, { replace: true, state });
    // Only when the session goes away, not on every navigation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wasLoggedIn]);

  if (!session || warningFor === null || warningFor !== deadlinesOf(session).endsAt) return null;
  return (
    <SessionTimeoutDialog
      session={session}
      onLoggedOut={() => {
        endSessionByLogout(queryClient);
        void navigate(paths.announcements);
      }}
    />
  );
}

function SessionTimeoutDialog({ session, onLoggedOut }: { session: Session; onLoggedOut: () => void }) {
  const bodyId = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { endsAt, idle } = deadlinesOf(session);
  const at = formatTaipeiTime(new Date(endsAt).toISOString());

  const goOn = () => {
    if (busy) return;
    noteActivity();
    setBusy(true);
    // A new deadline closes the dialog; a lost session takes the user to 服務登入.
    void refreshSession().then((goesOn) => {
      setBusy(false);
      if (!goesOn) setProblem('無法延長登入，請確認網路連線後再試。');
    });
  };
  const leave = () => {
    if (busy) return;
    setBusy(true);
    logout()
      .then(onLoggedOut)
      .catch((error: Error) => {
        setBusy(false);
        setProblem(error.message);
      });
  };
  const dismiss = idle ? goOn : () => undefined;

  return (
    <ModalDialog title="即將自動登出" role="alertdialog" describedBy={bodyId} onCancel={dismiss}>
      <div id={bodyId}>
        {idle ? (
          <p>
            您已有一段時間沒有操作。為保護資料，系統將於 {at}（約 2 分鐘後）自動登出。如要繼續使用，請按「繼續使用」。
          </p>
        ) : (
          <p>本次登入即將到達使用時間上限，系統將於 {at}（約 2 分鐘後）自動登出，請先儲存您的工作，之後請重新登入。</p>
        )}
        {problem ? <p role="alert">{problem}</p> : null}
      </div>
      <div className="modal-actions">
        {idle ? (
          <button type="button" className="button button-primary" data-autofocus aria-disabled={busy || undefined} onClick={goOn}>
            繼續使用
          </button>
        ) : null}
        <button type="button" className="button button-secondary" data-autofocus={idle ? undefined : true} aria-disabled={busy || undefined} onClick={leave}>
          登出
        </button>
      </div>
    </ModalDialog>
  );
}
