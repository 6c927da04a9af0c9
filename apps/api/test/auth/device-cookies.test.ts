/**
 * Device cookies: guesses from elsewhere lock untrusted clients out of an account, but not a
 * browser the owner has logged in from before; that browser has a budget of its own, and once it
 * has spent it, it is treated as untrusted. With the counter in memory and in Redis (two
 * instances sharing it).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@portal/db';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { redisTestKeys } from '../helpers/redis-test-keys.js';
import { LOGIN_FAILURE_LIMIT } from '../../src/services/auth/login.js';
import { DEVICE_COOKIE_PATH } from '../../src/services/auth/device-cookies.js';

const redisKeys = redisTestKeys();

const contexts: TestContext[] = [];
afterAll(async () => {
  for (const ctx of contexts.reverse()) await ctx.close();
  await redisKeys.clear();
});

let address = 0;
const attempt = (ctx: TestContext, accountName: string, password: string, cookies: Record<string, string> = {}) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { accountName, password },
    cookies,
    headers: { 'x-forwarded-for': `198.51.100.${(address += 1) % 250}` },
  });

/** The device cookie a successful login set, as a jar entry to send back. */
function deviceCookieOf(response: Awaited<ReturnType<typeof attempt>>) {
  const cookie = response.cookies.find((c) => c.name.startsWith('portal_dev_'));
  expect(cookie, 'a device cookie is set on login').toBeDefined();
  return cookie!;
}

describe.each([
  ['in memory', {}],
  ['in Redis, over two instances', redisKeys.env],
])('device cookies %s', (_label, env) => {
  it('keep the owner\'s browser out of a lock that guesses from elsewhere put on the account', async () => {
    const a = await createTestApp({ demoInstitutions: 0, env: { ...env, TRUST_PROXY_HOPS: '1' } });
    contexts.push(a);
    const b = 'REDIS_URL' in env ? await createTestApp({ database: a, env: { ...env, TRUST_PROXY_HOPS: '1' } }) : a;
    if (b !== a) contexts.push(b);

    // The owner logs in from the clinic's computer once: it gets a device cookie for demouser.
    const first = await attempt(a, 'demouser', DEMO_PASSWORD);
    expect(first.statusCode).toBe(200);
    const device = deviceCookieOf(first);
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: DEVICE_COOKIE_PATH });
    expect(device.name).not.toContain('demouser');
    expect(device.maxAge).toBeGreaterThan(30 * 24 * 3600);

    // Someone elsewhere spends the account's budget for untrusted clients: they are locked out …
    for (let i = 0; i < LOGIN_FAILURE_LIMIT; i++) expect((await attempt(b, 'demouser', 'Wrong-password-1')).statusCode).toBe(401);
    expect((await attempt(a, 'demouser', DEMO_PASSWORD)).statusCode).toBe(429);
    // … and so is a cookie that is forged, or was issued for another account.
    const manager = deviceCookieOf(await attempt(a, 'demomanager', DEMO_PASSWORD));
    expect(manager.name).not.toBe(device.name);
    expect((await attempt(b, 'demouser', DEMO_PASSWORD, { [device.name]: manager.value })).statusCode).toBe(429);
    expect((await attempt(b, 'demouser', DEMO_PASSWORD, { [device.name]: `${device.value.split('.')[0]}.AAAA` })).statusCode).toBe(429);

    // The owner's browser still logs in, on either instance, and gets a new device cookie.
    const owner = await attempt(b, 'demouser', DEMO_PASSWORD, { [device.name]: device.value });
    expect(owner.statusCode).toBe(200);
    const renewed = deviceCookieOf(owner);
    expect(renewed.value).not.toBe(device.value);

    // That browser has a budget of its own: once spent, it is an untrusted client like any other.
    for (let i = 0; i < LOGIN_FAILURE_LIMIT; i++) {
      expect((await attempt(a, 'demouser', 'Wrong-password-1', { [renewed.name]: renewed.value })).statusCode).toBe(401);
    }
    const spent = await attempt(b, 'demouser', DEMO_PASSWORD, { [renewed.name]: renewed.value });
    expect(spent.statusCode).toBe(429);
    expect(Number(spent.headers['retry-after'])).toBeGreaterThan(0);
    // Another browser of the owner's, with its own cookie, is not touched by that either.
    expect((await attempt(a, 'demouser', DEMO_PASSWORD, { [device.name]: device.value })).statusCode).toBe(200);
  }, 300_000);
});
