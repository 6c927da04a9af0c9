/**
 * 篩檢結果查詢 in the real portal: demouser looks demo people up (from the start banner), sees
 * results, follow-up and eligibility; staff find the lookups in the log and the alert; the
 * daily limit (3 in this portal) refuses the fourth lookup with its message.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, logInAs } from '../setup/browser.js';
import { DEMO_PASSWORD } from '../setup/accounts.js';

const baseUrl = inject('baseUrl');
const people = inject('screeningPeople');

let browser: Browser;
const consoleErrors: string[] = [];
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function loggedIn(accountName: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-TW' });
  const page = await context.newPage();
  page.on('console', (message) => {
    // The lookups answered 404 / 429 on purpose are logged by Chromium as failed requests.
    if (message.type() === 'error' && !/status of (404|429)/.test(message.text())) consoleErrors.push(message.text());
  });
  await logInAs(page, `${baseUrl}/`, accountName, DEMO_PASSWORD);
  return page;
}

async function lookUp(page: Page, person: { nationalId: string; birthDate: string }, purpose: '看診服務' | '追蹤管理') {
  await page.getByLabel('(必填)身分證字號').fill(person.nationalId);
  await page.getByLabel('(必填)出生日期').fill(person.birthDate);
  await page.getByRole('radio', { name: purpose }).check();
  await page.getByRole('button', { name: '查詢', exact: true }).click();
}

const person = (name: string) => {
  const found = people.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`${name} is not in the start banner`);
  return found;
};

describe('篩檢結果查詢', () => {
  it('demouser looks people up; the log and the alert reach staff; the daily limit refuses with a message', async () => {
    expect(people.length).toBe(6);
    const user = await loggedIn('demouser');
    await user.getByRole('complementary').getByRole('link', { name: '篩檢結果查詢' }).click();
    await user.getByRole('heading', { name: '篩檢結果查詢', level: 1 }).waitFor();

    // 1. 林美玲 turned 40 this year: mammography is available.
    await lookUp(user, person('林美玲'), '看診服務');
    const heading = user.getByRole('heading', { name: '查詢結果', level: 2 });
    await heading.waitFor();
    expect(await heading.evaluate((element) => element === document.activeElement)).toBe(true);
    const meiling = person('林美玲');
    expect(await user.getByText(`${meiling.nationalId.slice(0, 3)}****${meiling.nationalId.slice(-3)}`).count()).toBe(1);
    const table = user.getByRole('table', { name: '各項預防保健服務紀錄及今日受檢資格' });
    const mammography = table.getByRole('row').filter({ has: user.getByRole('rowheader', { name: '乳房X光攝影' }) });
    expect(await mammography.getByRole('cell').nth(4).innerText()).toBe('可受檢');
    expect(await mammography.getByRole('cell').nth(5).innerText()).toContain('依規定（2025/01/01 起）：40–74 歲女性每 2 年 1 次');
    expect(await table.getByRole('row').count()).toBe(13);

    // 2. 陳建國: a positive FIT awaiting follow-up stands out.
    await lookUp(user, person('陳建國'), '追蹤管理');
    await user.getByRole('heading', { name: /^異常結果待追蹤/, level: 3 }).waitFor();
    const fit = table.getByRole('row').filter({ has: user.getByRole('rowheader', { name: /糞便潛血檢查/ }) });
    expect(await fit.getByRole('rowheader').innerText()).toContain('待追蹤');
    expect(await fit.getByRole('cell').nth(2).innerText()).toBe('陽性');

    // 3. A wrong birth date: the same answer as an unknown person.
    await lookUp(user, { nationalId: person('陳建國').nationalId, birthDate: '1900-01-01' }, '看診服務');
    await user.getByRole('alert').filter({ hasText: '查無符合的資料，請確認身分證字號及出生日期是否正確。' }).waitFor();

    // 4. The fourth lookup of the day is refused.
    await lookUp(user, person('王小寶'), '看診服務');
    await user.getByRole('alert').filter({ hasText: '您今日的篩檢結果查詢已達 3 次上限' }).waitFor();

    // Staff: every lookup is in the log, and the alert (3 people ≥ 2) is counted and listed.
    const staff = await loggedIn('demostaff');
    await staff.getByRole('complementary').getByRole('link', { name: '篩檢查詢警示（1 件未處理）' }).waitFor();
    await staff.getByRole('complementary').getByRole('link', { name: '篩檢結果查詢紀錄' }).click();
    const log = staff.getByRole('table', { name: '篩檢結果查詢紀錄（第 1 頁）' });
    await log.waitFor();
    const rows = log.getByRole('row').filter({ hasText: 'demouser（李示範）' });
    expect(await rows.count()).toBe(4);
    expect(await rows.nth(0).innerText()).toContain('已達每日上限');
    expect(await rows.nth(3).innerText()).toContain('看診服務');
    expect(await rows.nth(3).innerText()).toContain('查得資料');
    await staff.getByRole('complementary').getByRole('link', { name: /^篩檢查詢警示/ }).click();
    const alerts = staff.getByRole('table', { name: '篩檢查詢警示' });
    await alerts.getByRole('row').filter({ hasText: 'demouser' }).waitFor();
    expect(consoleErrors).toEqual([]);
  });
});
