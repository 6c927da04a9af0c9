import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/test-app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ demoInstitutions: 0 });
});
afterAll(() => ctx?.close());

const SEED_TITLE = '自109年9月28日起，調整成健B、C型肝炎檢查年齡為45歲至79歲終身一次(原住民40歲至79歲)';

describe('GET /api/subsystems', () => {
  it('lists the ten subsystems in order', async () => {
    const res = await ctx.app.inject({ url: '/api/subsystems' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((s: { name: string }) => s.name)).toEqual([
      '成人預防保健', '兒童預防保健', '孕婦產前檢查', '子宮頸癌篩檢', '乳癌篩檢',
      '大腸癌篩檢', '口腔癌篩檢', '肺癌篩檢', 'B、C型肝炎篩檢', '戒菸服務',
    ]);
  });
});

describe('GET /api/announcements', () => {
  it('lists published announcements, newest first, with the categories in use', async () => {
    const res = await ctx.app.inject({ url: '/api/announcements' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.categories).toEqual(['公告', '新聞', '系統維護']);
    expect(body.total).toBe(5);
    const dates = body.items.map((a: { publishedAt: string }) => a.publishedAt);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(body.items.at(-1)).toMatchObject({
      category: '公告',
      system: '單一入口系統',
      title: SEED_TITLE,
      publishedAt: '2020-09-25T16:00:00.000Z',
    });
  });

  it('filters by 分類', async () => {
    const res = await ctx.app.inject({ url: `/api/announcements?category=${encodeURIComponent('系統維護')}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((a: { category: string }) => a.category)).toEqual(['系統維護']);
  });

  it('hides drafts and announcements scheduled for later', async () => {
    await ctx.db.prisma.announcement.createMany({
      data: [
        { category: '公告', system: '單一入口系統', title: '草稿', status: 'DRAFT' },
        { category: '公告', system: '單一入口系統', title: '排程', status: 'PUBLISHED', publishedAt: new Date(Date.now() + 86_400_000) },
      ],
    });
    const titles = (await ctx.app.inject({ url: '/api/announcements?pageSize=100' })).json().items.map((a: { title: string }) => a.title);
    expect(titles).not.toContain('草稿');
    expect(titles).not.toContain('排程');
  });
});

describe('下載專區', () => {
  it('lists the manager form with its system, category, file and date', async () => {
    const res = await ctx.app.inject({ url: '/api/downloads' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.systems).toEqual(['單一入口系統']);
    expect(body.categories).toEqual(['表格範例']);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      system: '單一入口系統',
      category: '表格範例',
      title: '預防保健單一入口-管理者帳號申請表（即「預防保健服務單一入口系統_管理者帳號申請、異動表」）',
      filename: '預防保健單一入口管理者帳號申請表v2.pdf',
      contentType: 'application/pdf',
      publishedAt: '2018-04-23T16:00:00.000Z',
    });
  });

  it.each([
    ['keyword', '申請表', 1],
    ['keyword', 'V2.PDF', 1],
    ['keyword', '不存在的檔案', 0],
    ['system', '戒菸服務', 0],
    ['category', '表格範例', 1],
  ])('filters by %s=%s', async (field, value, count) => {
    const res = await ctx.app.inject({ url: `/api/downloads?${field}=${encodeURIComponent(value)}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(count);
  });

  it('serves the PDF itself with its 中文 file name', async () => {
    const { items } = (await ctx.app.inject({ url: '/api/downloads' })).json();
    const res = await ctx.app.inject({ url: items[0].href });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="download.pdf"; filename*=UTF-8''${encodeURIComponent('預防保健單一入口管理者帳號申請表v2.pdf')}`,
    );
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.length).toBe(items[0].size);
  });

  it('404s an unknown file and 400s a malformed id', async () => {
    const unknown = await ctx.app.inject({ url: '/api/downloads/00000000-0000-4000-8000-000000000000/file' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ code: 'NOT_FOUND', message: '查無此檔案。' });
    const malformed = await ctx.app.inject({ url: '/api/downloads/x/file' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('VALIDATION_FAILED');
  });
});
