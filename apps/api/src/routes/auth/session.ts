import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AUTH_MESSAGES,
  ErrorBodySchema,
  LoginRequestSchema,
  MessageResponseSchema,
  RefreshRequestSchema,
  SESSION_END_CODES,
  sessionIdleExpiredMessage,
  sessionLifetimeExpiredMessage,
  SessionSchema,
} from '@portal/shared';
import { HttpError, sessionExpired, TooManyAttemptsError, unauthorized } from '../../errors/http-error.js';
import { COOKIE_NAMES } from '../../plugins/auth.js';
import { rateLimitPerIp } from '../../plugins/rate-limit.js';
import { login } from '../../services/auth/login.js';
import { findSessionAccount, toSessionBody, type SessionAccount } from '../../services/auth/session-body.js';
import { refreshSession } from '../../services/auth/refresh-rotation.js';
import { endSession, type IssuedRefreshToken } from '../../services/auth/sessions.js';

/**
 * Logins per client address in 10 minutes. Generous on purpose: a hospital's staff often share
 * one public address (NAT), so this only stops floods; guessing one account's password is
 * stopped by the per-account failure limit in the login service.
 */
export const PER_IP_LOGIN_LIMIT = 120;

/** /api/auth/login, session, refresh, logout: a login's life. */
export const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
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
      // A refusal (TooManyAttemptsError) gets its Retry-After from the errors plugin.
      const result = await login(
        { prisma: app.db.prisma, sql: app.db.sql, failures: app.failureCounter, dummyPasswordHash: app.auth.dummyPasswordHash, lifetime: app.auth.lifetime },
        request.body,
        { ...request.origin, userAgent: request.headers['user-agent'] },
        app.auth.deviceIdOf(request, request.body.accountName),
      ).catch((error: unknown) => {
        if (error instanceof TooManyAttemptsError) app.metrics.countLogin('locked');
        else if (error instanceof HttpError && error.statusCode < 500) app.metrics.countLogin('failure');
        throw error;
      });
      app.metrics.countLogin('success');
      app.auth.issueDeviceCookie(reply, request.body.accountName);
      return sessionBodyWithCookies(reply, result);
    },
  );

  app.get(
    '/api/auth/session',
    {
      onRequest: [app.authenticate],
      schema: { tags: ['auth'], summary: '目前的登入', response: { 200: SessionSchema, 401: ErrorBodySchema } },
    },
    async (request, reply) => {
      const account = await findSessionAccount(app.db.sql, request.user.id);
      // Deleted between the session check and here: as good as logged out.
      if (!account) throw sessionExpired();
      reply.header('cache-control', 'no-store');
      return toSessionBody(account, {
        csrfToken: app.auth.csrfTokenFor(request.user.familyId),
        accessExpiresAt: new Date(request.user.accessExpiresAt),
        ...request.user.deadlines,
        idleTimeoutSeconds: app.auth.lifetime.idleMs / 1000,
      });
    },
  );

  app.post(
    '/api/auth/refresh',
    {
      schema: {
        tags: ['auth'],
        summary: '延長登入（換發權杖）',
        body: RefreshRequestSchema,
        response: { 200: SessionSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 415: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const presented = request.cookies[COOKIE_NAMES.refresh];
      if (!presented) throw unauthorized();
      const { lifetime } = app.auth;
      const result = await refreshSession(app.db, presented, { lifetime, rotation: app.auth.refreshRotation }, {
        ...request.origin,
        userAgent: request.headers['user-agent'],
        idleSeconds: request.body?.idleSeconds,
        beforeRotate: (familyId) => app.auth.assertCsrf(request, familyId),
      });
      if (result.kind === 'expired') {
        app.auth.clearCookies(reply);
        throw unauthorized(
          SESSION_END_CODES[result.reason],
          result.reason === 'idle'
            ? sessionIdleExpiredMessage(lifetime.idleMs / 60_000)
            : sessionLifetimeExpiredMessage(lifetime.absoluteMs / 3_600_000),
        );
      }
      if (result.kind !== 'rotated') {
        app.auth.clearCookies(reply);
        throw unauthorized(result.kind === 'reuse' ? 'SESSION_REUSED' : 'SESSION_EXPIRED', AUTH_MESSAGES.sessionExpired);
      }
      return sessionBodyWithCookies(reply, result);
    },
  );

  /**
   * 登出. Works with an expired access token too: the session is found by the refresh token
   * (its cookie is sent to /api/auth) or, failing that, by the access token. With no session at
   * all there is nothing to end and the answer is the same 200.
   */
  app.post(
    '/api/auth/logout',
    {
      schema: { tags: ['auth'], summary: '登出', response: { 200: MessageResponseSchema, 403: ErrorBodySchema } },
    },
    async (request, reply) => {
      await endSession(
        app.db.prisma,
        { refreshToken: request.cookies[COOKIE_NAMES.refresh], fromAccessToken: app.auth.sessionOfAccessToken(request.cookies[COOKIE_NAMES.access]) },
        { ...request.origin, beforeEnd: (familyId) => app.auth.assertCsrf(request, familyId) },
      );
      app.auth.clearCookies(reply);
      return { message: AUTH_MESSAGES.loggedOut };
    },
  );

  /** A new or rotated refresh token: the cookies of the session, and its body. */
  function sessionBodyWithCookies(
    reply: FastifyReply,
    { account, refresh }: { account: SessionAccount & { sessionVersion: number }; refresh: IssuedRefreshToken },
  ) {
    const cookies = app.auth.issueCookies(reply, {
      accountId: account.id,
      role: account.role,
      sessionVersion: account.sessionVersion,
      familyId: refresh.familyId,
      deadlines: { idleExpiresAt: refresh.idleExpiresAt, absoluteExpiresAt: refresh.absoluteExpiresAt },
      refreshToken: refresh.token,
    });
    return toSessionBody(account, cookies);
  }

  /** The session an access token names, expired or not; none when it was not signed by us. */
};
