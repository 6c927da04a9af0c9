import { MessageResponseSchema, type ChangePasswordRequest } from '@portal/shared';
import { useMutation } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';

/** POST /api/account/password: this session goes on, every other one ends. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (request: ChangePasswordRequest) => apiPost('/api/account/password', request, MessageResponseSchema),
  });
}
