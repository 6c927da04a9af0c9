/** /api/institution-manager/*: the 單位業務管理者's queue and accounts (own institution only). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AccountStatusChangeRequestSchema,
  BackOfficeIdParamsSchema,
  DecisionRequestSchema,
  DecisionResultSchema,
  InstitutionAccountPageSchema,
  InstitutionAccountQuerySchema,
  PendingUserApplicationPageSchema,
  PendingUserApplicationQuerySchema,
} from '@portal/shared';
import {
  changeAccountStatus,
  decideApplication,
  listInstitutionAccounts,
  listPendingApplications,
} from '../../services/back-office/institution-manager.js';
import { guardedRoutes } from '../../http/guarded-routes.js';
import { backOfficeErrors } from '../../http/responses.js';

export const institutionManagerRoutes: FastifyPluginAsyncZod = async (app) => {
  const manager = guardedRoutes(app.authenticate, { roles: ['INSTITUTION_MANAGER'], tags: ['institution-manager'], errors: backOfficeErrors });

  app.get('/api/institution-manager/applications', manager('一般使用者帳號申請待審核清單（本機構）', { querystring: PendingUserApplicationQuerySchema, response: { 200: PendingUserApplicationPageSchema } }),
    async (request) => listPendingApplications(app.db.prisma, request.user, request.query),
  );

  app.post('/api/institution-manager/applications/:id/decision', manager('核准／駁回一般使用者帳號申請', { params: BackOfficeIdParamsSchema, body: DecisionRequestSchema, response: { 200: DecisionResultSchema } }),
    async (request) => request.dispatchQueuedMail(await decideApplication({ prisma: app.db.prisma, publicOrigin: app.mail.origin }, request.user, request.params.id, request.body, request.origin)),
  );

  app.get('/api/institution-manager/accounts', manager('本機構帳號清單', { querystring: InstitutionAccountQuerySchema, response: { 200: InstitutionAccountPageSchema } }),
    async (request) => listInstitutionAccounts(app.db.prisma, request.user, request.query),
  );

  for (const change of ['deactivate', 'reactivate'] as const) {
    app.post(
      `/api/institution-manager/accounts/:id/${change}`,
      manager(change === 'deactivate' ? '停用一般使用者帳號（立即登出）' : '重新啟用一般使用者帳號', {
        params: BackOfficeIdParamsSchema,
        body: AccountStatusChangeRequestSchema.optional(),
        response: { 200: DecisionResultSchema },
      }),
      async (request) => changeAccountStatus(app.db.prisma, request.user, request.params.id, change, request.body?.reason, request.origin),
    );
  }
};
