import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AccountApplicationSchema,
  ApplicationResultSchema,
  ApplicationStatusQuerySchema,
  ApplicationStatusSchema,
  ErrorBodySchema,
} from '@portal/shared';
import { rateLimitPerIp } from '../../plugins/rate-limit.js';
import { submitApplication } from '../../services/accounts/account-application.js';
import { queryApplicationStatus } from '../../services/accounts/application-status.js';

/** 帳號申請 and 申請進度查詢 (no login). */
export const applicationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/applications',
    {
      // Each application costs an argon2id hash: bound what one address can make us do.
      config: rateLimitPerIp(20, '10 minutes'),
      schema: {
        tags: ['applications'],
        summary: '帳號申請',
        body: AccountApplicationSchema,
        response: {
          201: ApplicationResultSchema,
          400: ErrorBodySchema,
          404: ErrorBodySchema,
          409: ErrorBodySchema,
          422: ErrorBodySchema,
          429: ErrorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const result = await submitApplication(
        { prisma: app.db.prisma, crypto: app.nationalIdCrypto, publicOrigin: app.mail.origin },
        request.body,
        request.origin,
      );
      return reply.status(201).send(request.dispatchQueuedMail(result));
    },
  );

  /** POST, not GET: the 身分證 must not end up in URLs, logs or browser history. */
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
      return queryApplicationStatus({ prisma: app.db.prisma, crypto: app.nationalIdCrypto, failures: app.failureCounter }, request.body);
    },
  );
};
