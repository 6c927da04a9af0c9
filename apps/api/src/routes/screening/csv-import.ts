/** POST /api/staff/screening-imports: 篩檢資料匯入, the staff CSV back-fill with its dry run (試匹配). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ScreeningImportRequestSchema, ScreeningImportResultSchema } from '@portal/shared';
import { requireRoles } from '../../plugins/auth.js';
import { errorResponses } from '../../http/responses.js';
import { importScreeningCsv } from '../../services/screening/csv-import.js';

/** A CSV of 20,000 rows as JSON text stays under this. */
const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

export const screeningImportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/staff/screening-imports',
    {
      onRequest: [app.authenticate, requireRoles('SYSTEM_STAFF')],
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['screening'],
        summary: '篩檢資料匯入（CSV，可先試匹配）',
        body: ScreeningImportRequestSchema,
        response: { 200: ScreeningImportResultSchema, ...errorResponses(400, 401, 403, 413) },
      },
    },
    async (request) => importScreeningCsv({ prisma: app.db.prisma, crypto: app.nationalIdCrypto }, request.user, request.body, request.origin),
  );
};
