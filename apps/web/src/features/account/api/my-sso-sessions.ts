import { EndSsoSessionsResultSchema, MySsoSessionListSchema } from '@portal/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../../lib/api-client';
import { accountQueryKey } from '../../../lib/session';

export const mySsoSessionsQueryKey = [...accountQueryKey, 'sso-sessions'] as const;

/** GET /api/account/sso-sessions: the subsystems the user is signed in to through the portal. */
export function useListMySsoSessions() {
  return useQuery({
    queryKey: mySsoSessionsQueryKey,
    queryFn: ({ signal }) => apiGet('/api/account/sso-sessions', MySsoSessionListSchema, { signal }),
  });
}

/** 登出 of one subsystem (its client id) or, without one, 登出全部. */
export function useEndMySsoSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (clientId: string | null) =>
      apiPost(clientId ? `/api/account/sso-sessions/${encodeURIComponent(clientId)}/logout` : '/api/account/sso-sessions/logout-all', {}, EndSsoSessionsResultSchema),
    onSettled: () => queryClient.invalidateQueries({ queryKey: mySsoSessionsQueryKey }),
  });
}
