import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUTH_MESSAGES, ErrorBodySchema, SessionSchema } from '@portal/shared';
import { sessionExpired, unauthorized } from '../../errors/http-error.js';
import { COOKIE_NAMES } from '../../plugins/auth.js';
import { rotateRefreshToken } from '../../services/sessions.js';
import { findSessionAccount, toSessionBody } from '../../services/session-body.js';

export const refreshRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/auth/refresh',
    {
      schema: {
        tags: ['auth'],
        summary: '延長登入（換發權杖）',
        response: { 200: SessionSchema, 401: ErrorBodySchema, 403: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const presented = request.cookies[COOKIE_NAMES.refresh];
      if (!presented) throw unauthorized();
      const result = await rotateRefreshToken(app.db.prisma, presented, {
        ip: request.ip,
        requestId: request.id,
        userAgent: request.headers['user-agent'],
        beforeRotate: (familyId) => app.auth.assertCsrf(request, familyId),
      });
      if (result.kind !== 'rotated') {
        app.auth.clearCookies(reply);
        throw unauthorized(result.kind === 'reuse' ? 'SESSION_REUSED' : 'SESSION_EXPIRED', AUTH_MESSAGES.sessionExpired);
      }
      const account = await findSessionAccount(app.db.sql, result.account.id);
      // Deleted between the session check and here: as good as logged out.
      if (!account) throw sessionExpired();
      const cookies = app.auth.issueCookies(reply, {
        accountId: result.account.id,
        role: result.account.role,
        sessionVersion: result.account.sessionVersion,
        familyId: result.refresh.familyId,
        refreshToken: result.refresh.token,
      });
      return toSessionBody(account, cookies);
    },
  );
};
