import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AnnouncementPageSchema, AnnouncementQuerySchema, ErrorBodySchema } from '@portal/shared';
import { listAnnouncements } from '../../services/content/public-content.js';

export const announcementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/announcements',
    {
      schema: {
        tags: ['content'],
        summary: '公告事項（可依分類查詢）',
        querystring: AnnouncementQuerySchema,
        response: { 200: AnnouncementPageSchema, 400: ErrorBodySchema },
      },
    },
    async (request) => listAnnouncements(app.db.prisma, request.query),
  );
};
