import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUTH_MESSAGES, ErrorBodySchema, MessageResponseSchema } from '@portal/shared';
import { COOKIE_NAMES, type AccessClaims } from '../../plugins/auth.js';
import { recordAudit } from '../../services/audit.js';
import { revokeFamily, sha256Hex } from '../../services/sessions.js';

/**
 * 登出. Works with an expired access token too: the session is found by the refresh token
 * (its cookie is sent to /api/auth) or, failing that, by the access token. With no session at
 * all there is nothing to end and the answer is the same 200.
 */
export const logoutRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/auth/logout',
    {
      schema: { tags: ['auth'], summary: '登出', response: { 200: MessageResponseSchema, 403: ErrorBodySchema } },
    },
    async (request, reply) => {
      let session: { accountId: string; familyId: string } | null = null;
      const refresh = request.cookies[COOKIE_NAMES.refresh];
      if (refresh) {
        session = await app.db.prisma.session.findUnique({
          where: { tokenHash: sha256Hex(refresh) },
          select: { accountId: true, familyId: true },
        });
      }
      const access = request.cookies[COOKIE_NAMES.access];
      if (!session && access) {
        try {
          const claims = app.jwt.verify<AccessClaims>(access, { ignoreExpiration: true });
          session = { accountId: claims.sub, familyId: claims.sid };
        } catch {
          session = null;
        }
      }
      if (session) {
        app.auth.assertCsrf(request, session.familyId);
        const { accountId, familyId } = session;
        await app.db.prisma.$transaction(async (tx) => {
          await revokeFamily(tx, familyId);
          await recordAudit(tx, { actorId: accountId, action: 'auth.logout', entityType: 'session', entityId: familyId }, { ip: request.ip, requestId: request.id });
        });
      }
      app.auth.clearCookies(reply);
      return { message: AUTH_MESSAGES.loggedOut };
    },
  );
};
