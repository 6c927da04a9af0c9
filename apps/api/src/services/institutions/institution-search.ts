import { INSTITUTION_SEARCH_COUNT_CAP, institutionNameQuery, type InstitutionKind } from '@portal/shared';
import { Prisma, type PrismaClient } from '@portal/db';
import { chooseRoutes, estimateMatches, type Route, type Routes } from './search-routes.js';

/** What a list of institutions may be filtered by: the public directory uses `q` only. */
export interface InstitutionFilter {
  q?: string | undefined;
  city?: string | undefined;
  kind?: InstitutionKind | undefined;
  state: 'open' | 'closed' | 'all';
}

/**
 * A name query, as SQL twice: `indexed` lets the GIN index on the name's characters and pairs
 * find the candidates (then the folded name must contain the folded query); `scanned` is the
 * containment alone, for reading rows in order until enough match.
 */
interface NameMatch {
  grams: string[];
  indexed: Prisma.Sql;
  scanned: Prisma.Sql;
}

/**
 * `q` in digits is a 機構代碼 prefix. Every code has exactly ten digits, so a prefix is the range
 * [prefix000…, prefix999…], which the unique index on code serves whatever the collation (a
 * LIKE 'prefix%' would not). Anything else is part of the name, folded by the shared rule
 * (台/臺, full-width, case).
 */
function matchOf(q: string | undefined): Prisma.Sql | NameMatch | null {
  if (!q) return null;
  const { text, grams } = institutionNameQuery(q);
  if (text === '') return null;
  if (/^\d{1,10}$/.test(text)) return Prisma.sql`code BETWEEN ${text.padEnd(10, '0')} AND ${text.padEnd(10, '9')}`;
  const scanned = Prisma.sql`strpos(search_name, ${text}) > 0`;
  return { grams, scanned, indexed: Prisma.sql`search_grams @> ${grams}::text[] AND ${scanned}` };
}

/** Everything but the name: city, kind, open or closed. */
function filtersOf(filter: InstitutionFilter): Prisma.Sql[] {
  return [
    filter.city ? Prisma.sql`city = ${filter.city}` : null,
    filter.kind ? Prisma.sql`kind = ${filter.kind}::"InstitutionKind"` : null,
    filter.state === 'open' ? Prisma.sql`closed_at IS NULL` : filter.state === 'closed' ? Prisma.sql`closed_at IS NOT NULL` : null,
  ].filter((condition): condition is Prisma.Sql => condition !== null);
}

const and = (conditions: Prisma.Sql[]) => (conditions.length > 0 ? Prisma.join(conditions, ' AND ') : Prisma.sql`TRUE`);

export interface InstitutionIdPage {
  /** The page's institutions, by 機構代碼. */
  ids: string[];
  /** The number of matches, counted up to INSTITUTION_SEARCH_COUNT_CAP. */
  total: number;
  /** More than `total` match: a broad query is not counted to the end. */
  totalCapped: boolean;
}

interface Paging {
  page: number;
  pageSize: number;
}

/**
 * One page of matches and their count. The count stops one past the cap: counting every
 * match of 「診所」 in a large directory would cost more than the page itself. How each is found
 * (the index or a scan that stops early) depends on how many rows the planner expects to match;
 * the answer is the same either way.
 */
export async function findInstitutionIds(prisma: PrismaClient, filter: InstitutionFilter, paging: Paging): Promise<InstitutionIdPage> {
  const match = matchOf(filter.q);
  if (match !== null && 'grams' in match) {
    const estimate = await estimateMatches(prisma, and(filtersOf(filter)), match.grams);
    return searchByName(prisma, filter, paging, chooseRoutes(estimate, paging));
  }
  const where = and([...(match ? [match] : []), ...filtersOf(filter)]);
  const [ids, n] = await Promise.all([pageOf(prisma, where, paging), countOf(prisma, where)]);
  return capped(ids, n);
}

