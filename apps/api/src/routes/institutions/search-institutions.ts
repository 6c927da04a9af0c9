import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBodySchema, InstitutionPageSchema, InstitutionSearchQuerySchema } from '@portal/shared';
import { searchInstitutions } from '../../services/institution-directory.js';

export const searchInstitutionsRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/institutions',
    {
      schema: {
        tags: ['institutions'],
        summary: '查詢醫事機構（機構代碼開頭或名稱）',
        querystring: InstitutionSearchQuerySchema,
        response: { 200: InstitutionPageSchema, 400: ErrorBodySchema },
      },
    },
    async (request) => searchInstitutions(app.db.prisma, request.query),
  );
};
