import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiGet, type QueryParams } from './api-client';

/**
 * GET of one page of a list, cached under `key` and its filters. The page on screen (and the
 * filter options it brought) stays while the next filter or page loads.
 */
export function usePagedQuery<S extends z.ZodType>(key: readonly unknown[], path: string, schema: S, params: object) {
  return useQuery({
    queryKey: [...key, params],
    queryFn: ({ signal }) => apiGet(path, schema, { params: params as QueryParams, signal }),
    placeholderData: keepPreviousData,
  });
}
