import { INSTITUTION_SEARCH_COUNT_CAP } from '@portal/shared';
import { Prisma, type PrismaClient } from '@portal/db';

/**
 * How a name search finds its page and its count. Through the GIN index the cost grows with
 * the number of matches (each is read and sorted); by reading rows in order and stopping once
 * enough match, it grows with the rows read, which for a broad query (「診所」, 「康」) is a few
 * hundred whatever the size of the directory. A scan has a budget of rows: when the matches
 * are not spread evenly (臺東 lies in one range of codes, 診所 after the hospitals of each city)
 * it tries again with a larger budget, as long as that still costs less than the index, and
 * then the index answers.
 */
export type Route = { via: 'index' } | { via: 'scan'; budgets: number[] };

export interface Routes {
  page: Route;
  count: Route;
}

/** What the planner expects: rows that pass the other filters, and of those, rows that match. */
export interface Estimate {
  rows: number;
  matches: number;
}

/**
 * Relative cost of one row on each path, measured on PostgreSQL with the benchmark's directory
 * (bench/institution-search-benchmark.ts; in microseconds on the development machine).
 * A row read in code order is a random heap read; in storage order, a sequential one.
 */
const COST = { rowInCodeOrder: 1.5, rowInStorageOrder: 0.7, indexEntry: 0.2, matchRead: 2 };

/** A scan first reads up to this many times the rows it expects to need, … */
const BUDGET_MARGIN = 3;
const MIN_BUDGET = 200;
/** … then this many times more on each further try, … */
const BUDGET_GROWTH = 4;
/** … while all the tries together cost at most this share of the index's answer. */
const SCAN_SHARE_OF_INDEX = 0.25;

/**
 * The planner's estimates from one EXPLAIN: the rows passing the filters, and for each of the
 * query's first grams the rows that also hold it. The matches are at most the fewest of those
 * (each gram's own estimate comes from the column's statistics of common elements, and is
 * close; the planner's estimate for several grams at once assumes they are independent and
 * can be far too low, which would send a broad query to the index).
 */
export async function estimateMatches(prisma: PrismaClient, filters: Prisma.Sql, grams: readonly string[]): Promise<Estimate> {
  const parts = [Prisma.sql`SELECT 1 FROM institutions WHERE ${filters}`];
  for (const gram of grams.slice(0, 4)) parts.push(Prisma.sql`SELECT 1 FROM institutions WHERE ${filters} AND search_grams @> ARRAY[${gram}]::text[]`);
  const [row] = await prisma.$queryRaw<Record<string, unknown>[]>`EXPLAIN (FORMAT JSON) ${Prisma.join(parts, ' UNION ALL ')}`;
  const plan = Object.values(row ?? {})[0];
  const estimates = branchRows((typeof plan === 'string' ? JSON.parse(plan) : plan) as PlanJson);
  const rows = Math.max(1, estimates[0] ?? 1);
  return { rows, matches: Math.max(1, Math.min(rows, ...estimates.slice(1))) };
}

interface PlanNode {
  'Node Type': string;
  'Plan Rows': number;
  Plans?: PlanNode[];
}
type PlanJson = [{ Plan: PlanNode }];

/** The estimated rows of each branch of the UNION ALL (an Append, possibly under a wrapper). */
function branchRows([{ Plan }]: PlanJson): number[] {
  let node: PlanNode | undefined = Plan;
  while (node && node['Node Type'] !== 'Append') node = node.Plans?.[0];
  return node?.Plans?.map((branch) => branch['Plan Rows']) ?? [Plan['Plan Rows']];
}

/**
 * The cheaper path for the page and for the count, by the estimate. A scan expects to read
 * `needed / share` rows, the index to read every match.
 */
export function chooseRoutes({ rows, matches }: Estimate, { page, pageSize }: { page: number; pageSize: number }): Routes {
  const share = matches / rows;
  const route = (needed: number, rowCost: number, indexCost: number): Route => {
    const expected = needed / share;
    if (expected * rowCost >= indexCost) return { via: 'index' };
    const budgets = [Math.max(MIN_BUDGET, Math.ceil(BUDGET_MARGIN * expected))];
    let spent = budgets[0]! * rowCost;
    for (let next = budgets[0]! * BUDGET_GROWTH; spent + next * rowCost <= SCAN_SHARE_OF_INDEX * indexCost; next *= BUDGET_GROWTH) {
      budgets.push(next);
      spent += next * rowCost;
    }
    return { via: 'scan', budgets };
  };
  const cappedMatches = Math.min(matches, INSTITUTION_SEARCH_COUNT_CAP + 1);
  return {
    page: route(page * pageSize, COST.rowInCodeOrder, matches * COST.matchRead),
    count: route(INSTITUTION_SEARCH_COUNT_CAP + 1, COST.rowInStorageOrder, matches * COST.indexEntry + cappedMatches * COST.matchRead),
  };
}
