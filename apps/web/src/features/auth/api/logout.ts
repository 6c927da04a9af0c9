import { MessageResponseSchema } from '@portal/shared';
import { useMutation } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';

/** POST /api/auth/logout (with X-CSRF-Token): ends the session and clears the cookies. */
export function logout() {
  return apiPost('/api/auth/logout', {}, MessageResponseSchema);
}

export function useLogout() {
  return useMutation({ mutationFn: logout });
}
