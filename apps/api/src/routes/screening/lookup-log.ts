/**
 * The lookup log: every lookup for 系統人員 (稽核紀錄 → 篩檢結果查詢紀錄), the lookups of the
 * caller's institution's accounts for a 單位業務管理者. Searched by POST, not GET: a 身分證
 * filter must never be in a URL (access logs, browser history).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ScreeningLookupLogPageSchema, ScreeningLookupLogQuerySchema } from '@portal/shared';
import { requireRoles } from '../../plugins/auth.js';
import { errorResponses } from '../../http/responses.js';
import { searchInstitutionLookupLog, searchLookupLog } from '../../services/screening/lookup-log.js';

const errors = errorResponses(400, 401, 403);

export const lookupLogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/screening/lookup-log/search',
    {
      onRequest: [app.authenticate, requireRoles('SYSTEM_STAFF')],
      schema: { tags: ['screening'], summary: '篩檢結果查詢紀錄（全部帳號）', body: ScreeningLookupLogQuerySchema, response: { 200: ScreeningLookupLogPageSchema, ...errors } },
    },
    async (request) => searchLookupLog(app.db.prisma, app.nationalIdCrypto, request.body),
  );

  app.post(
    '/api/screening/institution-lookup-log/search',
    {
      onRequest: [app.authenticate, requireRoles('INSTITUTION_MANAGER')],
      schema: { tags: ['screening'], summary: '本機構帳號之篩檢結果查詢紀錄', body: ScreeningLookupLogQuerySchema, response: { 200: ScreeningLookupLogPageSchema, ...errors } },
    },
    async (request) => searchInstitutionLookupLog(app.db.prisma, app.nationalIdCrypto, request.user, request.body),
  );
};
