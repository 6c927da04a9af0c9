import { ProfileSchema, UpdateProfileResponseSchema, type UpdateProfileRequest } from '@portal/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPatch } from '../../../lib/api-client';
import { accountQueryKey } from '../../../lib/session';

export const profileQueryKey = [...accountQueryKey, 'profile'] as const;

/** GET /api/account/profile */
export function useGetProfile() {
  return useQuery({
    queryKey: profileQueryKey,
    queryFn: ({ signal }) => apiGet('/api/account/profile', ProfileSchema, { signal }),
  });
}

/** PATCH /api/account/profile (a new e-mail only gets a confirmation link). */
export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateProfileRequest) => apiPatch('/api/account/profile', request, UpdateProfileResponseSchema),
    onSuccess: (response) => queryClient.setQueryData(profileQueryKey, response.profile),
  });
}
