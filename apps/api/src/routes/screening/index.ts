/**
 * /api/screening/* and /api/staff/screening-imports: 篩檢結果查詢 for institution accounts, its
 * lookup log for staff and for each institution's manager, the alerts of unusual lookup volumes,
 * and the staff CSV back-fill. (The subsystems' ingest and eligibility endpoints authenticate
 * OAuth clients and are registered with the OpenID provider.)
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BackOfficeIdParamsSchema,
  ErrorBodySchema,
  ScreeningAlertListSchema,
  ScreeningAlertQuerySchema,
  ScreeningAlertSchema,
  ScreeningAlertSummarySchema,
  ScreeningImportRequestSchema,
  ScreeningImportResultSchema,
  ScreeningLookupLogPageSchema,
  ScreeningLookupLogQuerySchema,
  ScreeningLookupRequestSchema,
  ScreeningLookupResultSchema,
} from '@portal/shared';
import { requireRoles } from '../../plugins/auth.js';
import { acknowledgeLookupAlert, countOpenLookupAlerts, listLookupAlerts } from '../../services/screening/alerts.js';
import { importScreeningCsv } from '../../services/screening/csv-import.js';
import { lookUpPerson, type LookupLimits } from '../../services/screening/lookup.js';
import { searchInstitutionLookupLog, searchLookupLog } from '../../services/screening/lookup-log.js';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema };
const TAGS = ['screening'];
/** A CSV of 20,000 rows as JSON text stays under this. */
const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

export const screeningRoutes: FastifyPluginAsyncZod<LookupLimits> = async (app, limits) => {
  const origin = (request: { ip: string; id: string }) => ({ ip: request.ip, requestId: request.id });
  const staff = [app.authenticate, requireRoles('SYSTEM_STAFF')];

  app.post(
    '/api/screening/lookups',
    {
      onRequest: [app.authenticate, requireRoles('INSTITUTION_MANAGER', 'GENERAL_USER')],
      schema: {
        tags: TAGS,
        summary: '篩檢結果查詢（身分證與出生日期皆須相符；每次查詢皆記錄於稽核紀錄）',
        body: ScreeningLookupRequestSchema,
        response: { 200: ScreeningLookupResultSchema, ...errors, 404: ErrorBodySchema, 429: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      // Health data: never kept by a browser or a proxy.
      reply.header('cache-control', 'no-store');
      return lookUpPerson(
        { db: app.db, crypto: app.nationalIdCrypto, mailOrigin: app.mail.origin, ...limits },
        request.user,
        request.body,
        origin(request),
      );
    },
  );

  // POST, not GET: a 身分證 filter must never be in a URL (access logs, browser history).
  app.post(
    '/api/screening/lookup-log/search',
    { onRequest: staff, schema: { tags: TAGS, summary: '篩檢結果查詢紀錄（全部帳號）', body: ScreeningLookupLogQuerySchema, response: { 200: ScreeningLookupLogPageSchema, ...errors } } },
    async (request) => searchLookupLog(app.db.prisma, app.nationalIdCrypto, request.body),
  );

  app.post(
    '/api/screening/institution-lookup-log/search',
    {
      onRequest: [app.authenticate, requireRoles('INSTITUTION_MANAGER')],
      schema: { tags: TAGS, summary: '本機構帳號之篩檢結果查詢紀錄', body: ScreeningLookupLogQuerySchema, response: { 200: ScreeningLookupLogPageSchema, ...errors } },
    },
    async (request) => searchInstitutionLookupLog(app.db.prisma, app.nationalIdCrypto, request.user, request.body),
  );

  app.get(
    '/api/screening/alerts',
    { onRequest: staff, schema: { tags: TAGS, summary: '篩檢查詢警示', querystring: ScreeningAlertQuerySchema, response: { 200: ScreeningAlertListSchema, ...errors } } },
    async (request) => listLookupAlerts(app.db.prisma, request.query.status),
  );

  app.get(
    '/api/screening/alerts/summary',
    { onRequest: staff, schema: { tags: TAGS, summary: '未處理的篩檢查詢警示數', response: { 200: ScreeningAlertSummarySchema, ...errors } } },
    async () => ({ open: await countOpenLookupAlerts(app.db.prisma) }),
  );

  app.post(
    '/api/screening/alerts/:id/acknowledge',
    {
      onRequest: staff,
      schema: { tags: TAGS, summary: '篩檢查詢警示：標示為已處理', params: BackOfficeIdParamsSchema, response: { 200: ScreeningAlertSchema, ...errors, 404: ErrorBodySchema, 409: ErrorBodySchema } },
    },
    async (request) => acknowledgeLookupAlert(app.db.prisma, request.user, request.params.id, origin(request)),
  );

  app.post(
    '/api/staff/screening-imports',
    {
      onRequest: staff,
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: { tags: TAGS, summary: '篩檢資料匯入（CSV，可先試匹配）', body: ScreeningImportRequestSchema, response: { 200: ScreeningImportResultSchema, ...errors, 413: ErrorBodySchema } },
    },
    async (request) => importScreeningCsv({ prisma: app.db.prisma, crypto: app.nationalIdCrypto }, request.user, request.body, origin(request)),
  );
};
