import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BackOfficeIdParamsSchema,
  CreateInstitutionRequestSchema,
  StaffInstitutionPageSchema,
  StaffInstitutionQuerySchema,
  StaffInstitutionSchema,
  UpdateInstitutionRequestSchema,
} from '@portal/shared';
import {
  createInstitution,
  listInstitutionsForStaff,
  setInstitutionClosed,
  updateInstitution,
} from '../../services/back-office/staff-institutions.js';
import { guardedRoutes } from '../../http/guarded-routes.js';
import { backOfficeErrors } from '../../http/responses.js';

export const staffInstitutionRoutes: FastifyPluginAsyncZod = async (app) => {
  const staff = guardedRoutes(app.authenticate, { roles: ['SYSTEM_STAFF'], tags: ['staff'], errors: backOfficeErrors });

  app.get('/api/staff/institutions', staff('醫事機構管理：查詢', { querystring: StaffInstitutionQuerySchema, response: { 200: StaffInstitutionPageSchema } }),
    async (request) => listInstitutionsForStaff(app.db.prisma, request.query),
  );
  app.post('/api/staff/institutions', staff('醫事機構管理：新增', { body: CreateInstitutionRequestSchema, response: { 201: StaffInstitutionSchema } }),
    async (request, reply) => reply.status(201).send(await createInstitution(app.db.prisma, request.user.id, request.body, request.origin)),
  );
  app.patch('/api/staff/institutions/:id', staff('醫事機構管理：修改', { params: BackOfficeIdParamsSchema, body: UpdateInstitutionRequestSchema, response: { 200: StaffInstitutionSchema } }),
    async (request) => updateInstitution(app.db.prisma, request.user.id, request.params.id, request.body, request.origin),
  );
  for (const [suffix, close, summary] of [['close', true, '醫事機構管理：關閉'], ['reopen', false, '醫事機構管理：重新開放']] as const) {
    app.post(`/api/staff/institutions/:id/${suffix}`, staff(summary, { params: BackOfficeIdParamsSchema, response: { 200: StaffInstitutionSchema } }),
      async (request) => setInstitutionClosed(app.db.prisma, request.user.id, request.params.id, close, request.origin),
    );
  }
};
