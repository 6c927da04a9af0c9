import { ScreeningLookupLogPageSchema, type ScreeningLookupLogQuery } from '@portal/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, type QueryParams } from '../../../lib/api-client';
import { accountQueryKey } from '../../../lib/session';

export type LookupLogScope = 'all' | 'institution';

const PATHS: Record<LookupLogScope, string> = {
  all: '/api/screening/lookup-log',
  institution: '/api/screening/institution-lookup-log',
};

/** One keyset page of the lookup log (newest first): everyone's (系統人員) or the caller's institution's (單位業務管理者). */
export function useLookupLog(scope: LookupLogScope, filter: Omit<ScreeningLookupLogQuery, 'cursor' | 'limit'>, cursor: string | null) {
  return useQuery({
    queryKey: [...accountQueryKey, 'screening-lookup-log', scope, filter, cursor],
    queryFn: ({ signal }) => apiGet(PATHS[scope], ScreeningLookupLogPageSchema, { params: { ...(filter as QueryParams), cursor: cursor ?? undefined }, signal }),
    placeholderData: keepPreviousData,
  });
}
