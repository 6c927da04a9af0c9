/**
 * Keyboard only: each step is done with Tab, Shift+Tab, the arrow keys, Space, Enter and typing,
 * never a click, and the test asserts where focus is after it (the result or the new page's
 * heading, never <body>). 申請進度查詢, 帳號申請 as both roles, 忘記密碼 → the mailed link →
 * 重設密碼 → 服務登入, and the manager's approval of the 一般使用者 applied for here.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { APPLICANT_PASSWORD, DEMO_PASSWORD, runSuffix } from '../setup/accounts.js';
import { chromiumForFile, openPage } from '../setup/browser.js';

const baseUrl = inject('baseUrl');
const browser = chromiumForFile();
const NEW_PASSWORD = APPLICANT_PASSWORD;
// Every run seeds a fresh database, but the browser files share it: unique 帳號 per run, and
// 身分證 no other file uses (one open account per person and institution).
const run = runSuffix();
const generalUser = { accountName: `kbuser${run}`, nationalId: 'K220345673', name: '鍵盤使用者', email: `kbuser${run}@example.com.tw` };
const manager = { accountName: `kbmgr${run}`, nationalId: 'K120345671', name: '鍵盤管理者', email: `kbmgr${run}@example.com.tw` };
let page: Page;
beforeEach(async () => {
  ({ page } = await openPage(browser()));
});

interface Focused {
  tag: string;
  id: string;
  /** The element's text, or an input's label. */
  text: string;
  checked: boolean | null;
}

/** What has focus: its tag, id and text (an input's label), enough to assert on. */
const focused = (): Promise<Focused> =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const input = element instanceof HTMLInputElement ? element : null;
    const text = input ? (input.labels?.[0]?.textContent ?? '') : (element?.textContent ?? '');
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      id: element?.id ?? '',
      text: text.replace(/\s+/g, ' ').trim().slice(0, 80),
      checked: input && (input.type === 'checkbox' || input.type === 'radio') ? input.checked : null,
    };
  });

type Target = string | ((element: Focused) => boolean);
const describeTarget = (target: Target) => (typeof target === 'string' ? `#${target}` : target.toString());
const matches = (element: Focused, target: Target) => (typeof target === 'string' ? element.id === target : target(element));

