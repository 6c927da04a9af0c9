import { SsoRedirectSchema } from '@portal/shared';
import { useMutation } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';

/**
 * POST /api/sso/logout: confirms the logout a subsystem asked for, with the provider's `xsrf`
 * from the page address; ends the provider's and the portal's session of this browser and
 * answers where to go (the subsystem's registered post-logout page, or /sso/logged-out).
 */
export function useConfirmSsoLogout() {
  return useMutation({ mutationFn: (xsrf: string) => apiPost('/api/sso/logout', { xsrf }, SsoRedirectSchema) });
}
