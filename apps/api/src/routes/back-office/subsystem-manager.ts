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
  ErrorBodySchema,
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

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };

export const subsystemManagerRoutes: FastifyPluginAsyncZod = async (app) => {
  const guard = [app.authenticate, requireRoles('SUBSYSTEM_MANAGER')];
  const origin = (request: { ip: string; id: string }) => ({ ip: request.ip, requestId: request.id });
  const deps = () => ({ prisma: app.db.prisma, origin: app.mail.origin });

  app.get(
    '/api/subsystem-manager/subsystems',
    { onRequest: guard, schema: { tags: ['subsystem-manager'], summary: '我管理的子系統（含待審核件數）', response: { 200: ManagedSubsystemListSchema, ...errors } } },
    async (request) => listManagedSubsystems(app.db.prisma, request.user.id),
  );

  app.get(
    '/api/subsystem-manager/access-requests',
    {
      onRequest: guard,
      schema: { tags: ['subsystem-manager'], summary: '子系統使用申請清單（可依機構、縣市、申請日期查詢）', querystring: AccessRequestQuerySchema, response: { 200: AccessRequestPageSchema, ...errors } },
    },
    async (request) => listAccessRequests(app.db.prisma, request.user.id, request.query),
  );

  app.post(
    '/api/subsystem-manager/access-requests/:id/decision',
    {
      onRequest: guard,
      schema: { tags: ['subsystem-manager'], summary: '核准／駁回子系統使用申請', params: BackOfficeIdParamsSchema, body: DecisionRequestSchema, response: { 200: DecisionResultSchema, ...errors } },
    },
    async (request) => {
      const result = await decideAccessRequest(deps(), request.user.id, request.params.id, request.body, origin(request));
      request.mailEnqueued = true;
      return result;
    },
  );

  app.post(
    '/api/subsystem-manager/access-requests/:id/revoke',
    {
      onRequest: guard,
      schema: { tags: ['subsystem-manager'], summary: '停用已核准的子系統權限', params: BackOfficeIdParamsSchema, body: RevokeAccessRequestSchema, response: { 200: DecisionResultSchema, ...errors } },
    },
    async (request) => {
      const result = await revokeAccess(deps(), request.user.id, request.params.id, request.body.reason, origin(request));
      request.mailEnqueued = true;
      return result;
    },
  );

  app.post(
    '/api/subsystem-manager/access-requests/bulk-approve',
    {
      onRequest: guard,
      schema: { tags: ['subsystem-manager'], summary: '批次核准（最多 1000 筆）', body: BulkApproveRequestSchema, response: { 200: BulkApproveResultSchema, ...errors } },
    },
    async (request) => {
      const result = await bulkApprove(deps(), request.user.id, request.body.ids, origin(request));
      if (result.approved > 0) request.mailEnqueued = true;
      return result;
    },
  );
};
