import {
  CreateManagerRequestResponseSchema,
  ManagerRequestPreviewSchema,
  MANAGER_REQUEST_ROUTES,
  MyManagerRequestsSchema,
  type CreateManagerRequest,
} from '@portal/shared';
import { apiGet, apiPost } from '../../../lib/api-client';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation';
import { accountQuery } from './account-query';

const myManagerRequests = accountQuery('manager-requests', MANAGER_REQUEST_ROUTES.list, MyManagerRequestsSchema);

/** GET /api/manager-requests: my requests (newest first), the open one, the kinds I may start. */
export const useListMyManagerRequests = myManagerRequests.useAccountQuery;

/** GET /api/manager-requests/preview: would sending this leave the institution without a manager? */
export function previewManagerRequest(body: CreateManagerRequest) {
  return apiGet(MANAGER_REQUEST_ROUTES.preview, ManagerRequestPreviewSchema, {
    params: { kind: body.kind, targetAccountName: typeof body.targetAccountName === 'string' ? body.targetAccountName : undefined },
  });
}

/** POST /api/manager-requests → 201 the request, to verify by card or paper. */
export function useCreateManagerRequest() {
  return useRefreshingMutation(myManagerRequests.queryKey, (body: CreateManagerRequest) =>
    apiPost(MANAGER_REQUEST_ROUTES.list, body, CreateManagerRequestResponseSchema),
  );
}
