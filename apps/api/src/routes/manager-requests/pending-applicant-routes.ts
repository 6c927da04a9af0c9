import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, ManagerRequestSchema, PendingApplicationCredentialsSchema } from '@portal/shared';
import { rateLimitPerIp } from '../../plugins/rate-limit.js';
import { ensurePaperRequestA } from '../../services/manager-requests/applicant.js';
import { refuseRequest } from '../../services/manager-requests/errors.js';
import { attachScan, renderRequestForm } from '../../services/manager-requests/paper.js';
import { authenticatePendingApplicant } from '../../services/manager-requests/pending-applicant.js';
import { managerRequestSelect, toManagerRequest } from '../../services/manager-requests/view.js';
import { FORM_FILENAME, managerRequestDeps, originOf, readUpload, sendFile } from './deps.js';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema, 429: ErrorBodySchema };
const tags = ['manager-requests'];
/** The pending applicant cannot log in: no scan link to follow; staff see the scan. */
const noScanUrl = () => '';

/**
 * 紙本審核 of a pending 單位業務管理者 application (kind A), without login: account name and
 * password in the body (JSON, or multipart fields for the scan), checked like a login.
 */
export const pendingApplicantRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = () => managerRequestDeps(app);
  const authenticate = (request: { body: unknown; ip: string; id: string }, credentials: { accountName: string; password: string }) =>
    authenticatePendingApplicant(
      { prisma: app.db.prisma, failures: app.failureCounter, dummyPasswordHash: app.auth.dummyPasswordHash },
      credentials,
      { ip: request.ip, requestId: request.id },
    );

  app.post(
    '/api/applications/paper-form',
    { config: rateLimitPerIp(20, '10 minutes'), schema: { tags, summary: '紙本審核：產生已填妥的申請表 (A)', body: PendingApplicationCredentialsSchema, response: { 200: z.any(), ...errors } } },
    async (request, reply) => {
      const applicant = await authenticate(request, request.body);
      const row = await ensurePaperRequestA(deps(), applicant, originOf(request));
      request.mailEnqueued = true;
      const pdf = await renderRequestForm(deps(), row, { id: applicant.id });
      return sendFile(reply, { filename: FORM_FILENAME(row.requestNo), contentType: 'application/pdf', data: pdf }, false);
    },
  );

  app.post(
    '/api/applications/manager-request',
    { config: rateLimitPerIp(20, '10 minutes'), schema: { tags, summary: '待驗證申請者的 A 申請狀態', body: PendingApplicationCredentialsSchema, response: { 200: ManagerRequestSchema, ...errors } } },
    async (request) => {
      const applicant = await authenticate(request, request.body);
      const row = await deps().prisma.managerRequest.findFirst({
        where: { accountId: applicant.id, kind: 'A' },
        orderBy: { submittedAt: 'desc' },
        select: managerRequestSelect,
      });
      if (!row) throw refuseRequest('MANAGER_REQUEST_NOT_FOUND');
      return toManagerRequest(row, noScanUrl);
    },
  );

  app.post(
    '/api/applications/paper-form/scan',
    {
      config: rateLimitPerIp(20, '10 minutes'),
      schema: { tags, summary: '紙本審核：上傳蓋妥關防的申請表掃描檔 (multipart: accountName, password, file)', response: { 200: ManagerRequestSchema, 413: ErrorBodySchema, 415: ErrorBodySchema, ...errors } },
    },
    async (request) => {
      const upload = await readUpload(request);
      const credentials = PendingApplicationCredentialsSchema.safeParse(upload.fields);
      if (!credentials.success) throw refuseRequest('PENDING_APPLICATION_NOT_FOUND');
      const applicant = await authenticate(request, credentials.data);
      const row = await ensurePaperRequestA(deps(), applicant, originOf(request));
      const updated = await attachScan(deps(), { id: applicant.id }, row.id, upload, originOf(request));
      request.mailEnqueued = true;
      return toManagerRequest(updated, noScanUrl);
    },
  );
};
