import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBodySchema, SessionSchema } from '@portal/shared';
import { sessionAccountSelect, toSessionBody } from '../../services/session-body.js';

export const getSessionRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/auth/session',
    {
      onRequest: [app.authenticate],
      schema: { tags: ['auth'], summary: '目前的登入', response: { 200: SessionSchema, 401: ErrorBodySchema } },
    },
    async (request, reply) => {
      const account = await app.db.prisma.account.findUniqueOrThrow({ where: { id: request.user.id }, select: sessionAccountSelect });
      reply.header('cache-control', 'no-store');
      return toSessionBody(account, {
        csrfToken: app.auth.csrfTokenFor(request.user.familyId),
        accessExpiresAt: new Date(request.user.accessExpiresAt),
      });
    },
  );
};
