import { foldInstitutionName, INSTITUTION_SEARCH_COUNT_CAP, institutionSearchFields } from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInstitutionIds, searchByName, type InstitutionFilter } from '../../src/services/institutions/institution-search.js';
import { chooseRoutes, type Routes } from '../../src/services/institutions/search-routes.js';
import { createTestApp, type TestContext } from '../helpers/test-app.js';

let ctx: TestContext;
let directory: { id: string; code: string; searchName: string; closedAt: Date | null; city: string }[];
beforeAll(async () => {
  ctx = await createTestApp({ demoInstitutions: 1_200 });
  // Closed ones too, so that the state filter matters on every route.
  for (const [code, name] of [['9912300001', '示範台東仁心診所'], ['9912300002', '示範臺東康寧藥局']] as const) {
    await ctx.db.prisma.institution.create({ data: { code, name, ...institutionSearchFields(name), kind: 'CLINIC', city: '臺東縣', closedAt: new Date() } });
  }
  await ctx.db.prisma.$executeRawUnsafe('ANALYZE institutions');
  directory = await ctx.db.prisma.institution.findMany({ select: { id: true, code: true, searchName: true, closedAt: true, city: true } });
});
afterAll(() => ctx?.close());

/** The answer worked out here from every row: what each route must return. */
function expected(filter: InstitutionFilter, { page, pageSize }: { page: number; pageSize: number }) {
  const text = foldInstitutionName(filter.q!);
  const matches = directory
    .filter((row) => row.searchName.includes(text))
    .filter((row) => (filter.state === 'open' ? row.closedAt === null : filter.state === 'closed' ? row.closedAt !== null : true))
    .filter((row) => !filter.city || row.city === filter.city)
    .sort((a, b) => a.code.localeCompare(b.code));
  return {
    ids: matches.slice((page - 1) * pageSize, page * pageSize).map((row) => row.id),
    total: Math.min(matches.length, INSTITUTION_SEARCH_COUNT_CAP),
    totalCapped: matches.length > INSTITUTION_SEARCH_COUNT_CAP,
  };
}

const ROUTES: Record<string, Routes> = {
  'the index': { page: { via: 'index' }, count: { via: 'index' } },
  // Budgets too small for most queries: the scans give up and the index answers.
  'scans that give up': { page: { via: 'scan', budgets: [3, 12] }, count: { via: 'scan', budgets: [30] } },
  'scans of the whole directory': { page: { via: 'scan', budgets: [100_000] }, count: { via: 'scan', budgets: [100_000] } },
};

const FILTERS: InstitutionFilter[] = [
  { q: '示範', state: 'open' },
  { q: '示範診', state: 'open' },
  { q: '仁心', state: 'open' },
  { q: '台東', state: 'all' },
  { q: '臺東', state: 'closed' },
  { q: '康', state: 'open', city: '臺北市' },
  { q: '新竹博愛', state: 'open' },
  { q: '無此機構', state: 'open' },
];

describe('institution name search: every route gives the same answer', () => {
  it.each(Object.keys(ROUTES))('%s', async (name) => {
    for (const filter of FILTERS) {
      for (const paging of [{ page: 1, pageSize: 10 }, { page: 3, pageSize: 7 }, { page: 200, pageSize: 20 }]) {
        const found = await searchByName(ctx.db.prisma, filter, paging, ROUTES[name]!);
        expect(found, `${filter.q} ${filter.state} ${filter.city ?? ''} page ${paging.page}`).toEqual(expected(filter, paging));
      }
    }
  });

  it('and so does the route the estimate chooses', async () => {
    for (const filter of FILTERS) {
      const paging = { page: 2, pageSize: 5 };
      expect(await findInstitutionIds(ctx.db.prisma, filter, paging), filter.q).toEqual(expected(filter, paging));
    }
  });
});

describe('chooseRoutes', () => {
  const paging = { page: 1, pageSize: 10 };

  it('sends a query that few rows match to the index', () => {
    expect(chooseRoutes({ rows: 200_000, matches: 150 }, paging)).toEqual({ page: { via: 'index' }, count: { via: 'index' } });
  });

  it('scans for a broad query, first within a few times the rows it expects to need, then more', () => {
    const { page, count } = chooseRoutes({ rows: 200_000, matches: 120_000 }, paging);
    expect(page.via === 'scan' && page.budgets[0]).toBe(200);
    expect(count.via === 'scan' && count.budgets[0]).toBe(Math.ceil((3 * 1_001 * 200_000) / 120_000));
    for (const route of [page, count]) if (route.via === 'scan') expect(route.budgets).toEqual([...route.budgets].sort((a, b) => a - b));
  });

  it('does not let the tries cost more than a share of what the index costs', () => {
    const { page } = chooseRoutes({ rows: 200_000, matches: 10_000 }, paging);
    expect(page.via).toBe('scan');
    // 10,000 matches read by the index ≈ 20 ms; the scans of the page together stay within a quarter.
    if (page.via === 'scan') expect(page.budgets.reduce((sum, budget) => sum + budget, 0) * 1.5).toBeLessThanOrEqual(0.25 * 10_000 * 2);
  });

  it('deeper pages need more rows: a scan is chosen less readily', () => {
    expect(chooseRoutes({ rows: 200_000, matches: 2_000 }, { page: 1, pageSize: 10 }).page.via).toBe('scan');
    expect(chooseRoutes({ rows: 200_000, matches: 2_000 }, { page: 50, pageSize: 20 }).page.via).toBe('index');
  });
});
