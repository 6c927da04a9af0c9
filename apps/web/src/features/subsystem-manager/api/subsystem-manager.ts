import {
  AccessRequestPageSchema,
  BulkApproveResultSchema,
  DecisionResultSchema,
  ManagedSubsystemListSchema,
  type AccessRequestQuery,
  type DecisionRequest,
  type RevokeAccessRequest,
} from '@portal/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../../lib/api-client';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation';
import { accountQueryKey } from '../../../lib/session';

const subsystemManagerKey = [...accountQueryKey, 'subsystem-manager'] as const;

/** GET /api/subsystem-manager/subsystems: the caller's subsystems with pending counts. */
export function useManagedSubsystems() {
  return useQuery({
    queryKey: [...subsystemManagerKey, 'subsystems'],
    queryFn: ({ signal }) => apiGet('/api/subsystem-manager/subsystems', ManagedSubsystemListSchema, { signal }),
  });
}

/** GET /api/subsystem-manager/access-requests */
export function useListAccessRequests(query: AccessRequestQuery) {
  return useQuery({
    queryKey: [...subsystemManagerKey, 'access-requests', query],
    queryFn: ({ signal }) =>
      apiGet('/api/subsystem-manager/access-requests', AccessRequestPageSchema, {
        params: {
          page: query.page as number | undefined,
          status: query.status,
          subsystem: query.subsystem,
          institution: query.institution,
          city: query.city,
          from: query.from,
          to: query.to,
          q: query.q,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** A decision in the queue; a 409 (someone decided first) refreshes the queue as a success does. */
function useQueueMutation<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) {
  return useRefreshingMutation(subsystemManagerKey, mutationFn, 'success-or-conflict');
}

/** POST /api/subsystem-manager/access-requests/:id/decision */
export function useDecideAccessRequest() {
  return useQueueMutation(({ id, body }: { id: string; body: DecisionRequest }) =>
    apiPost(`/api/subsystem-manager/access-requests/${encodeURIComponent(id)}/decision`, body, DecisionResultSchema));
}

/** POST /api/subsystem-manager/access-requests/:id/revoke */
export function useRevokeAccess() {
  return useQueueMutation(({ id, body }: { id: string; body: RevokeAccessRequest }) =>
    apiPost(`/api/subsystem-manager/access-requests/${encodeURIComponent(id)}/revoke`, body, DecisionResultSchema));
}

/** POST /api/subsystem-manager/access-requests/bulk-approve */
export function useBulkApprove() {
  return useQueueMutation((ids: string[]) =>
    apiPost('/api/subsystem-manager/access-requests/bulk-approve', { ids }, BulkApproveResultSchema));
}
