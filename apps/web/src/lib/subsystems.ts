import { SubsystemListSchema } from '@portal/shared';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from './api-client';

export const subsystemsQueryKey = ['subsystems'] as const;

/**
 * GET /api/subsystems: the public catalogue of 子系統, one cached list for every page that shows
 * it (其他服務, the application form, 我的子系統, 公告管理's 系統 choices). It changes rarely.
 */
export function useSubsystems({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: subsystemsQueryKey,
    queryFn: ({ signal }) => apiGet('/api/subsystems', SubsystemListSchema, { signal }),
    staleTime: 10 * 60_000,
    enabled,
  });
}
