import { InstitutionSchema, type Institution } from '@portal/shared';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

export const institutionQueryKey = (code: string) => ['institutions', 'code', code] as const;

export function getInstitution(code: string, signal?: AbortSignal): Promise<Institution> {
  return apiGet(`/api/institutions/${encodeURIComponent(code)}`, InstitutionSchema, { signal });
}

/** Looks a 10-digit 機構代碼 up; idle while `code` is undefined. */
export function useGetInstitution(code: string | undefined) {
  return useQuery({
    queryKey: institutionQueryKey(code ?? ''),
    queryFn: ({ signal }) => getInstitution(code ?? '', signal),
    enabled: code !== undefined,
    // hasManager drives the role rule: do not show a stale answer for long.
    staleTime: 0,
  });
}
