import { INSTITUTION_SEARCH_COUNT_CAP } from '@portal/shared';
import { Prisma, type PrismaClient } from '@portal/db';

/**
 * A name query's matches, walked in 機構代碼 order along one gram's postings
 * (institution_name_postings, kept equal to each institution's search_grams by triggers).
 * Every match holds every gram of the query, so the postings of any one gram hold all the
 * matches, in code order: the first matches among the first postings walked are the first
 * matches of all. Each posting walked costs a look-up of its institution (the name and the
 * filters are tested there), so the walk follows the gram with the fewest postings and stops
 * as soon as it has the page, or the count is past the cap.
 *
 * What bounds it is a budget of postings. A walk that reaches its budget without an answer
 * means the gram's postings are mostly not matches (a longer query whose rarest pair is still
 * common, or a city or kind that few of them are in); then the GIN index on search_grams
 * answers, whose cost is the matches', which are few by then.
 */
export interface WalkBudgets {
  /** Postings the page's walk reads at most. */
  page: number;
  /** Postings the count's walk reads at most. */
  count: number;
}

/** A walk reads up to this many times the matches it needs, … */
const WALK_MARGIN = 4;
/** … and never fewer postings than this for a page (a look-up is about a microsecond). */
const MIN_PAGE_WALK = 1_000;

export function walkBudgets({ page, pageSize }: { page: number; pageSize: number }): WalkBudgets {
  return { page: Math.max(MIN_PAGE_WALK, WALK_MARGIN * page * pageSize), count: WALK_MARGIN * (INSTITUTION_SEARCH_COUNT_CAP + 1) };
}

/**
 * How many postings each gram has, counted only up to `upTo` (an index-only read of at most
 * that many entries per gram): enough to tell the rarest gram, and whether a walk of a budget
 * below `upTo` reads all of a gram's postings.
 */
export async function postingCounts(prisma: PrismaClient, grams: readonly string[], upTo: number): Promise<Map<string, number>> {
  const rows = await prisma.$queryRaw<{ gram: string; n: number }[]>`
    SELECT g.gram, (SELECT count(*)::int FROM (
      SELECT 1 FROM institution_name_postings AS p WHERE p.gram = g.gram LIMIT ${upTo}) AS postings) AS n
    FROM unnest(${grams}::text[]) AS g(gram)`;
  return new Map(rows.map(({ gram, n }) => [gram, n]));
}

/** The gram with the fewest postings (the first of equals). */
export function rarestGram(grams: readonly string[], counts: ReadonlyMap<string, number>): string {
  return grams.reduce((rarest, gram) => ((counts.get(gram) ?? 0) < (counts.get(rarest) ?? 0) ? gram : rarest));
}

/**
 * The walk as SQL: the first `budget` postings of `gram` in code order, each looked up in
 * institutions and kept when `test` holds. The OFFSET 0 keeps the look-up a per-posting probe
 * of the code index (the planner may otherwise hash the whole directory) and the order the
 * postings' own.
 */
function walk(gram: string, budget: number, test: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    (SELECT code FROM institution_name_postings WHERE gram = ${gram} ORDER BY code LIMIT ${budget}) AS posting
    CROSS JOIN LATERAL (SELECT id FROM institutions WHERE code = posting.code AND ${test} OFFSET 0) AS hit`;
}

/** The page's ids, or null when the walk ran out of budget before it found them. */
export async function pageByPostings(
  prisma: PrismaClient,
  gram: string,
  test: Prisma.Sql,
  { page, pageSize }: { page: number; pageSize: number },
  budget: number,
  walksAll: () => Promise<boolean>,
): Promise<string[] | null> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT hit.id FROM ${walk(gram, budget, test)} ORDER BY posting.code LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  // A full page is the page; a short one is the end of the matches only if the walk saw every posting.
  return rows.length === pageSize || (await walksAll()) ? rows.map((row) => row.id) : null;
}

/** The matches counted up to one past the cap, or null when the walk ran out of budget first. */
export async function countByPostings(
  prisma: PrismaClient,
  gram: string,
  test: Prisma.Sql,
  budget: number,
  walksAll: () => Promise<boolean>,
): Promise<number | null> {
  const [counted] = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM ${walk(gram, budget, test)} LIMIT ${INSTITUTION_SEARCH_COUNT_CAP + 1}) AS matches`;
  const n = counted?.n ?? 0;
  return n > INSTITUTION_SEARCH_COUNT_CAP || (await walksAll()) ? n : null;
}
