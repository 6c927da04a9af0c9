/**
 * Flows 2–4 of docs/product.md in a real browser: C-a 升為管理者 verified by the (simulated) 醫事機構卡,
 * B 停用管理者帳號 for a colleague verified by card, and C-b 降為一般使用者 by 紙本審核 decided
 * by system staff. Fresh accounts, so the demo accounts other files use stay as they are.
 */
import { readFile } from 'node:fs/promises';
import type { APIRequestContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumForFile, openPage, submitLogin } from '../setup/browser.js';
import { verifyWithCardPopup } from '../setup/card-popup.js';
import { APPLICANT_PASSWORD as PASSWORD, DEMO_PASSWORD, runSuffix } from '../setup/accounts.js';

const baseUrl = inject('baseUrl');
const cardSimUrl = inject('cardSimUrl');
const cardPin = inject('cardPin');
const run = runSuffix();
const manager = `mgr${run}`;
const colleague = `col${run}`;

const browser = chromiumForFile();
const consoleErrors: string[] = [];
beforeAll(() => insertCard('9900000001'));

async function insertCard(card: string) {
  const res = await fetch(`${cardSimUrl}/sim/insert`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ card }) });
  expect(res.ok).toBe(true);
}

async function newPage(): Promise<Page> {
  return (await openPage(browser(), { acceptDownloads: true, baseURL: baseUrl }, consoleErrors)).page;
}

async function login(page: Page, accountName: string, password: string) {
  await page.goto(baseUrl);
  await submitLogin(page, accountName, password);
}

/** Logs in through the API in a browser context (cookies kept), returning the CSRF token. */
async function apiLogin(request: APIRequestContext, accountName: string, password: string): Promise<string> {
  const res = await request.post('/api/auth/login', { data: { accountName, password } });
  expect(res.status()).toBe(200);
  return (await res.json()).csrfToken as string;
}

function application(accountName: string, role: 'INSTITUTION_MANAGER' | 'GENERAL_USER', nationalId: string) {
  return {
    institutionCode: '9900000001',
    role,
    accountName,
    password: PASSWORD,
    passwordConfirm: PASSWORD,
    nationalId,
    name: role === 'GENERAL_USER' ? '林同仁' : '陳管理',
    phone: '02-12345678',
    email: `${accountName}@example.com.tw`,
    subsystems: [],
  };
}

/** Signs the open request's challenge with the card in the simulated reader. */
async function verifyByCard(page: Page) {
  await page.getByRole('heading', { name: '醫事機構卡驗證', level: 1 }).waitFor();
  await page.getByLabel('PIN碼').fill(cardPin);
  await verifyWithCardPopup(page);
}

/** On 我的帳號: start `action` (confirming the dialog), then open the chosen verification. */
async function startRequest(page: Page, action: string, verification: '醫事機構卡驗證' | '紙本審核', colleagueName?: string) {
  await page.goto(`${baseUrl}/account/profile`);
  const section = page.getByRole('region', { name: '管理者權限申請' });
  await section.waitFor();
  if (colleagueName) {
    await section.getByLabel('同仁的帳號').fill(colleagueName);
    await section.getByRole('button', { name: action }).click();
  } else {
    await section.getByRole('button', { name: action }).click();
  }
  const dialog = page.getByRole('dialog', { name: `確認${action}` });
  await dialog.getByRole('button', { name: '確認送出' }).click();
  await section.getByRole('link', { name: verification }).click();
}

