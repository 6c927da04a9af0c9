import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { chromiumForFile, openPage, submitLogin } from '../setup/browser.js';
import { verifyWithCardPopup } from '../setup/card-popup.js';
import { APPLICANT_PASSWORD as PASSWORD, DEMO_PASSWORD, runSuffix } from '../setup/accounts.js';

const baseUrl = inject('baseUrl');
const cardSimUrl = inject('cardSimUrl');
const cardPin = inject('cardPin');
const run = runSuffix();

const browser = chromiumForFile();
const newPage = () => openPage(browser(), { acceptDownloads: true });

/** 帳號申請 as 單位業务管理者 at 示範診所 (9900000002), up to the 醫事機構卡驗證 step. */
async function applyAsManager(page: Page, accountName: string, nationalId: string) {
  await page.goto(`${baseUrl}/apply`);
  await page.getByRole('heading', { name: '帳號申請', level: 1 }).waitFor();
  await page.getByRole('combobox', { name: '(必填)請選擇單位：' }).fill('9900000002');
  await page.locator('dd', { hasText: '示範診所' }).waitFor();
  await page.getByRole('radio', { name: '單位業務管理者' }).check();
  await page.getByLabel('(必填)請輸入您的帳號：').fill(accountName);
  await page.getByLabel('(必填)請輸入您的密碼：').fill(PASSWORD);
  await page.getByLabel('(必填)請您再輸入一次密碼：').fill(PASSWORD);
  await page.getByLabel('(必填)請輸入您的身分證：').fill(nationalId);
  await page.getByLabel('(必填)請輸入您的姓名：').fill('王小明');
  await page.getByLabel('(必填)請輸入您的市話號碼：').fill('02-12345678#123');
  await page.getByLabel('(必填)請輸入您的E-mail信箱：').fill(`${accountName}@example.com.tw`);
  await page.getByRole('button', { name: '送出申請' }).click();
  await page.getByRole('heading', { name: '帳號申請已送出', level: 2 }).waitFor();
  return page.getByRole('region', { name: '醫事機構卡驗證' });
}

const login = submitLogin;

describe('管理者帳號：醫事機構卡驗證與紙本審核', () => {
  it('a new manager of 示範診所 verifies with the card + PIN (simulator), sees 成功！ and logs in', async () => {
    const { page, consoleErrors } = await newPage();
    // 示範診所's card is in the simulated reader.
    expect((await fetch(`${cardSimUrl}/sim/insert`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ card: '9900000002' }) })).ok).toBe(true);
    const accountName = `card${run}`;
    const box = await applyAsManager(page, accountName, 'A123456789');
    await box.getByRole('link', { name: '醫事機構卡驗證' }).click();
    await page.getByRole('heading', { name: '醫事機構卡驗證', level: 1 }).waitFor();
    await page
      .getByText('※親愛的使用者您好，您於申請帳號時選擇了[單位業務管理者]權限，如果您欲使用[醫事機構卡]驗證，則請插入卡片，輸入機構卡PIN碼，並點選[驗證機構卡]，驗證通過後，帳號即開通。')
      .waitFor();

    await page.getByLabel('PIN碼').fill(cardPin);
    const apiBodies: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(`${baseUrl}/api/`)) apiBodies.push(request.postData() ?? '');
    });
    await verifyWithCardPopup(page);
    await page.getByText('您的帳號已開通，請由首頁服務登入。').waitFor();
    for (const body of apiBodies) expect(body).not.toContain(cardPin);

    await page.getByRole('link', { name: '前往首頁服務登入' }).click();
    await login(page, accountName, PASSWORD);
    await page.getByRole('button', { name: '登出' }).waitFor();
    expect(consoleErrors).toEqual([]);
  });

  it('another chooses 紙本審核, downloads the filled form, uploads the scan; demostaff approves it and the mail is sent', async () => {
    const { page, consoleErrors } = await newPage();
    const accountName = `paper${run}`;
    const box = await applyAsManager(page, accountName, 'I100000003');
    await box.getByRole('link', { name: '紙本審核' }).click();
    await page.getByRole('heading', { name: '紙本審核', level: 1 }).waitFor();

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '下載已填寫之申請表' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The "stamped scan": the filled form itself is a PDF the API accepts.
    await page.getByLabel('申請表掃描檔').setInputFiles({ name: 'stamped.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('button', { name: '上傳掃描檔' }).click();
    await page.getByRole('heading', { name: '已收到您的申請表，系統人員將在三個工作天內完成審核。' }).waitFor();
    const requestNo = (await page.locator('.paper-received dd').first().innerText()).trim();
    expect(requestNo).toMatch(/^MR/);
    expect(consoleErrors).toEqual([]);

    const staff = await newPage();
    await staff.page.goto(baseUrl);
    await login(staff.page, 'demostaff', DEMO_PASSWORD);
    await staff.page.getByRole('button', { name: '登出' }).waitFor();
    await staff.page.goto(`${baseUrl}/manage/manager-requests`);
    await staff.page.getByRole('heading', { name: '管理者帳號申請審核', level: 1 }).waitFor();
    await staff.page.getByRole('link', { name: requestNo }).click();
    await staff.page.getByRole('heading', { name: '管理者帳號申請審核明細', level: 1 }).waitFor();
    await staff.page.getByText(accountName, { exact: true }).first().waitFor();
    await staff.page.getByTitle(/申請表掃描檔/).waitFor();
    await staff.page.getByRole('button', { name: '核准' }).click();
    const dialog = staff.page.getByRole('dialog', { name: '確認核准' });
    await dialog.getByRole('button', { name: '確認核准' }).click();
    await staff.page.getByText('已核准申請，並已寄送通知信給申請人。').waitFor();

    // The outbox is dispatched in the background: the mail shows up in the dev viewer shortly.
    await expect
      .poll(async () => (await (await fetch(`${baseUrl}/dev/mail`)).text()).includes(`${accountName}@example.com.tw`), { timeout: 20_000, interval: 500 })
      .toBe(true);

    await page.goto(baseUrl);
    await login(page, accountName, PASSWORD);
    await page.getByRole('button', { name: '登出' }).waitFor();
  });
});