/** A name search along the given routes: exported so that tests can hold every route to the same answer. */
export async function searchByName(prisma: PrismaClient, filter: InstitutionFilter, paging: Paging, routes: Routes): Promise<InstitutionIdPage> {
  const match = matchOf(filter.q);
  if (match === null || !('grams' in match)) throw new Error('searchByName needs a name query');
  const filters = and(filtersOf(filter));
  const indexed = and([match.indexed, ...filtersOf(filter)]);
  const [ids, n] = await Promise.all([
    firstOf(routes.page, (budget) => pageByScan(prisma, filters, match.scanned, paging, budget), () => pageOf(prisma, indexed, paging, { fenced: true })),
    firstOf(routes.count, (budget) => countByScan(prisma, filters, match.scanned, budget), () => countOf(prisma, indexed)),
  ]);
  return capped(ids, n);
}

/** A scan's answer when it has one within one of its budgets, else the index's. */
async function firstOf<T>(route: Route, scan: (budget: number) => Promise<T | null>, index: () => Promise<T>): Promise<T> {
  for (const budget of route.via === 'scan' ? route.budgets : []) {
    const found = await scan(budget);
    if (found !== null) return found;
  }
  return index();
}

function capped(ids: string[], n: number): InstitutionIdPage {
  return { ids, total: Math.min(n, INSTITUTION_SEARCH_COUNT_CAP), totalCapped: n > INSTITUTION_SEARCH_COUNT_CAP };
}

/**
 * `fenced`: the matches are gathered first (OFFSET 0 keeps the planner from pushing the order
 * into the scan), then sorted. Without it the planner may walk the code index and test every
 * row, which reads most of the directory when the matches are not spread evenly over the codes
 * (臺東 is in one range of codes): a name query that reaches here is one with few matches.
 */
async function pageOf(prisma: PrismaClient, where: Prisma.Sql, { page, pageSize }: Paging, { fenced = false } = {}): Promise<string[]> {
  const offset = (page - 1) * pageSize;
  const rows = fenced
    ? await prisma.$queryRaw<{ id: string }[]>`
        SELECT id FROM (SELECT id, code FROM institutions WHERE ${where} OFFSET 0) AS matches ORDER BY code LIMIT ${pageSize} OFFSET ${offset}`
    : await prisma.$queryRaw<{ id: string }[]>`
        SELECT id FROM institutions WHERE ${where} ORDER BY code LIMIT ${pageSize} OFFSET ${offset}`;
  return rows.map((row) => row.id);
}

async function countOf(prisma: PrismaClient, where: Prisma.Sql): Promise<number> {
  const [counted] = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM institutions WHERE ${where} LIMIT ${INSTITUTION_SEARCH_COUNT_CAP + 1}) AS matches`;
  return counted?.n ?? 0;
}

/**
 * The page from the first `budget` rows in code order: when they hold the whole page, it is the
 * page (no match can come before them); otherwise null. The LIMIT inside bounds the rows read.
 */
async function pageByScan(
  prisma: PrismaClient,
  filters: Prisma.Sql,
  match: Prisma.Sql,
  { page, pageSize }: Paging,
  budget: number,
): Promise<string[] | null> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id FROM (SELECT id, code, ${match} AS hit FROM institutions WHERE ${filters} ORDER BY code LIMIT ${budget}) AS prefix
    WHERE hit ORDER BY code LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  return rows.length === pageSize ? rows.map((row) => row.id) : null;
}

/** Past the cap within the first `budget` rows (in storage order), or null: then it is counted by the index. */
async function countByScan(prisma: PrismaClient, filters: Prisma.Sql, match: Prisma.Sql, budget: number): Promise<number | null> {
  const [counted] = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM (SELECT ${match} AS hit FROM institutions WHERE ${filters} LIMIT ${budget}) AS prefix
      WHERE hit LIMIT ${INSTITUTION_SEARCH_COUNT_CAP + 1}) AS matches`;
  const n = counted?.n ?? 0;
  return n > INSTITUTION_SEARCH_COUNT_CAP ? n : null;
}

/** Rows read by id, put back in the page's order. */
export function inPageOrder<Row extends { id: string }>(ids: readonly string[], rows: readonly Row[]): Row[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
