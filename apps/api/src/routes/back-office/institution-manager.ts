/** /api/institution-manager/*: the 單位業務管理者's queue and accounts (own institution only). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AccountStatusChangeRequestSchema,
  BackOfficeIdParamsSchema,
  DecisionRequestSchema,
  DecisionResultSchema,
  ErrorBodySchema,
  InstitutionAccountPageSchema,
  InstitutionAccountQuerySchema,
  PendingUserApplicationPageSchema,
  PendingUserApplicationQuerySchema,
} from '@portal/shared';
import { requireRoles } from '../../plugins/auth.js';
import {
  changeAccountStatus,
  decideApplication,
  listInstitutionAccounts,
  listPendingApplications,
} from '../../services/back-office/institution-manager.js';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };

export const institutionManagerRoutes: FastifyPluginAsyncZod = async (app) => {
  const guard = [app.authenticate, requireRoles('INSTITUTION_MANAGER')];
  const origin = (request: { ip: string; id: string }) => ({ ip: request.ip, requestId: request.id });

  app.get(
    '/api/institution-manager/applications',
    {
      onRequest: guard,
      schema: { tags: ['institution-manager'], summary: '一般使用者帳號申請待審核清單（本機構）', querystring: PendingUserApplicationQuerySchema, response: { 200: PendingUserApplicationPageSchema, ...errors } },
    },
    async (request) => listPendingApplications(app.db.prisma, request.user, request.query),
  );

  app.post(
    '/api/institution-manager/applications/:id/decision',
    {
      onRequest: guard,
      schema: { tags: ['institution-manager'], summary: '核准／駁回一般使用者帳號申請', params: BackOfficeIdParamsSchema, body: DecisionRequestSchema, response: { 200: DecisionResultSchema, ...errors } },
    },
    async (request) => {
      const result = await decideApplication({ prisma: app.db.prisma, origin: app.mail.origin }, request.user, request.params.id, request.body, origin(request));
      request.mailEnqueued = true;
      return result;
    },
  );

  app.get(
    '/api/institution-manager/accounts',
    {
      onRequest: guard,
      schema: { tags: ['institution-manager'], summary: '本機構帳號清單', querystring: InstitutionAccountQuerySchema, response: { 200: InstitutionAccountPageSchema, ...errors } },
    },
    async (request) => listInstitutionAccounts(app.db.prisma, request.user, request.query),
  );

  for (const change of ['deactivate', 'reactivate'] as const) {
    app.post(
      `/api/institution-manager/accounts/:id/${change}`,
      {
        onRequest: guard,
        schema: {
          tags: ['institution-manager'],
          summary: change === 'deactivate' ? '停用一般使用者帳號（立即登出）' : '重新啟用一般使用者帳號',
          params: BackOfficeIdParamsSchema,
          body: AccountStatusChangeRequestSchema.optional(),
          response: { 200: DecisionResultSchema, ...errors },
        },
      },
      async (request) => changeAccountStatus(app.db.prisma, request.user, request.params.id, change, request.body?.reason, origin(request)),
    );
  }
};
