import { ScreeningLookupLogPageSchema, type ScreeningLookupLogQuery } from '@portal/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';
import { accountQueryKey } from '../../../lib/session';

export type LookupLogScope = 'all' | 'institution';

const PATHS: Record<LookupLogScope, string> = {
  all: '/api/screening/lookup-log/search',
  institution: '/api/screening/institution-lookup-log/search',
};

/**
 * One keyset page of the lookup log (newest first): everyone's (系統人員) or the caller's
 * institution's (單位業務管理者). POST: a 身分證 filter stays out of URLs.
 */
export function useLookupLog(scope: LookupLogScope, filter: Omit<ScreeningLookupLogQuery, 'cursor' | 'limit'>, cursor: string | null) {
  return useQuery({
    queryKey: [...accountQueryKey, 'screening-lookup-log', scope, filter, cursor],
    queryFn: ({ signal }) => apiPost(PATHS[scope], { ...filter, cursor: cursor ?? undefined }, ScreeningLookupLogPageSchema, { signal }),
    placeholderData: keepPreviousData,
  });
}
