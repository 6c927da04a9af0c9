import { MessageResponseSchema } from '@portal/shared';
import { useQuery } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';

/**
 * POST /api/account/confirm-email once per token: a query (not a mutation in an effect) so
 * that a double render never spends the one-time token twice.
 */
export function useConfirmEmail(token: string) {
  return useQuery({
    queryKey: ['confirm-email', token],
    queryFn: () => apiPost('/api/account/confirm-email', { token }, MessageResponseSchema),
    enabled: token !== '',
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
}
