import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EndSsoSessionsResultSchema, MySsoSessionListSchema, MySsoSessionParamsSchema, SsoEmptyBodySchema } from '@portal/shared';
import { ownDataRoute } from '../../http/own-data.js';
import { errorResponses } from '../../http/responses.js';
import { endMySsoSessions, listMySsoSessions } from '../../services/sso/my-sso-sessions.js';

/** 我的服務 → 子系統登入狀態: the caller's own sign-ins at the subsystems, 登出全部 and 登出 of one. */
export const mySsoSessionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['account', 'sso'];
  const onRequest = [app.authenticate];

  app.get('/api/account/sso-sessions', ownDataRoute(app.authenticate, { tags, summary: '子系統登入狀態', response: MySsoSessionListSchema }), async (request) =>
    listMySsoSessions(app.db.prisma, request.user.id),
  );
  app.post(
    '/api/account/sso-sessions/logout-all',
    {
      onRequest,
      schema: { tags, summary: '登出全部子系統', body: SsoEmptyBodySchema, response: { 200: EndSsoSessionsResultSchema, ...errorResponses(400, 401) } },
    },
    async (request) => endMySsoSessions(app.db.prisma, request.user.id, undefined, request.origin),
  );
  app.post(
    '/api/account/sso-sessions/:clientId/logout',
    {
      onRequest,
      schema: {
        tags,
        summary: '登出一個子系統',
        params: MySsoSessionParamsSchema,
        body: SsoEmptyBodySchema,
        response: { 200: EndSsoSessionsResultSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => endMySsoSessions(app.db.prisma, request.user.id, request.params.clientId, request.origin),
  );
};
