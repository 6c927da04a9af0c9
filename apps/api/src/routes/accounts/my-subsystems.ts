import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBodySchema, MySubsystemListSchema, MySubsystemSchema, RequestSubsystemSchema } from '@portal/shared';
import { ownDataRoute } from '../../http/own-data.js';
import { requireRoles } from '../../plugins/auth.js';
import { listMySubsystems, requestSubsystem } from '../../services/accounts/my-subsystems.js';

/** 我的子系統 and 申請其他子系統. */
export const mySubsystemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/account/subsystems', ownDataRoute(app.authenticate, { tags: ['account'], summary: '我的子系統', response: MySubsystemListSchema }), async (request) =>
    listMySubsystems(app.db.prisma, request.user.id),
  );

  app.post(
    '/api/account/subsystems',
    {
      // Only institution staff have subsystems to request.
      onRequest: [app.authenticate, requireRoles('INSTITUTION_MANAGER', 'GENERAL_USER')],
      schema: {
        tags: ['account'],
        summary: '申請其他子系統',
        body: RequestSubsystemSchema,
        response: { 201: MySubsystemSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const result = await requestSubsystem(app.db.prisma, request.user.id, request.body.code, request.origin);
      return reply.status(201).send(result);
    },
  );
};
