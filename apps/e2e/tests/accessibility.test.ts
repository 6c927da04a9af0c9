import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { chromiumForFile, logInAs, openPage } from '../setup/browser.js';
import { DEMO_PASSWORD } from '../setup/accounts.js';

const baseUrl = inject('baseUrl');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** A phone held upright (WCAG 1.4.10's 320 CSS px), a common phone, a desktop. */
const WIDTHS = [320, 390, 1280] as const;

/** Every route, as the role that can open it sees it. */
const ROUTES_BY_READER: Record<string, string[]> = {
  visitor: [
    '/',
    '/guide',
    '/qa',
    '/getting-started',
    '/downloads',
    '/other-services',
    '/contacts',
    '/apply',
    '/forgot-password',
    '/application-status',
    '/reset-password?token=sample',
    '/apply/card-verification',
    '/apply/paper-review',
    '/no-such-page',
  ],
  demomanager: ['/account', '/account/profile', '/screening', '/manage/applications', '/manage/accounts', '/manage/institution-screening-lookups'],
  demouser: ['/account', '/account/profile', '/screening'],
  demosubadult: ['/account', '/account/profile', '/manage/access-requests'],
  demostaff: [
    '/account',
    '/account/profile',
    '/manage/manager-requests',
    '/manage/institutions',
    '/manage/subsystems',
    '/manage/announcements',
    '/manage/downloads',
    '/manage/account-search',
    '/manage/audit-events',
    '/manage/screening-lookups',
    '/manage/screening-alerts',
    '/manage/screening-import',
  ],
};

interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const browser = chromiumForFile();

async function openAs(reader: string): Promise<Page> {
  const { page } = await openPage(browser());
  if (reader !== 'visitor') await logInAs(page, baseUrl, reader, DEMO_PASSWORD);
  return page;
}

/** WCAG 2.1 A and AA rules; what axe rates serious or critical fails the page. */
async function axeFindings(page: Page): Promise<AxeFinding[]> {
  // Evaluated through the DevTools protocol: the portal's CSP (script-src 'self') stays as it is.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: AxeFinding[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target }) => ({ target })) }));
  });
  return violations.filter((finding) => finding.impact === 'serious' || finding.impact === 'critical');
}

/** Reflow: the page never scrolls sideways (a wide table scrolls inside its own region). */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Reflow of tables: a table cell (or caption) whose text wraps inside less than about two and a
 * half characters' width breaks a word or a name one or two characters per line (縣市 as
 * 「臺北／市」, a caption down the side of a phone card).
 */
function narrowWrappedCells(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    // Hidden for the eye, kept for screen readers (a phone card's column headers, a caption, a
    // header named only for screen readers): clipped, itself or inside something clipped.
    const clipped = (element: Element | null, within: Element | null = null) => {
      for (let box = element; box && box !== within; box = box.parentElement) {
        const { clip, clipPath } = getComputedStyle(box);
        if ((clip !== '' && clip !== 'auto') || (clipPath !== '' && clipPath !== 'none')) return true;
      }
      return false;
    };
    for (const cell of Array.from(document.querySelectorAll<HTMLElement>('th, td, caption'))) {
      if (cell.getClientRects().length === 0 || clipped(cell)) continue;
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      const visibleText: Text[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!clipped(node.parentElement, cell.parentElement)) visibleText.push(node as Text);
      }
      const text = visibleText.map((node) => node.data).join('').trim();
      if (text.length < 2) continue;
      const style = getComputedStyle(cell);
      const px = (value: string) => Number.parseFloat(value) || 0;
      const contentWidth = cell.getBoundingClientRect().width - px(style.paddingLeft) - px(style.paddingRight) - px(style.borderLeftWidth) - px(style.borderRightWidth);
      if (contentWidth >= 2.5 * px(style.fontSize)) continue;
      const rects = visibleText.flatMap((node) => {
        const range = document.createRange();
        range.selectNodeContents(node);
        return Array.from(range.getClientRects());
      });
      const lines = new Set(rects.filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
      if (lines.size > 1) found.push(`「${text.slice(0, 20)}」 in ${Math.round(contentWidth)}px, ${lines.size} lines`);
    }
    return found;
  });
}

/** A box that scrolls sideways (a wide table) must take focus and have a name, to scroll it by keyboard. */
function unnamedScrollBoxes(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.table-wrap'))
      .filter((box) => box.scrollWidth > box.clientWidth + 1)
      .filter((box) => box.getAttribute('role') !== 'region' || !box.getAttribute('aria-label') || box.tabIndex !== 0)
      .map((box) => box.querySelector('caption')?.textContent ?? '(a table without a caption)'),
  );
}

describe.each(Object.entries(ROUTES_BY_READER))('every page as %s', (reader, routes) => {
  it(`has no serious axe finding, no sideways scrolling and no table cell breaking a character per line at ${WIDTHS.join(', ')} px`, { timeout: 900_000 }, async () => {
    const page = await openAs(reader);
    const problems: string[] = [];
    let checked = 0;
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      for (const route of routes) {
        await page.goto(`${baseUrl}${route}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        await page.waitForFunction(() => !document.body.innerText.includes('資料載入中…'), undefined, { timeout: 15_000 }).catch(() => undefined);
        for (const finding of await axeFindings(page)) {
          problems.push(`${width}px ${route}: ${finding.id} (${finding.impact}) ${finding.help} at ${finding.nodes.map((node) => node.target.join(' ')).join(', ')}`);
        }
        const overflow = await sidewaysOverflow(page);
        if (overflow > 0) problems.push(`${width}px ${route}: scrolls sideways by ${overflow}px`);
        for (const table of await unnamedScrollBoxes(page)) problems.push(`${width}px ${route}: 「${table}」 scrolls sideways but is no focusable, named region`);
        for (const cell of await narrowWrappedCells(page)) problems.push(`${width}px ${route}: a table cell wraps one or two characters per line: ${cell}`);
        checked += 1;
      }
    }
    await page.context().close();
    console.log(`${reader}: ${checked} page states checked, ${problems.length} problems`);
    expect(problems).toEqual([]);
  });
});
