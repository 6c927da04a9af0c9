import type { onRequestAsyncHookHandler } from 'fastify';
import type { AccountRole } from '@portal/shared';
import { requireRoles } from '../plugins/auth.js';

interface RouteSchemaParts {
  querystring?: unknown;
  params?: unknown;
  body?: unknown;
  consumes?: string[];
  response: Record<number, unknown>;
}

/**
 * Route options for a group of routes behind one guard: signed in and holding one of `roles`,
 * under the same OpenAPI tags and answering the same error statuses. Each route then names only
 * its summary and its own schema parts, so the guard and the error answers cannot drift apart
 * between the routes of one screen.
 */
export function guardedRoutes<Errors extends Record<number, unknown>>(
  authenticate: onRequestAsyncHookHandler,
  { roles, tags, errors }: { roles: AccountRole[]; tags: string[]; errors: Errors },
) {
  const onRequest = [authenticate, requireRoles(...roles)];
  return <Schema extends RouteSchemaParts>(summary: string, schema: Schema) => ({
    onRequest,
    schema: { tags, summary, ...schema, response: { ...schema.response, ...errors } },
  });
}
