/**
 * Input-to-paint latency of the 帳號申請 password meter in real Chromium.
 *
 *   cd apps/e2e && npx tsx --conditions=@portal/source bench/meter-latency.ts
 *
 * Builds the SPA and starts the portal like the browser tests do, types a 64-character
 * password key by key (30 ms apart) and, for every keystroke, measures the time from the
 * keydown event to the first animation frame after the meter shows the verdict for exactly
 * that value (its data-evaluated-length equals the value's length).
 */
import type { TestProject } from 'vitest/node';
import { launchChromium } from '../setup/browser.js';
import setup from '../setup/global-setup.js';

const PASSWORD = 'Xk7#mQ2~vL9=Rt4!'.repeat(4);
const DELAY_MS = 30;

let baseUrl = '';
const teardown = await setup({ provide: (_key: string, value: string) => (baseUrl = value) } as unknown as TestProject);
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(`${baseUrl}/apply`);
  const password = page.getByLabel('(必填)請輸入您的密碼：');
  await password.click();
  // Wait until the worker has loaded and answered once, then start from an empty field.
  await password.pressSequentially('a');
  await page.waitForSelector('[role="meter"][data-evaluated-length="1"]');
  await password.press('Backspace');
  await page.waitForSelector('[role="meter"][data-evaluated-length="0"]');

  await page.evaluate(() => {
    const input = document.getElementById('apply-password') as HTMLInputElement;
    const meterElement = document.querySelector('[role="meter"]')!;
    const record = { keydown: [] as number[], shown: {} as Record<number, number> };
    (window as unknown as { meterBench: typeof record }).meterBench = record;
    input.addEventListener('keydown', (event) => record.keydown.push(event.timeStamp), { capture: true });
    new MutationObserver(() => {
      const length = Number(meterElement.getAttribute('data-evaluated-length'));
      if (length > 0 && record.shown[length] === undefined) {
        record.shown[length] = -1;
        requestAnimationFrame(() => (record.shown[length] = performance.now()));
      }
    }).observe(meterElement, { attributes: true, attributeFilter: ['data-evaluated-length'] });
  });

  await password.pressSequentially(PASSWORD, { delay: DELAY_MS });
  await page.waitForSelector(`[role="meter"][data-evaluated-length="${PASSWORD.length}"]`);
  await page.waitForTimeout(100);
  const { keydown, shown } = await page.evaluate(
    () => (window as unknown as { meterBench: { keydown: number[]; shown: Record<number, number> } }).meterBench,
  );

  const latencies: number[] = [];
  let superseded = 0;
  keydown.forEach((time, index) => {
    const paint = shown[index + 1];
    if (paint === undefined || paint < 0) superseded += 1;
    else latencies.push(paint - time);
  });
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  const format = (ms: number) => `${ms.toFixed(1)} ms`;
  console.log(
    JSON.stringify(
      {
        keystrokes: keydown.length,
        measured: latencies.length,
        superseded,
        median: format(at(0.5)),
        p95: format(at(0.95)),
        max: format(latencies.at(-1)!),
        finalLevel: await page.getByRole('meter').getAttribute('aria-valuetext'),
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  await teardown();
}
