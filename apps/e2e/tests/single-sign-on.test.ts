/**
 * 單一入口 in real Chromium against the running portal and two demo subsystems (tools/demo-subsystem,
 * started by the global setup): one login at the portal opens both approved subsystems; a revoked
 * access ends the subsystem's session (back-channel logout) and its next login is refused; portal
 * 登出 logs the user out of the other one as well.
 */
import { request, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, submitLogin } from '../setup/browser.js';
import { DEMO_PASSWORD } from '../setup/accounts.js';

const baseUrl = inject('baseUrl');
const [adult, child] = inject('demoSubsystems');
// An institution account no other browser test changes (the login test resets demouser's password).
const USER = 'demomanager';
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  // demomanager asks for both subsystems; each subsystem's manager approves (through the API).
  const user = await apiSession(USER);
  for (const subsystem of [adult!, child!]) {
    expect((await user.post('/api/account/subsystems', { code: subsystem.code })).status()).toBe(201);
  }
  await user.dispose();
  for (const manager of ['demosubadult', 'demosubchild']) {
    const api = await apiSession(manager);
    const queue = (await (await api.get(`/api/subsystem-manager/access-requests?q=${USER}`)).json()) as { items: { id: string }[] };
    expect(queue.items).toHaveLength(1);
    expect((await api.post(`/api/subsystem-manager/access-requests/${queue.items[0]!.id}/decision`, { decision: 'APPROVE' })).status()).toBe(200);
    await api.dispose();
  }
});
afterAll(() => browser?.close());

/** An API session of the account, sending the CSRF header as the SPA does. */
async function apiSession(accountName: string) {
  const api = await request.newContext({ baseURL: baseUrl });
  const login = await api.post('/api/auth/login', { data: { accountName, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  const headers = { 'x-csrf-token': (await login.json()).csrfToken as string };
  return {
    get: (url: string) => api.get(url),
    post: (url: string, data: unknown) => api.post(url, { data, headers }),
    dispose: () => api.dispose(),
  };
}

async function logInAtPortal(context: BrowserContext, accountName: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(baseUrl);
  await submitLogin(page, accountName, DEMO_PASSWORD);
  await page.getByRole('region', { name: '服務登入' }).getByRole('button', { name: '登出' }).waitFor();
  return page;
}

/** The demo subsystem's page of claims: the user it signed in, as the portal described them. */
async function expectSignedIn(page: Page, subsystem: { name: string; url: string }) {
  await page.waitForURL(`${subsystem.url}/`);
  await page.getByRole('heading', { level: 1, name: subsystem.name }).waitFor();
  await page.getByText('您已透過單一入口登入。').waitFor();
  const claim = (label: string) => page.locator(`dt:text-is("${label}") + dd`);
  expect(await claim('姓名').innerText()).toBe('王示範');
  expect(await claim('帳號').innerText()).toBe(USER);
  expect(await claim('機構').innerText()).toBe('示範醫院（9900000001）');
  expect(await claim('角色').innerText()).toBe('單位業務管理者');
  expect(await claim('登入方式').innerText()).toBe('帳號密碼');
}

/** The subsystem's next request finds its session ended by the portal (back-channel logout, sent within a second or so). */
async function expectEndedByPortal(page: Page, subsystem: { url: string }) {
  await expect
    .poll(
      async () => {
        await page.goto(`${subsystem.url}/`);
        return page.getByText('您在本子系統的登入已結束').isVisible();
      },
      { timeout: 20_000, interval: 500 },
    )
    .toBe(true);
}

describe('單一入口', () => {
  it('one login opens both approved subsystems; a revoked access and the portal logout end their sessions', async () => {
    const context = await browser.newContext({ locale: 'zh-TW' });
    const page = await logInAtPortal(context, USER);
    const visited: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) visited.push(frame.url());
    });

    // 我的服務 → 進入系統 成人預防保健: the portal session is enough, no second login.
    await page.getByRole('heading', { level: 1, name: '我的服務' }).waitFor();
    await page.getByRole('link', { name: /^進入系統\s*「成人預防保健」$/ }).click();
    await expectSignedIn(page, adult!);

    // The second subsystem: the provider session signs the user in without any portal page.
    await page.goto(`${baseUrl}/account`);
    visited.length = 0;
    await page.getByRole('link', { name: /^進入系統\s*「兒童預防保健」$/ }).click();
    await expectSignedIn(page, child!);
    expect(visited.filter((url) => url.startsWith(baseUrl))).toEqual([]);

    // 成人預防保健's manager revokes the access in 子系統申請審核.
    const managerContext = await browser.newContext({ locale: 'zh-TW' });
    const manager = await logInAtPortal(managerContext, 'demosubadult');
    await manager.goto(`${baseUrl}/manage/access-requests?status=APPROVED&q=${USER}`);
    await manager.getByRole('button', { name: new RegExp(`^撤銷\\s*（${USER}，成人預防保健）$`) }).click();
    const dialog = manager.getByRole('dialog', { name: '撤銷子系統權限' });
    await dialog.getByLabel(/撤銷原因/).fill('離職');
    await dialog.getByRole('button', { name: '確定撤銷' }).click();
    await manager.getByRole('status').getByText(/成人預防保健/).waitFor();
    await managerContext.close();

    // The subsystem was told (back-channel logout): its next request finds no session …
    await expectEndedByPortal(page, adult!);
    // … and signing in again is refused with the portal's explanation, despite the live provider session.
    await page.getByRole('link', { name: '以單一入口登入' }).click();
    await page.getByRole('heading', { level: 1, name: '您尚未取得此子系統的使用權限' }).waitFor();
    expect(new URL(page.url()).origin).toBe(new URL(baseUrl).origin);

    // The other subsystem is untouched until the portal's 登出, which logs the user out there too.
    await page.goto(`${child!.url}/`);
    await page.getByText('您已透過單一入口登入。').waitFor();
    await page.goto(`${baseUrl}/account`);
    // 子系統登入狀態 lists the sign-in that is left.
    const signIns = page.getByRole('table', { name: '子系統登入狀態' });
    await signIns.getByRole('rowheader', { name: '兒童預防保健' }).waitFor();
    expect(await signIns.getByRole('rowheader').allInnerTexts()).toEqual(['兒童預防保健']);
    const box = page.getByRole('region', { name: '服務登入' });
    await box.getByRole('button', { name: '登出' }).click();
    await box.getByText('您已登出。').waitFor();
    await expectEndedByPortal(page, child!);
    await context.close();
  });
});
