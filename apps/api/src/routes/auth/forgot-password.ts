import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUTH_MESSAGES, ErrorBodySchema, ForgotPasswordRequestSchema, ForgotPasswordResponseSchema } from '@portal/shared';
import { rateLimitPerIp } from '../../plugins/rate-limit.js';
import { TooManyAttemptsError } from '../../errors/http-error.js';
import { requestPasswordReset } from '../../services/password-reset.js';

export const forgotPasswordRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/auth/forgot-password',
    {
      config: rateLimitPerIp(10, '10 minutes'),
      schema: {
        tags: ['auth'],
        summary: '忘記密碼',
        body: ForgotPasswordRequestSchema,
        response: { 202: ForgotPasswordResponseSchema, 400: ErrorBodySchema, 415: ErrorBodySchema, 429: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      try {
        await requestPasswordReset(
          { prisma: app.db.prisma, crypto: app.nationalIdCrypto, failures: app.failureCounter, publicOrigin: app.auth.publicOrigin },
          request.body,
          { ip: request.ip, requestId: request.id },
        );
      } catch (error) {
        if (error instanceof TooManyAttemptsError) reply.header('retry-after', String(error.retryAfterSeconds));
        throw error;
      }
      return reply.status(202).send({ message: AUTH_MESSAGES.forgotPasswordAccepted });
    },
  );
};
