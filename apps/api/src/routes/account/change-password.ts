import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ACCOUNT_MESSAGES, ChangePasswordRequestSchema, ErrorBodySchema, MessageResponseSchema } from '@portal/shared';
import { rateLimitPerIp } from '../../plugins/rate-limit.js';
import { changePassword } from '../../services/account-self-service.js';

export const changePasswordRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/account/password',
    {
      onRequest: [app.authenticate],
      // Each try verifies the current password: bound guessing through a stolen session too.
      config: rateLimitPerIp(20, '10 minutes'),
      schema: {
        tags: ['account'],
        summary: '變更密碼',
        body: ChangePasswordRequestSchema,
        response: { 200: MessageResponseSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 429: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const { sessionVersion } = await changePassword(
        { prisma: app.db.prisma, crypto: app.nationalIdCrypto },
        request.user,
        request.body,
        { ip: request.ip, requestId: request.id },
      );
      // Other logins ended with the version bump; this one continues with a fresh access token.
      app.auth.issueCookies(reply, {
        accountId: request.user.id,
        role: request.user.role,
        sessionVersion,
        familyId: request.user.familyId,
      });
      return { message: ACCOUNT_MESSAGES.passwordChanged };
    },
  );
};
