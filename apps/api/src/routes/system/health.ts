import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pendingMigrations } from '@portal/db';
import { HealthSchema, ReadinessSchema } from '@portal/shared';

/** Liveness: the process answers. Readiness: the database answers and is fully migrated (with the CRLs' state as a detail). */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/healthz',
    { schema: { tags: ['system'], summary: '存活檢查', response: { 200: HealthSchema } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['system'],
        summary: '就緒檢查',
        response: { 200: ReadinessSchema, 503: ReadinessSchema },
      },
    },
    async (_request, reply) => {
      let pending: string[] | undefined;
      try {
        pending = await pendingMigrations(app.db.sql);
      } catch (error) {
        app.log.warn({ err: error }, 'readiness: database unreachable');
      }
      const ready = pending !== undefined && pending.length === 0;
      return reply.status(ready ? 200 : 503).send({
        status: ready ? 'ready' : 'not-ready',
        database: app.db.kind,
        migrations: pending?.length === 0 ? 'up-to-date' : 'pending',
        cardCrls: app.cardCrlStatus(),
      });
    },
  );
};
