import type { AccountRole } from '@portal/shared';
import { Navigate, Outlet } from 'react-router';
import { useRequiredSession } from '../lib/session';
import { ROLE_REQUIRED_MESSAGE, type RoleNoticeState } from '../lib/manage-links';
import { paths } from '../lib/site';

/**
 * Route guard of /manage/* (inside RequireSession): another role goes back to 我的服務, which
 * says why. The API refuses the calls anyway; this only keeps the screen from being shown.
 */
export function RequireRole({ roles }: { roles: readonly AccountRole[] }) {
  const session = useRequiredSession();
  if (!roles.includes(session.role)) {
    const state: RoleNoticeState = { roleNotice: ROLE_REQUIRED_MESSAGE };
    return <Navigate to={paths.accountHome} replace state={state} />;
  }
  return <Outlet />;
}
