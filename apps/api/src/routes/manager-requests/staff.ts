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
import { sendFile } from '../../http/send-file.js';
import { attachScan, readScan, renderRequestForm } from '../../services/manager-requests/paper.js';
import { decide, findRequest, listForStaff, staffDetail } from '../../services/manager-requests/staff.js';
import { managerRequestDeps, originOf, readUpload } from './deps.js';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema, 422: ErrorBodySchema };
const tags = ['staff', 'manager-requests'];

/** 系統人員: the review queue of 紙本審核 (manager requests A / B / C). */
export const staffManagerRequestRoutes: FastifyPluginAsyncZod = async (app) => {
  const guard = { onRequest: [app.authenticate, requireRoles('SYSTEM_STAFF')] };
  const deps = () => managerRequestDeps(app);

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
    async (request, reply) => sendFile(reply, await readScan(deps(), await findRequest(deps(), request.params.id))),
  );

  app.get(
    '/api/staff/manager-requests/:id/form.pdf',
    { ...guard, schema: { tags, params: ManagerRequestIdParamsSchema, response: { 200: z.any(), ...errors } } },
    async (request, reply) => {
      const row = await findRequest(deps(), request.params.id);
      return sendFile(reply, await renderRequestForm(deps(), row, 'staff'));
    },
  );

  app.post(
    '/api/staff/manager-requests/:id/scan',
    { ...guard, schema: { tags, summary: '附加郵寄收到的掃描檔', params: ManagerRequestIdParamsSchema, response: { 200: StaffManagerRequestDetailSchema, 413: ErrorBodySchema, 415: ErrorBodySchema, ...errors } } },
    async (request) => {
      await findRequest(deps(), request.params.id);
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
