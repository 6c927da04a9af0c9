import type {
  AnnouncementPage,
  AnnouncementQuery,
  Download,
  DownloadPage,
  DownloadQuery,
  Subsystem,
} from '@portal/shared';
import type { Prisma, PrismaClient } from '@portal/db';

export async function listSubsystems(prisma: PrismaClient): Promise<Subsystem[]> {
  return prisma.subsystem.findMany({
    where: { active: true },
    select: { code: true, name: true, description: true },
    orderBy: { sortOrder: 'asc' },
  });
}

const publishedNow = () => ({ status: 'PUBLISHED' as const, publishedAt: { lte: new Date() } });

export async function listAnnouncements(
  prisma: PrismaClient,
  { category, page, pageSize }: AnnouncementQuery,
): Promise<AnnouncementPage> {
  const visible = publishedNow();
  const where: Prisma.AnnouncementWhereInput = { ...visible, ...(category && { category }) };
  const [total, rows, categories] = await Promise.all([
    prisma.announcement.count({ where }),
    prisma.announcement.findMany({
      where,
      select: { id: true, category: true, system: true, title: true, body: true, publishedAt: true },
      orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    prisma.announcement.findMany({ where: visible, distinct: ['category'], select: { category: true }, orderBy: { category: 'asc' } }),
  ]);
  return {
    items: rows.map((row) => ({ ...row, publishedAt: row.publishedAt!.toISOString() })),
    total,
    page,
    pageSize,
    categories: categories.map((row) => row.category),
  };
}

export const downloadFileHref = (id: string) => `/api/downloads/${id}/file`;

export async function listDownloads(
  prisma: PrismaClient,
  { system, category, keyword, page, pageSize }: DownloadQuery,
): Promise<DownloadPage> {
  const visible = publishedNow();
  const where: Prisma.DownloadWhereInput = {
    ...visible,
    ...(system && { system }),
    ...(category && { category }),
    ...(keyword && {
      OR: [
        { title: { contains: keyword, mode: 'insensitive' } },
        { file: { filename: { contains: keyword, mode: 'insensitive' } } },
      ],
    }),
  };
  const [total, rows, systems, categories] = await Promise.all([
    prisma.download.count({ where }),
    prisma.download.findMany({
      where,
      select: {
        id: true,
        system: true,
        category: true,
        title: true,
        publishedAt: true,
        file: { select: { filename: true, contentType: true, size: true } },
      },
      orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    prisma.download.findMany({ where: visible, distinct: ['system'], select: { system: true }, orderBy: { system: 'asc' } }),
    prisma.download.findMany({ where: visible, distinct: ['category'], select: { category: true }, orderBy: { category: 'asc' } }),
  ]);
  const items: Download[] = rows.map(({ file, publishedAt, ...row }) => ({
    ...row,
    ...file,
    publishedAt: publishedAt.toISOString(),
    href: downloadFileHref(row.id),
  }));
  return {
    items,
    total,
    page,
    pageSize,
    systems: systems.map((row) => row.system),
    categories: categories.map((row) => row.category),
  };
}

export async function findDownloadFile(prisma: PrismaClient, id: string) {
  const download = await prisma.download.findFirst({
    where: { id, ...publishedNow() },
    select: { file: { select: { filename: true, contentType: true, size: true, sha256: true, data: true } } },
  });
  return download?.file ?? null;
}
