import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CardChallengeSchema,
  CardSignatureSchema,
  CardVerificationResultSchema,
  MANAGER_REQUEST_MESSAGES,
  MANAGER_REQUEST_ROUTES,
  ManagerRequestSchema,
  MessageResponseSchema,
  PendingApplicationCredentialsSchema,
  type PendingApplicationCredentials,
} from '@portal/shared';
import { sendFile } from '../../http/send-file.js';
import { rateLimitPerIp } from '../../plugins/rate-limit.js';
import { activatePendingManagerByCard, ensurePaperRequestA } from '../../services/manager-requests/applicant.js';
import { issueCardChallenge } from '../../services/manager-requests/card.js';
import { refuseRequest } from '../../services/manager-requests/errors.js';
import { attachScan, renderRequestForm } from '../../services/manager-requests/paper.js';
import { authenticatePendingApplicant, findPendingRequestA } from '../../services/manager-requests/pending-applicant.js';
import { toManagerRequest } from '../../services/manager-requests/view.js';
import { managerRequestDeps, readScanUpload } from './deps.js';
import { errorResponses } from '../../http/responses.js';

const errors = errorResponses(400, 401, 404, 409, 429);
const tags = ['manager-requests'];
/** The pending applicant cannot log in: no scan link to follow; staff see the scan. */
const noScanUrl = () => '';

function authenticateWith(app: FastifyInstance) {
  return (request: FastifyRequest, credentials: PendingApplicationCredentials) =>
    authenticatePendingApplicant(
      { prisma: app.db.prisma, failures: app.failureCounter, dummyPasswordHash: app.auth.dummyPasswordHash },
      credentials,
      request.origin,
    );
}

/**
 * A pending 單位業務管理者 application (kind A) cannot log in yet. Its holder proves it with the
 * account name and password in the body (JSON, or multipart fields for the scan), checked like a
 * login, and then verifies it with the 醫事機構卡 (/api/card-verification/*: activated at once)
 * or chooses 紙本審核 (/api/applications/paper-form*).
 */
export const pendingCardRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = () => managerRequestDeps(app);
  const authenticate = authenticateWith(app);

  /** 醫事機構卡驗證, step 1: the nonce to sign. */
  app.post(
    '/api/card-verification/challenges',
    {
      config: rateLimitPerIp(30, '10 minutes'),
      schema: {
        tags: ['card-verification'],
        summary: '醫事機構卡驗證：取得待簽章的挑戰值（待驗證的管理者申請）',
        body: PendingApplicationCredentialsSchema,
        response: { 201: CardChallengeSchema, ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const applicant = await authenticate(request, request.body);
      const challenge = await issueCardChallenge(deps(), {
        institutionCode: applicant.institution.code,
        accountId: applicant.id,
        managerRequestId: null,
      });
      return reply.status(201).send(challenge);
    },
  );

  /**
   * Step 2: the card's signature and certificate. On success the account is active at once
   * (成功！). The challenge id + nonce are the bearer proof of step 1's password check.
   */
  app.post(
    '/api/card-verification/verifications',
    {
      config: rateLimitPerIp(30, '10 minutes'),
      schema: {
        tags: ['card-verification'],
        summary: '醫事機構卡驗證：送出簽章，成功即開通帳號',
        body: CardSignatureSchema,
        response: { 200: CardVerificationResultSchema, ...errorResponses(400, 401, 409, 410, 422, 429, 503) },
      },
    },
    async (request, reply) => {
      request.dispatchQueuedMail(await activatePendingManagerByCard(deps(), request.body, request.origin));
      return reply.send({ result: 'ACTIVATED', message: MANAGER_REQUEST_MESSAGES.cardSuccess, request: null });
    },
  );

};

/** 紙本審核 of the pending application; the scan comes as multipart. */
export const pendingPaperRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = () => managerRequestDeps(app);
  const authenticate = authenticateWith(app);

  app.post(
    '/api/applications/paper-form',
    { config: rateLimitPerIp(20, '10 minutes'), schema: { tags, summary: '紙本審核：產生已填妥的申請表 (A)', body: PendingApplicationCredentialsSchema, response: { 200: z.any(), ...errors } } },
    async (request, reply) => {
      const applicant = await authenticate(request, request.body);
      const row = request.dispatchQueuedMail(await ensurePaperRequestA(deps(), applicant, request.origin));
      return sendFile(reply, await renderRequestForm(deps(), row, { id: applicant.id }), false);
    },
  );

  /**
   * The 帳號/密碼 step of 紙本審核 and 醫事機構卡驗證: checked as soon as they are entered, so
   * that a wrong one is said there. Nothing changes; failures are audited and counted like the
   * other endpoints' (the same check).
   */
  app.post(
    MANAGER_REQUEST_ROUTES.pendingCredentials,
    { config: rateLimitPerIp(20, '10 minutes'), schema: { tags, summary: '待驗證申請者：確認帳號及密碼', body: PendingApplicationCredentialsSchema, response: { 200: MessageResponseSchema, ...errorResponses(400, 401, 429) } } },
    async (request) => {
      await authenticate(request, request.body);
      return { message: MANAGER_REQUEST_MESSAGES.credentialsAccepted };
    },
  );

  app.post(
    '/api/applications/manager-request',
    { config: rateLimitPerIp(20, '10 minutes'), schema: { tags, summary: '待驗證申請者的 A 申請狀態', body: PendingApplicationCredentialsSchema, response: { 200: ManagerRequestSchema, ...errors } } },
    async (request) => {
      const applicant = await authenticate(request, request.body);
      return toManagerRequest(await findPendingRequestA(deps(), applicant), noScanUrl);
    },
  );

  app.post(
    '/api/applications/paper-form/scan',
    {
      config: rateLimitPerIp(20, '10 minutes'),
      schema: { tags, summary: '紙本審核：上傳蓋妥關防的申請表掃描檔，取代先前上傳的掃描檔 (multipart: accountName, password, file)', response: { 200: ManagerRequestSchema, ...errorResponses(413, 415), ...errors } },
    },
    async (request) => {
      const { fields, file } = await readScanUpload(request);
      const credentials = PendingApplicationCredentialsSchema.safeParse(fields);
      if (!credentials.success) throw refuseRequest('PENDING_APPLICATION_NOT_FOUND');
      const applicant = await authenticate(request, credentials.data);
      const row = request.dispatchQueuedMail(await ensurePaperRequestA(deps(), applicant, request.origin));
      const updated = request.dispatchQueuedMail(await attachScan(deps(), { id: applicant.id }, row.id, file, request.origin));
      return toManagerRequest(updated, noScanUrl);
    },
  );
};
