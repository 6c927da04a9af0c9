import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBodySchema, LoginRequestSchema, SessionSchema } from '@portal/shared';
import { rateLimitPerIp } from '../../plugins/rate-limit.js';
import { TooManyAttemptsError } from '../../errors/http-error.js';
import { login } from '../../services/login.js';
import { toSessionBody } from '../../services/session-body.js';

/**
 * Logins per client address in 10 minutes. Generous on purpose: a hospital's staff often share
 * one public address (NAT), so this only stops floods; guessing one account's password is
 * stopped by the per-account failure limit in the login service.
 */
export const PER_IP_LOGIN_LIMIT = 120;

export const loginRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/auth/login',
    {
      config: rateLimitPerIp(PER_IP_LOGIN_LIMIT, '10 minutes'),
      schema: {
        tags: ['auth'],
        summary: '服務登入',
        body: LoginRequestSchema,
        response: { 200: SessionSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 409: ErrorBodySchema, 415: ErrorBodySchema, 429: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      let result;
      try {
        result = await login(
          { prisma: app.db.prisma, sql: app.db.sql, failures: app.failureCounter, dummyPasswordHash: app.auth.dummyPasswordHash },
          request.body,
          { ip: request.ip, requestId: request.id, userAgent: request.headers['user-agent'] },
        );
      } catch (error) {
        if (error instanceof TooManyAttemptsError) reply.header('retry-after', String(error.retryAfterSeconds));
        throw error;
      }
      const cookies = app.auth.issueCookies(reply, {
        accountId: result.account.id,
        role: result.account.role,
        sessionVersion: result.account.sessionVersion,
        familyId: result.refresh.familyId,
        refreshToken: result.refresh.token,
      });
      return toSessionBody(result.account, cookies);
    },
  );
};
