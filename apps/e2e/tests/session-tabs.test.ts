import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../setup/browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

describe('two tabs of one browser', () => {
  it('refresh once when both find the access token expired at once, and both stay logged in', async () => {
    const context = await browser.newContext({ locale: 'zh-TW' });
    const first = await context.newPage();
    await first.goto(baseUrl);
    const loginBox = first.getByRole('region', { name: '服務登入' });
    await loginBox.getByLabel('帳號').fill('demouser');
    await loginBox.getByLabel('密碼').fill('Portal*Demo=2026');
    await loginBox.getByRole('button', { name: '登入' }).click();
    await first.getByRole('heading', { level: 1, name: '我的服務' }).waitFor();
    const second = await context.newPage();
    await second.goto(`${baseUrl}/account`);
    await second.getByRole('heading', { level: 1, name: '我的服務' }).waitFor();

    // The access token is gone (as after its 10 minutes): each tab's first call gets 401 and
    // refreshes. The refresh answers slowly, so that both tabs need one at the same time.
    await context.clearCookies({ name: 'portal_at' });
    const refreshes: number[] = [];
    await context.route('**/api/auth/refresh', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const response = await route.fetch();
      refreshes.push(response.status());
      await route.fulfill({ response });
    });
    await Promise.all([first.reload(), second.reload()]);
    for (const page of [first, second]) {
      await page.getByRole('heading', { level: 1, name: '我的服務' }).waitFor();
      await page.getByRole('region', { name: '服務登入' }).getByText('李示範 您好').waitFor();
    }
    // One tab refreshed (Web Locks); the other took its result.
    expect(refreshes).toEqual([200]);

    // The login goes on in both: the next refresh (the token was not taken for reuse) works too.
    await context.unroute('**/api/auth/refresh');
    await context.clearCookies({ name: 'portal_at' });
    await second.reload();
    await second.getByRole('heading', { level: 1, name: '我的服務' }).waitFor();
    await first.reload();
    await first.getByRole('heading', { level: 1, name: '我的服務' }).waitFor();
    await context.close();
  });
});
