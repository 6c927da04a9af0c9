import { Prisma } from '@portal/db';
import { foldInstitutionName, INSTITUTION_SEARCH_COUNT_CAP, institutionSearchFields } from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInstitutionIds, searchByName, type InstitutionFilter } from '../../src/services/institutions/institution-search.js';
import { postingCounts, walkBudgets, type WalkBudgets } from '../../src/services/institutions/name-postings.js';
import { createTestApp, type TestContext } from '../helpers/test-app.js';

let ctx: TestContext;
let directory: { id: string; code: string; searchName: string; closedAt: Date | null; city: string; kind: string }[];
beforeAll(async () => {
  ctx = await createTestApp({ demoInstitutions: 1_200 });
  // Closed ones too, so that the state filter matters on every route.
  for (const [code, name] of [['9912300001', '示範台東仁心診所'], ['9912300002', '示範臺東康寧藥局']] as const) {
    await ctx.db.prisma.institution.create({ data: { code, name, ...institutionSearchFields(name), kind: 'CLINIC', city: '臺東縣', closedAt: new Date() } });
  }
  directory = await ctx.db.prisma.institution.findMany({ select: { id: true, code: true, searchName: true, closedAt: true, city: true, kind: true } });
});
afterAll(() => ctx?.close());

/** The answer worked out here from every row: what each route must return. */
function expected(filter: InstitutionFilter, { page, pageSize }: { page: number; pageSize: number }) {
  const text = foldInstitutionName(filter.q!);
  const matches = directory
    .filter((row) => row.searchName.includes(text))
    .filter((row) => (filter.state === 'open' ? row.closedAt === null : filter.state === 'closed' ? row.closedAt !== null : true))
    .filter((row) => !filter.city || row.city === filter.city)
    .filter((row) => !filter.kind || row.kind === filter.kind)
    .sort((a, b) => a.code.localeCompare(b.code));
  return {
    ids: matches.slice((page - 1) * pageSize, page * pageSize).map((row) => row.id),
    total: Math.min(matches.length, INSTITUTION_SEARCH_COUNT_CAP),
    totalCapped: matches.length > INSTITUTION_SEARCH_COUNT_CAP,
  };
}

const BUDGETS: Record<string, WalkBudgets> = {
  'walks of postings long enough for every answer': { page: 100_000, count: 100_000 },
  // Budgets too small for most queries: the walks give up and the GIN index answers (except
  // the count of a query whose postings are its matches, which reads no institution).
  'walks that give up': { page: 3, count: 30 },
  'no walk': { page: 0, count: 0 },
};

const FILTERS: InstitutionFilter[] = [
  { q: '示範', state: 'open' },
  { q: '示範診', state: 'open' },
  { q: '仁心', state: 'open' },
  { q: '台東', state: 'all' },
  { q: '臺東', state: 'closed' },
  { q: '康', state: 'open', city: '臺北市' },
  { q: '新竹博愛', state: 'open' },
  // Several grams: the walk follows the rarest (東仁), not the first.
  { q: '台東仁心', state: 'all' },
  { q: '示範', state: 'all', kind: 'PHARMACY' },
  { q: '康', state: 'closed' },
  { q: '心診', state: 'open', city: '臺東縣', kind: 'CLINIC' },
  { q: '無此機構', state: 'open' },
];

describe('institution name search: walks of postings and the GIN index give the same answer', () => {
  it.each(Object.keys(BUDGETS))('%s', async (name) => {
    for (const filter of FILTERS) {
      for (const paging of [{ page: 1, pageSize: 10 }, { page: 3, pageSize: 7 }, { page: 200, pageSize: 20 }]) {
        const found = await searchByName(ctx.db.prisma, filter, paging, BUDGETS[name]!);
        expect(found, `${filter.q} ${filter.state} ${filter.city ?? ''} page ${paging.page}`).toEqual(expected(filter, paging));
      }
    }
  });

  it('and so do the budgets a search is given', async () => {
    for (const filter of FILTERS) {
      const paging = { page: 2, pageSize: 5 };
      expect(await findInstitutionIds(ctx.db.prisma, filter, paging), filter.q).toEqual(expected(filter, paging));
    }
  });
});

describe('walkBudgets', () => {
  it('reads a few times the matches a page or the capped count needs', () => {
    expect(walkBudgets({ page: 1, pageSize: 10 })).toEqual({ page: 1_000, count: 4 * (INSTITUTION_SEARCH_COUNT_CAP + 1) });
    expect(walkBudgets({ page: 50, pageSize: 20 }).page).toBe(4_000);
  });
});

describe('postingCounts', () => {
  const counted = async (gram: string) =>
    (await ctx.db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM institution_name_postings WHERE gram = ${gram} AND NOT closed`)[0]!.n;

  it('finds the gram with the fewest postings, and tells whether a budget covers a gram', async () => {
    const counts = postingCounts(ctx.db.prisma, Prisma.sql`NOT closed`);
    expect(await counts.rarest(['臺東', '東仁', '仁心'], 1_001)).toBe('東仁');
    const n = await counted('仁心');
    expect(n).toBeGreaterThan(20);
    expect(await counts.atMost('仁心', n)).toBe(true);
    expect(await counts.atMost('仁心', n - 1)).toBe(false);
    expect(await counts.atMost('仁心', 10)).toBe(false);
    // Counted first only up to 5: a larger budget counts again.
    const few = postingCounts(ctx.db.prisma, Prisma.sql`NOT closed`);
    expect(await few.rarest(['仁心', '臺東'], 5)).toBe('仁心');
    expect(await few.atMost('仁心', 4)).toBe(false);
    expect(await few.atMost('仁心', n)).toBe(true);
  });
});
