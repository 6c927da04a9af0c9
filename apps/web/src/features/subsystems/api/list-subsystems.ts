import { SubsystemListSchema } from '@portal/shared';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

export const subsystemsQueryKey = ['subsystems'] as const;

export function listSubsystems(signal?: AbortSignal) {
  return apiGet('/api/subsystems', SubsystemListSchema, { signal });
}

export function useListSubsystems() {
  return useQuery({
    queryKey: subsystemsQueryKey,
    queryFn: ({ signal }) => listSubsystems(signal),
    staleTime: 10 * 60_000,
  });
}
