import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApplicationStatusQuerySchema, ApplicationStatusSchema, ErrorBodySchema } from '@portal/shared';
import { rateLimitPerIp } from '../../plugins/rate-limit.js';
import { queryApplicationStatus } from '../../services/application-status.js';

/** POST, not GET: the 身分證 must not end up in URLs, logs or browser history. */
export const queryApplicationStatusRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/application-status',
    {
      config: rateLimitPerIp(20, '10 minutes'),
      schema: {
        tags: ['applications'],
        summary: '申請進度查詢',
        body: ApplicationStatusQuerySchema,
        response: { 200: ApplicationStatusSchema, 400: ErrorBodySchema, 404: ErrorBodySchema, 415: ErrorBodySchema, 429: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return queryApplicationStatus({ prisma: app.db.prisma, crypto: app.nationalIdCrypto }, request.body);
    },
  );
};
