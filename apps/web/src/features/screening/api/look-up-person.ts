import { ScreeningLookupResultSchema, type ScreeningLookupRequest } from '@portal/shared';
import { useMutation } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';

/** POST (the 身分證 stays out of URLs and history) /api/screening/lookups. */
export function lookUpPerson(request: ScreeningLookupRequest) {
  return apiPost('/api/screening/lookups', request, ScreeningLookupResultSchema);
}

export function useLookUpPerson() {
  return useMutation({ mutationFn: lookUpPerson });
}
