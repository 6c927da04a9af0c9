import { MySubsystemListSchema, MySubsystemSchema } from '@portal/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';
import { accountQuery } from './account-query';

const mySubsystems = accountQuery('subsystems', '/api/account/subsystems', MySubsystemListSchema);
export const mySubsystemsQueryKey = mySubsystems.queryKey;

/** GET /api/account/subsystems */
export const useListMySubsystems = mySubsystems.useAccountQuery;

/** POST /api/account/subsystems: a new request, or a rejected one asked again. */
export function useRequestSubsystem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => apiPost('/api/account/subsystems', { code }, MySubsystemSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mySubsystemsQueryKey }),
  });
}
