import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';

/**
 * When the queries under the key are read again after the mutation:
 * - 'success': only after it succeeded (a failure changed nothing);
 * - 'settled': whatever the outcome (a failure may still have changed part of it);
 * - 'success-or-conflict': after a success or a 409, which means the list was out of date (someone
 *   else decided first), so it is refreshed as after a success.
 */
export type RefreshWhen = 'success' | 'settled' | 'success-or-conflict';

/** A mutation after which every query under `key` is read again (when `when` says). */
export function useRefreshingMutation<Variables, Result>(
  key: readonly unknown[],
  mutationFn: (variables: Variables) => Promise<Result>,
  when: RefreshWhen = 'success',
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: (_data: Result | undefined, error: Error | null) => {
      const refresh = () => queryClient.invalidateQueries({ queryKey: key });
      // A decision in a queue answers at once; its list catches up behind it.
      if (when === 'success-or-conflict') {
        if (!error || (error instanceof ApiError && error.status === 409)) void refresh();
        return;
      }
      if (when === 'settled' || !error) return refresh();
    },
  });
}
