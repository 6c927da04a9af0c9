import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DownloadPageSchema, DownloadQuerySchema, ErrorBodySchema, IdParamsSchema, messages } from '@portal/shared';
import { notFound } from '../../errors/http-error.js';
import { contentDisposition } from '../../http/send-file.js';
import { findDownloadFile, listDownloads } from '../../services/content/public-content.js';

export const downloadRoutes: FastifyPluginAsyncZod = async (app) => {
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

  app.get(
    '/api/downloads/:id/file',
    {
      schema: {
        tags: ['content'],
        summary: '下載檔案',
        params: IdParamsSchema,
        response: { 200: z.any().describe('檔案內容'), 404: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const file = await findDownloadFile(app.db.prisma, request.params.id);
      if (!file) throw notFound(messages.downloadNotFound);
      return reply
        .header('content-type', file.contentType)
        .header('content-length', file.size)
        .header('content-disposition', contentDisposition(file.filename))
        .header('etag', `"${file.sha256}"`)
        .header('cache-control', 'no-cache')
        .send(Buffer.from(file.data));
    },
  );
};