/** Presses `key` (Tab by default) until the target has focus (at most `limit` presses). */
async function tabTo(target: Target, { key = 'Tab', limit = 80 } = {}) {
  for (let i = 0; i < limit; i += 1) {
    if (matches(await focused(), target)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${describeTarget(target)}; focus is on ${JSON.stringify(await focused())}`);
}

/** Waits until focus lands on the target (after an action that moves it). */
async function expectFocusOn(target: Target) {
  const deadline = Date.now() + 10_000;
  while (!matches(await focused(), target)) {
    if (Date.now() > deadline) throw new Error(`focus never reached ${describeTarget(target)}; it is on ${JSON.stringify(await focused())}`);
    await page.waitForTimeout(100);
  }
}

const textIs = (pattern: RegExp) => (element: Focused) => pattern.test(element.text);
const linkNamed = (name: string) => (element: Focused) => element.tag === 'a' && element.text === name;
const buttonNamed = (pattern: RegExp) => (element: Focused) => element.tag === 'button' && pattern.test(element.text);
const pageHeading = (title: string) => (element: Focused) => element.id === 'page-heading' && element.text === title;

/** The home page (公告事項), loaded. */
async function openHome() {
  await page.goto(baseUrl);
  await page.getByRole('heading', { level: 1, name: '公告事項' }).waitFor();
}

/** Tab to a link and follow it with Enter: focus lands on the heading of the page of that name. */
async function followLinkByKeyboard(name: string) {
  await tabTo(linkNamed(name));
  await page.keyboard.press('Enter');
  await expectFocusOn(pageHeading(name));
}

async function typeInto(id: string, text: string) {
  await tabTo(id);
  await page.keyboard.type(text);
}

/** 服務登入 from the home page, by keyboard: focus lands on 我的服務's heading. */
async function logInByKeyboard(accountName: string, password: string) {
  await typeInto('login-account', accountName);
  await page.keyboard.press('Tab');
  expect((await focused()).id).toBe('login-password');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await expectFocusOn(pageHeading('我的服務'));
}

/** 請輸入個人資料 and one subsystem, field by field with Tab and typing; the checkbox with Space. */
async function fillPersonalData(person: { accountName: string; nationalId: string; name: string; email: string }) {
  await typeInto('apply-account-name', person.accountName);
  await page.keyboard.press('Tab');
  expect((await focused()).id).toBe('apply-password');
  await page.keyboard.type(NEW_PASSWORD);
  await typeInto('apply-password-confirm', NEW_PASSWORD);
  await typeInto('apply-national-id', person.nationalId);
  await page.keyboard.press('Tab');
  expect((await focused()).id).toBe('apply-name');
  await page.keyboard.type(person.name);
  await page.keyboard.press('Tab');
  expect((await focused()).id).toBe('apply-phone');
  await page.keyboard.type('02-12345678#123');
  await typeInto('apply-email', person.email);
  await tabTo((element) => element.text === '成人預防保健');
  await page.keyboard.press('Space');
  expect((await focused()).checked).toBe(true);
  // The meter has rated the password (the submit waits for it otherwise).
  await page.waitForSelector('[role="meter"][aria-busy="false"]');
}

/** The newest mail to `to` in the development mail viewer, as plain text. */
async function latestMailTo(to: string): Promise<string> {
  for (let tries = 0; tries < 40; tries += 1) {
    const list = await (await fetch(`${baseUrl}/dev/mail`)).text();
    const row = list.split('<tr>').find((line) => line.includes(`<td>${to}</td>`));
    const id = row ? /href="\/dev\/mail\/([^"]+)"/.exec(row)?.[1] : undefined;
    if (id) {
      const mail = await (await fetch(`${baseUrl}/dev/mail/${id}`)).text();
      return (/<pre>([\s\S]*)<\/pre>/.exec(mail)?.[1] ?? '').replaceAll('&amp;', '&');
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no mail to ${to} in the mail viewer`);
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

describe('帳號申請 by keyboard', () => {
  it('單位業務管理者 at 示範診所: the institution from the list with ↓ and Enter, the role with Space; a failed submit focuses the error summary, its link the field; the result heading, then 醫事機構卡驗證', async () => {
    await page.goto(`${baseUrl}/apply`);
    await page.getByRole('heading', { level: 1, name: '帳號申請' }).waitFor();

    await typeInto('apply-institution', '示範診所');
    await page.getByRole('listbox', { name: '符合的單位' }).waitFor();
    // ↓ through the matches to 示範診所 itself; Enter picks it and focus stays in the combobox.
    for (let i = 0; i < 20; i += 1) {
      await page.keyboard.press('ArrowDown');
      const active = await page.locator('#apply-institution').getAttribute('aria-activedescendant');
      if (active && (await page.locator(`#${active}`).innerText()).includes('（9900000002）')) break;
    }
    await page.keyboard.press('Enter');
    expect((await focused()).id).toBe('apply-institution');
    await page.locator('dd', { hasText: '示範診所' }).waitFor();
    expect(await page.locator('#apply-institution').inputValue()).toBe('9900000002');

    // Tab enters the role group on 單位業務管理者; Space chooses it.
    await page.keyboard.press('Tab');
    expect((await focused()).id).toBe('apply-role-INSTITUTION_MANAGER');
    await page.keyboard.press('Space');
    expect((await focused()).checked).toBe(true);

    // Enter in the empty 帳號: the first failed submit moves focus to the error summary.
    await page.keyboard.press('Tab');
    expect((await focused()).id).toBe('apply-account-name');
    await page.keyboard.press('Enter');
    await expectFocusOn((element) => element.tag === 'div' && element.text.includes('請輸入您的帳號'));
    // The summary's link to 帳號 (Tab, Enter) brings focus back to the field.
    await tabTo(linkNamed(await page.locator('.error-summary a').first().innerText()));
    await page.keyboard.press('Enter');
    expect((await focused()).id).toBe('apply-account-name');

    await fillPersonalData(manager);
    await tabTo(buttonNamed(/^送出申請$/));
    await page.keyboard.press('Enter');
    await expectFocusOn(textIs(/^帳號申請已送出$/));

    // The next step is one Tab stop away from the result, and Enter opens it with focus on its heading.
    await tabTo(linkNamed('醫事機構卡驗證'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/apply\/card-verification$/);
    await expectFocusOn((element) => element.id === 'page-heading');
  });

  it('一般使用者 at 示範醫院: the 10-digit code typed in, the role with ↓; focus on the result heading', async () => {
    await page.goto(`${baseUrl}/apply`);
    await page.getByRole('heading', { level: 1, name: '帳號申請' }).waitFor();
    await typeInto('apply-institution', '9900000001');
    await page.locator('dd', { hasText: '示範醫院' }).waitFor();
    // 示範醫院 has a manager: both roles are open, and ↓ moves from the first to 一般使用者 and chooses it.
    await page.keyboard.press('Tab');
    expect((await focused()).id).toBe('apply-role-INSTITUTION_MANAGER');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toMatchObject({ id: 'apply-role-GENERAL_USER', checked: true });

    await fillPersonalData(generalUser);
    // Back to E-mail with Shift+Tab: Enter in a field submits.
    await tabTo('apply-email', { key: 'Shift+Tab' });
    await page.keyboard.press('Enter');
    await expectFocusOn(textIs(/^帳號申請已送出$/));
    await page.getByText('您的申請已送出，需待貴機構之單位業務管理者核准後才能登入使用。').waitFor();
  });
});

describe('審核 by keyboard', () => {
  it('demomanager approves the 一般使用者 above: the dialog opens on 取消, 確定核准 by Tab, focus on the result', async () => {
    await openHome();
    await logInByKeyboard('demomanager', DEMO_PASSWORD);

    await followLinkByKeyboard('一般使用者申請審核');
    await page.getByRole('row', { name: new RegExp(generalUser.accountName) }).waitFor();

    await tabTo(buttonNamed(new RegExp(`^核准\\s*（${generalUser.accountName}）$`)));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: '核准申請' });
    await dialog.waitFor();
    // 取消 first, so that Enter never decides by accident; Tab wraps inside the dialog to 確定核准.
    await expectFocusOn(buttonNamed(/^取消$/));
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'button', text: '確定核准' });
    await page.keyboard.press('Enter');

    await dialog.waitFor({ state: 'detached' });
    await expectFocusOn((element) => element.text.startsWith(`${generalUser.accountName}：`));
    // The decided row is gone and focus stays on the result, never <body>.
    await page.getByRole('row', { name: new RegExp(generalUser.accountName) }).waitFor({ state: 'detached' });
    expect((await focused()).text).toMatch(new RegExp(`^${generalUser.accountName}：`));
  });
});

