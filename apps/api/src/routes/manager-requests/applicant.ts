import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CardChallengeSchema,
  CardSignatureSchema,
  CardVerificationResultSchema,
  CreateManagerRequestResponseSchema,
  CreateManagerRequestSchema,
  MANAGER_REQUEST_MESSAGES,
  ManagerRequestIdParamsSchema,
  ManagerRequestPreviewQuerySchema,
  ManagerRequestPreviewSchema,
  ManagerRequestSchema,
  MyManagerRequestsSchema,
} from '@portal/shared';
import { requireRoles } from '../../plugins/auth.js';
import { rateLimitPerIp } from '../../plugins/rate-limit.js';
import { sendFile } from '../../http/send-file.js';
import {
  applyRequestByCard,
  cancelRequest,
  choosePaper,
  createManagerRequest,
  findOwnOpenRequest,
  findOwnRequest,
  listOwnRequests,
  previewManagerRequest,
} from '../../services/manager-requests/applicant.js';
import { issueCardChallenge } from '../../services/manager-requests/card.js';
import { attachScan, readScan, renderRequestForm } from '../../services/manager-requests/paper.js';
import { ownerScanUrl, toManagerRequest } from '../../services/manager-requests/view.js';
import { managerRequestDeps, readScanUpload } from './deps.js';
import { errorResponses } from '../../http/responses.js';

const errors = errorResponses(400, 401, 403, 404, 409, 422);
const cardErrors = { ...errors, ...errorResponses(410, 429, 503) };
const tags = ['manager-requests'];

/**
 * B / C-a / C-b from the account page (logged in: 單位業務管理者 and 一般使用者), and the owner's
 * (or starter's) view of any of their requests. One endpoint per handler; they share the guard.
 */
