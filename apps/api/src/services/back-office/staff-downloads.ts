/** 系統人員: 下載專區 (upload, new version, unpublish). */
import type { Prisma, PrismaClient } from '@portal/db';
import {
  BACK_OFFICE_MESSAGES,
  DOWNLOAD_CONTENT_TYPES,
  PUBLICATION_STATUS_LABELS,
  type CreateDownloadFields,
  type PublicationStatus,
  type StaffDownload,
  type StaffDownloadPage,
  type UpdateDownloadRequest,
} from '@portal/shared';
import { HttpError, notFound } from '../../errors/http-error.js';
import { detectFileType, type UploadedFile } from '../../lib/file-type.js';
import { recordAudit, type RequestOrigin } from '../audit/record-audit.js';
import { storeFile } from '../files/stored-files.js';
import { readPage } from '../../lib/page.js';

const typeNotAllowed = () =>
  new HttpError(415, 'FILE_TYPE_NOT_ALLOWED', BACK_OFFICE_MESSAGES.fileTypeNotAllowed, { file: [BACK_OFFICE_MESSAGES.fileTypeNotAllowed] });

/** Checks an upload's type from its content; the stored name keeps the given one with the true extension. */
async function checkedUpload(file: UploadedFile) {
  const type = await detectFileType(file.data, DOWNLOAD_CONTENT_TYPES);
  if (!type) throw typeNotAllowed();
  const base = file.filename.replace(/[\\/\r\n"]/g, '_').replace(/\.[^.]*$/, '').slice(0, 190) || 'file';
  return { filename: `${base}.${type.extension}`, contentType: type.mediaType, data: file.data };
}

const DOWNLOAD_SELECT = {
  id: true, system: true, category: true, title: true, status: true, publishedAt: true, createdAt: true, updatedAt: true,
  file: { select: { id: true, filename: true, contentType: true, size: true, sha256: true, createdAt: true } },
} as const;
type DownloadRow = Prisma.DownloadGetPayload<{ select: typeof DOWNLOAD_SELECT }>;

const downloadDto = (row: DownloadRow): StaffDownload => ({
  id: row.id,
  system: row.system,
  category: row.category,
  title: row.title,
  status: row.status,
  statusLabel: PUBLICATION_STATUS_LABELS[row.status],
  publishedAt: row.publishedAt.toISOString(),
  file: {
    id: row.file.id,
    filename: row.file.filename,
    contentType: row.file.contentType,
    size: row.file.size,
    sha256: row.file.sha256,
    uploadedAt: row.file.createdAt.toISOString(),
  },
  href: `/api/downloads/${row.id}/file`,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});
const downloadSnapshot = (row: DownloadRow) => ({
  system: row.system, category: row.category, title: row.title, status: row.status, fileId: row.file.id, filename: row.file.filename, sha256: row.file.sha256,
});

export async function listDownloadsForStaff(
  prisma: PrismaClient,
  query: { page: number; pageSize: number; status?: PublicationStatus | undefined; system?: string | undefined; category?: string | undefined; q?: string | undefined },
): Promise<StaffDownloadPage> {
  // A filter left out is undefined here, which Prisma leaves out of the WHERE.
  const where: Prisma.DownloadWhereInput = { status: query.status, system: query.system, category: query.category, title: { contains: query.q } };
  return readPage(
    query,
    { count: () => prisma.download.count({ where }), rows: (window) => prisma.download.findMany({ where, orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }], ...window, select: DOWNLOAD_SELECT }) },
    downloadDto,
  );
}

export async function createDownload(prisma: PrismaClient, actorId: string, fields: CreateDownloadFields, file: UploadedFile, origin: RequestOrigin) {
  const upload = await checkedUpload(file);
  return prisma.$transaction(async (tx) => {
    const stored = await storeFile(tx, upload);
    const row = await tx.download.create({
      data: { system: fields.system, category: fields.category, title: fields.title, fileId: stored.id, status: 'PUBLISHED', publishedAt: new Date() },
      select: DOWNLOAD_SELECT,
    });
    await recordAudit(tx, { actorId, action: 'download.created', entityType: 'download', entityId: row.id, after: downloadSnapshot(row) }, origin);
    return downloadDto(row);
  });
}

/** 上傳新版本: the download points at the new file and its 日期 becomes now; the old file is left to the daily purge of unreferenced files (the audit keeps its name and SHA-256). */
export async function replaceDownloadFile(prisma: PrismaClient, actorId: string, id: string, file: UploadedFile, origin: RequestOrigin) {
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM downloads WHERE id = ${id}::uuid FOR UPDATE`;
    if (locked.length === 0) throw notFound();
    const before = await tx.download.findUniqueOrThrow({ where: { id }, select: DOWNLOAD_SELECT });
    const stored = await storeFile(tx, await checkedUpload(file));
    const row = await tx.download.update({ where: { id }, data: { fileId: stored.id, publishedAt: new Date() }, select: DOWNLOAD_SELECT });
    await recordAudit(
      tx,
      { actorId, action: 'download.file-replaced', entityType: 'download', entityId: id, before: downloadSnapshot(before), after: downloadSnapshot(row) },
      origin,
    );
    return downloadDto(row);
  });
}

export async function updateDownload(prisma: PrismaClient, actorId: string, id: string, input: UpdateDownloadRequest, origin: RequestOrigin) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.download.findUnique({ where: { id }, select: DOWNLOAD_SELECT });
    if (!before) throw notFound();
    const row = await tx.download.update({
      where: { id },
      // A field left out of the request is undefined here, which Prisma leaves unchanged.
      data: { system: input.system, category: input.category, title: input.title, status: input.status },
      select: DOWNLOAD_SELECT,
    });
    await recordAudit(tx, { actorId, action: 'download.updated', entityType: 'download', entityId: id, before: downloadSnapshot(before), after: downloadSnapshot(row) }, origin);
    return downloadDto(row);
  });
}
