/**
 * The subsystems' own screening endpoints (machine to machine): a bearer access token from the
 * OpenID provider's client credentials grant, with the endpoint's scope, tells which subsystem
 * calls. The subsystem may write and ask only about its own services (the services check it).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  SCREENING_SCOPES,
  ScreeningIngestRequestSchema,
  ScreeningIngestResponseSchema,
  SubsystemEligibilityRequestSchema,
  SubsystemEligibilityResponseSchema,
} from '@portal/shared';
import { errorResponses } from '../../http/responses.js';
import { checkSubsystemEligibility } from '../../services/screening/eligibility-query.js';
import { ingestRecords } from '../../services/screening/ingest.js';

/** Calls per subsystem client a minute (a batch holds up to 1,000 records). */
export const SUBSYSTEM_CALLS_PER_MINUTE = 120;

const perClient = {
  rateLimit: {
    max: SUBSYSTEM_CALLS_PER_MINUTE,
    timeWindow: '1 minute',
    // After the token check, so that the count is the client's, not its address's.
    hook: 'preHandler' as const,
    keyGenerator: (request: { subsystemClient?: { clientId: string }; ip: string }) => `subsystem:${request.subsystemClient?.clientId ?? request.ip}`,
  },
};

export const subsystemScreeningRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['screening', 'subsystems'];

  app.post(
    '/api/screening/ingest',
    {
      onRequest: [app.requireSubsystemScope(SCREENING_SCOPES.ingest)],
      config: perClient,
      schema: {
        tags,
        summary: '子系統上傳篩檢紀錄（client credentials，scope screening:ingest）',
        body: ScreeningIngestRequestSchema,
        response: { 200: ScreeningIngestResponseSchema, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request) => ingestRecords({ prisma: app.db.prisma, crypto: app.nationalIdCrypto }, request.subsystemClient!.clientId, request.body.records, request.origin),
  );

  app.post(
    '/api/screening/eligibility',
    {
      onRequest: [app.requireSubsystemScope(SCREENING_SCOPES.eligibility)],
      config: perClient,
      schema: {
        tags,
        summary: '子系統查詢受檢資格（client credentials，scope screening:eligibility）',
        body: SubsystemEligibilityRequestSchema,
        response: { 200: SubsystemEligibilityResponseSchema, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return checkSubsystemEligibility({ db: app.db, crypto: app.nationalIdCrypto }, request.subsystemClient!.clientId, request.body, request.origin);
    },
  );
};
