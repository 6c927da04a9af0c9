import { ApplicationStatusSchema, type ApplicationStatusQuery } from '@portal/shared';
import { useMutation } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';

/** POST (not GET: the 身分證 stays out of URLs) /api/application-status. */
export function queryApplicationStatus(query: ApplicationStatusQuery) {
  return apiPost('/api/application-status', query, ApplicationStatusSchema);
}

export function useQueryApplicationStatus() {
  return useMutation({ mutationFn: queryApplicationStatus });
}
