import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ManagerRequestDecisionSchema,
  ManagerRequestIdParamsSchema,
  StaffManagerRequestDetailSchema,
  StaffManagerRequestListSchema,
  StaffManagerRequestQuerySchema,
} from '@portal/shared';
import { requireRoles } from '../../plugins/auth.js';
import { errorResponses } from '../../http/responses.js';
import { sendFile } from '../../http/send-file.js';
import { attachScan, readScan, renderRequestForm } from '../../services/manager-requests/paper.js';
import { decide, findRequest, listForStaff, staffDetail } from '../../services/manager-requests/staff.js';
import { managerRequestDeps, readScanUpload } from './deps.js';

const errors = errorResponses(400, 401, 403, 404, 409, 422);
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
    { ...guard, schema: { tags, summary: '附加郵寄收到的掃描檔', params: ManagerRequestIdParamsSchema, response: { 200: StaffManagerRequestDetailSchema, ...errorResponses(413, 415), ...errors } } },
    async (request) => {
      await findRequest(deps(), request.params.id);
      const { file } = await readScanUpload(request);
      request.dispatchQueuedMail(await attachScan(deps(), { id: request.user.id }, request.params.id, file, request.origin));
      return staffDetail(deps(), request.params.id);
    },
  );

  app.post(
    '/api/staff/manager-requests/:id/decision',
    { ...guard, schema: { tags, summary: '核准或駁回', params: ManagerRequestIdParamsSchema, body: ManagerRequestDecisionSchema, response: { 200: StaffManagerRequestDetailSchema, ...errors } } },
    async (request) => {
      request.dispatchQueuedMail(await decide(deps(), request.user.id, request.params.id, request.body, request.origin));
      return staffDetail(deps(), request.params.id);
    },
  );
};
