import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/**
 * Debian's Chromium (never a browser download), headless, with its background networking,
 * updates and sync switched off: on a machine without Internet access they only flood the network.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * One Chromium for the calling test file: launched before its first test, closed after its last.
 * Call it at the top of the file; the returned function gives the running browser.
 */
export function chromiumForFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());
  return () => {
    if (!browser) throw new Error('Chromium is not running: call the returned function inside a test or hook.');
    return browser;
  };
}

/**
 * A page in a fresh zh-TW context (its own cookies), and the messages it logs at error level, so
 * that a flow can assert it logged none. Pass `consoleErrors` to collect several pages' in one list.
 */
export async function openPage(
  browser: Browser,
  options: BrowserContextOptions = {},
  consoleErrors: string[] = [],
): Promise<{ page: Page; consoleErrors: string[] }> {
  const context = await browser.newContext({ locale: 'zh-TW', ...options });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  return { page, consoleErrors };
}

/** Fills the 服務登入 box of the page that is open and presses 登入. */
export async function submitLogin(page: Page, accountName: string, password: string): Promise<void> {
  const box = page.getByRole('region', { name: '服務登入' });
  await box.getByLabel('帳號').fill(accountName);
  await box.getByLabel('密碼').fill(password);
  await box.getByRole('button', { name: '登入' }).click();
}

/** Signs in from the home page and waits for 我的服務. */
export async function logInAs(page: Page, baseUrl: string, accountName: string, password: string): Promise<void> {
  await page.goto(baseUrl);
  await submitLogin(page, accountName, password);
  await page.getByRole('heading', { level: 1, name: '我的服務' }).waitFor();
}
