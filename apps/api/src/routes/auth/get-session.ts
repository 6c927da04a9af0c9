import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBodySchema, SessionSchema } from '@portal/shared';
import { sessionExpired } from '../../errors/http-error.js';
import { findSessionAccount, toSessionBody } from '../../services/session-body.js';

export const getSessionRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/auth/session',
    {
      onRequest: [app.authenticate],
      schema: { tags: ['auth'], summary: '目前的登入', response: { 200: SessionSchema, 401: ErrorBodySchema } },
    },
    async (request, reply) => {
      const account = await findSessionAccount(app.db.sql, request.user.id);
      // Deleted between the session check and here: as good as logged out.
      if (!account) throw sessionExpired();
      reply.header('cache-control', 'no-store');
      return toSessionBody(account, {
        csrfToken: app.auth.csrfTokenFor(request.user.familyId),
        accessExpiresAt: new Date(request.user.accessExpiresAt),
      });
    },
  );
};
