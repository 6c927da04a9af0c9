import { SsoInteractionDetailsSchema, SsoRedirectSchema } from '@portal/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../../lib/api-client';

/* Every call about one login sits under /api/sso/interactions/:uid: the provider's interaction cookie has that path. */
const interactionPath = (uid: string) => `/api/sso/interactions/${encodeURIComponent(uid)}`;

/**
 * GET …/details: which subsystem asks, who is logged in, and what may happen. Keyed by the
 * portal account, so that logging in on the page asks again.
 */
export function useInteractionDetails(uid: string, accountId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['sso-interaction', uid, accountId],
    queryFn: ({ signal }) => apiGet(`${interactionPath(uid)}/details`, SsoInteractionDetailsSchema, { signal }),
    enabled,
    staleTime: Infinity,
  });
}

/** POST …/continue: the provider's answer to send the browser to (back to the subsystem, signed in). */
export function useContinueInteraction(uid: string) {
  // The variable is the portal account that continues, so a refusal is known to be that account's.
  return useMutation({ mutationFn: (_accountId: string | null) => apiPost(`${interactionPath(uid)}/continue`, {}, SsoRedirectSchema) });
}

/** POST …/abort: back to the subsystem with access_denied. */
export function useAbortInteraction(uid: string) {
  return useMutation({ mutationFn: () => apiPost(`${interactionPath(uid)}/abort`, {}, SsoRedirectSchema) });
}

/** Leaves the SPA for the provider or the subsystem (a full navigation, never the router). */
export function leaveFor(url: string): void {
  window.location.assign(url);
}
