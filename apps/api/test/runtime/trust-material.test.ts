import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { createTestCrl } from '@portal/card-sim';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { App } from '../../src/app.js';
import {
  CRL_RETRY_MS,
  TEST_PKI_FILES,
  nextCrlReloadDelay,
  verifyCardSignature,
  type CardCrl,
} from '../../src/services/card-verification/index.js';
import { loadHolidayCalendar, uncoveredYears } from '../../src/lib/working-days.js';
import { signedBy, tbsFor, testPkiFiles } from '../card-verification/card-test-pki.js';
import { captureLog } from '../helpers/log-capture.js';
import { createTestApp, type TestContext } from '../helpers/test-app.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const trust = testPkiFiles('portal-crl-');

/** Verifies card `cardId` against the trust store the app holds now; the refusal code, or 'ok'. */
async function verdict(app: App, cardId: string): Promise<string> {
  const store = app.cardTrustStore;
  const tbs = tbsFor(cardId);
  try {
    await verifyCardSignature({
      tbs,
      ...(await signedBy(trust.pki, cardId, tbs)),
      expectedInstitutionCode: cardId,
      trustAnchors: store.trustAnchors,
      intermediates: store.intermediates,
      crls: store.crls,
      requireCrl: store.requiresCrl,
      profile: store.profile,
      now: new Date(),
    });
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

const crl = (revoked: string[], thisUpdate: Date, nextUpdate: Date) => createTestCrl(trust.pki.intermediate, revoked, { thisUpdate, nextUpdate });
const readyz = async (app: App) => (await app.inject({ url: '/readyz' })).json();

async function until(condition: () => Promise<boolean>, timeoutMs = 10_000) {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('CRL reloading, without a restart', () => {
  let ctx: TestContext;
  let server: Server;
  let served: string | undefined;
  const log = captureLog();
  const crlFile = () => path.join(trust.dir, TEST_PKI_FILES.crl);

  beforeAll(async () => {
    // A CRL distribution point on this machine: answers 404 until a test gives it a CRL.
    server = createServer((_request, response) => {
      if (served) response.writeHead(200, { 'content-type': 'application/pkix-crl' }).end(served);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/intermediate.crl`;

    ctx = await createTestApp({
      env: { CARD_TRUST_TEST_CA: 'true', CARD_TEST_PKI_DIR: trust.dir, CARD_CRL_URLS: url, CARD_CRL_REFRESH_SECONDS: '1' },
      logger: { level: 'info', stream: log.stream },
    });
  });
  afterAll(async () => {
    await ctx?.close();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });

  it('replaces a file CRL whose nextUpdate passes while the API runs, and says it was stale meanwhile', async () => {
    // The distribution point has nothing yet: logged, and /readyz says so, but the file's CRL serves.
    expect(log.text()).toContain('card CRL distribution point could not be fetched at start');
    expect(await verdict(ctx.app, '9900000001')).toBe('ok');

    // The file now holds a CRL that lapses in 3 s: read on the schedule, then it goes stale.
    const lapsing = await crl([], new Date(Date.now() - 60_000), new Date(Date.now() + 3000));
    await writeFile(crlFile(), lapsing.toString('pem'));
    await until(async () => ctx.app.cardTrustStore.crls.some((item) => item.der.equals(Buffer.from(lapsing.rawData))));

    await until(async () => (await readyz(ctx.app)).cardCrls.stale.length > 0);
    const stale = await readyz(ctx.app);
    expect(stale.status).toBe('ready');
    expect(stale.cardCrls).toMatchObject({ status: 'stale', stale: [{ issuer: expect.stringContaining('測試用 醫事機構卡 中繼憑證') }] });
    expect(await verdict(ctx.app, '9900000001')).toBe('CARD_REVOCATION_UNKNOWN');
    // Said loudly (level error) at the next scheduled check.
    await until(async () => log.text().includes('card CRL is STALE'));

    // The CA publishes a new CRL (revoking 9900000002) into the same file: picked up on the schedule.
    const fresh = await crl([trust.pki.cards.find((card) => card.id === '9900000002')!.certificate.serialNumber], new Date(), new Date(Date.now() + 7 * DAY));
    await writeFile(crlFile(), fresh.toString('pem'));
    await until(async () => (await verdict(ctx.app, '9900000001')) === 'ok');
    expect(await verdict(ctx.app, '9900000002')).toBe('CARD_REVOKED');
    expect(ctx.app.cardTrustStore.crls.map((item) => item.thisUpdate.getTime())).toContain(Math.floor(fresh.thisUpdate.getTime() / 1000) * 1000);
    expect(log.text()).toContain('card CRL reloaded');
  });

  it('fetches the distribution point again and uses its newer CRL', async () => {
    expect((await readyz(ctx.app)).cardCrls.status).toBe('stale'); // the URL has delivered nothing yet
    const newer = await crl([trust.pki.cards.find((card) => card.id === '9900000001')!.certificate.serialNumber], new Date(Date.now() + 1000), new Date(Date.now() + 7 * DAY));
    served = newer.toString('pem');
    await until(async () => (await readyz(ctx.app)).cardCrls.status === 'current');
    await until(async () => (await verdict(ctx.app, '9900000001')) === 'CARD_REVOKED');
    // The file's CRL and the distribution point's, side by side: the verifier takes the newest.
    expect(ctx.app.cardTrustStore.crls).toHaveLength(2);
  });
});

describe('when the next reload is due', () => {
  const now = new Date('2026-12-03T00:00:00Z');
  const withNextUpdate = (nextUpdate: Date | undefined) => ({ nextUpdate }) as CardCrl;

  it('is the regular interval while every CRL is far from its nextUpdate', () => {
    expect(nextCrlReloadDelay([withNextUpdate(new Date(now.getTime() + 7 * DAY))], now, HOUR)).toBe(HOUR);
    expect(nextCrlReloadDelay([], now, HOUR)).toBe(HOUR);
  });

  it('is ten minutes before the earliest nextUpdate when that comes sooner', () => {
    expect(nextCrlReloadDelay([withNextUpdate(new Date(now.getTime() + 7 * DAY)), withNextUpdate(new Date(now.getTime() + 30 * 60_000))], now, HOUR)).toBe(20 * 60_000);
  });

  it('retries every minute within those ten minutes and once stale', () => {
    expect(nextCrlReloadDelay([withNextUpdate(new Date(now.getTime() + 5 * 60_000))], now, HOUR)).toBe(CRL_RETRY_MS);
    expect(nextCrlReloadDelay([withNextUpdate(new Date(now.getTime() - HOUR))], now, HOUR)).toBe(CRL_RETRY_MS);
    expect(nextCrlReloadDelay([withNextUpdate(undefined)], now, HOUR)).toBe(CRL_RETRY_MS);
    expect(nextCrlReloadDelay([withNextUpdate(new Date(now.getTime() - HOUR))], now, 1000)).toBe(1000);
  });
});

describe('the holiday calendar', () => {
  it('covers this year and the next as shipped', () => {
    expect(uncoveredYears(loadHolidayCalendar(), new Date('2026-12-03T00:00:00Z'))).toEqual([]);
    expect(uncoveredYears(loadHolidayCalendar(), new Date('2027-12-31T17:00:00Z'))).toEqual([2028, 2029]);
  });

  it('warns at start when it lacks this year or the next', async () => {
    const file = path.join(trust.dir, 'old-holidays.json');
    await writeFile(file, JSON.stringify({ holidays: [{ date: '2020-01-01', name: '開國紀念日' }] }));
    const log = captureLog();
    const ctx = await createTestApp({ env: { HOLIDAY_CALENDAR_FILE: file }, logger: { level: 'warn', stream: log.stream } });
    await ctx.close();
    const year = new Date().getFullYear();
    const warning = log.lines.map((line) => JSON.parse(line) as { level: number; msg: string; missingYears?: number[] }).find((line) => line.msg.startsWith('holiday calendar has no holidays'));
    expect(warning).toMatchObject({ level: 40, missingYears: [year, year + 1] });
  });
});
