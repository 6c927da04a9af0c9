import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BACK_OFFICE_MESSAGES,
  BackOfficeIdParamsSchema,
  CreateDownloadFieldsSchema,
  DOWNLOAD_MAX_BYTES,
  StaffDownloadPageSchema,
  StaffDownloadQuerySchema,
  StaffDownloadSchema,
  UpdateDownloadRequestSchema,
} from '@portal/shared';
import { HttpError } from '../../errors/http-error.js';
import {
  createDownload,
  listDownloadsForStaff,
  replaceDownloadFile,
  updateDownload,
} from '../../services/back-office/staff-downloads.js';
import { guardedRoutes } from '../../http/guarded-routes.js';
import { readMultipart } from '../../http/multipart.js';
import { backOfficeErrors, errorResponses } from '../../http/responses.js';

const uploadErrors = { ...backOfficeErrors, ...errorResponses(413, 415) };

const fileRefusal = (status: number, code: string, message: string) => new HttpError(status, code, message, { file: [message] });

/** The new file (field `file`, at most 10 MB) and the text fields of a multipart body. */
async function readUpload(request: FastifyRequest) {
  const upload = await readMultipart(request, {
    missing: () => fileRefusal(400, 'FILE_REQUIRED', BACK_OFFICE_MESSAGES.fileRequired),
    tooLarge: () => fileRefusal(413, 'FILE_TOO_LARGE', BACK_OFFICE_MESSAGES.fileTooLarge),
  });
  if (upload.file.filename.length > 200) throw fileRefusal(400, 'FILENAME_TOO_LONG', BACK_OFFICE_MESSAGES.filenameTooLong);
  return upload;
}

export const staffDownloadRoutes: FastifyPluginAsyncZod = async (app) => {
  // Encapsulated: only these routes accept multipart bodies.
  await app.register(multipart, { limits: { fileSize: DOWNLOAD_MAX_BYTES, files: 2, fields: 10, fieldSize: 1000, parts: 12 } });
  const staff = guardedRoutes(app.authenticate, { roles: ['SYSTEM_STAFF'], tags: ['staff'], errors: backOfficeErrors });
  const staffUpload = guardedRoutes(app.authenticate, { roles: ['SYSTEM_STAFF'], tags: ['staff'], errors: uploadErrors });

  app.get('/api/staff/downloads', staff('下載專區管理：清單', { querystring: StaffDownloadQuerySchema, response: { 200: StaffDownloadPageSchema } }),
    async (request) => listDownloadsForStaff(app.db.prisma, request.query),
  );
  app.post('/api/staff/downloads', staffUpload('下載專區管理：上傳新檔案（multipart：system, category, title, file）', { consumes: ['multipart/form-data'], response: { 201: StaffDownloadSchema } }),
    async (request, reply) => {
      const { fields, file } = await readUpload(request);
      const parsed = CreateDownloadFieldsSchema.safeParse(fields);
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) (fieldErrors[issue.path.join('.') || '_'] ??= []).push(issue.message);
        throw new HttpError(400, 'VALIDATION_FAILED', parsed.error.issues[0]!.message, fieldErrors);
      }
      return reply.status(201).send(await createDownload(app.db.prisma, request.user.id, parsed.data, file, request.origin));
    },
  );
  app.post('/api/staff/downloads/:id/file', staffUpload('下載專區管理：上傳新版本檔案（multipart：file）', { consumes: ['multipart/form-data'], params: BackOfficeIdParamsSchema, response: { 200: StaffDownloadSchema } }),
    async (request) => {
      const { file } = await readUpload(request);
      return replaceDownloadFile(app.db.prisma, request.user.id, request.params.id, file, request.origin);
    },
  );
  app.patch('/api/staff/downloads/:id', staff('下載專區管理：修改、下架', { params: BackOfficeIdParamsSchema, body: UpdateDownloadRequestSchema, response: { 200: StaffDownloadSchema } }),
    async (request) => updateDownload(app.db.prisma, request.user.id, request.params.id, request.body, request.origin),
  );
};
