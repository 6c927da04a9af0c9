/**
 * Two API instances over one database and one Redis, as in production behind a load
 * balancer: throttles and revocations made through one hold on the other.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@portal/db';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { login } from '../helpers/auth.js';
import { TEST_REDIS_URL as REDIS_URL, WITHOUT_REDIS } from '../helpers/outside-needs.js';

// A prefix of its own per run, so parallel runs and other files never see each other's keys.
const KEY_PREFIX = `portal-test-${randomBytes(6).toString('hex')}:`;

let a: TestContext;
let b: TestContext;
let redis: Redis;

beforeAll(async () => {
  if (WITHOUT_REDIS) return;
  const env = { REDIS_URL, REDIS_KEY_PREFIX: KEY_PREFIX, TRUST_PROXY_HOPS: '1' };
  a = await createTestApp({ demoInstitutions: 0, env });
  b = await createTestApp({ database: a, env });
  redis = new Redis(REDIS_URL);
});

afterAll(async () => {
  await b?.close();
  await a?.close();
  if (redis) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${KEY_PREFIX}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    await redis.quit();
  }
});

let address = 0;
const loginOn = (ctx: TestContext, accountName: string, password: string) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { accountName, password },
    headers: { 'x-forwarded-for': `198.51.100.${(address += 1) % 250}` },
  });

describe.skipIf(WITHOUT_REDIS)('two instances sharing PostgreSQL/PGlite and Redis', () => {
  it('uses Redis for the counters', () => {
    expect(a.app.redis).toBeDefined();
    expect(b.app.redis).toBeDefined();
  });

  it('failed logins on instance A lock the account on instance B', async () => {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await loginOn(a, 'demosuboral', 'Wrong*Pass=1')).statusCode).toBe(401);
    }
    const onB = await loginOn(b, 'demosuboral', DEMO_PASSWORD);
    expect(onB.statusCode).toBe(429);
    expect(onB.json()).toEqual({ code: 'TOO_MANY_ATTEMPTS', message: '登入失敗次數過多，請於 15 分鐘後再試。' });
    const keys = await redis.keys(`${KEY_PREFIX}portal:failures:login:demosuboral`);
    expect(keys).toHaveLength(1);
    expect(await redis.pttl(keys[0]!)).toBeGreaterThan(14 * 60_000);
  });

  it('forgot-password counts per name and address across instances, and the owner elsewhere is not silenced', async () => {
    const forgot = (ctx: TestContext, address: string) =>
      ctx.app.inject({ method: 'POST', url: '/api/auth/forgot-password', payload: { accountName: 'demosubprenatal', email: 'x@example.com' }, headers: { 'x-forwarded-for': address } });
    for (let i = 0; i < 5; i += 1) expect((await forgot(i % 2 === 0 ? a : b, '203.0.113.90')).statusCode).toBe(202);
    expect((await forgot(b, '203.0.113.90')).statusCode).toBe(429);
    expect((await forgot(a, '198.18.0.90')).statusCode).toBe(202);
    expect(Number(await redis.get(`${KEY_PREFIX}portal:failures:forgot:demosubprenatal`))).toBe(6);
  });

  it('per-IP limits are shared too', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.77' };
    const payload = { accountName: 'nobody-here', nationalId: 'A123456789' };
    for (let i = 0; i < 10; i += 1) {
      const target = i % 2 === 0 ? a : b;
      expect((await target.app.inject({ method: 'POST', url: '/api/application-status', payload, headers })).statusCode).toBe(404);
    }
    for (let i = 0; i < 10; i += 1) await a.app.inject({ method: 'POST', url: '/api/application-status', payload, headers });
    const limited = await b.app.inject({ method: 'POST', url: '/api/application-status', payload, headers });
    expect(limited.statusCode).toBe(429);
  });

  it('a logout through A is refused on B at once', async () => {
    const session = await login(a.app, 'demouser');
    const onB = () => b.app.inject({ method: 'GET', url: '/api/account/profile', headers: session.headers() });
    expect((await onB()).statusCode).toBe(200);
    const out = await a.app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers('/api/auth/logout') });
    expect(out.statusCode).toBe(200);
    const refused = await onB();
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe('SESSION_EXPIRED');
  });

  it('a session-version bump through A (password change) ends the other session on B', async () => {
    const first = await login(a.app, 'demomanager');
    const second = await login(b.app, 'demomanager');
    const changed = await a.app.inject({
      method: 'POST',
      url: '/api/account/password',
      headers: first.headers(),
      payload: { currentPassword: DEMO_PASSWORD, password: 'Hq4~tN8=wB3y', passwordConfirm: 'Hq4~tN8=wB3y' },
    });
    expect(changed.statusCode).toBe(200);
    first.absorb(changed);
    expect((await b.app.inject({ method: 'GET', url: '/api/auth/session', headers: second.headers() })).statusCode).toBe(401);
    // The session that changed it continues on either instance.
    expect((await b.app.inject({ method: 'GET', url: '/api/auth/session', headers: first.headers() })).statusCode).toBe(200);
  });
});
