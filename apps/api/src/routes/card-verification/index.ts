import type { FastifyPluginAsync } from 'fastify';
import { createPendingChallengeRoute } from './create-pending-challenge.js';
import { verifyPendingCardRoute } from './verify-pending-card.js';

/** /api/card-verification/*: 醫事機構卡驗證 of a pending manager application (no login). */
export const cardVerificationRoutes: FastifyPluginAsync = async (app) => {
  await app.register(createPendingChallengeRoute);
  await app.register(verifyPendingCardRoute);
};
