import {
  StaffManagerRequestDetailSchema,
  StaffManagerRequestListSchema,
  STAFF_MANAGER_REQUEST_ROUTES,
  type ManagerRequestDecision,
} from '@portal/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../../lib/api-client';
import { accountQueryKey } from '../../../lib/session';

const staffKey = [...accountQueryKey, 'staff', 'manager-requests'] as const;

/** GET /api/staff/manager-requests (overdue first, as the API sorts them). */
export function useListStaffManagerRequests(query: { status: 'PENDING_REVIEW' | 'OPEN' | 'ALL'; page: number; pageSize: number; q?: string }) {
  return useQuery({
    queryKey: [...staffKey, 'list', query],
    queryFn: ({ signal }) =>
      apiGet(STAFF_MANAGER_REQUEST_ROUTES.list, StaffManagerRequestListSchema, {
        signal,
        params: { status: query.status, page: query.page, pageSize: query.pageSize, q: query.q },
      }),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/staff/manager-requests/:id: the data to compare with the scan. */
export function useGetStaffManagerRequest(id: string) {
  return useQuery({
    queryKey: [...staffKey, 'detail', id],
    queryFn: ({ signal }) => apiGet(STAFF_MANAGER_REQUEST_ROUTES.detail(id), StaffManagerRequestDetailSchema, { signal }),
  });
}

/** POST …/:id/decision (核准 / 駁回 with reason). 409 when someone else decided first. */
export function useDecideManagerRequest(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: ManagerRequestDecision) => apiPost(STAFF_MANAGER_REQUEST_ROUTES.decision(id), decision, StaffManagerRequestDetailSchema),
    onSuccess: (detail) => {
      queryClient.setQueryData([...staffKey, 'detail', id], detail);
      void queryClient.invalidateQueries({ queryKey: [...staffKey, 'list'] });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: staffKey }),
  });
}
