import { SessionSchema, type LoginRequest } from '@portal/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';
import { setSession } from '../../../lib/session';

/** POST /api/auth/login: the session body (the API sets the cookies). */
export function login(request: LoginRequest) {
  return apiPost('/api/auth/login', request, SessionSchema);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => setSession(queryClient, session),
  });
}
