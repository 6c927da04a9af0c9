import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { chromiumForFile, logInAs, openPage } from '../setup/browser.js';
import { DEMO_PASSWORD } from '../setup/accounts.js';

const baseUrl = inject('baseUrl');

/** Who opens a back-office link (the approvers' digest and the alert go to these roles). */
const READER_OF: Record<string, string> = {
  '/manage/applications': 'demomanager',
  '/manage/access-requests': 'demosubadult',
  '/manage/manager-requests': 'demostaff',
  '/manage/screening-alerts': 'demostaff',
};

const browser = chromiumForFile();

/** Every link of every template, as the development viewer's 範本 page lists them. */
async function mailLinks(): Promise<string[]> {
  const html = await (await fetch(`${baseUrl}/dev/mail/samples`)).text();
  const lists = [...html.matchAll(/<ul class="mail-links">(.*?)<\/ul>/g)].map((match) => match[1]!);
  const hrefs = lists.flatMap((list) => [...list.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&')));
  // The mails carry the configured public origin; the page is the same on this test portal.
  return [...new Set(hrefs.map((href) => { const url = new URL(href); return `${url.pathname}${url.search}`; }))];
}

async function openAs(accountName: string | undefined): Promise<Page> {
  const { page } = await openPage(browser());
  if (accountName) await logInAs(page, baseUrl, accountName, DEMO_PASSWORD);
  return page;
}

// Read before the tests are declared, so that each link is a test of its own.
const links = await mailLinks();

describe('mail links', () => {
  it('lists the links of every template (application-received alone links to three pages)', () => {
    expect(links.length).toBeGreaterThanOrEqual(10);
  });

  it.each(links)('%s opens a real page of the portal', async (link) => {
    const pathname = new URL(link, baseUrl).pathname;
    const reader = pathname.startsWith('/manage/') ? READER_OF[pathname] : undefined;
    if (pathname.startsWith('/manage/')) expect(reader, `no reader for ${pathname}`).toBeDefined();
    const page = await openAs(reader);
    try {
      await page.goto(`${baseUrl}${link}`);
      const heading = page.getByRole('heading', { level: 1 });
      await heading.waitFor();
      expect(await heading.innerText()).not.toBe('查無此頁面');
      if (pathname === '/login') {
        // 服務登入 is a box on the home page: the link lands there with the cursor in 帳號.
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('login-account');
        expect(new URL(page.url()).pathname).toBe('/');
      } else {
        expect(new URL(page.url()).pathname).toBe(pathname);
      }
    } finally {
      await page.context().close();
    }
  });
});
