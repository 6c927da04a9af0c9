import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBodySchema,
  ManagerRequestDecisionSchema,
  ManagerRequestIdParamsSchema,
  StaffManagerRequestDetailSchema,
  StaffManagerRequestListSchema,
  StaffManagerRequestQuerySchema,
} from '@portal/shared';
import { requireRoles } from '../../plugins/auth.js';
import { refuseRequest } from '../../services/manager-requests/errors.js';
import { attachScan, readScan, renderRequestForm } from '../../services/manager-requests/paper.js';
import { decide, listForStaff, staffDetail } from '../../services/manager-requests/staff.js';
import { managerRequestSelect } from '../../services/manager-requests/view.js';
import { FORM_FILENAME, managerRequestDeps, originOf, readUpload, sendFile } from './deps.js';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema, 422: ErrorBodySchema };
const tags = ['staff', 'manager-requests'];

/** 系統人員: the review queue of 紙本審核 (manager requests A / B / C). */
export const staffManagerRequestRoutes: FastifyPluginAsyncZod = async (app) => {
  const guard = { onRequest: [app.authenticate, requireRoles('SYSTEM_STAFF')] };
  const deps = () => managerRequestDeps(app);
  const findRow = async (id: string) => {
    const row = await deps().prisma.managerRequest.findUnique({ where: { id }, select: managerRequestSelect });
    if (!row) throw refuseRequest('MANAGER_REQUEST_NOT_FOUND');
    return row;
  };

  app.get(
    '/api/staff/manager-requests',
    { ...guard, schema: { tags, summary: '管理者帳號申請、異動審核清單（逾期優先）', querystring: StaffManagerRequestQuerySchema, response: { 200: StaffManagerRequestListSchema, ...errors } } },
    async (request) => listForStaff(deps(), request.query),
  );

  app.get(
    '/api/staff/manager-requests/:id',
    { ...guard, schema: { tags, params: ManagerRequestIdParamsSchema, response: { 200: StaffManagerRequestDetailSchema, ...errors } } },
    async (request) => staffDetail(deps(), request.params.id),
  );

  app.get(
    '/api/staff/manager-requests/:id/scan',
    { ...guard, schema: { tags, params: ManagerRequestIdParamsSchema, response: { 200: z.any(), ...errors } } },
    async (request, reply) => sendFile(reply, await readScan(deps(), await findRow(request.params.id))),
  );

  app.get(
    '/api/staff/manager-requests/:id/form.pdf',
    { ...guard, schema: { tags, params: ManagerRequestIdParamsSchema, response: { 200: z.any(), ...errors } } },
    async (request, reply) => {
      const row = await findRow(request.params.id);
      const pdf = await renderRequestForm(deps(), row, 'staff');
      return sendFile(reply, { filename: FORM_FILENAME(row.requestNo), contentType: 'application/pdf', data: pdf });
    },
  );

  app.post(
    '/api/staff/manager-requests/:id/scan',
    { ...guard, schema: { tags, summary: '附加郵寄收到的掃描檔', params: ManagerRequestIdParamsSchema, response: { 200: StaffManagerRequestDetailSchema, 413: ErrorBodySchema, 415: ErrorBodySchema, ...errors } } },
    async (request) => {
      await findRow(request.params.id);
      const upload = await readUpload(request);
      await attachScan(deps(), { id: request.user.id }, request.params.id, upload, originOf(request));
      request.mailEnqueued = true;
      return staffDetail(deps(), request.params.id);
    },
  );

  app.post(
    '/api/staff/manager-requests/:id/decision',
    { ...guard, schema: { tags, summary: '核准或駁回', params: ManagerRequestIdParamsSchema, body: ManagerRequestDecisionSchema, response: { 200: StaffManagerRequestDetailSchema, ...errors } } },
    async (request) => {
      await decide(deps(), request.user.id, request.params.id, request.body, originOf(request));
      request.mailEnqueued = true;
      return staffDetail(deps(), request.params.id);
    },
  );
};
