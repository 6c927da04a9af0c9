import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUTH_MESSAGES, ErrorBodySchema, MessageResponseSchema, ResetPasswordRequestSchema } from '@portal/shared';
import { rateLimitPerIp } from '../../plugins/rate-limit.js';
import { resetPassword } from '../../services/password-reset.js';

export const resetPasswordRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/auth/reset-password',
    {
      config: rateLimitPerIp(20, '10 minutes'),
      schema: {
        tags: ['auth'],
        summary: '重設密碼',
        body: ResetPasswordRequestSchema,
        response: { 200: MessageResponseSchema, 400: ErrorBodySchema, 415: ErrorBodySchema, 429: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      await resetPassword({ prisma: app.db.prisma, crypto: app.nationalIdCrypto }, request.body, { ip: request.ip, requestId: request.id });
      // Every session of the account has just ended; this browser's cookies go too.
      app.auth.clearCookies(reply);
      return { message: AUTH_MESSAGES.passwordResetDone };
    },
  );
};
