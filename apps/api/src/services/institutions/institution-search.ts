import { INSTITUTION_SEARCH_COUNT_CAP, institutionNameQuery, type InstitutionKind } from '@portal/shared';
import { Prisma, type PrismaClient } from '@portal/db';

/** What a list of institutions may be filtered by: the public directory uses `q` only. */
export interface InstitutionFilter {
  q?: string | undefined;
  city?: string | undefined;
  kind?: InstitutionKind | undefined;
  state: 'open' | 'closed' | 'all';
}

/**
 * `q` in digits is a 機構代碼 prefix. Every code has exactly ten digits, so a prefix is the range
 * [prefix000…, prefix999…], which the unique index on code serves whatever the collation (a
 * LIKE 'prefix%' would not). Anything else is part of the name, folded by the shared rule
 * (台/臺, full-width, case): the GIN index on the name's characters and pairs finds the
 * candidates, then the folded name must contain the folded query.
 */
function matchOf(q: string): Prisma.Sql | null {
  const { text, grams } = institutionNameQuery(q);
  if (text === '') return null;
  if (/^\d{1,10}$/.test(text)) return Prisma.sql`code BETWEEN ${text.padEnd(10, '0')} AND ${text.padEnd(10, '9')}`;
  return Prisma.sql`search_grams @> ${grams}::text[] AND strpos(search_name, ${text}) > 0`;
}

function whereOf(filter: InstitutionFilter): Prisma.Sql {
  const conditions = [
    filter.q ? matchOf(filter.q) : null,
    filter.city ? Prisma.sql`city = ${filter.city}` : null,
    filter.kind ? Prisma.sql`kind = ${filter.kind}::"InstitutionKind"` : null,
    filter.state === 'open' ? Prisma.sql`closed_at IS NULL` : filter.state === 'closed' ? Prisma.sql`closed_at IS NOT NULL` : null,
  ].filter((condition): condition is Prisma.Sql => condition !== null);
  return conditions.length > 0 ? Prisma.join(conditions, ' AND ') : Prisma.sql`TRUE`;
}

export interface InstitutionIdPage {
  /** The page's institutions, by 機構代碼. */
  ids: string[];
  /** The number of matches, counted up to INSTITUTION_SEARCH_COUNT_CAP. */
  total: number;
  /** More than `total` match: a broad query is not counted to the end. */
  totalCapped: boolean;
}

/**
 * One page of matches and their count. The count stops one past the cap: counting every
 * match of 「診所」 in a large directory would cost more than the page itself.
 */
export async function findInstitutionIds(
  prisma: PrismaClient,
  filter: InstitutionFilter,
  { page, pageSize }: { page: number; pageSize: number },
): Promise<InstitutionIdPage> {
  const where = whereOf(filter);
  const [rows, [counted]] = await Promise.all([
    prisma.$queryRaw<{ id: string }[]>`
      SELECT id FROM institutions WHERE ${where} ORDER BY code LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM institutions WHERE ${where} LIMIT ${INSTITUTION_SEARCH_COUNT_CAP + 1}) AS matches`,
  ]);
  const n = counted?.n ?? 0;
  return { ids: rows.map((row) => row.id), total: Math.min(n, INSTITUTION_SEARCH_COUNT_CAP), totalCapped: n > INSTITUTION_SEARCH_COUNT_CAP };
}

/** Rows read by id, put back in the page's order. */
export function inPageOrder<Row extends { id: string }>(ids: readonly string[], rows: readonly Row[]): Row[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