describe('忘記密碼 by keyboard', () => {
  it('asks for the link, opens it from the mail, sets a new password and logs in with it; focus on each result', async () => {
    // An account no other browser file logs in with: its password changes here.
    const account = 'demosuboral';
    await openHome();
    await followLinkByKeyboard('忘記密碼');

    await typeInto('forgot-account-name', account);
    // The E-mail信箱 choice is already made; the next Tab stop after it is the E-mail field.
    await typeInto('forgot-email', `${account}@demo.invalid`);
    await page.keyboard.press('Enter');
    await expectFocusOn((element) => element.text.startsWith('若資料正確，重設密碼連結已寄至您的E-mail信箱'));

    const link = /https?:\/\/\S*\/reset-password\?token=[\w-]+/.exec(await latestMailTo(`${account}@demo.invalid`))?.[0];
    expect(link).toBeDefined();
    const url = new URL(link!);
    await page.goto(`${baseUrl}${url.pathname}${url.search}`);
    await page.getByRole('heading', { level: 1, name: '重設密碼' }).waitFor();

    await typeInto('reset-password', NEW_PASSWORD);
    await typeInto('reset-password-confirm', NEW_PASSWORD);
    await page.waitForSelector('[role="meter"][aria-busy="false"]');
    await page.keyboard.press('Enter');
    await expectFocusOn((element) => element.text.startsWith('密碼已重設，請以新密碼登入。'));

    // 登入 in the result leads to the login box with focus on 帳號.
    await tabTo(linkNamed('登入'));
    await page.keyboard.press('Enter');
    await expectFocusOn('login-account');
    await page.keyboard.type(account);
    await page.keyboard.press('Tab');
    await page.keyboard.type(NEW_PASSWORD);
    await page.keyboard.press('Enter');
    await expectFocusOn(pageHeading('我的服務'));
  });
});

