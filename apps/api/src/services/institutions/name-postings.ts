import { INSTITUTION_SEARCH_COUNT_CAP } from '@portal/shared';
import { Prisma, type PrismaClient } from '@portal/db';

/**
 * A name query's matches, walked in 機構代碼 order along one gram's postings
 * (institution_name_postings: each institution's search_grams with its code and whether it is
 * closed, kept in step by triggers). Every match holds every gram of the query, so the postings
 * of any one gram hold all the matches, in code order: the first matches among the first
 * postings walked are the first matches of all. A posting walked costs a look-up of its
 * institution when something is left to test there (the whole name, a city, a kind), so the
 * walk follows the gram with the fewest postings and stops as soon as it has the page, or the
 * count is past the cap. A query of one or two characters in the public directory has nothing
 * left to test: its postings are its matches, counted from the index alone.
 *
 * What bounds a walk is a budget of postings. A walk that reaches its budget without an answer
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
/** … and never fewer postings than this for a page (a look-up is a microsecond or two). */
const MIN_PAGE_WALK = 1_000;

export function walkBudgets({ page, pageSize }: { page: number; pageSize: number }): WalkBudgets {
  return { page: Math.max(MIN_PAGE_WALK, WALK_MARGIN * page * pageSize), count: WALK_MARGIN * (INSTITUTION_SEARCH_COUNT_CAP + 1) };
}

/** What a walk reads: one gram's postings of open, closed or all institutions, and what is left to test. */
export interface Walk {
  gram: string;
  /** On the postings: their `closed`. */
  state: Prisma.Sql;
  /** On each institution reached; null when every posting is a match. */
  rest: Prisma.Sql | null;
}

/**
 * How many postings grams have, each counted only up to a bound (an index-only read of at most
 * that many entries) and remembered: enough to tell the rarest gram, and whether a walk of
 * some budget reads all of a gram's postings.
 */
export function postingCounts(prisma: PrismaClient, state: Prisma.Sql) {
  const known = new Map<string, { n: number; upTo: number }>();
  const count = async (grams: readonly string[], upTo: number) => {
    const rows = await prisma.$queryRaw<{ gram: string; n: number }[]>`
      SELECT g.gram, (SELECT count(*)::int FROM (
        SELECT 1 FROM institution_name_postings AS p WHERE p.gram = g.gram AND ${state} LIMIT ${upTo}) AS postings) AS n
      FROM unnest(${grams}::text[]) AS g(gram)`;
    for (const { gram, n } of rows) known.set(gram, { n, upTo });
  };
  return {
    /** The gram with the fewest postings (the first of equals; those with `upTo` or more are equals). */
    async rarest(grams: readonly string[], upTo: number): Promise<string> {
      await count(grams, upTo);
      const n = (gram: string) => known.get(gram)?.n ?? 0;
      return grams.reduce((rarest, gram) => (n(gram) < n(rarest) ? gram : rarest));
    },
    async atMost(gram: string, budget: number): Promise<boolean> {
      const seen = known.get(gram);
      // Counted exactly (below its bound), or known to be more than the budget.
      if (seen && (seen.n < seen.upTo || seen.upTo > budget)) return seen.n <= budget;
      await count([gram], budget + 1);
      return known.get(gram)!.n <= budget;
    },
  };
}

/**
 * The walk as SQL: the first `budget` postings in code order, each looked up in institutions
 * and kept when the rest holds. The OFFSET 0 keeps the look-up a per-posting probe of the code
 * index (the planner may otherwise hash the whole directory) and the order the postings' own.
 */
function walkOf({ gram, state, rest }: Walk, budget: number): Prisma.Sql {
  return Prisma.sql`
    (SELECT code FROM institution_name_postings WHERE gram = ${gram} AND ${state} ORDER BY code LIMIT ${budget}) AS posting
    CROSS JOIN LATERAL (SELECT id FROM institutions WHERE code = posting.code AND ${rest ?? Prisma.sql`TRUE`} OFFSET 0) AS hit`;
}

/**
 * The page's ids, or null when the walk ran out of budget before it found them. A full page is
 * the page; a short one is the end of the matches if the walk saw every posting (or, when every
 * posting is a match and the budget covers the page, the walk stopped for want of postings).
 */
export async function pageByPostings(
  prisma: PrismaClient,
  walk: Walk,
  { page, pageSize }: { page: number; pageSize: number },
  budget: number,
  walksAll: (budget: number) => Promise<boolean>,
): Promise<string[] | null> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT hit.id FROM ${walkOf(walk, budget)} ORDER BY posting.code LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  const everyPostingMatched = walk.rest === null && budget >= page * pageSize;
  const complete = rows.length === pageSize || everyPostingMatched || (await walksAll(budget));
  return complete ? rows.map((row) => row.id) : null;
}

/**
 * The matches counted up to one past the cap, or null when the walk ran out of budget first.
 * When every posting is a match they are counted from the postings alone, within the cap.
 */
export async function countByPostings(
  prisma: PrismaClient,
  walk: Walk,
  budget: number,
  walksAll: (budget: number) => Promise<boolean>,
): Promise<number | null> {
  const cap = INSTITUTION_SEARCH_COUNT_CAP + 1;
  const [counted] =
    walk.rest === null
      ? await prisma.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM (
            SELECT 1 FROM institution_name_postings WHERE gram = ${walk.gram} AND ${walk.state} LIMIT ${cap}) AS matches`
      : await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${walkOf(walk, budget)} LIMIT ${cap}) AS matches`;
  const n = counted?.n ?? 0;
  return n > INSTITUTION_SEARCH_COUNT_CAP || walk.rest === null || (await walksAll(budget)) ? n : null;
}
