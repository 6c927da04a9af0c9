import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../helpers/accounts.js';
import { login } from '../helpers/auth.js';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { TEST_DATABASE } from '../helpers/test-database.js';

const METRICS_TOKEN = 'metrics-token-for-the-test-0123456789abcdef';
const bearer = { authorization: `Bearer ${METRICS_TOKEN}` };

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ demoInstitutions: 0, env: { METRICS_TOKEN } });
});
afterAll(async () => {
  await ctx?.close();
});

async function scrape(): Promise<string> {
  const response = await ctx.app.inject({ url: '/metrics', headers: bearer });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.body;
}

/** The value of one sample, e.g. `portal_login_attempts_total{outcome="success"}`. */
function sample(body: string, series: string): number {
  const line = body.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  if (!line) throw new Error(`no sample ${series} in:\n${body}`);
  return Number(line.slice(series.length + 1));
}

describe('/metrics', () => {
  it('refuses a scraper without the bearer token, or with another', async () => {
    for (const headers of [{}, { authorization: 'Bearer not-the-token' }, { authorization: `Basic ${METRICS_TOKEN}` }]) {
      const response = await ctx.app.inject({ url: '/metrics', headers });
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      expect(response.json()).toEqual({ code: 'UNAUTHORIZED', message: '請先登入。' });
      expect(response.body).not.toContain('portal_');
    }
  });

  it('does not exist without METRICS_TOKEN', async () => {
    const other = await createTestApp({ database: ctx });
    try {
      const response = await other.app.inject({ url: '/metrics', headers: bearer });
      expect(response.statusCode).toBe(404);
    } finally {
      await other.close();
    }
  });

  it('counts logins by outcome, times requests by route pattern and reports the queues', async () => {
    const before = await scrape();
    await login(ctx.app, 'demouser');
    const wrong = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { accountName: 'demouser', password: 'not-the-password-1' } });
    expect(wrong.statusCode).toBe(401);
    // The per-account limit: ten failures, then the name is locked.
    let last = 0;
    for (let attempt = 0; attempt < 11; attempt++) {
      last = (await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { accountName: 'nosuchaccount', password: 'not-the-password-1' } })).statusCode;
    }
    expect(last).toBe(429);

    await createAccount(ctx, { accountName: 'metricsapplicant', role: 'GENERAL_USER', status: 'ACTIVE', subsystems: [{ code: 'adult-preventive', status: 'PENDING' }] });
    await ctx.db.prisma.mailMessage.create({
      data: { template: 'test', to: 'someone@example.com', subject: '測試', text: '測試', html: '<p>測試</p>', createdAt: new Date(Date.now() - 60_000) },
    });
    expect((await ctx.app.inject({ url: '/api/institutions/9900000001' })).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: '/api/institutions/9900000002' })).statusCode).toBe(200);

    const after = await scrape();
    const delta = (series: string) => sample(after, series) - sample(before, series);
    expect(delta('portal_login_attempts_total{outcome="success"}')).toBe(1);
    expect(delta('portal_login_attempts_total{outcome="failure"}')).toBe(11);
    expect(delta('portal_login_attempts_total{outcome="locked"}')).toBe(1);
    expect(delta('portal_access_requests_pending')).toBe(1);
    expect(delta('portal_mail_outbox_pending')).toBe(1);
    expect(sample(after, 'portal_mail_outbox_oldest_seconds')).toBeGreaterThanOrEqual(60);
    sample(after, 'portal_manager_requests_open{status="PENDING_REVIEW"}');
    sample(after, 'portal_backchannel_logout_outbox_pending');

    // Both institutions under one route pattern: never the raw URL.
    expect(sample(after, 'portal_http_request_duration_seconds_count{method="GET",route="/api/institutions/:code",status_code="200"}')).toBe(2);
    expect(after).not.toContain('9900000001');
    expect(after).toContain('process_resident_memory_bytes');
    if (TEST_DATABASE === 'postgresql') {
      expect(sample(after, 'portal_db_pool_max_connections')).toBeGreaterThan(0);
      expect(after).not.toContain('portal_db_embedded_memory_bytes');
    } else {
      // PostgreSQL's memory inside the process: at least the 128 MB PGlite starts with, in 64 KiB pages.
      const wasm = sample(after, 'portal_db_embedded_memory_bytes');
      expect(wasm).toBeGreaterThanOrEqual(128 * 1024 * 1024);
      expect(wasm % 65536).toBe(0);
    }
  });
});
