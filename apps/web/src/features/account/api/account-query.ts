import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiGet } from '../../../lib/api-client';
import { accountQueryKey } from '../../../lib/session';

/**
 * One GET of the signed-in account's own data, cached under the account's key so that it is
 * dropped with the rest on logout. Returns that key (for a mutation to refresh or replace) and the
 * query hook.
 */
export function accountQuery<S extends z.ZodType>(name: string, path: string, schema: S) {
  const queryKey = [...accountQueryKey, name] as const;
  const useAccountQuery = () => useQuery({ queryKey, queryFn: ({ signal }) => apiGet(path, schema, { signal }) });
  return { queryKey, useAccountQuery };
}
