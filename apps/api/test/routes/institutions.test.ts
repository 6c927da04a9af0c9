import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { INSTITUTION_NAME_VARIANTS, institutionSearchFields } from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/test-app.js';

let ctx: TestContext;
// More institutions than a search counts (1,000), all named 「示範…」.
const DIRECTORY = 1_200;
beforeAll(async () => {
  ctx = await createTestApp({ demoInstitutions: DIRECTORY });
  for (const [code, name] of [['9912300001', '臺北市立ＡＢＣ聯合醫院'], ['9912300002', '衞生福利部 台東 峯 醫院']] as const) {
    await ctx.db.prisma.institution.create({ data: { code, name, ...institutionSearchFields(name), kind: 'HOSPITAL', city: '臺北市' } });
  }
});
afterAll(() => ctx?.close());

describe('GET /api/institutions', () => {
  it('finds by 機構代碼 prefix, and does not say whether each institution has a manager', async () => {
    const res = await ctx.app.inject({ url: '/api/institutions?q=99000000' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: [
        { code: '9900000001', name: '示範醫院', kind: 'HOSPITAL', city: '臺北市' },
        { code: '9900000002', name: '示範診所', kind: 'CLINIC', city: '新北市' },
      ],
      total: 2,
      totalCapped: false,
      page: 1,
      pageSize: 20,
    });
  });

  it('finds by part of the name', async () => {
    const res = await ctx.app.inject({ url: `/api/institutions?q=${encodeURIComponent('示範診')}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((i: { code: string }) => i.code)).toContain('9900000002');
    for (const item of body.items) expect(item.name).toContain('示範診');
  });

  it('pages through the directory in code order', async () => {
    const first = (await ctx.app.inject({ url: '/api/institutions?pageSize=5' })).json();
    const second = (await ctx.app.inject({ url: '/api/institutions?pageSize=5&page=2' })).json();
    // Not counted to the end: more than the cap match.
    expect(first).toMatchObject({ total: 1_000, totalCapped: true });
    expect(first.items).toHaveLength(5);
    expect(second.items).toHaveLength(5);
    const codes = [...first.items, ...second.items].map((i: { code: string }) => i.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(10);
  });

  it('returns an empty page when nothing matches', async () => {
    const res = await ctx.app.inject({ url: '/api/institutions?q=0000000000' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [], total: 0, totalCapped: false, page: 1, pageSize: 20 });
  });

  const namesFound = async (q: string) =>
    (await ctx.app.inject({ url: `/api/institutions?q=${encodeURIComponent(q)}` })).json().items.map((i: { name: string }) => i.name);

  it.each([
    ['台北市立', '臺北市立ＡＢＣ聯合醫院'],
    ['abc', '臺北市立ＡＢＣ聯合醫院'],
    ['ａｂｃ聯合', '臺北市立ＡＢＣ聯合醫院'],
    ['臺北 市立', '臺北市立ＡＢＣ聯合醫院'],
    ['臺東峰', '衞生福利部 台東 峯 醫院'],
    ['衛生福利部', '衞生福利部 台東 峯 醫院'],
  ])('folds variants, width, case and spaces alike in the name and the query: %s', async (q, name) => {
    expect(await namesFound(q)).toEqual([name]);
  });

  it('treats % and _ as characters, and full-width digits as a code prefix', async () => {
    expect(await namesFound('示範%')).toEqual([]);
    expect(await namesFound('_')).toEqual([]);
    expect(await namesFound('９９１２３')).toEqual(['臺北市立ＡＢＣ聯合醫院', '衞生福利部 台東 峯 醫院']);
  });

  it('counts a broad query only up to 1,000, and a narrow one exactly', async () => {
    expect((await ctx.app.inject({ url: `/api/institutions?q=${encodeURIComponent('示範')}` })).json()).toMatchObject({ total: 1_000, totalCapped: true });
    const narrow = (await ctx.app.inject({ url: `/api/institutions?q=${encodeURIComponent('示範診所')}` })).json();
    expect(narrow).toMatchObject({ total: 1, totalCapped: false });
  });

  it('name search can be served by the GIN index of characters and pairs', async () => {
    const plan = await ctx.db.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
      return tx.$queryRawUnsafe<Record<string, string>[]>(
        "EXPLAIN SELECT id FROM institutions WHERE search_grams @> ARRAY['仁心']::text[] AND strpos(search_name, '仁心') > 0",
      );
    });
    expect(plan.map((row) => Object.values(row)[0]).join('\n')).toContain('institutions_search_grams_idx');
  });

  it('the migration filled the rows already there by the same rule as the seed and every write', async () => {
    const migrations = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../prisma/migrations');
    const folder = readdirSync(migrations).find((name) => name.endsWith('_institution_search_grams'))!;
    const backfill = readFileSync(path.join(migrations, folder, 'migration.sql'), 'utf8').match(/UPDATE[\s\S]*?;\n(?=\n)/g)!;
    expect(backfill).toHaveLength(2);
    // Idempotent where the rules agree: running it again changes nothing that the test would miss.
    for (const statement of backfill) await ctx.db.prisma.$executeRawUnsafe(statement);
    const rows = await ctx.db.prisma.institution.findMany({ select: { name: true, searchName: true, searchGrams: true } });
    expect(rows.length).toBeGreaterThan(DIRECTORY);
    for (const row of rows) {
      const expected = institutionSearchFields(row.name);
      expect(row.searchName, row.name).toBe(expected.searchName);
      expect([...row.searchGrams].sort(), row.name).toEqual([...expected.searchGrams].sort());
    }
    // The migration's variant list is the rule's.
    const [, from, to] = backfill[0]!.match(/'(\S+)',\s*'(\S+)'/)!;
    expect([from, to]).toEqual([Object.keys(INSTITUTION_NAME_VARIANTS).join(''), Object.values(INSTITUTION_NAME_VARIANTS).join('')]);
  });

  it.each([
    ['page=0', 'page', '頁碼必須是 1 至 10000 的整數。'],
    ['pageSize=1000', 'pageSize', '每頁筆數必須是 1 至 100 的整數。'],
    [`q=${'a'.repeat(51)}`, 'q', '查詢字串不得超過 50 個字。'],
  ])('refuses %s with a zh-TW message', async (query, field, message) => {
    const res = await ctx.app.inject({ url: `/api/institutions?${query}` });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: 'VALIDATION_FAILED', message, fieldErrors: { [field]: [message] } });
  });
});

describe('GET /api/institutions/:code', () => {
  it('returns one institution', async () => {
    const res = await ctx.app.inject({ url: '/api/institutions/9900000002' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ code: '9900000002', name: '示範診所', kind: 'CLINIC', city: '新北市', hasManager: false });
  });

  it('404s an unknown code', async () => {
    const res = await ctx.app.inject({ url: '/api/institutions/9999999999' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'NOT_FOUND', message: '查無此機構代碼，請確認後再輸入。' });
  });

  it('400s a malformed code', async () => {
    const res = await ctx.app.inject({ url: '/api/institutions/12ab' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      code: 'VALIDATION_FAILED',
      message: '機構代碼須為 10 位數字。',
      fieldErrors: { code: ['機構代碼須為 10 位數字。'] },
    });
  });
});