describe('紙本審核 by keyboard', () => {
  it('demostaff reaches 核准 from the scan in one or two Tab stops (the PDF viewer is out of the Tab order), approves, and focus goes to the result', async () => {
    // A pending 單位業務管理者 of 示範診所 with the filled form uploaded as the stamped scan.
    const applicant = { accountName: `kbpaper${run}`, password: NEW_PASSWORD };
    const applied = await fetch(`${baseUrl}/api/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ...applicant,
        institutionCode: '9900000002',
        role: 'INSTITUTION_MANAGER',
        passwordConfirm: NEW_PASSWORD,
        nationalId: 'K120345680',
        name: '鍵盤紙本',
        phone: '02-12345678#123',
        email: `kbpaper${run}@example.com.tw`,
        subsystems: [],
      }),
    });
    expect(applied.status).toBe(201);
    const form = await fetch(`${baseUrl}/api/applications/paper-form`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(applicant) });
    expect(form.status).toBe(200);
    const upload = new FormData();
    upload.set('accountName', applicant.accountName);
    upload.set('password', applicant.password);
    upload.set('file', new Blob([await form.arrayBuffer()], { type: 'application/pdf' }), 'stamped.pdf');
    const scanned = await fetch(`${baseUrl}/api/applications/paper-form/scan`, { method: 'POST', body: upload });
    expect(scanned.status).toBe(200);
    const { requestNo } = (await scanned.json()) as { requestNo: string };

    await openHome();
    await logInByKeyboard('demostaff', DEMO_PASSWORD);
    await followLinkByKeyboard('管理者帳號申請審核');
    await tabTo(linkNamed(requestNo));
    await page.keyboard.press('Enter');
    await expectFocusOn((element) => element.id === 'page-heading');
    await page.locator('iframe.scan-frame').waitFor();

    await tabTo(linkNamed('另開視窗檢視掃描檔'));
    let stops = 0;
    while (!buttonNamed(/^核准$/)(await focused()) && stops < 12) {
      await page.keyboard.press('Tab');
      stops += 1;
    }
    expect(stops).toBeLessThanOrEqual(2);

    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '確認核准' });
    await dialog.waitFor();
    // The dialog opens on its first field (備註); Tab leads to 確認核准.
    await expectFocusOn((element) => element.tag === 'textarea');
    await tabTo(buttonNamed(/^確認核准$/));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expectFocusOn((element) => element.tag === 'p' && element.text.length > 0);
  });
});

describe('the home page on a phone', () => {
  it('reaches 服務登入 before any announcement: Enter on it puts focus in 帳號', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    await openHome();
    await page.getByRole('navigation', { name: '快速連結' }).waitFor();
    await tabTo(linkNamed('服務登入'), { limit: 15 });
    // The first announcement's control (its title opens it) comes after it in the Tab order.
    const announcementsFollow = await page.evaluate(() => {
      const first = document.querySelector('main table summary, main table a');
      return first !== null && document.activeElement !== null && Boolean(document.activeElement.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(announcementsFollow).toBe(true);
    await page.keyboard.press('Enter');
    await expectFocusOn('login-account');
    // In view (the page scrolls there smoothly).
    await expect.poll(() => page.evaluate(() => document.getElementById('login-account')!.getBoundingClientRect().top), { timeout: 5_000 }).toBeLessThan(800);
  });
});
