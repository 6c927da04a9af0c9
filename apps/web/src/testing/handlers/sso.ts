import { SSO_MESSAGES, type ErrorBody, type SsoDecision, type SsoInteractionDetails, type SsoRedirect } from '@portal/shared';
import { http, HttpResponse } from 'msw';

export const SSO_UID = 'a1B2c3D4e5F6g7H8i9J0';
export const SSO_REDIRECT = 'http://localhost:3001/callback?code=the-code&state=the-state&iss=http%3A%2F%2Flocalhost%3A3000%2Foidc';
export const SSO_ABORT_REDIRECT = 'http://localhost:3001/callback?error=access_denied&state=the-state';

const expired = () =>
  HttpResponse.json({ code: 'SSO_INTERACTION_NOT_FOUND', message: SSO_MESSAGES.interactionNotFound } satisfies ErrorBody, { status: 404 });

export function interactionDetails(decision: SsoDecision, account: SsoInteractionDetails['account'] = null): SsoInteractionDetails {
  return { uid: SSO_UID, prompt: 'login', client: { clientId: 'adult-preventive', name: '成人預防保健' }, account, decision };
}

/**
 * The login continuation of SSO_UID: details answer `decide()` (asked on every call, so a test
 * can change it after a login), continue and abort answer the provider's redirect. Any other
 * uid is an expired login. `calls` records what the page posted, with the CSRF header.
 */
export function ssoInteraction(decide: () => SsoDecision | ErrorBody & { status: number }) {
  const calls: Array<{ path: string; csrf: string | null; body: unknown }> = [];
  const record = async (request: Request, path: string) =>
    calls.push({ path, csrf: request.headers.get('x-csrf-token'), body: await request.json().catch(() => null) });
  const handlers = [
    http.get('*/api/sso/interactions/:uid/details', ({ params }) => {
      if (params.uid !== SSO_UID) return expired();
      const decision = decide();
      if (typeof decision === 'object') return HttpResponse.json({ code: decision.code, message: decision.message } satisfies ErrorBody, { status: decision.status });
      const account = decision === 'LOGIN_REQUIRED' ? null : { id: '11111111-1111-4111-8111-111111111111', accountName: 'demomanager', name: '王示範' };
      return HttpResponse.json(interactionDetails(decision, account));
    }),
    http.post('*/api/sso/interactions/:uid/continue', async ({ request, params }) => {
      await record(request, 'continue');
      if (params.uid !== SSO_UID) return expired();
      const decision = decide();
      if (decision === 'NOT_APPROVED') {
        return HttpResponse.json({ code: 'SSO_NOT_APPROVED', message: SSO_MESSAGES.notApproved } satisfies ErrorBody, { status: 403 });
      }
      if (decision === 'LOGIN_REQUIRED') return HttpResponse.json({ code: 'UNAUTHORIZED', message: '請先登入。' } satisfies ErrorBody, { status: 401 });
      return HttpResponse.json({ redirectTo: SSO_REDIRECT } satisfies SsoRedirect);
    }),
    http.post('*/api/sso/interactions/:uid/abort', async ({ request }) => {
      await record(request, 'abort');
      return HttpResponse.json({ redirectTo: SSO_ABORT_REDIRECT } satisfies SsoRedirect);
    }),
  ];
  return { handlers, calls };
}

/** By default a logged-in, approved user's login goes on at once. */
export const ssoHandlers = ssoInteraction(() => 'CONTINUE').handlers;