describe('管理者帳號異動 (B, C-a, C-b)', () => {
  it('sets up a fresh 單位業務管理者 (card) and a fresh 一般使用者 of 示範醫院', async () => {
    const page = await newPage();
    const request = page.context().request;
    expect((await request.post('/api/applications', { data: application(manager, 'INSTITUTION_MANAGER', 'E120000001') })).status()).toBe(201);
    await page.goto(`${baseUrl}/apply/card-verification`);
    const main = page.getByRole('main');
    await main.getByLabel('帳號').fill(manager);
    await main.getByLabel('密碼').fill(PASSWORD);
    await main.getByRole('button', { name: '繼續' }).click();
    await verifyByCard(page);

    expect((await request.post('/api/applications', { data: application(colleague, 'GENERAL_USER', 'E220000003') })).status()).toBe(201);
    const csrf = await apiLogin(request, manager, PASSWORD);
    const queue = await (await request.get('/api/institution-manager/applications')).json();
    const pending = queue.items.find((item: { accountName: string }) => item.accountName === colleague);
    const decided = await request.post(`/api/institution-manager/applications/${pending.id}/decision`, {
      data: { decision: 'APPROVE' },
      headers: { 'x-csrf-token': csrf },
    });
    expect(decided.status()).toBe(200);
  });

  it('C-a: the 一般使用者 becomes 單位業務管理者 with the institution card', async () => {
    const page = await newPage();
    await login(page, colleague, PASSWORD);
    await page.getByRole('button', { name: '登出' }).waitFor();
    await startRequest(page, '申請管理者權限', '醫事機構卡驗證');
    await verifyByCard(page);
    // The role changed, so every session of the account was revoked: log in again.
    await login(page, colleague, PASSWORD);
    await page.getByRole('region', { name: '服務登入' }).getByText('單位業務管理者').waitFor();
  });

  it('B: a manager deactivates a colleague\'s manager account with the card', async () => {
    const page = await newPage();
    await login(page, manager, PASSWORD);
    await page.getByRole('button', { name: '登出' }).waitFor();
    await startRequest(page, '停用同仁的管理者帳號', '醫事機構卡驗證', colleague);
    await verifyByCard(page);

    const other = await newPage();
    await login(other, colleague, PASSWORD);
    await other.getByRole('region', { name: '服務登入' }).getByRole('alert').waitFor();
    expect(await other.getByRole('region', { name: '服務登入' }).getByRole('alert').innerText()).toContain('停用');
  });

  it('C-b: the manager asks to become 一般使用者 on paper; system staff approve it', async () => {
    const page = await newPage();
    await login(page, manager, PASSWORD);
    await page.getByRole('button', { name: '登出' }).waitFor();
    await startRequest(page, '申請調降為一般使用者', '紙本審核');
    await page.getByRole('heading', { name: '紙本審核', level: 1 }).waitFor();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '下載已填寫之申請表' }).click();
    const pdf = await readFile((await (await downloading).path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.getByLabel('申請表掃描檔').setInputFiles({ name: 'stamped.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('button', { name: '上傳掃描檔' }).click();
    await page.getByRole('heading', { name: '已收到您的申請表，系統人員將在三個工作天內完成審核。' }).waitFor();
    const requestNo = (await page.locator('.paper-received dd').first().innerText()).trim();

    const staff = await newPage();
    await login(staff, 'demostaff', DEMO_PASSWORD);
    await staff.getByRole('button', { name: '登出' }).waitFor();
    await staff.goto(`${baseUrl}/manage/manager-requests`);
    await staff.getByRole('link', { name: requestNo }).click();
    await staff.getByRole('button', { name: '核准' }).click();
    await staff.getByRole('dialog', { name: '確認核准' }).getByRole('button', { name: '確認核准' }).click();
    await staff.getByText('已核准申請，並已寄送通知信給申請人。').waitFor();

    const after = await newPage();
    await login(after, manager, PASSWORD);
    await after.getByRole('region', { name: '服務登入' }).getByText('一般使用者').waitFor();
    // The scenario provokes 401s (requests of sessions revoked by the role changes) and a 403
    // (the deactivated colleague's login), which Chromium logs; nothing else may appear.
    const provoked = /^Failed to load resource: the server responded with a status of 40[13] /;
    expect(consoleErrors.filter((line) => !provoked.test(line))).toEqual([]);
  });
});
