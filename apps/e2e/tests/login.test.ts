import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { chromiumForFile, openPage, submitLogin } from '../setup/browser.js';
import { DEMO_PASSWORD } from '../setup/accounts.js';

const baseUrl = inject('baseUrl');
const browser = chromiumForFile();
let page: Page;
beforeEach(async () => {
  ({ page } = await openPage(browser()));
});

const loginBox = () => page.getByRole('region', { name: '服務登入' });

const logIn = (accountName: string, password: string) => submitLogin(page, accountName, password);

describe('服務登入', () => {
  it.each([
    ['demomanager', '王示範', '單位業務管理者', '單位帳號管理'],
    ['demouser', '李示範', '一般使用者', '我的子系統'],
    ['demostaff', '陳示範', '系統人員', '後台管理'],
    ['demosubadult', '成人預防保健管理者', '子系統管理者', '子系統申請審核'],
  ])('%s logs in, sees the home of the role, and logs out', async (accountName, name, roleLabel, card) => {
    await page.goto(baseUrl);
    await page.getByRole('heading', { level: 1, name: '公告事項' }).waitFor();
    await logIn(accountName, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: '我的服務' }).waitFor();
    await loginBox().getByText(`${name} 您好`).waitFor();
    await loginBox().getByText(roleLabel, { exact: true }).waitFor();
    await page.getByRole('main').getByRole('heading', { level: 2, name: card }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');

    // The session survives a reload (cookies + GET /api/auth/session).
    await page.reload();
    await page.getByRole('heading', { level: 1, name: '我的服務' }).waitFor();

    await loginBox().getByRole('button', { name: '登出' }).click();
    await loginBox().getByText('您已登出。').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.goto(`${baseUrl}/account`);
    await loginBox().getByRole('alert').getByText('請先登入。').waitFor();
  });

  it('throttles after ten wrong passwords', async () => {
    await page.goto(baseUrl);
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      await logIn('demosubchild', `Wrong*Pass${attempt}`);
      await loginBox().getByRole('alert').getByText('帳號或密碼錯誤。').waitFor();
      await expect.poll(() => loginBox().getByLabel('密碼').inputValue()).toBe('');
    }
    await logIn('demosubchild', DEMO_PASSWORD);
    await loginBox().getByRole('alert').getByText(/^登入失敗次數過多，請於 \d+ 分鐘後再試。$/).waitFor();
  });

  it('resets a forgotten password from the mailed link and logs in with the new one', async () => {
    await page.goto(`${baseUrl}/forgot-password`);
    await page.getByLabel('(必填)帳號').fill('demouser');
    await page.getByLabel('(必填)E-mail信箱').fill('demouser@demo.invalid');
    await page.getByRole('button', { name: '寄送重設密碼連結' }).click();
    await page.getByRole('status').getByText('若資料正確，重設密碼連結已寄至您的E-mail信箱，請於 30 分鐘內完成重設。').waitFor();

    // The development mail viewer lists the outbox, newest first.
    let link: string | null = null;
    for (let tries = 0; tries < 40 && !link; tries += 1) {
      await page.goto(`${baseUrl}/dev/mail`);
      const row = page.locator('tr', { hasText: 'demouser@demo.invalid' }).first();
      if (await row.count()) {
        await row.getByRole('link').click();
        const text = await page.locator('pre').innerText();
        link = /https?:\/\/\S*\/reset-password\?token=[\w-]+/.exec(text)?.[0] ?? null;
      } else {
        await page.waitForTimeout(500);
      }
    }
    expect(link).not.toBeNull();
    const url = new URL(link!);
    await page.goto(`${baseUrl}${url.pathname}${url.search}`);
    await page.getByRole('heading', { level: 1, name: '重設密碼' }).waitFor();
    const newPassword = 'Reset*Demo=2027';
    await page.getByLabel('(必填)新密碼').fill(newPassword);
    await page.getByLabel('(必填)再輸入一次新密碼').fill(newPassword);
    await page.getByRole('button', { name: '重設密碼' }).click();
    await page.getByRole('status').getByText('密碼已重設，請以新密碼登入。').waitFor();
    await page.getByRole('main').getByRole('link', { name: '登入' }).click();

    await logIn('demouser', newPassword);
    await page.getByRole('heading', { level: 1, name: '我的服務' }).waitFor();
    await loginBox().getByText('李示範 您好').waitFor();
  });
});
