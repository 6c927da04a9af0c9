import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBodySchema, InstitutionCodeParamsSchema, InstitutionSchema, messages } from '@portal/shared';
import { notFound } from '../../errors/http-error.js';
import { findInstitution } from '../../services/institution-directory.js';

export const getInstitutionRoute: FastifyPluginAsyncZod = async (app) => {
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
