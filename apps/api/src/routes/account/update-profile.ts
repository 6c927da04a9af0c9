import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBodySchema, UpdateProfileRequestSchema, UpdateProfileResponseSchema } from '@portal/shared';
import { updateProfile } from '../../services/account-self-service.js';

export const updateProfileRoute: FastifyPluginAsyncZod = async (app) => {
  app.patch(
    '/api/account/profile',
    {
      onRequest: [app.authenticate],
      schema: {
        tags: ['account'],
        summary: '修改帳號資料（市話、手機、E-mail）',
        body: UpdateProfileRequestSchema,
        response: { 200: UpdateProfileResponseSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema },
      },
    },
    async (request) =>
      updateProfile({ prisma: app.db.prisma, publicOrigin: app.auth.publicOrigin }, request.user.id, request.body, {
        ip: request.ip,
        requestId: request.id,
      }),
  );
};
