/** /api/subsystem-manager/*: the 子系統管理者's queue (only the subsystems they manage). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AccessRequestPageSchema,
  AccessRequestQuerySchema,
  BackOfficeIdParamsSchema,
  BulkApproveRequestSchema,
  BulkApproveResultSchema,
  DecisionRequestSchema,
  DecisionResultSchema,
  ManagedSubsystemListSchema,
  RevokeAccessRequestSchema,
} from '@portal/shared';
import { requireRoles } from '../../plugins/auth.js';
import {
  bulkApprove,
  decideAccessRequest,
  listAccessRequests,
  listManagedSubsystems,
  revokeAccess,
} from '../../services/back-office/subsystem-manager.js';
import { backOfficeErrors } from '../../http/responses.js';

export const subsystemManagerRoutes: FastifyPluginAsyncZod = async (app) => {
  const guard = [app.authenticate, requireRoles('SUBSYSTEM_MANAGER')];
  const deps = () => ({ prisma: app.db.prisma, publicOrigin: app.mail.origin });

  app.get(
    '/api/subsystem-manager/subsystems',
    { onRequest: guard, schema: { tags: ['subsystem-manager'], summary: '我管理的子系統（含待審核件數）', response: { 200: ManagedSubsystemListSchema, ...backOfficeErrors } } },
    async (request) => listManagedSubsystems(app.db.prisma, request.user.id),
  );

  app.get(
    '/api/subsystem-manager/access-requests',
    {
      onRequest: guard,
      schema: { tags: ['subsystem-manager'], summary: '子系統使用申請清單（可依機構、縣市、申請日期查詢）', querystring: AccessRequestQuerySchema, response: { 200: AccessRequestPageSchema, ...backOfficeErrors } },
    },
    async (request) => listAccessRequests(app.db.prisma, request.user.id, request.query),
  );

  app.post(
    '/api/subsystem-manager/access-requests/:id/decision',
    {
      onRequest: guard,
      schema: { tags: ['subsystem-manager'], summary: '核准／駁回子系統使用申請', params: BackOfficeIdParamsSchema, body: DecisionRequestSchema, response: { 200: DecisionResultSchema, ...backOfficeErrors } },
    },
    async (request) => request.dispatchQueuedMail(await decideAccessRequest(deps(), request.user.id, request.params.id, request.body, request.origin)),
  );

  app.post(
    '/api/subsystem-manager/access-requests/:id/revoke',
    {
      onRequest: guard,
      schema: { tags: ['subsystem-manager'], summary: '停用已核准的子系統權限', params: BackOfficeIdParamsSchema, body: RevokeAccessRequestSchema, response: { 200: DecisionResultSchema, ...backOfficeErrors } },
    },
    async (request) => request.dispatchQueuedMail(await revokeAccess(deps(), request.user.id, request.params.id, request.body.reason, request.origin)),
  );

  app.post(
    '/api/subsystem-manager/access-requests/bulk-approve',
    {
      onRequest: guard,
      schema: { tags: ['subsystem-manager'], summary: '批次核准（最多 1000 筆）', body: BulkApproveRequestSchema, response: { 200: BulkApproveResultSchema, ...backOfficeErrors } },
    },
    async (request) => request.dispatchQueuedMail(await bulkApprove(deps(), request.user.id, request.body.ids, request.origin)),
  );
};
