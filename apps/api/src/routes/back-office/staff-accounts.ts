import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { StaffAccountPageSchema, StaffAccountQuerySchema } from '@portal/shared';
import { requireRoles } from '../../plugins/auth.js';
import { searchAccounts } from '../../services/back-office/staff-accounts.js';
import { backOfficeErrors } from '../../http/responses.js';

export const staffAccountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/staff/accounts',
    {
      onRequest: [app.authenticate, requireRoles('SYSTEM_STAFF')],
      schema: { tags: ['staff'], summary: '帳號查詢（帳號、姓名、機構代碼、身分證）', querystring: StaffAccountQuerySchema, response: { 200: StaffAccountPageSchema, ...backOfficeErrors } },
    },
    async (request) => searchAccounts(app.db.prisma, app.nationalIdCrypto, request.query),
  );
};
