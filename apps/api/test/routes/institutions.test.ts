import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/test-app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ demoInstitutions: 300 });
});
afterAll(() => ctx?.close());

describe('GET /api/institutions', () => {
  it('finds by 機構代碼 prefix, and says whether the institution has a manager', async () => {
    const res = await ctx.app.inject({ url: '/api/institutions?q=99000000' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: [
        { code: '9900000001', name: '示範醫院', kind: 'HOSPITAL', city: '臺北市', hasManager: true },
        { code: '9900000002', name: '示範診所', kind: 'CLINIC', city: '新北市', hasManager: false },
      ],
      total: 2,
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
    expect(first.total).toBe(302);
    expect(first.items).toHaveLength(5);
    expect(second.items).toHaveLength(5);
    const codes = [...first.items, ...second.items].map((i: { code: string }) => i.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(10);
  });

  it('returns an empty page when nothing matches', async () => {
    const res = await ctx.app.inject({ url: '/api/institutions?q=0000000000' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
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
