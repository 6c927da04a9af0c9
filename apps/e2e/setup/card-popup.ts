import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Clicks 驗證機構卡 (PIN already typed) and waits for the outcome: the HiPKI popup (the
 * simulator) opens inside the click, answers and closes itself; then 成功！, or the refusal,
 * which fails the test with its text.
 */
export async function verifyWithCardPopup(page: Page) {
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: '驗證機構卡' }).click();
  await popup;
  await Promise.race([
    page.getByRole('heading', { name: '成功！' }).waitFor({ timeout: 30_000 }),
    page
      .getByRole('alert')
      .waitFor({ timeout: 30_000 })
      .then(async () => expect.fail(`card verification refused: ${await page.getByRole('alert').innerText()}`)),
  ]);
}
