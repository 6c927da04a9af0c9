import { InstitutionPageSchema, type InstitutionPage } from '@portal/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

/** Enough to pick from; a longer list is a hint to type more of the name or code. */
export const INSTITUTION_SEARCH_PAGE_SIZE = 10;

export const institutionSearchQueryKey = (q: string) => ['institutions', 'search', q] as const;

export function searchInstitutions(q: string, signal?: AbortSignal): Promise<InstitutionPage> {
  return apiGet('/api/institutions', InstitutionPageSchema, {
    params: { q, page: 1, pageSize: INSTITUTION_SEARCH_PAGE_SIZE },
    signal,
  });
}

/** Digits: a 機構代碼 prefix; anything else: part of the name. Idle for an empty query. */
export function useSearchInstitutions(q: string) {
  return useQuery({
    queryKey: institutionSearchQueryKey(q),
    queryFn: ({ signal }) => searchInstitutions(q, signal),
    enabled: q !== '',
    placeholderData: keepPreviousData,
  });
}
