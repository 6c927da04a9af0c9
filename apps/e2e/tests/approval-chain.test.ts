import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, logInAs } from '../setup/browser.js';
import { APPLICANT_PASSWORD as USER_PASSWORD, DEMO_PASSWORD, runSuffix } from '../setup/accounts.js';

const baseUrl = inject('baseUrl');
// Every run seeds a fresh database, but other files share it: unique names per run.
const run = runSuffix();
const applicant = { accountName: `chain${run}`, name: '陳審核', email: `chain${run}@example.com.tw` };
const REJECT_REASON = '貴機構未與本署簽訂戒菸服務合約';

let browser: Browser;
const contexts: BrowserContext[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await browser?.close();
});

/** A fresh browser (own cookies) for each person in the chain; `spa: false` for the mail viewer. */
async function openAs({ spa = true } = {}): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-TW' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('console', (message) => {
    const line = `${message.text()} ${message.location().url}`;
    if (spa && message.type() === 'error') consoleErrors.push(line);
  });
  return page;
}

/** 「核准（帳號）」: the part in brackets is visually hidden, and Chromium may put a space before it. */
function actionName(action: string, subject: string): RegExp {
  return new RegExp(`^${action}\\s*（${subject}）$`);
}

const login = (page: Page, accountName: string, password: string) => logInAs(page, `${baseUrl}/`, accountName, password);

/** A 子系統管理者 logs in and searches 子系統申請審核 for the applicant: the page and the applicant's row. */
async function findInAccessQueueAs(accountName: string) {
  const page = await openAs();
  await login(page, accountName, DEMO_PASSWORD);
  await page.getByRole('link', { name: '子系統申請審核' }).first().click();
  await page.getByRole('searchbox', { name: '帳號或姓名' }).fill(applicant.accountName);
  await page.getByRole('button', { name: '查詢' }).click();
  return { page, row: page.getByRole('row', { name: new RegExp(applicant.accountName) }) };
}

describe('approval chain: 一般使用者 → 單位業務管理者 → 子系統管理者', () => {
  it('applies, is approved by the manager, gets one subsystem approved and one rejected with the reason, and is mailed both decisions', async () => {
    // 1. The applicant applies at 示範醫院 for two subsystems.
    const applicantPage = await openAs();
    await applicantPage.goto(`${baseUrl}/apply`);
    await applicantPage.getByRole('heading', { name: '帳號申請', level: 1 }).waitFor();
    await applicantPage.getByRole('combobox', { name: '(必填)請選擇單位：' }).fill('9900000001');
    await applicantPage.locator('dd', { hasText: '示範醫院' }).waitFor();
    await applicantPage.getByRole('radio', { name: '一般使用者' }).check();
    await applicantPage.getByLabel('(必填)請輸入您的帳號：').fill(applicant.accountName);
    await applicantPage.getByLabel('(必填)請輸入您的密碼：').fill(USER_PASSWORD);
    await applicantPage.getByLabel('(必填)請您再輸入一次密碼：').fill(USER_PASSWORD);
    await applicantPage.getByLabel('(必填)請輸入您的身分證：').fill('F231123465'); // not account-application.test's 身分證: one account per person and institution (decision 011)
    await applicantPage.getByLabel('(必填)請輸入您的姓名：').fill(applicant.name);
    await applicantPage.getByLabel('(必填)請輸入您的市話號碼：').fill('02-12345678#123');
    await applicantPage.getByLabel('(必填)請輸入您的E-mail信箱：').fill(applicant.email);
    await applicantPage.getByRole('checkbox', { name: '成人預防保健' }).check();
    await applicantPage.getByRole('checkbox', { name: '戒菸服務' }).check();
    await applicantPage.waitForSelector('[role="meter"][aria-busy="false"]');
    await applicantPage.getByRole('button', { name: '送出申請' }).click();
    await applicantPage.getByRole('heading', { name: '帳號申請已送出', level: 2 }).waitFor();

    // 2. demomanager approves the application (confirmed in a dialog).
    const manager = await openAs();
    await login(manager, 'demomanager', DEMO_PASSWORD);
    await manager.getByRole('link', { name: '一般使用者申請審核' }).first().click();
    await manager.getByRole('heading', { name: '一般使用者申請審核', level: 1 }).waitFor();
    const applicationRow = manager.getByRole('row', { name: new RegExp(applicant.accountName) });
    expect(await applicationRow.getByRole('cell').nth(2).innerText()).toBe('成人預防保健、戒菸服務');
    await applicationRow.getByRole('button', { name: actionName('核准', applicant.accountName) }).click();
    const confirmApprove = manager.getByRole('alertdialog', { name: '核准申請' });
    await confirmApprove.getByRole('button', { name: '確定核准' }).click();
    await manager.getByRole('status').filter({ hasText: `${applicant.accountName}：已核准。` }).waitFor();

    // 3. demosubadult approves 成人預防保健.
    const { page: adult, row: adultRow } = await findInAccessQueueAs('demosubadult');
    await adultRow.getByRole('button', { name: actionName('核准', `${applicant.accountName}，成人預防保健`) }).click();
    await adult.getByRole('alertdialog', { name: '核准申請' }).getByRole('button', { name: '確定核准' }).click();
    await adult.getByRole('status').filter({ hasText: '已核准。' }).waitFor();

    // 4. demosubcessation rejects 戒菸服務 — first without a reason (refused), then with one.
    const { page: cessation, row: cessationRow } = await findInAccessQueueAs('demosubcessation');
    await cessationRow.getByRole('button', { name: actionName('駁回', `${applicant.accountName}，戒菸服務`) }).click();
    const rejectDialog = cessation.getByRole('dialog', { name: '駁回申請' });
    await rejectDialog.getByRole('button', { name: '確定駁回' }).click();
    await rejectDialog.getByText('駁回時請填寫原因', { exact: true }).waitFor();
    await rejectDialog.getByRole('textbox', { name: '(必填)駁回原因' }).fill(REJECT_REASON);
    await rejectDialog.getByRole('button', { name: '確定駁回' }).click();
    await cessation.getByRole('status').filter({ hasText: '已駁回。' }).waitFor();

    // 5. The applicant logs in and sees one 已核准 and one 已駁回 with the reason.
    const user = await openAs();
    await login(user, applicant.accountName, USER_PASSWORD);
    const mine = user.getByRole('table', { name: '我的子系統' });
    await mine.waitFor();
    expect(await mine.getByRole('row', { name: /成人預防保健/ }).getByRole('cell').nth(1).innerText()).toBe('已核准');
    const rejectedRow = mine.getByRole('row', { name: /戒菸服務/ });
    expect(await rejectedRow.getByRole('cell').nth(1).innerText()).toBe('已駁回');
    expect(await rejectedRow.getByRole('cell').nth(2).innerText()).toBe(REJECT_REASON);

    // 6. Both decision mails are in the development mail viewer.
    const mail = await openAs({ spa: false });
    const subjects = ['子系統「成人預防保健」使用申請已核准', '子系統「戒菸服務」使用申請已駁回'];
    await expect
      .poll(
        async () => {
          await mail.goto(`${baseUrl}/dev/mail`);
          const rows = await mail.getByRole('row').filter({ hasText: applicant.email }).allInnerTexts();
          return subjects.filter((subject) => rows.some((row) => row.includes(subject)));
        },
        { timeout: 20_000, interval: 500 },
      )
      .toEqual(subjects);
    await mail.getByRole('link', { name: subjects[1] }).first().click();
    await mail.getByText(REJECT_REASON).first().waitFor({ timeout: 10_000 });

    expect(consoleErrors).toEqual([]);
  }, 180_000);
});
