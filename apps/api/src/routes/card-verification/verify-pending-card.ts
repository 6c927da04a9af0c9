import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CardSignatureSchema, CardVerificationResultSchema, ErrorBodySchema, MANAGER_REQUEST_MESSAGES } from '@portal/shared';
import { rateLimitPerIp } from '../../plugins/rate-limit.js';
import { activatePendingManagerByCard } from '../../services/manager-requests/applicant.js';
import { consumeAndVerify } from '../../services/manager-requests/card.js';
import { refuseRequest } from '../../services/manager-requests/errors.js';
import { managerRequestDeps, originOf } from '../manager-requests/deps.js';

/**
 * Step 2: the card's signature and certificate. On success the account is active at once
 * (成功！). The challenge id + nonce are the bearer proof of step 1's password check.
 */
export const verifyPendingCardRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/card-verification/verifications',
    {
      config: rateLimitPerIp(30, '10 minutes'),
      schema: {
        tags: ['card-verification'],
        summary: '醫事機構卡驗證：送出簽章，成功即開通帳號',
        body: CardSignatureSchema,
        response: {
          200: CardVerificationResultSchema,
          400: ErrorBodySchema,
          401: ErrorBodySchema,
          409: ErrorBodySchema,
          410: ErrorBodySchema,
          422: ErrorBodySchema,
          429: ErrorBodySchema,
          503: ErrorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const deps = managerRequestDeps(app);
      // Only challenges issued for a pending application (not bound to a B / C request).
      const { challenge, card } = await consumeAndVerify(deps, request.body, { managerRequestId: null }, originOf(request));
      if (!challenge.accountId) throw refuseRequest('PENDING_APPLICATION_NOT_FOUND');
      const account = await deps.prisma.account.findUnique({
        where: { id: challenge.accountId },
        select: { id: true, institution: { select: { id: true } } },
      });
      if (!account?.institution) throw refuseRequest('PENDING_APPLICATION_NOT_FOUND');
      await activatePendingManagerByCard(deps, { id: account.id, institution: account.institution }, card, originOf(request));
      request.mailEnqueued = true;
      return reply.send({ result: 'ACTIVATED', message: MANAGER_REQUEST_MESSAGES.cardSuccess, request: null });
    },
  );
};
