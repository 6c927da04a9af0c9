import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ACCOUNT_MESSAGES, ConfirmEmailRequestSchema, ErrorBodySchema, MessageResponseSchema } from '@portal/shared';
import { rateLimitPerIp } from '../../plugins/rate-limit.js';
import { confirmEmailChange } from '../../services/account-self-service.js';

/** Opened from the mail, possibly in another browser: the token is the proof, no login needed. */
export const confirmEmailRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/account/confirm-email',
    {
      config: rateLimitPerIp(20, '10 minutes'),
      schema: {
        tags: ['account'],
        summary: '確認變更 E-mail',
        body: ConfirmEmailRequestSchema,
        response: { 200: MessageResponseSchema, 400: ErrorBodySchema, 415: ErrorBodySchema, 429: ErrorBodySchema },
      },
    },
    async (request) => {
      await confirmEmailChange(app.db.prisma, request.body.token, { ip: request.ip, requestId: request.id });
      return { message: ACCOUNT_MESSAGES.emailConfirmed };
    },
  );
};
