import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../setup/browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());
beforeEach(async () => {
  const context = await browser.newContext({ acceptDownloads: true, locale: 'zh-TW' });
  page = await context.newPage();
  consoleErrors.length = 0;
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
});

describe('a visitor', () => {
  it('reads the announcements on the home page', async () => {
    await page.goto(baseUrl);
    await expect(page.title()).resolves.toContain('醫療院所預防保健暨戒菸服務單一入口系統');
    await page.getByRole('heading', { name: '公告事項', level: 1 }).waitFor();
    const row = page.getByRole('row').filter({ hasText: '自109年9月28日起' });
    await row.waitFor();
    expect(await row.getByRole('cell').allInnerTexts()).toEqual([
      '公告',
      '單一入口系統',
      expect.stringContaining('自109年9月28日起，調整成健B、C型肝炎檢查年齡為45歲至79歲終身一次(原住民40歲至79歲)'),
      '2020/09/26',
    ]);
    expect(consoleErrors).toEqual([]);
  });

  it('goes to 下載專區 from the header and downloads the manager form', async () => {
    await page.goto(baseUrl);
    await page.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '下載專區' }).click();
    await page.getByRole('heading', { name: '下載專區', level: 1 }).waitFor();
    const row = page.getByRole('row').filter({ hasText: '預防保健單一入口-管理者帳號申請表' });
    await row.waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('link', { name: /預防保健單一入口管理者帳號申請表v2\.pdf/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('預防保健單一入口管理者帳號申請表v2.pdf');
    const file = readFileSync((await download.path())!);
    expect(file.subarray(0, 5).toString()).toBe('%PDF-');
    expect(consoleErrors).toEqual([]);
  });

  it('finds the help desk in 諮詢窗口', async () => {
    await page.goto(`${baseUrl}/contacts`);
    await page.getByRole('heading', { name: '諮詢窗口', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'me24you@hpa.gov.tw' }).waitFor();
    await page.getByRole('link', { name: 'hpa.pportal@gmail.com' }).waitFor();
    expect(consoleErrors).toEqual([]);
  });
});
