import { EndSsoSessionsResultSchema, MySsoSessionListSchema } from '@portal/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';
import { accountQuery } from './account-query';

const mySsoSessions = accountQuery('sso-sessions', '/api/account/sso-sessions', MySsoSessionListSchema);
export const mySsoSessionsQueryKey = mySsoSessions.queryKey;

/** GET /api/account/sso-sessions: the subsystems the user is signed in to through the portal. */
export const useListMySsoSessions = mySsoSessions.useAccountQuery;

/** 登出 of one subsystem (its client id) or, without one, 登出全部. */
export function useEndMySsoSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (clientId: string | null) =>
      apiPost(clientId ? `/api/account/sso-sessions/${encodeURIComponent(clientId)}/logout` : '/api/account/sso-sessions/logout-all', {}, EndSsoSessionsResultSchema),
    onSettled: () => queryClient.invalidateQueries({ queryKey: mySsoSessionsQueryKey }),
  });
}
