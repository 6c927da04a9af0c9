import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Interaction } from 'oidc-provider';
import {
  SSO_MESSAGES,
  SsoEmptyBodySchema,
  SsoInteractionDetailsSchema,
  SsoInteractionParamsSchema,
  SsoLogoutRequestSchema,
  SsoRedirectSchema,
  type SsoDecision,
} from '@portal/shared';
import { HttpError } from '../../errors/http-error.js';
import { errorResponses } from '../../http/responses.js';
import { COOKIE_NAMES } from '../../plugins/auth.js';
import { rateLimitPerIp } from '../../plugins/rate-limit.js';
import { endSession } from '../../services/auth/sessions.js';
import { PASSWORD_ACR, PASSWORD_AMR } from '../../oidc/provider.js';
import { recordSsoSignIn, endSsoLogout } from '../../services/sso/sso-sign-in.js';
import { maySignInTo, readSsoAccount } from '../../services/sso/sso-account.js';

const interactionNotFound = () => new HttpError(404, 'SSO_INTERACTION_NOT_FOUND', SSO_MESSAGES.interactionNotFound);

/**
 * The provider's login hand-over to the portal. The provider sends the browser to
 * GET /api/sso/interactions/:uid (its `_interaction` cookie is scoped to that path), which
 * forwards to the SPA page /sso/continue/:uid. The page asks what to show, then continues with
 * the portal session by fetch: the portal's cookies are SameSite=Strict, so a navigation begun
 * at the subsystem would not carry them, a same-origin fetch does.
 */
export const ssoInteractionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['sso'];

  async function interactionOf(request: FastifyRequest & { params: { uid: string } }, reply: FastifyReply): Promise<Interaction> {
    try {
      const interaction = await app.oidc.provider.interactionDetails(request.raw, reply.raw);
      if (interaction.uid !== request.params.uid) throw interactionNotFound();
      return interaction;
    } catch (error) {
      if (error instanceof HttpError) throw error;
      // SessionNotFound: no cookie, expired, or another browser's interaction.
      throw interactionNotFound();
    }
  }

  app.get(
    '/api/sso/interactions/:uid',
    { schema: { tags, summary: '單一入口：登入流程轉至網頁', params: SsoInteractionParamsSchema } },
    async (request, reply) => reply.redirect(`/sso/continue/${encodeURIComponent(request.params.uid)}`, 303),
  );

  app.get(
    '/api/sso/interactions/:uid/details',
    {
      schema: {
        tags,
        summary: '單一入口：登入流程的子系統與下一步',
        params: SsoInteractionParamsSchema,
        response: { 200: SsoInteractionDetailsSchema, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const interaction = await interactionOf(request, reply);
      const clientId = String(interaction.params.client_id);
      const client = await app.oidc.provider.Client.find(clientId);
      if (!client) throw interactionNotFound();
      // The portal session is optional here: without one the page shows the login first.
      const loggedIn = await app.authenticate.call(app, request, reply).then(
        () => true,
        () => false,
      );
      const account = loggedIn ? await readSsoAccount(app.db.sql, request.user.id) : undefined;
      const decision: SsoDecision = !account ? 'LOGIN_REQUIRED' : maySignInTo(account, clientId) ? 'CONTINUE' : 'NOT_APPROVED';
      return {
        uid: interaction.uid,
        prompt: interaction.prompt.name === 'consent' ? ('consent' as const) : ('login' as const),
        client: { clientId, name: client.clientName ?? clientId },
        account: account ? { id: account.id, accountName: account.accountName, name: account.name } : null,
        decision,
      };
    },
  );

  app.post(
    '/api/sso/interactions/:uid/continue',
    {
      onRequest: [app.authenticate],
      config: rateLimitPerIp(60, '1 minute'),
      schema: {
        tags,
        summary: '單一入口：以目前的登入進入子系統',
        params: SsoInteractionParamsSchema,
        body: SsoEmptyBodySchema,
        response: { 200: SsoRedirectSchema, ...errorResponses(400, 401, 403, 404, 429) },
      },
    },
    async (request, reply) => {
      const interaction = await interactionOf(request, reply);
      const clientId = String(interaction.params.client_id);
      const account = await readSsoAccount(app.db.sql, request.user.id);
      if (!maySignInTo(account, clientId)) throw new HttpError(403, 'SSO_NOT_APPROVED', SSO_MESSAGES.notApproved);
      await recordSsoSignIn(app.db.prisma, account.id, clientId, request.origin);
      const redirectTo = await app.oidc.provider.interactionResult(
        request.raw,
        reply.raw,
        // remember: false makes the provider's session a browser-session cookie (shared clinic PCs).
        { login: { accountId: account.id, acr: PASSWORD_ACR, amr: PASSWORD_AMR, remember: false } },
        { mergeWithLastSubmission: false },
      );
      return { redirectTo };
    },
  );

  app.post(
    '/api/sso/interactions/:uid/abort',
    {
      config: rateLimitPerIp(60, '1 minute'),
      schema: {
        tags,
        summary: '單一入口：不進入子系統，返回子系統',
        params: SsoInteractionParamsSchema,
        body: SsoEmptyBodySchema,
        response: { 200: SsoRedirectSchema, ...errorResponses(400, 404, 429) },
      },
    },
    async (request, reply) => {
      await interactionOf(request, reply);
      const redirectTo = await app.oidc.provider.interactionResult(
        request.raw,
        reply.raw,
        { error: 'access_denied', error_description: 'the user did not continue to the subsystem' },
        { mergeWithLastSubmission: false },
      );
      return { redirectTo };
    },
  );

  /**
   * The confirmation of a logout a subsystem asked for (RP-initiated logout). The SPA page posts
   * here by fetch rather than a form to /oidc/session/end/confirm, because the provider answers
   * that form with a redirect to the subsystem, which the portal's CSP form-action 'self' blocks.
   * `xsrf` must equal the secret the provider keeps in its session for this logout.
   */
  app.post(
    '/api/sso/logout',
    {
      config: rateLimitPerIp(30, '1 minute'),
      schema: {
        tags,
        summary: '單一入口：確認登出（子系統要求的登出）',
        body: SsoLogoutRequestSchema,
        response: { 200: SsoRedirectSchema, ...errorResponses(400, 429) },
      },
    },
    async (request, reply) => {
      const provider = app.oidc.provider;
      const session = await provider.Session.get(provider.createContext(request.raw, reply.raw));
      const state = session.state as { secret?: string; postLogoutRedirectUri?: string; state?: string } | undefined;
      if (!state?.secret || state.secret !== request.body.xsrf) throw new HttpError(400, 'SSO_LOGOUT_INVALID', SSO_MESSAGES.logoutInvalid);
      if (session.accountId) await endSsoLogout(app.db.prisma, session.accountId, request.origin);
      await session.destroy();
      // 登出 here is of the portal as well: the page says so, and a shared PC must not stay logged in.
      const portalSession = app.auth.sessionOfAccessToken(request.cookies[COOKIE_NAMES.access]);
      if (portalSession) {
        await endSession(app.db.prisma, { fromAccessToken: portalSession }, request.origin);
        app.auth.clearCookies(reply);
      }
      if (!state.postLogoutRedirectUri) return { redirectTo: '/sso/logged-out' };
      const target = new URL(state.postLogoutRedirectUri);
      if (state.state) target.searchParams.set('state', state.state);
      return { redirectTo: target.href };
    },
  );
};
