import { ProfileSchema, UpdateProfileResponseSchema, type UpdateProfileRequest } from '@portal/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPatch } from '../../../lib/api-client';
import { accountQuery } from './account-query';

const profile = accountQuery('profile', '/api/account/profile', ProfileSchema);
export const profileQueryKey = profile.queryKey;

/** GET /api/account/profile */
export const useGetProfile = profile.useAccountQuery;

/** PATCH /api/account/profile (a new e-mail only gets a confirmation link). */
export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateProfileRequest) => apiPatch('/api/account/profile', request, UpdateProfileResponseSchema),
    onSuccess: (response) => queryClient.setQueryData(profileQueryKey, response.profile),
  });
}
