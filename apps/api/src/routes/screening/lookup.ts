/** POST /api/screening/lookups: 篩檢結果查詢 (單位業務管理者 and 一般使用者). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ScreeningLookupRequestSchema, ScreeningLookupResultSchema } from '@portal/shared';
import { requireRoles } from '../../plugins/auth.js';
import { errorResponses } from '../../http/responses.js';
import { lookupNotFound, lookUpPerson, type LookupLimits } from '../../services/screening/lookup.js';

export const lookupRoutes: FastifyPluginAsyncZod<LookupLimits> = async (app, limits) => {
  app.post(
    '/api/screening/lookups',
    {
      onRequest: [app.authenticate, requireRoles('INSTITUTION_MANAGER', 'GENERAL_USER')],
      schema: {
        tags: ['screening'],
        summary: '篩檢結果查詢（身分證與出生日期皆須相符；每次查詢皆記錄於稽核紀錄）',
        body: ScreeningLookupRequestSchema,
        response: { 200: ScreeningLookupResultSchema, ...errorResponses(400, 401, 403, 404, 429) },
      },
    },
    async (request, reply) => {
      // Health data: never kept by a browser or a proxy.
      reply.header('cache-control', 'no-store');
      const deps = { db: app.db, crypto: app.nationalIdCrypto, publicOrigin: app.mail.origin, ...limits };
      const result = request.dispatchQueuedMail(await lookUpPerson(deps, request.user, request.body, request.origin));
      if (!result) throw lookupNotFound();
      return result;
    },
  );
};
