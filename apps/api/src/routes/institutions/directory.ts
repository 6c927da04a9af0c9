import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ErrorBodySchema,
  InstitutionCodeParamsSchema,
  InstitutionPageSchema,
  InstitutionSchema,
  InstitutionSearchQuerySchema,
  messages,
} from '@portal/shared';
import { notFound } from '../../errors/http-error.js';
import { findInstitution, searchInstitutions } from '../../services/institutions/directory.js';

/** 醫事機構 directory (no login): search by code prefix or name; one institution by code. */
export const institutionRoutes: FastifyPluginAsyncZod = async (app) => {
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

  app.get(
    '/api/institutions/:code',
    {
      schema: {
        tags: ['institutions'],
        summary: '以機構代碼取得醫事機構',
        params: InstitutionCodeParamsSchema,
        response: { 200: InstitutionSchema, 400: ErrorBodySchema, 404: ErrorBodySchema },
      },
    },
    async (request) => {
      const institution = await findInstitution(app.db.prisma, request.params.code);
      if (!institution) throw notFound(messages.institutionNotFound);
      return institution;
    },
  );
};
