import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBodySchema, ProfileSchema } from '@portal/shared';
import { getProfile } from '../../services/account-self-service.js';

export const getProfileRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/account/profile',
    {
      onRequest: [app.authenticate],
      schema: { tags: ['account'], summary: '帳號資料', response: { 200: ProfileSchema, 401: ErrorBodySchema } },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return getProfile(app.db.prisma, request.user.id);
    },
  );
};
