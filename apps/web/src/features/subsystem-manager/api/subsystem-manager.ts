import {
  AccessRequestPageSchema,
  BulkApproveResultSchema,
  DecisionResultSchema,
  ManagedSubsystemListSchema,
  type AccessRequestQuery,
  type DecisionRequest,
  type RevokeAccessRequest,
} from '@portal/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../../lib/api-client';
import { ApiError } from '../../../lib/api-error';
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

function useRefreshAfter() {
  const queryClient = useQueryClient();
  // A 409 means the list is out of date: refresh it as after a success.
  return (_data: unknown, error: Error | null) => {
    if (!error || (error instanceof ApiError && error.status === 409)) {
      void queryClient.invalidateQueries({ queryKey: subsystemManagerKey });
    }
  };
}

/** POST /api/subsystem-manager/access-requests/:id/decision */
export function useDecideAccessRequest() {
  const onSettled = useRefreshAfter();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DecisionRequest }) =>
      apiPost(`/api/subsystem-manager/access-requests/${encodeURIComponent(id)}/decision`, body, DecisionResultSchema),
    onSettled,
  });
}

/** POST /api/subsystem-manager/access-requests/:id/revoke */
export function useRevokeAccess() {
  const onSettled = useRefreshAfter();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RevokeAccessRequest }) =>
      apiPost(`/api/subsystem-manager/access-requests/${encodeURIComponent(id)}/revoke`, body, DecisionResultSchema),
    onSettled,
  });
}

/** POST /api/subsystem-manager/access-requests/bulk-approve */
export function useBulkApprove() {
  const onSettled = useRefreshAfter();
  return useMutation({
    mutationFn: (ids: string[]) => apiPost('/api/subsystem-manager/access-requests/bulk-approve', { ids }, BulkApproveResultSchema),
    onSettled,
  });
}
