import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DownloadPageSchema, DownloadQuerySchema, ErrorBodySchema } from '@portal/shared';
import { listDownloads } from '../../services/content.js';

export const listDownloadsRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/downloads',
    {
      schema: {
        tags: ['content'],
        summary: '下載專區（可依所屬系統、所屬分類、關鍵字查詢）',
        querystring: DownloadQuerySchema,
        response: { 200: DownloadPageSchema, 400: ErrorBodySchema },
      },
    },
    async (request) => listDownloads(app.db.prisma, request.query),
  );
};
