import {
  CreateManagerRequestResponseSchema,
  ManagerRequestPreviewSchema,
  MANAGER_REQUEST_ROUTES,
  MyManagerRequestsSchema,
  type CreateManagerRequest,
} from '@portal/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../../lib/api-client';
import { accountQueryKey } from '../../../lib/session';

const myManagerRequestsKey = [...accountQueryKey, 'manager-requests'] as const;

/** GET /api/manager-requests: my requests (newest first), the open one, the kinds I may start. */
export function useListMyManagerRequests() {
  return useQuery({
    queryKey: myManagerRequestsKey,
    queryFn: ({ signal }) => apiGet(MANAGER_REQUEST_ROUTES.list, MyManagerRequestsSchema, { signal }),
  });
}

/** GET /api/manager-requests/preview: would sending this leave the institution without a manager? */
export function previewManagerRequest(body: CreateManagerRequest) {
  return apiGet(MANAGER_REQUEST_ROUTES.preview, ManagerRequestPreviewSchema, {
    params: { kind: body.kind, targetAccountName: typeof body.targetAccountName === 'string' ? body.targetAccountName : undefined },
  });
}

/** POST /api/manager-requests → 201 the request, to verify by card or paper. */
export function useCreateManagerRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateManagerRequest) => apiPost(MANAGER_REQUEST_ROUTES.list, body, CreateManagerRequestResponseSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myManagerRequestsKey }),
  });
}
