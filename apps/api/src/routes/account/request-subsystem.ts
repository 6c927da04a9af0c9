import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBodySchema, MySubsystemSchema, RequestSubsystemSchema } from '@portal/shared';
import { requireRoles } from '../../plugins/auth.js';
import { requestSubsystem } from '../../services/account-self-service.js';

export const requestSubsystemRoute: FastifyPluginAsyncZod = async (app) => {
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
      const result = await requestSubsystem(app.db.prisma, request.user.id, request.body.code, { ip: request.ip, requestId: request.id });
      return reply.status(201).send(result);
    },
  );
};
