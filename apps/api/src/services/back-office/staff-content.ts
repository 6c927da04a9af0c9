/** 系統人員: 公告事項 (draft / publish / unpublish) and 下載專區 (upload, new version, unpublish). */
import { createHash } from 'node:crypto';
import type { Prisma, PrismaClient } from '@portal/db';
import {
  BACK_OFFICE_MESSAGES,
  DOWNLOAD_CONTENT_TYPES,
  PUBLICATION_STATUS_LABELS,
  type CreateAnnouncementRequest,
  type CreateDownloadFields,
  type PublicationStatus,
  type StaffAnnouncement,
  type StaffAnnouncementPage,
  type StaffDownload,
  type StaffDownloadPage,
  type UpdateAnnouncementRequest,
  type UpdateDownloadRequest,
} from '@portal/shared';
import { HttpError, notFound } from '../../errors/http-error.js';
import { recordAudit, type RequestOrigin } from '../audit.js';

// ───────────────────────── announcements ─────────────────────────

/** Allowed status changes of an announcement (the same conditional-update rule as decisions). */
export const ANNOUNCEMENT_TRANSITIONS = {
  publish: { from: ['DRAFT', 'UNPUBLISHED'], to: 'PUBLISHED', action: 'announcement.published' },
  unpublish: { from: ['PUBLISHED'], to: 'UNPUBLISHED', action: 'announcement.unpublished' },
} as const satisfies Record<string, { from: readonly PublicationStatus[]; to: PublicationStatus; action: string }>;

type AnnouncementRow = Prisma.AnnouncementGetPayload<object>;

const announcementDto = (row: AnnouncementRow): StaffAnnouncement => ({
  id: row.id,
  category: row.category,
  system: row.system,
  title: row.title,
  body: row.body,
  status: row.status,
  statusLabel: PUBLICATION_STATUS_LABELS[row.status],
  publishedAt: row.publishedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});
const announcementSnapshot = (row: AnnouncementRow) => ({
  category: row.category, system: row.system, title: row.title, status: row.status, publishedAt: row.publishedAt?.toISOString() ?? null,
  bodyLength: row.body.length,
});

export async function listAnnouncementsForStaff(
  prisma: PrismaClient,
  query: { page: number; pageSize: number; status?: PublicationStatus | undefined; category?: string | undefined; system?: string | undefined; q?: string | undefined },
): Promise<StaffAnnouncementPage> {
  const where: Prisma.AnnouncementWhereInput = {
    ...(query.status && { status: query.status }),
    ...(query.category && { category: query.category }),
    ...(query.system && { system: query.system }),
    ...(query.q && { title: { contains: query.q } }),
  };
  const [total, rows] = await Promise.all([
    prisma.announcement.count({ where }),
    prisma.announcement.findMany({
      where,
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
  ]);
  return { items: rows.map(announcementDto), total, page: query.page, pageSize: query.pageSize };
}

export async function createAnnouncement(prisma: PrismaClient, actorId: string, input: CreateAnnouncementRequest, origin: RequestOrigin) {
  return prisma.$transaction(async (tx) => {
    const row = await tx.announcement.create({
      data: {
        category: input.category,
        system: input.system,
        title: input.title,
        body: input.body ?? '',
        status: 'DRAFT',
        publishedAt: input.publishedAt ? new Date(input.publishedAt) : null,
      },
    });
    await recordAudit(tx, { actorId, action: 'announcement.created', entityType: 'announcement', entityId: row.id, after: announcementSnapshot(row) }, origin);
    return announcementDto(row);
  });
}

export async function updateAnnouncement(prisma: PrismaClient, actorId: string, id: string, input: UpdateAnnouncementRequest, origin: RequestOrigin) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.announcement.findUnique({ where: { id } });
    if (!before) throw notFound();
    const row = await tx.announcement.update({
      where: { id },
      data: {
        ...(input.category !== undefined && { category: input.category }),
        ...(input.system !== undefined && { system: input.system }),
        ...(input.title !== undefined && { title: input.title }),
        ...(input.body !== undefined && { body: input.body }),
        ...(input.publishedAt !== undefined && { publishedAt: input.publishedAt ? new Date(input.publishedAt) : null }),
      },
    });
    await recordAudit(
      tx,
      { actorId, action: 'announcement.updated', entityType: 'announcement', entityId: id, before: announcementSnapshot(before), after: announcementSnapshot(row) },
      origin,
    );
    return announcementDto(row);
  });
}

export async function transitionAnnouncement(
  prisma: PrismaClient,
  actorId: string,
  id: string,
  name: keyof typeof ANNOUNCEMENT_TRANSITIONS,
  publishedAt: string | null | undefined,
  origin: RequestOrigin,
) {
  const transition = ANNOUNCEMENT_TRANSITIONS[name];
  return prisma.$transaction(async (tx) => {
    const before = await tx.announcement.findUnique({ where: { id } });
    if (!before) throw notFound();
    const { count } = await tx.announcement.updateMany({
      where: { id, status: { in: [...transition.from] } },
      data: {
        status: transition.to,
        // 發佈日期: the given one, else the one already set, else now.
        ...(name === 'publish' && { publishedAt: publishedAt ? new Date(publishedAt) : (before.publishedAt ?? new Date()) }),
      },
    });
    if (count === 0) throw new HttpError(409, 'INVALID_STATE', BACK_OFFICE_MESSAGES.announcementStateInvalid);
    const row = await tx.announcement.findUniqueOrThrow({ where: { id } });
    await recordAudit(
      tx,
      { actorId, action: transition.action, entityType: 'announcement', entityId: id, before: announcementSnapshot(before), after: announcementSnapshot(row) },
      origin,
    );
    return announcementDto(row);
  });
}

