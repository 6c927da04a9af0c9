import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ACCOUNT_MESSAGES,
  ConfirmEmailRequestSchema,
  ErrorBodySchema,
  MessageResponseSchema,
  ProfileSchema,
  UpdateProfileRequestSchema,
  UpdateProfileResponseSchema,
} from '@portal/shared';
import { ownDataRoute } from '../../http/own-data.js';
import { rateLimitPerIp } from '../../plugins/rate-limit.js';
import { confirmEmailChange, getProfile, updateProfile } from '../../services/accounts/profile.js';

/** 帳號資料: read and change one's own profile; confirm a new E-mail from the mailed link. */
export const profileRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/account/profile', ownDataRoute(app.authenticate, { tags: ['account'], summary: '帳號資料', response: ProfileSchema }), async (request) =>
    getProfile(app.db.prisma, request.user.id),
  );

  app.patch(
    '/api/account/profile',
    {
      onRequest: [app.authenticate],
      // A new E-mail needs the current password: bound guessing through a stolen session.
      config: rateLimitPerIp(20, '10 minutes'),
      schema: {
        tags: ['account'],
        summary: '修改帳號資料（市話、手機、E-mail；變更 E-mail 須輸入目前的密碼）',
        body: UpdateProfileRequestSchema,
        response: { 200: UpdateProfileResponseSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 429: ErrorBodySchema },
      },
    },
    async (request) =>
      request.dispatchQueuedMail(
        await updateProfile(
          { prisma: app.db.prisma, publicOrigin: app.auth.publicOrigin, failures: app.failureCounter },
          request.user.id,
          request.body,
          request.origin,
        ),
      ),
  );

  /** Opened from the mail, possibly in another browser: the token is the proof, no login needed. */
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
      await confirmEmailChange(app.db.prisma, request.body.token, request.origin);
      return { message: ACCOUNT_MESSAGES.emailConfirmed };
    },
  );
};
