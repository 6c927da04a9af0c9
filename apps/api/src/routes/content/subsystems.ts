import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SubsystemListSchema } from '@portal/shared';
import { listSubsystems } from '../../services/content/public-content.js';

export const subsystemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/subsystems',
    { schema: { tags: ['subsystems'], summary: '子系統清單', response: { 200: SubsystemListSchema } } },
    async () => ({ items: await listSubsystems(app.db.prisma) }),
  );
};
