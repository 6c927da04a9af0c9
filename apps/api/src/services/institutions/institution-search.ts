import { INSTITUTION_SEARCH_COUNT_CAP, institutionNameQuery, type InstitutionKind } from '@portal/shared';
import { Prisma, type PrismaClient } from '@portal/db';
import { countByPostings, pageByPostings, postingCounts, walkBudgets, type Walk, type WalkBudgets } from './name-postings.js';

/** What a list of institutions may be filtered by: the public directory uses `q` only. */
export interface InstitutionFilter {
  q?: string | undefined;
  city?: string | undefined;
  kind?: InstitutionKind | undefined;
  state: 'open' | 'closed' | 'all';
}

/**
 * A name query, as SQL twice: `indexed` lets the GIN index on the name's characters and pairs
 * find the candidates (then the folded name must contain the folded query); `contains` is the
 * containment alone, tested on each institution that a walk of postings reaches.
 */
interface NameMatch {
  text: string;
  grams: string[];
  indexed: Prisma.Sql;
  contains: Prisma.Sql;
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
  const contains = Prisma.sql`strpos(search_name, ${text}) > 0`;
  return { text, grams, contains, indexed: Prisma.sql`search_grams @> ${grams}::text[] AND ${contains}` };
}

/** Everything but the name: city, kind, open or closed. */
function filtersOf(filter: InstitutionFilter): Prisma.Sql[] {
  return [
    ...cityAndKindOf(filter),
    filter.state === 'open' ? Prisma.sql`closed_at IS NULL` : filter.state === 'closed' ? Prisma.sql`closed_at IS NOT NULL` : null,
  ].filter((condition): condition is Prisma.Sql => condition !== null);
}

function cityAndKindOf(filter: InstitutionFilter): Prisma.Sql[] {
  return [
    filter.city ? Prisma.sql`city = ${filter.city}` : null,
    filter.kind ? Prisma.sql`kind = ${filter.kind}::"InstitutionKind"` : null,
  ].filter((condition): condition is Prisma.Sql => condition !== null);
}

/** The state filter on institution_name_postings, which carry it. */
function postingStateOf(filter: InstitutionFilter): Prisma.Sql {
  return filter.state === 'open' ? Prisma.sql`NOT closed` : filter.state === 'closed' ? Prisma.sql`closed` : Prisma.sql`TRUE`;
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
 * match of 「診所」 in a large directory would cost more than the page itself. A name query
 * walks the postings of its rarest gram in code order (name-postings.ts) and falls back to the
 * GIN index when the walk's budget runs out; the answer is the same either way.
 */
export async function findInstitutionIds(prisma: PrismaClient, filter: InstitutionFilter, paging: Paging): Promise<InstitutionIdPage> {
  const match = matchOf(filter.q);
  if (match !== null && 'grams' in match) return searchByName(prisma, filter, paging, walkBudgets(paging));
  const where = and([...(match ? [match] : []), ...filtersOf(filter)]);
  const [ids, n] = await Promise.all([pageOf(prisma, where, paging), countOf(prisma, where)]);
  return capped(ids, n);
}

/** A name search with the given walk budgets: exported so that tests can hold both ways to the same answer. */
export async function searchByName(prisma: PrismaClient, filter: InstitutionFilter, paging: Paging, budgets: WalkBudgets): Promise<InstitutionIdPage> {
  const match = matchOf(filter.q);
  if (match === null || !('grams' in match)) throw new Error('searchByName needs a name query');
  const indexed = and([match.indexed, ...filtersOf(filter)]);
  const state = postingStateOf(filter);
  // A query of one or two characters is its own only gram: each of its postings is a name that contains it.
  const rest = [...(match.grams.length === 1 && match.grams[0] === match.text ? [] : [match.contains]), ...cityAndKindOf(filter)];
  const counts = postingCounts(prisma, state);
  const gram = match.grams.length === 1 ? match.grams[0]! : await counts.rarest(match.grams, budgets.page + 1);
  const walk: Walk = { gram, state, rest: rest.length > 0 ? and(rest) : null };
  const walksAll = (budget: number) => counts.atMost(gram, budget);
  const [ids, n] = await Promise.all([
    pageByPostings(prisma, walk, paging, budgets.page, walksAll).then((found) => found ?? pageOf(prisma, indexed, paging, { fenced: true })),
    countByPostings(prisma, walk, budgets.count, walksAll).then((found) => found ?? countOf(prisma, indexed)),
  ]);
  return capped(ids, n);
}

function capped(ids: string[], n: number): InstitutionIdPage {
  return { ids, total: Math.min(n, INSTITUTION_SEARCH_COUNT_CAP), totalCapped: n > INSTITUTION_SEARCH_COUNT_CAP };
}

/**
 * `fenced`: the matches are gathered first (OFFSET 0 keeps the planner from pushing the order
 * into the scan), then sorted. Without it the planner may walk the code index and test every
 * row, which reads most of the directory when the matches are not spread evenly over the codes
 * (臺東 is in one range of codes): a name query that reaches here is one whose walk of postings
 * found few matches.
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

/** Rows read by id, put back in the page's order. */
export function inPageOrder<Row extends { id: string }>(ids: readonly string[], rows: readonly Row[]): Row[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
