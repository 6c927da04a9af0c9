import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, IdParamsSchema, messages } from '@portal/shared';
import { contentDisposition } from '../../lib/content-disposition.js';
import { notFound } from '../../errors/http-error.js';
import { findDownloadFile } from '../../services/content.js';

export const getDownloadFileRoute: FastifyPluginAsyncZod = async (app) => {
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