// ───────────────────────── downloads ─────────────────────────

/**
 * The type of an upload, from its content (never from its name or the browser's claim): PDF by
 * its `%PDF-` header; DOCX / XLSX / ODT are ZIP containers told apart by their entries.
 */
export function sniffDocumentType(data: Buffer): keyof typeof DOWNLOAD_CONTENT_TYPES | null {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (data.length < 30 || data.readUInt32LE(0) !== 0x04034b50) return null;
  // ODF: the first entry is an uncompressed "mimetype" holding the media type.
  const nameLength = data.readUInt16LE(26);
  const extraLength = data.readUInt16LE(28);
  const firstName = data.subarray(30, 30 + nameLength).toString('latin1');
  if (firstName === 'mimetype') {
    const start = 30 + nameLength + extraLength;
    const mediaType = data.subarray(start, start + DOWNLOAD_CONTENT_TYPES.odt.length).toString('latin1');
    return mediaType === DOWNLOAD_CONTENT_TYPES.odt ? 'odt' : null;
  }
  const text = data.toString('latin1');
  if (!text.includes('[Content_Types].xml')) return null;
  if (text.includes('word/document.xml')) return 'docx';
  if (text.includes('xl/workbook.xml')) return 'xlsx';
  return null;
}

export interface UploadedFile {
  filename: string;
  data: Buffer;
}

/** Checks and stores an upload; returns the StoredFile id. */
async function storeFile(tx: Prisma.TransactionClient, file: UploadedFile) {
  const kind = sniffDocumentType(file.data);
  if (!kind) throw new HttpError(415, 'FILE_TYPE_NOT_ALLOWED', BACK_OFFICE_MESSAGES.fileTypeNotAllowed, { file: [BACK_OFFICE_MESSAGES.fileTypeNotAllowed] });
  // Keep the given name but make its extension tell the truth.
  const base = file.filename.replace(/[\\/\r\n"]/g, '_').replace(/\.[^.]*$/, '').slice(0, 190) || 'file';
  const stored = await tx.storedFile.create({
    data: {
      filename: `${base}.${kind}`,
      contentType: DOWNLOAD_CONTENT_TYPES[kind],
      size: file.data.length,
      sha256: createHash('sha256').update(file.data).digest('hex'),
      data: new Uint8Array(file.data),
    },
    select: { id: true, filename: true, size: true, sha256: true, contentType: true },
  });
  return stored;
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
  const where: Prisma.DownloadWhereInput = {
    ...(query.status && { status: query.status }),
    ...(query.system && { system: query.system }),
    ...(query.category && { category: query.category }),
    ...(query.q && { title: { contains: query.q } }),
  };
  const [total, rows] = await Promise.all([
    prisma.download.count({ where }),
    prisma.download.findMany({ where, orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }], skip: (query.page - 1) * query.pageSize, take: query.pageSize, select: DOWNLOAD_SELECT }),
  ]);
  return { items: rows.map(downloadDto), total, page: query.page, pageSize: query.pageSize };
}

export async function createDownload(prisma: PrismaClient, actorId: string, fields: CreateDownloadFields, file: UploadedFile, origin: RequestOrigin) {
  return prisma.$transaction(async (tx) => {
    const stored = await storeFile(tx, file);
    const row = await tx.download.create({
      data: { system: fields.system, category: fields.category, title: fields.title, fileId: stored.id, status: 'PUBLISHED', publishedAt: new Date() },
      select: DOWNLOAD_SELECT,
    });
    await recordAudit(tx, { actorId, action: 'download.created', entityType: 'download', entityId: row.id, after: downloadSnapshot(row) }, origin);
    return downloadDto(row);
  });
}

/** 上傳新版本: the download points at the new file and its 日期 becomes now; the old file stays stored. */
export async function replaceDownloadFile(prisma: PrismaClient, actorId: string, id: string, file: UploadedFile, origin: RequestOrigin) {
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM downloads WHERE id = ${id}::uuid FOR UPDATE`;
    if (locked.length === 0) throw notFound();
    const before = await tx.download.findUniqueOrThrow({ where: { id }, select: DOWNLOAD_SELECT });
    const stored = await storeFile(tx, file);
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
      data: {
        ...(input.system !== undefined && { system: input.system }),
        ...(input.category !== undefined && { category: input.category }),
        ...(input.title !== undefined && { title: input.title }),
        ...(input.status !== undefined && { status: input.status }),
      },
      select: DOWNLOAD_SELECT,
    });
    await recordAudit(tx, { actorId, action: 'download.updated', entityType: 'download', entityId: id, before: downloadSnapshot(before), after: downloadSnapshot(row) }, origin);
    return downloadDto(row);
  });
}
