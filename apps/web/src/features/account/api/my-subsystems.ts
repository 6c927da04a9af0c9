import { MySubsystemListSchema, MySubsystemSchema } from '@portal/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../../lib/api-client';
import { accountQueryKey } from '../../../lib/session';

export const mySubsystemsQueryKey = [...accountQueryKey, 'subsystems'] as const;

/** GET /api/account/subsystems */
export function useListMySubsystems() {
  return useQuery({
    queryKey: mySubsystemsQueryKey,
    queryFn: ({ signal }) => apiGet('/api/account/subsystems', MySubsystemListSchema, { signal }),
  });
}

/** POST /api/account/subsystems: a new request, or a rejected one asked again. */
export function useRequestSubsystem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => apiPost('/api/account/subsystems', { code }, MySubsystemSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mySubsystemsQueryKey }),
  });
}
