import type { FastifyPluginAsync } from 'fastify';
import multipart from '@fastify/multipart';
import { applicantManagerRequestRoutes } from './applicant-routes.js';
import { MULTIPART_LIMITS } from './deps.js';
import { pendingApplicantRoutes } from './pending-applicant-routes.js';
import { staffManagerRequestRoutes } from './staff-routes.js';

/**
 * 管理者帳號申請、異動 (issue #5). The multipart parser is registered in this scope only, so no
 * other route accepts multipart bodies.
 */
export const managerRequestRoutes: FastifyPluginAsync = async (app) => {
  await app.register(multipart, { limits: MULTIPART_LIMITS });
  await app.register(applicantManagerRequestRoutes);
  await app.register(pendingApplicantRoutes);
  await app.register(staffManagerRequestRoutes);
};
