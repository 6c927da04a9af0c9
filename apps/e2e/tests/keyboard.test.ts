/**
 * Keyboard only (issue 17): each step is done with Tab, typing and Enter, never a click, and the
 * test asserts where focus is after it. 申請進度查詢: an unknown applicant, then the demo manager.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { chromiumForFile, openPage } from '../setup/browser.js';

const baseUrl = inject('baseUrl');
const browser = chromiumForFile();
let page: Page;
beforeEach(async () => {
  ({ page } = await openPage(browser()));
});

/** What has focus: its role-ish tag, id and text, enough to assert on. */
const focused = () =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return { tag: element?.tagName.toLowerCase() ?? '', id: element?.id ?? '', text: (element?.textContent ?? '').trim().slice(0, 60) };
  });

/** Tabs until the element with this id has focus (at most `limit` presses). */
async function tabTo(id: string, limit = 60) {
  for (let i = 0; i < limit; i += 1) {
    if ((await focused()).id === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}; focus is on ${JSON.stringify(await focused())}`);
}

describe('申請進度查詢 by keyboard', () => {
  it('an unknown applicant: focus goes to the refusal; then the demo manager: focus goes to 查詢結果', async () => {
    await page.goto(`${baseUrl}/application-status`);
    await page.getByRole('heading', { level: 1, name: '申請進度查詢' }).waitFor();

    await tabTo('status-account-name');
    await page.keyboard.type('nobody-here');
    await page.keyboard.press('Tab');
    expect((await focused()).id).toBe('status-national-id');
    await page.keyboard.type('A123456789');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').waitFor();
    // The refusal took focus (ResultNotice), not <body>.
    await expect.poll(async () => (await focused()).tag).not.toBe('body');
    expect((await focused()).text).toContain(await page.getByRole('alert').innerText());

    // Back to 帳號 with Shift+Tab only, then correct it.
    for (let i = 0; i < 10 && (await focused()).id !== 'status-account-name'; i += 1) await page.keyboard.press('Shift+Tab');
    expect((await focused()).id).toBe('status-account-name');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('demomanager');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: '查詢結果' }).waitFor();
    await expect.poll(async () => (await focused()).id).toBe('status-result-heading');
  });
});
