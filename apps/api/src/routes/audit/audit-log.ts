import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditEventFilterSchema, compactTaipeiDate, AuditEventPageSchema, AuditEventQuerySchema } from '@portal/shared';
import { openAuditEventsCsv, searchAuditEvents } from '../../services/audit/audit-log.js';
import { guardedRoutes } from '../../http/guarded-routes.js';
import { errorResponses } from '../../http/responses.js';

/** /api/audit-events*: 稽核紀錄 search and CSV export (系統人員 only). */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const staff = guardedRoutes(app.authenticate, { roles: ['SYSTEM_STAFF'], tags: ['audit'], errors: errorResponses(400, 401, 403) });

  app.get('/api/audit-events', staff('稽核紀錄查詢（新到舊，以 nextCursor 取下一頁）', { querystring: AuditEventQuerySchema, response: { 200: AuditEventPageSchema } }),
    async (request) => searchAuditEvents(app.db.prisma, request.query),
  );

  app.get('/api/audit-events.csv', staff('稽核紀錄匯出 CSV（UTF-8，含 BOM）', { querystring: AuditEventFilterSchema, response: { 200: z.any().describe('text/csv') } }),
    async (request, reply) => {
      const csv = await openAuditEventsCsv(app.db.prisma, request.query, (error) => request.log.error({ err: error }, 'audit CSV export broke off'));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-events-${compactTaipeiDate(new Date())}.csv"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(csv));
    },
  );
};
