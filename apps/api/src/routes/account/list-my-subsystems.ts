import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBodySchema, MySubsystemListSchema } from '@portal/shared';
import { listMySubsystems } from '../../services/account-self-service.js';

export const listMySubsystemsRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/account/subsystems',
    {
      onRequest: [app.authenticate],
      schema: { tags: ['account'], summary: '我的子系統', response: { 200: MySubsystemListSchema, 401: ErrorBodySchema } },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return listMySubsystems(app.db.prisma, request.user.id);
    },
  );
};
