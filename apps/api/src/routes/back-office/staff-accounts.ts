import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { StaffAccountPageSchema, StaffAccountQuerySchema } from '@portal/shared';
import { searchAccounts } from '../../services/back-office/staff-accounts.js';
import { guardedRoutes } from '../../http/guarded-routes.js';
import { backOfficeErrors } from '../../http/responses.js';

export const staffAccountRoutes: FastifyPluginAsyncZod = async (app) => {
  const staff = guardedRoutes(app.authenticate, { roles: ['SYSTEM_STAFF'], tags: ['staff'], errors: backOfficeErrors });

  app.get('/api/staff/accounts', staff('帳號查詢（帳號、姓名、機構代碼、身分證）', { querystring: StaffAccountQuerySchema, response: { 200: StaffAccountPageSchema } }),
    async (request) => searchAccounts(app.db.prisma, app.nationalIdCrypto, request.query),
  );
};
