import { X509Certificate, createVerify } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HIPKI, PKCS11, createCardSim, generateTestPki, type CardSim } from '../src/index.js';

/**
 * The popupForm protocol in real Chromium: a portal page opens the simulator's /popupForm in a
 * popup (or an iframe), waits for `{"func":"getTbs"}`, posts one request, reads one answer.
 * The page below talks the protocol the way HiPKI's published sample pages do.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PIN = '864209';
const TBS = 'hpa-portal-card-auth:v1\norigin=http://localhost\ninstitution=9900000001\nnonce=q2x8HkQ1Vt3mYp0sLr5nWc7dEf9gHi2jKl4oNa6bZuA';

const portalPage = (simOrigin: string) => `<!doctype html><meta charset="utf-8"><title>portal</title>
<script>
window.hipki = function (mode, request) {
  return new Promise(function (resolve) {
    var target, frame, sent = false;
    function done(value) { window.removeEventListener('message', onMessage); if (frame) frame.remove(); resolve(value); }
    function onMessage(event) {
      if (event.origin !== ${JSON.stringify(simOrigin)} || event.source !== target) return;
      var message = JSON.parse(event.data);
      if (message.func === 'getTbs') { if (!sent) { sent = true; target.postMessage(JSON.stringify(request).replace(/\\+/g, '%2B'), ${JSON.stringify(simOrigin)}); } return; }
      done({ answer: message, popupClosedSoon: mode === 'popup' });
    }
    window.addEventListener('message', onMessage);
    if (mode === 'popup') target = window.open(${JSON.stringify(`${simOrigin}/popupForm`)}, 'hipki', 'width=200,height=200');
    else { frame = document.createElement('iframe'); frame.src = ${JSON.stringify(`${simOrigin}/popupForm`)}; document.body.append(frame); target = frame.contentWindow; }
    window.hipkiTarget = target;
    setTimeout(function () { done({ timeout: true }); }, 5000);
  });
};
</script><body></body>`;

describe.skipIf(!existsSync(CHROMIUM))('popupForm in Chromium', () => {
  let sim: CardSim;
  let portal: Server;
  let portalPort: number;
  let browser: Browser;
  let page: Page;
  let pki: Awaited<ReturnType<typeof generateTestPki>>;

  beforeAll(async () => {
    pki = await generateTestPki({ pin: PIN });
    sim = createCardSim({ pki, port: 0, insertedCardId: '9900000001' });
    const simOrigin = await sim.listen();
    portal = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(portalPage(simOrigin));
    });
    await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
    portalPort = (portal.address() as AddressInfo).port;
    // Background networking, updates and sync off (without Internet access they only flood the network), as apps/e2e starts it.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    portal?.close();
    await sim?.close();
  });

  const call = (mode: 'popup' | 'iframe', request: Record<string, unknown>) =>
    page.evaluate(([m, r]) => (window as unknown as { hipki: (m: string, r: unknown) => Promise<Record<string, unknown>> }).hipki(m as string, r), [mode, request] as const);

  it.each(['popup', 'iframe'] as const)('signs the tbs for an allowed portal origin (%s)', async (mode) => {
    await page.goto(`http://localhost:${portalPort}/`);
    const cert = (await call(mode, { func: 'GetUserCert' })).answer as { func: string; ret_code: number; slots: { token: { certs: { certb64: string }[] } }[] };
    expect([cert.func, cert.ret_code]).toEqual(['pkcs11info', 0]);
    const result = await call(mode, { func: 'MakeSignature', signatureType: 'PKCS1', tbs: TBS, tbsEncoding: 'NONE', hashAlgorithm: 'SHA256', pin: PIN });
    const answer = result.answer as { func: string; ret_code: number; signature: string; certb64: string };
    expect([answer.func, answer.ret_code]).toEqual(['sign', 0]);
    expect(answer.certb64).toBe(cert.slots[0]!.token.certs[0]!.certb64);
    const leaf = new X509Certificate(Buffer.from(answer.certb64, 'base64'));
    expect(createVerify('sha256').update(TBS, 'utf8').verify(leaf.publicKey, Buffer.from(answer.signature, 'base64'))).toBe(true);
  });

  it('answers a wrong PIN with IC卡登入失敗 / CKR_PIN_INCORRECT, and the popup closes itself', async () => {
    await page.goto(`http://localhost:${portalPort}/`);
    const result = await call('popup', { func: 'MakeSignature', signatureType: 'PKCS1', tbs: TBS, hashAlgorithm: 'SHA256', pin: '000000' });
    expect(result.answer).toMatchObject({ func: 'sign', ret_code: HIPKI.LOGIN_FAILED, last_error: PKCS11.CKR_PIN_INCORRECT });
    await expect.poll(() => page.evaluate(() => (window as unknown as { hipkiTarget: Window }).hipkiTarget.closed)).toBe(true);
  });

  it('refuses a portal origin that is not allowed: 禁止存取的網域 in a popup, no frame at all in an iframe', async () => {
    await page.goto(`http://127.0.0.1:${portalPort}/`);
    const popup = await call('popup', { func: 'GetUserCert' });
    expect(popup.answer).toEqual({ func: 'pkcs11info', ret_code: HIPKI.FORBIDDEN_DOMAIN });
    // frame-ancestors keeps the page from loading, so it never says getTbs.
    expect(await call('iframe', { func: 'GetUserCert' })).toEqual({ timeout: true });
  });
});
