import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchChromium } from '../setup/browser.js';

/**
 * 「即將自動登出」 in a real browser against the real portal (idle timeout: the default 30
 * minutes). The page's clock is Playwright's fake one, moved on instead of waited out; the
 * portal's is real, so the page is set back to the real time whenever it acts as the user (the
 * API counts idleness from what the page reports, and from its own clock).
 */
const baseUrl = inject('baseUrl');
const DEMO_PASSWORD = 'Portal*Demo=2026';
const IDLE_MESSAGE = '您已閒置超過 30 分鐘，為保護資料，系統已自動登出，請重新登入。';
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  const context = await browser.newContext({ locale: 'zh-TW' });
  page = await context.newPage();
  await page.clock.install();
});
afterAll(() => browser?.close());

const loginBox = () => page.getByRole('region', { name: '服務登入' });
const dialog = () => page.getByRole('alertdialog', { name: '即將自動登出' });
const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() || document.activeElement?.id);
const sessionStatus = () => page.evaluate(async () => (await fetch('/api/auth/session')).status);

it('warns two minutes before the idle deadline, 繼續使用 keeps the session, and an unanswered warning logs out', async () => {
  await page.goto(baseUrl);
  await loginBox().getByLabel('帳號').fill('demosubbreast');
  await loginBox().getByLabel('密碼').fill(DEMO_PASSWORD);
  await loginBox().getByRole('button', { name: '登入' }).click();
  await page.getByRole('heading', { level: 1, name: '我的服務' }).waitFor();

  // 28 minutes without a key or a click: the warning, with 繼續使用 focused.
  await page.clock.fastForward('28:00');
  await dialog().waitFor();
  await dialog().getByText(/系統將於 .+（約 2 分鐘後）自動登出/).waitFor();
  await expect.poll(focused).toBe('繼續使用');

  // The user comes back (now, as the portal's clock has it) and presses 繼續使用 with the keyboard.
  await page.clock.setSystemTime(new Date());
  await page.keyboard.press('Enter');
  await dialog().waitFor({ state: 'hidden' });
  await page.getByRole('heading', { level: 1, name: '我的服務' }).waitFor();
  expect(await sessionStatus()).toBe(200);

  // Away again: the warning comes back after 28 minutes; left unanswered, the session ends.
  await page.clock.fastForward('28:00');
  await dialog().waitFor();
  await page.clock.fastForward('02:05');
  await loginBox().getByRole('alert').getByText(IDLE_MESSAGE).waitFor();
  expect(new URL(page.url()).pathname).toBe('/');
  await expect.poll(focused).toBe('login-account');
  // Ended on the portal too, not only in this page.
  expect(await sessionStatus()).toBe(401);
});
