import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CardChallengeSchema, ErrorBodySchema, PendingApplicationCredentialsSchema } from '@portal/shared';
import { rateLimitPerIp } from '../../plugins/rate-limit.js';
import { issueCardChallenge } from '../../services/manager-requests/card.js';
import { authenticatePendingApplicant } from '../../services/manager-requests/pending-applicant.js';
import { managerRequestDeps, originOf } from '../manager-requests/deps.js';

/** 醫事機構卡驗證 of a pending 單位業務管理者 application, step 1: the nonce to sign. */
export const createPendingChallengeRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/card-verification/challenges',
    {
      config: rateLimitPerIp(30, '10 minutes'),
      schema: {
        tags: ['card-verification'],
        summary: '醫事機構卡驗證：取得待簽章的挑戰值（待驗證的管理者申請）',
        body: PendingApplicationCredentialsSchema,
        response: { 201: CardChallengeSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 429: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const deps = managerRequestDeps(app);
      const applicant = await authenticatePendingApplicant(
        { prisma: deps.prisma, failures: app.failureCounter, dummyPasswordHash: app.auth.dummyPasswordHash },
        request.body,
        originOf(request),
      );
      const challenge = await issueCardChallenge(deps, {
        institutionCode: applicant.institution.code,
        accountId: applicant.id,
        managerRequestId: null,
      });
      return reply.status(201).send(challenge);
    },
  );
};
