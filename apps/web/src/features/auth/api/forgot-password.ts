import { ForgotPasswordResponseSchema, type ForgotPasswordRequest } from '@portal/shared';
import { useMutation } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';

/** POST /api/auth/forgot-password: always the same 202 message (whether the account exists is not told). */
export function forgotPassword(request: ForgotPasswordRequest) {
  return apiPost('/api/auth/forgot-password', request, ForgotPasswordResponseSchema);
}

export function useForgotPassword() {
  return useMutation({ mutationFn: forgotPassword });
}