export const applicantManagerRequestRoutes: FastifyPluginAsyncZod = async (app) => {
  const guard = { onRequest: [app.authenticate, requireRoles('INSTITUTION_MANAGER', 'GENERAL_USER')] };
  const deps = () => managerRequestDeps(app);

  app.get('/api/manager-requests', { ...guard, schema: { tags, summary: '我的管理者帳號申請、異動', response: { 200: MyManagerRequestsSchema, ...errors } } }, async (request) => {
    const { rows, open, availableKinds } = await listOwnRequests(deps(), request.user.id);
    return {
      items: rows.map((row) => toManagerRequest(row, ownerScanUrl)),
      open: open ? toManagerRequest(open, ownerScanUrl) : null,
      availableKinds,
    };
  });

  app.get(
    '/api/manager-requests/preview',
    { ...guard, schema: { tags, summary: '送出前檢查（是否將沒有管理者）', querystring: ManagerRequestPreviewQuerySchema, response: { 200: ManagerRequestPreviewSchema, ...errors } } },
    async (request) => previewManagerRequest(deps(), request.user.id, request.query),
  );

  app.post(
    '/api/manager-requests',
    { ...guard, schema: { tags, summary: '提出 B / C-a / C-b 申請', body: CreateManagerRequestSchema, response: { 201: CreateManagerRequestResponseSchema, ...errors } } },
    async (request, reply) => {
      const { row, leavesInstitutionWithoutManager } = await createManagerRequest(deps(), request.user.id, request.body, request.origin);
      return reply.status(201).send({
        request: toManagerRequest(row, ownerScanUrl),
        leavesInstitutionWithoutManager,
        warning: leavesInstitutionWithoutManager ? MANAGER_REQUEST_MESSAGES.noManagerLeftWarning : null,
      });
    },
  );

  app.get('/api/manager-requests/:id', { ...guard, schema: { tags, params: ManagerRequestIdParamsSchema, response: { 200: ManagerRequestSchema, ...errors } } }, async (request) =>
    toManagerRequest(await findOwnRequest(deps(), request.user.id, request.params.id), ownerScanUrl),
  );

  app.post(
    '/api/manager-requests/:id/card-challenge',
    { ...guard, config: rateLimitPerIp(60, '10 minutes'), schema: { tags, summary: '醫事機構卡驗證：取得挑戰值', params: ManagerRequestIdParamsSchema, response: { 201: CardChallengeSchema, ...cardErrors } } },
    async (request, reply) => {
      const row = await findOwnOpenRequest(deps(), request.user.id, request.params.id);
      const challenge = await issueCardChallenge(deps(), { institutionCode: row.institution.code, accountId: request.user.id, managerRequestId: row.id });
      return reply.status(201).send(challenge);
    },
  );

  app.post(
    '/api/manager-requests/:id/card-verification',
    { ...guard, config: rateLimitPerIp(60, '10 minutes'), schema: { tags, summary: '醫事機構卡驗證：送出簽章，成功即生效', params: ManagerRequestIdParamsSchema, body: CardSignatureSchema, response: { 200: CardVerificationResultSchema, ...cardErrors } } },
    async (request) => {
      const row = await findOwnOpenRequest(deps(), request.user.id, request.params.id);
      const applied = request.dispatchQueuedMail(await applyRequestByCard(deps(), request.user.id, row.id, request.body, request.origin));
      return { result: 'APPLIED' as const, message: MANAGER_REQUEST_MESSAGES.cardSuccess, request: toManagerRequest(applied, ownerScanUrl) };
    },
  );

  app.post(
    '/api/manager-requests/:id/paper',
    { ...guard, schema: { tags, summary: '改以紙本審核', params: ManagerRequestIdParamsSchema, response: { 200: ManagerRequestSchema, ...errors } } },
    async (request) => {
      await findOwnRequest(deps(), request.user.id, request.params.id);
      const row = request.dispatchQueuedMail(await choosePaper(deps(), request.user.id, request.params.id, request.origin));
      return toManagerRequest(row, ownerScanUrl);
    },
  );

  // The two files of one's own request: the filled-in form to print and stamp, and its scan.
  const ownFiles: { file: string; summary: string; read: (row: Awaited<ReturnType<typeof findOwnRequest>>, accountId: string) => Promise<Parameters<typeof sendFile>[1]> }[] = [
    { file: 'form.pdf', summary: '已填妥的管理者帳號申請、異動表 (PDF)', read: (row, accountId) => renderRequestForm(deps(), row, { id: accountId }) },
    { file: 'scan', summary: '已上傳的掃描檔', read: (row) => readScan(deps(), row) },
  ];
  for (const { file, summary, read } of ownFiles) {
    app.get(
      `/api/manager-requests/:id/${file}`,
      { ...guard, schema: { tags, summary, params: ManagerRequestIdParamsSchema, response: { 200: z.any(), ...errors } } },
      async (request, reply) => {
        const row = await findOwnRequest(deps(), request.user.id, request.params.id);
        return sendFile(reply, await read(row, request.user.id));
      },
    );
  }

  app.post(
    '/api/manager-requests/:id/scan',
    { ...guard, config: rateLimitPerIp(60, '10 minutes'), schema: { tags, summary: '上傳蓋妥關防的申請表掃描檔（取代先前上傳的掃描檔）', params: ManagerRequestIdParamsSchema, response: { 200: ManagerRequestSchema, ...errorResponses(413, 415, 429), ...errors } } },
    async (request) => {
      await findOwnRequest(deps(), request.user.id, request.params.id);
      const { file } = await readScanUpload(request);
      const row = request.dispatchQueuedMail(await attachScan(deps(), { id: request.user.id }, request.params.id, file, request.origin));
      return toManagerRequest(row, ownerScanUrl);
    },
  );

  app.post(
    '/api/manager-requests/:id/cancel',
    { ...guard, schema: { tags, summary: '取消申請', params: ManagerRequestIdParamsSchema, response: { 200: ManagerRequestSchema, ...errors } } },
    async (request) => {
      await findOwnRequest(deps(), request.user.id, request.params.id);
      return toManagerRequest(await cancelRequest(deps(), request.user.id, request.params.id, request.origin), ownerScanUrl);
    },
  );
};
