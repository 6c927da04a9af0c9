import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ACCOUNT_MESSAGES,
  AUTH_MESSAGES,
  ChangePasswordRequestSchema,
  ErrorBodySchema,
  ForgotPasswordRequestSchema,
  ForgotPasswordResponseSchema,
  MessageResponseSchema,
  PasswordVerdictSchema,
  type PasswordVerdict,
  RatePasswordRequestSchema,
  RateResetPasswordRequestSchema,
  ResetPasswordRequestSchema,
} from '@portal/shared';
import { rateLimitPerIp } from '../../plugins/rate-limit.js';
import { changePassword, ratePasswordForAccount } from '../../services/auth/change-password.js';
import { countPasswordResetRequest, ratePasswordForReset, requestPasswordReset, resetPassword } from '../../services/auth/password-reset.js';

/** Ratings of candidate passwords per address and 10 minutes: a person typing pauses a few dozen times. */
const RATE_PASSWORD_LIMIT = 120;

/** A verdict as the response schema has it (a plain array of the unmet rules). */
const answerOf = (verdict: PasswordVerdict) => ({ ...verdict, unmet: [...verdict.unmet] });

/** 忘記密碼, 重設密碼 (no login: the e-mailed token is the proof) and 變更密碼 (logged in). */
export const passwordRoutes: FastifyPluginAsyncZod = async (app) => {
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
      await countPasswordResetRequest(app.failureCounter, request.body, request.ip);
      // The lookup, the link and the mail happen after the answer: its time and shape are the
      // same whether or not the account exists and the data match.
      const { body, origin } = request;
      request.runAfterResponse(async () => {
        const deps = { prisma: app.db.prisma, crypto: app.nationalIdCrypto, publicOrigin: app.auth.publicOrigin };
        if ((await requestPasswordReset(deps, body, origin)).mailQueued) app.mail.kick();
      });
      return reply.status(202).send({ message: AUTH_MESSAGES.forgotPasswordAccepted });
    },
  );

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
      await resetPassword({ prisma: app.db.prisma, crypto: app.nationalIdCrypto, failures: app.failureCounter }, request.body, request.origin);
      // Every session of the account has just ended; this browser's cookies go too.
      app.auth.clearCookies(reply);
      return { message: AUTH_MESSAGES.passwordResetDone };
    },
  );

  // The meters of 重設密碼 and 變更密碼 (debounced in the browser): a verdict only, nothing
  // changes, so no audit event. The 身分證 is one of the inputs; it is never answered, and a
  // verdict only moves when a guess contains the whole 身分證, which these limits put out of
  // reach of guessing.
  app.post(
    '/api/auth/reset-password/strength',
    {
      config: rateLimitPerIp(RATE_PASSWORD_LIMIT, '10 minutes'),
      schema: {
        tags: ['auth'],
        summary: '重設密碼：新密碼的強度（依帳號資料）',
        body: RateResetPasswordRequestSchema,
        response: { 200: PasswordVerdictSchema, 400: ErrorBodySchema, 415: ErrorBodySchema, 429: ErrorBodySchema },
      },
    },
    async (request) => answerOf(await ratePasswordForReset({ prisma: app.db.prisma, crypto: app.nationalIdCrypto }, request.body)),
  );

  app.post(
    '/api/account/password/strength',
    {
      onRequest: [app.authenticate],
      config: rateLimitPerIp(RATE_PASSWORD_LIMIT, '10 minutes'),
      schema: {
        tags: ['account'],
        summary: '變更密碼：新密碼的強度（依帳號資料）',
        body: RatePasswordRequestSchema,
        response: { 200: PasswordVerdictSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 429: ErrorBodySchema },
      },
    },
    async (request) => answerOf(await ratePasswordForAccount({ prisma: app.db.prisma, crypto: app.nationalIdCrypto }, request.user.id, request.body.password)),
  );

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
        { prisma: app.db.prisma, crypto: app.nationalIdCrypto, failures: app.failureCounter },
        request.user,
        request.body,
        request.origin,
      );
      // Other logins ended with the version bump; this one continues with a fresh access token.
      app.auth.issueCookies(reply, {
        accountId: request.user.id,
        role: request.user.role,
        sessionVersion,
        familyId: request.user.familyId,
        deadlines: request.user.deadlines,
      });
      return { message: ACCOUNT_MESSAGES.passwordChanged };
    },
  );
};
