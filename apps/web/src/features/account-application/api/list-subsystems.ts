import { SubsystemListSchema } from '@portal/shared';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

// Same key as the 其他服務 page, so the two share one cached list (features do not import each other).
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
