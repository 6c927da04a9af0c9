import { ManagerRequestSchema, MANAGER_REQUEST_ROUTES } from '@portal/shared';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { accountQueryKey } from '../../../lib/session';

/** GET /api/manager-requests/:id: one of my requests. */
export function useGetManagerRequest(id: string) {
  return useQuery({
    queryKey: [...accountQueryKey, 'manager-requests', id],
    queryFn: ({ signal }) => apiGet(MANAGER_REQUEST_ROUTES.detail(id), ManagerRequestSchema, { signal }),
  });
}
