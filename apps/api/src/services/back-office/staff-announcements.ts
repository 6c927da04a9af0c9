/** 系統人員: 公告事項 (draft / publish / unpublish). */
import type { Prisma, PrismaClient } from '@portal/db';
import {
  BACK_OFFICE_MESSAGES,
  PUBLICATION_STATUS_LABELS,
  type CreateAnnouncementRequest,
  type PublicationStatus,
  type StaffAnnouncement,
  type StaffAnnouncementPage,
  type UpdateAnnouncementRequest,
  type AuditAction,
} from '@portal/shared';
import { HttpError, notFound } from '../../errors/http-error.js';
import { recordAudit, type RequestOrigin } from '../audit/record-audit.js';
import { readPage } from '../../lib/page.js';

/** Allowed status changes of an announcement (the same conditional-update rule as decisions). */
export const ANNOUNCEMENT_TRANSITIONS = {
  publish: { from: ['DRAFT', 'UNPUBLISHED'], to: 'PUBLISHED', action: 'announcement.published' },
  unpublish: { from: ['PUBLISHED'], to: 'UNPUBLISHED', action: 'announcement.unpublished' },
} as const satisfies Record<string, { from: readonly PublicationStatus[]; to: PublicationStatus; action: AuditAction }>;

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
  // A filter left out is undefined here, which Prisma leaves out of the WHERE.
  const where: Prisma.AnnouncementWhereInput = { status: query.status, category: query.category, system: query.system, title: { contains: query.q } };
  return readPage(
    query,
    { count: () => prisma.announcement.count({ where }), rows: (window) => prisma.announcement.findMany({ where, orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }], ...window }) },
    announcementDto,
  );
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
      // A field left out of the request is undefined here, which Prisma leaves unchanged.
      data: {
        category: input.category,
        system: input.system,
        title: input.title,
        body: input.body,
        publishedAt: input.publishedAt === undefined ? undefined : input.publishedAt ? new Date(input.publishedAt) : null,
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
