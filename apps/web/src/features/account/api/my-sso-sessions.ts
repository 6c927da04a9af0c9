import { EndSsoSessionsResultSchema, MySsoSessionListSchema } from '@portal/shared';
import { apiPost } from '../../../lib/api-client';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation';
import { accountQuery } from './account-query';

const mySsoSessions = accountQuery('sso-sessions', '/api/account/sso-sessions', MySsoSessionListSchema);
export const mySsoSessionsQueryKey = mySsoSessions.queryKey;

/** GET /api/account/sso-sessions: the subsystems the user is signed in to through the portal. */
export const useListMySsoSessions = mySsoSessions.useAccountQuery;

/** 登出 of one subsystem (its client id) or, without one, 登出全部. */
export function useEndMySsoSessions() {
  return useRefreshingMutation(
    mySsoSessionsQueryKey,
    (clientId: string | null) =>
      apiPost(clientId ? `/api/account/sso-sessions/${encodeURIComponent(clientId)}/logout` : '/api/account/sso-sessions/logout-all', {}, EndSsoSessionsResultSchema),
    'settled',
  );
}
