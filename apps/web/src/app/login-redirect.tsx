import { Navigate } from 'react-router';
import { useSession } from '../lib/session';
import { paths, webMessages, type LoginFocusState } from '../lib/site';

/**
 * /login, where the mails' 服務登入 button leads: 服務登入 is a box on every page, not a page
 * of its own, so this opens the home page with focus in it (or 我的服務 for someone already in).
 */
export function LoginRedirect() {
  const session = useSession();
  if (session.isPending) return <p role="status">{webMessages.loading}</p>;
  if (session.data) return <Navigate to={paths.accountHome} replace />;
  const state: LoginFocusState = { focusLogin: true };
  return <Navigate to={paths.announcements} replace state={state} />;
}
