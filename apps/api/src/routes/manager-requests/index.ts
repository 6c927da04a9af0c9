import type { FastifyPluginAsync } from 'fastify';
import multipart from '@fastify/multipart';
import { applicantManagerRequestRoutes } from './applicant.js';
import { MULTIPART_LIMITS } from './deps.js';
import { pendingCardRoutes, pendingPaperRoutes } from './pending-applicant.js';
import { staffManagerRequestRoutes } from './staff.js';

/**
 * 管理者帳號申請、異動 (A / B / C-a / C-b) with 醫事機構卡驗證 and 紙本審核. The multipart parser is
 * registered only in the scope of the routes that take a scan, so no other route accepts
 * multipart bodies (an anonymous JSON endpoint must answer a cross-site form post with 415).
 */
export const managerRequestRoutes: FastifyPluginAsync = async (app) => {
  await app.register(pendingCardRoutes);
  await app.register(async (uploads) => {
    await uploads.register(multipart, { limits: MULTIPART_LIMITS });
    await uploads.register(applicantManagerRequestRoutes);
    await uploads.register(pendingPaperRoutes);
    await uploads.register(staffManagerRequestRoutes);
  });
};
