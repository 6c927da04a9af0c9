import type { Institution, InstitutionPage, InstitutionSearchQuery } from '@portal/shared';
import type { Prisma, PrismaClient } from '@portal/db';
import { COUNTED_MANAGERS } from './managers.js';
import { readPage } from '../../lib/page.js';

const institutionSelect = {
  code: true,
  name: true,
  kind: true,
  city: true,
  _count: {
    select: {
      accounts: { where: COUNTED_MANAGERS },
    },
  },
} satisfies Prisma.InstitutionSelect;

type SelectedInstitution = Prisma.InstitutionGetPayload<{ select: typeof institutionSelect }>;

function toInstitution({ _count, ...row }: SelectedInstitution): Institution {
  return { ...row, hasManager: _count.accounts > 0 };
}

/**
 * Digits search by 機構代碼 prefix; anything else by part of the name. Every code has exactly
 * ten digits, so a prefix is the range [prefix000…, prefix999…], which the unique index on
 * code serves whatever the database collation (a LIKE 'prefix%' would not).
 */
function whereFor(q: string): Prisma.InstitutionWhereInput {
  const open = { closedAt: null };
  if (q === '') return open;
  if (/^\d{1,10}$/.test(q)) return { ...open, code: { gte: q.padEnd(10, '0'), lte: q.padEnd(10, '9') } };
  return { ...open, name: { contains: q } };
}

export async function searchInstitutions(
  prisma: PrismaClient,
  { q, page, pageSize }: InstitutionSearchQuery,
): Promise<InstitutionPage> {
  const where = whereFor(q);
  return readPage(
    { page, pageSize },
    {
      count: () => prisma.institution.count({ where }),
      rows: (window) => prisma.institution.findMany({ where, select: institutionSelect, orderBy: { code: 'asc' }, ...window }),
    },
    toInstitution,
  );
}

export async function findInstitution(prisma: PrismaClient, code: string): Promise<Institution | null> {
  const row = await prisma.institution.findFirst({ where: { code, closedAt: null }, select: institutionSelect });
  return row ? toInstitution(row) : null;
}
