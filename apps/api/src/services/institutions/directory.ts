import type { Institution, InstitutionPage, InstitutionSearchQuery } from '@portal/shared';
import type { Prisma, PrismaClient } from '@portal/db';
import { COUNTED_MANAGERS } from './managers.js';
import { findInstitutionIds, inPageOrder } from './institution-search.js';

const summarySelect = { id: true, code: true, name: true, kind: true, city: true } satisfies Prisma.InstitutionSelect;

const institutionSelect = {
  ...summarySelect,
  _count: {
    select: {
      accounts: { where: COUNTED_MANAGERS },
    },
  },
} satisfies Prisma.InstitutionSelect;

type SelectedInstitution = Prisma.InstitutionGetPayload<{ select: typeof institutionSelect }>;

function toInstitution({ _count, id: _id, ...row }: SelectedInstitution): Institution {
  return { ...row, hasManager: _count.accounts > 0 };
}

/**
 * 機構查詢 of the public directory: open institutions by code prefix or part of the name. Not
 * whether each has a manager: that is told only of the chosen one (findInstitution).
 */
export async function searchInstitutions(
  prisma: PrismaClient,
  { q, page, pageSize }: InstitutionSearchQuery,
): Promise<InstitutionPage> {
  const { ids, total, totalCapped } = await findInstitutionIds(prisma, { q, state: 'open' }, { page, pageSize });
  const rows = await prisma.institution.findMany({ where: { id: { in: ids } }, select: summarySelect });
  return { items: inPageOrder(ids, rows).map(({ id: _id, ...summary }) => summary), total, totalCapped, page, pageSize };
}

export async function findInstitution(prisma: PrismaClient, code: string): Promise<Institution | null> {
  const row = await prisma.institution.findFirst({ where: { code, closedAt: null }, select: institutionSelect });
  return row ? toInstitution(row) : null;
}
