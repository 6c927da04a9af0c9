import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BACK_OFFICE_MESSAGES,
  BackOfficeIdParamsSchema,
  CreateDownloadFieldsSchema,
  DOWNLOAD_MAX_BYTES,
  ErrorBodySchema,
  StaffDownloadPageSchema,
  StaffDownloadQuerySchema,
  StaffDownloadSchema,
  UpdateDownloadRequestSchema,
} from '@portal/shared';
import { requireRoles } from '../../plugins/auth.js';
import { HttpError } from '../../errors/http-error.js';
import {
  createDownload,
  listDownloadsForStaff,
  replaceDownloadFile,
  updateDownload,
  type UploadedFile,
} from '../../services/back-office/staff-downloads.js';
import { errorResponses, originOf } from '../../http/responses.js';

const uploadErrors = { ...errorResponses, 413: ErrorBodySchema, 415: ErrorBodySchema };

/** Reads a multipart body: its text fields and the one `file` part (at most 10 MB). */
async function readUpload(request: FastifyRequest): Promise<{ fields: Record<string, string>; file: UploadedFile }> {
  if (!request.isMultipart()) {
    throw new HttpError(400, 'FILE_REQUIRED', BACK_OFFICE_MESSAGES.fileRequired, { file: [BACK_OFFICE_MESSAGES.fileRequired] });
  }
  const fields: Record<string, string> = {};
  let file: UploadedFile | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file) {
          await part.toBuffer();
          continue;
        }
        const data = await part.toBuffer();
        if (data.length > 0) file = { filename: part.filename || 'file', data };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new HttpError(413, 'FILE_TOO_LARGE', BACK_OFFICE_MESSAGES.fileTooLarge, { file: [BACK_OFFICE_MESSAGES.fileTooLarge] });
    }
    throw error;
  }
  if (!file) throw new HttpError(400, 'FILE_REQUIRED', BACK_OFFICE_MESSAGES.fileRequired, { file: [BACK_OFFICE_MESSAGES.fileRequired] });
  if (file.filename.length > 200) throw new HttpError(400, 'FILENAME_TOO_LONG', BACK_OFFICE_MESSAGES.filenameTooLong, { file: [BACK_OFFICE_MESSAGES.filenameTooLong] });
  return { fields, file };
}

export const staffDownloadRoutes: FastifyPluginAsyncZod = async (app) => {
  // Encapsulated: only these routes accept multipart bodies.
  await app.register(multipart, { limits: { fileSize: DOWNLOAD_MAX_BYTES, files: 2, fields: 10, fieldSize: 1000, parts: 12 } });
  const onRequest = [app.authenticate, requireRoles('SYSTEM_STAFF')];
  const tags = ['staff'];

  app.get(
    '/api/staff/downloads',
    { onRequest, schema: { tags, summary: '下載專區管理：清單', querystring: StaffDownloadQuerySchema, response: { 200: StaffDownloadPageSchema, ...errorResponses } } },
    async (request) => listDownloadsForStaff(app.db.prisma, request.query),
  );
  app.post(
    '/api/staff/downloads',
    {
      onRequest,
      schema: { tags, summary: '下載專區管理：上傳新檔案（multipart：system, category, title, file）', consumes: ['multipart/form-data'], response: { 201: StaffDownloadSchema, ...uploadErrors } },
    },
    async (request, reply) => {
      const { fields, file } = await readUpload(request);
      const parsed = CreateDownloadFieldsSchema.safeParse(fields);
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) (fieldErrors[issue.path.join('.') || '_'] ??= []).push(issue.message);
        throw new HttpError(400, 'VALIDATION_FAILED', parsed.error.issues[0]!.message, fieldErrors);
      }
      return reply.status(201).send(await createDownload(app.db.prisma, request.user.id, parsed.data, file, originOf(request)));
    },
  );
  app.post(
    '/api/staff/downloads/:id/file',
    {
      onRequest,
      schema: { tags, summary: '下載專區管理：上傳新版本檔案（multipart：file）', consumes: ['multipart/form-data'], params: BackOfficeIdParamsSchema, response: { 200: StaffDownloadSchema, ...uploadErrors } },
    },
    async (request) => {
      const { file } = await readUpload(request);
      return replaceDownloadFile(app.db.prisma, request.user.id, request.params.id, file, originOf(request));
    },
  );
  app.patch(
    '/api/staff/downloads/:id',
    {
      onRequest,
      schema: { tags, summary: '下載專區管理：修改、下架', params: BackOfficeIdParamsSchema, body: UpdateDownloadRequestSchema, response: { 200: StaffDownloadSchema, ...errorResponses } },
    },
    async (request) => updateDownload(app.db.prisma, request.user.id, request.params.id, request.body, originOf(request)),
  );
};
