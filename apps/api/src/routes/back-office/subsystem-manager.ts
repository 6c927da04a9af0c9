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
import {
  bulkApprove,
  decideAccessRequest,
  listAccessRequests,
  listManagedSubsystems,
  revokeAccess,
} from '../../services/back-office/subsystem-manager.js';
import { guardedRoutes } from '../../http/guarded-routes.js';
import { backOfficeErrors } from '../../http/responses.js';

export const subsystemManagerRoutes: FastifyPluginAsyncZod = async (app) => {
  const manager = guardedRoutes(app.authenticate, { roles: ['SUBSYSTEM_MANAGER'], tags: ['subsystem-manager'], errors: backOfficeErrors });
  const deps = () => ({ prisma: app.db.prisma, publicOrigin: app.mail.origin });

  app.get('/api/subsystem-manager/subsystems', manager('我管理的子系統（含待審核件數）', { response: { 200: ManagedSubsystemListSchema } }),
    async (request) => listManagedSubsystems(app.db.prisma, request.user.id),
  );

  app.get('/api/subsystem-manager/access-requests', manager('子系統使用申請清單（可依機構、縣市、申請日期查詢）', { querystring: AccessRequestQuerySchema, response: { 200: AccessRequestPageSchema } }),
    async (request) => listAccessRequests(app.db.prisma, request.user.id, request.query),
  );

  app.post('/api/subsystem-manager/access-requests/:id/decision', manager('核准／駁回子系統使用申請', { params: BackOfficeIdParamsSchema, body: DecisionRequestSchema, response: { 200: DecisionResultSchema } }),
    async (request) => request.dispatchQueuedMail(await decideAccessRequest(deps(), request.user.id, request.params.id, request.body, request.origin)),
  );

  app.post('/api/subsystem-manager/access-requests/:id/revoke', manager('停用已核准的子系統權限', { params: BackOfficeIdParamsSchema, body: RevokeAccessRequestSchema, response: { 200: DecisionResultSchema } }),
    async (request) => request.dispatchQueuedMail(await revokeAccess(deps(), request.user.id, request.params.id, request.body.reason, request.origin)),
  );

  app.post('/api/subsystem-manager/access-requests/bulk-approve', manager('批次核准（最多 1000 筆）', { body: BulkApproveRequestSchema, response: { 200: BulkApproveResultSchema } }),
    async (request) => request.dispatchQueuedMail(await bulkApprove(deps(), request.user.id, request.body.ids, request.origin)),
  );
};
