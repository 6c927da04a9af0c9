import { useQueryClient } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert } from '../components/ui/query-feedback';
import { sessionEnd, useSession } from '../lib/session';
import { paths, webMessages, type LoginFocusState } from '../lib/site';

/** Route guard of /account/*: without a session, back to the home page, whose 服務登入 box says 「請先登入。」. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  const queryClient = useQueryClient();
  if (session.isPending) return <p role="status">{webMessages.loading}</p>;
  if (session.isError) return <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) {
    const end = sessionEnd(queryClient);
    // After 登出 the Greeting takes the user home and says so; there is nothing to ask.
    if (end?.reason === 'logout') return <Navigate to={paths.announcements} replace />;
    const state: LoginFocusState = {
      focusLogin: true,
      // A timeout says which; otherwise the session lapsed unseen (or never was).
      notice: end ? end.message : webMessages.loginRequired,
      from: `${location.pathname}${location.search}`,
    };
    return <Navigate to={paths.announcements} replace state={state} />;
  }
  return <Outlet />;
}
