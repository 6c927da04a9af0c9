import { MessageResponseSchema, type ResetPasswordRequest } from '@portal/shared';
import { useMutation } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';

/** POST /api/auth/reset-password with the mailed token. */
export function resetPassword(request: ResetPasswordRequest) {
  return apiPost('/api/auth/reset-password', request, MessageResponseSchema);
}

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword });
}
