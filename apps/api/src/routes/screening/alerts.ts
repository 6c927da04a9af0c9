/** /api/screening/alerts*: alerts of unusual lookup volumes, for 系統人員. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BackOfficeIdParamsSchema,
  ScreeningAlertListSchema,
  ScreeningAlertQuerySchema,
  ScreeningAlertSchema,
  ScreeningAlertSummarySchema,
} from '@portal/shared';
import { requireRoles } from '../../plugins/auth.js';
import { errorResponses } from '../../http/responses.js';
import { acknowledgeLookupAlert, countOpenLookupAlerts, listLookupAlerts } from '../../services/screening/alerts.js';

const errors = errorResponses(400, 401, 403);

export const screeningAlertRoutes: FastifyPluginAsyncZod = async (app) => {
  const onRequest = [app.authenticate, requireRoles('SYSTEM_STAFF')];

  app.get(
    '/api/screening/alerts',
    { onRequest, schema: { tags: ['screening'], summary: '篩檢查詢警示', querystring: ScreeningAlertQuerySchema, response: { 200: ScreeningAlertListSchema, ...errors } } },
    async (request) => listLookupAlerts(app.db.prisma, request.query.status),
  );

  app.get(
    '/api/screening/alerts/summary',
    { onRequest, schema: { tags: ['screening'], summary: '未處理的篩檢查詢警示數', response: { 200: ScreeningAlertSummarySchema, ...errors } } },
    async () => ({ open: await countOpenLookupAlerts(app.db.prisma) }),
  );

  app.post(
    '/api/screening/alerts/:id/acknowledge',
    {
      onRequest,
      schema: {
        tags: ['screening'],
        summary: '篩檢查詢警示：標示為已處理',
        params: BackOfficeIdParamsSchema,
        response: { 200: ScreeningAlertSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => acknowledgeLookupAlert(app.db.prisma, request.user, request.params.id, request.origin),
  );
};
