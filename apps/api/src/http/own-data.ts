import type { onRequestAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import { errorResponses } from './responses.js';

/** The caller's own data is never kept by a browser or a proxy. */
const noStore: preHandlerAsyncHookHandler = async (_request, reply) => {
  reply.header('cache-control', 'no-store');
};

/**
 * Route options for reading the caller's own data (帳號資料, 我的子系統, 子系統登入狀態): signed
 * in (401 otherwise), and answered with Cache-Control: no-store.
 */
export function ownDataRoute<Response>(authenticate: onRequestAsyncHookHandler, { tags, summary, response }: { tags: string[]; summary: string; response: Response }) {
  return {
    onRequest: [authenticate],
    preHandler: noStore,
    schema: { tags, summary, response: { 200: response, ...errorResponses(401) } },
  };
}
