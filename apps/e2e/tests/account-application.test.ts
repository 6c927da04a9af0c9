import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { chromiumForFile, openPage } from '../setup/browser.js';
import { runSuffix } from '../setup/accounts.js';

const baseUrl = inject('baseUrl');
const browser = chromiumForFile();
let page: Page;
let consoleErrors: string[];
const run = runSuffix();

beforeEach(async () => {
  ({ page, consoleErrors } = await openPage(browser()));
});

const meter = () => page.getByRole('meter', { name: '密碼強度' });

async function waitForEvaluated(length: number) {
  await page.waitForSelector(`[role="meter"][data-evaluated-length="${length}"][aria-busy="false"]`);
  return meter().getAttribute('aria-valuetext');
}

async function pickInstitution(code: string, name: string) {
  await page.getByRole('combobox', { name: '(必填)請選擇單位：' }).fill(code);
  await page.locator('dd', { hasText: name }).waitFor();
}

/** An applicant of this run: the account name and the E-mail address both from `prefix`. */
const applicant = (prefix: string, nationalId: string, name: string) => ({ accountName: `${prefix}${run}`, nationalId, name, email: `${prefix}${run}@example.com.tw` });

/** 請輸入個人資料; the meter rates the first two characters of the password 弱 and the whole of it 中 or 強. */
async function fillPersonalData(data: ReturnType<typeof applicant>) {
  await page.getByLabel('(必填)請輸入您的帳號：').fill(data.accountName);
  const password = page.getByLabel('(必填)請輸入您的密碼：');
  await password.click();
  // Typed key by key, as a person would: the meter follows every keystroke.
  await password.pressSequentially('Tp', { delay: 30 });
  const weak = await waitForEvaluated(2);
  await password.pressSequentially('e*2024*Hosp', { delay: 30 });
  const final = await waitForEvaluated(13);
  await page.getByLabel('(必填)請您再輸入一次密碼：').fill('Tpe*2024*Hosp');
  await page.getByLabel('(必填)請輸入您的身分證：').fill(data.nationalId);
  await page.getByLabel('(必填)請輸入您的姓名：').fill(data.name);
  await page.getByLabel('(必填)請輸入您的市話號碼：').fill('02-12345678#123');
  await page.getByLabel('(必填)請輸入您的E-mail信箱：').fill(data.email);
  expect(weak).toBe('弱');
  expect(['中', '強']).toContain(final);
}

describe('帳號申請', () => {
  it('applies as 單位業務管理者 where there is no manager yet and reaches the 醫事機構卡驗證 step', async () => {
    // An institution of the synthetic directory that still has no manager: the browser files
    // share one database, and 示範診所 may have got one from another file already.
    // The search does not say which have a manager; the chosen institution's own lookup does.
    const directory = (await (await fetch(`${baseUrl}/api/institutions?q=01&pageSize=50`)).json()) as { items: { code: string }[] };
    let free: { code: string; name: string } | undefined;
    for (const { code } of directory.items) {
      const institution = (await (await fetch(`${baseUrl}/api/institutions/${code}`)).json()) as { code: string; name: string; hasManager: boolean };
      if (!institution.hasManager) {
        free = institution;
        break;
      }
    }
    if (!free) throw new Error('no institution without a manager in the directory');
    await page.goto(`${baseUrl}/apply`);
    await page.getByRole('heading', { name: '帳號申請', level: 1 }).waitFor();
    await pickInstitution(free.code, free.name);
    expect(await page.getByRole('radio', { name: '一般使用者' }).isDisabled()).toBe(true);
    await page.getByText('提醒：當機構尚未有人申請「單位管理者」時，不可申請「一般使用者」').waitFor();
    await page.getByRole('radio', { name: '單位業務管理者' }).check();

    await fillPersonalData(applicant('mgr', 'A123456789', '王小明'));
    await page.getByRole('checkbox', { name: '成人預防保健' }).check();
    await page.getByRole('button', { name: '送出申請' }).click();

    const heading = page.getByRole('heading', { name: '帳號申請已送出', level: 2 });
    await heading.waitFor();
    expect(await heading.evaluate((element) => element === document.activeElement)).toBe(true);
    const box = page.getByRole('region', { name: '醫事機構卡驗證' });
    expect(await box.getByRole('link', { name: '醫事機構卡驗證' }).getAttribute('href')).toBe('/apply/card-verification');
    expect(await box.getByRole('link', { name: '紙本審核' }).getAttribute('href')).toBe('/apply/paper-review');
    expect(await page.getByRole('row', { name: /成人預防保健/ }).innerText()).toMatch(/成人預防保健\s+待審核/);
    expect(await page.locator('.result-details').innerText()).toContain(`mgr${run}`);
    expect(consoleErrors).toEqual([]);
  });

  it('applies as 一般使用者 at 示範醫院 and waits for the manager', async () => {
    await page.goto(`${baseUrl}/apply`);
    await page.getByRole('heading', { name: '帳號申請', level: 1 }).waitFor();
    await pickInstitution('9900000001', '示範醫院');
    await page.getByRole('radio', { name: '一般使用者' }).check();
    await fillPersonalData(applicant('user', 'F231123456', '林美華'));
    await page.getByRole('button', { name: '送出申請' }).click();

    await page.getByRole('heading', { name: '帳號申請已送出', level: 2 }).waitFor();
    await page.getByText('您的申請已送出，需待貴機構之單位業務管理者核准後才能登入使用。').waitFor();
    expect(consoleErrors).toEqual([]);
  });
});
