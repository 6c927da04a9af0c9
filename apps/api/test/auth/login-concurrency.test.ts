/**
 * The per-account login limit under concurrency: the attempt is reserved before the ~25 ms
 * password check, so wrong passwords sent all at once are verified at most LOGIN_FAILURE_LIMIT
 * times — with the counter in memory and in Redis (two instances sharing it). A password reset
 * lifts the lock, and retires the other links; a password change retires reset links too.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@portal/db';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { redisTestKeys } from '../helpers/redis-test-keys.js';
import { login } from '../helpers/auth.js';
import { LOGIN_FAILURE_LIMIT } from '../../src/services/auth/login.js';

const redisKeys = redisTestKeys();
const PARALLEL_GUESSES = 120;

const contexts: TestContext[] = [];
afterAll(async () => {
  for (const ctx of contexts.reverse()) await ctx.close();
  await redisKeys.clear();
});

let address = 0;
const guess = (ctx: TestContext, accountName: string, password = 'Wrong-password-1') =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { accountName, password }, headers: { 'x-forwarded-for': `203.0.113.${(address += 1) % 250}` } });

async function verifiedGuesses(ctx: TestContext, accountName: string) {
  const events = await ctx.db.prisma.auditEvent.findMany({ where: { action: 'auth.login.failed' }, select: { after: true } });
  const mine = events.map((event) => event.after as { accountName?: string; reason?: string }).filter((after) => after.accountName === accountName);
  return { verified: mine.filter((after) => after.reason === 'wrong-password').length, throttled: mine.filter((after) => after.reason === 'throttled').length };
}

describe.each([
  ['in memory', {}],
  ['in Redis, over two instances', redisKeys.env],
])('the login limit %s', (_label, env) => {
  it(`verifies at most ${LOGIN_FAILURE_LIMIT} of ${PARALLEL_GUESSES} parallel wrong passwords`, async () => {
    const a = await createTestApp({ demoInstitutions: 0, env: { ...env, TRUST_PROXY_HOPS: '1' } });
    contexts.push(a);
    const b = 'REDIS_URL' in env ? await createTestApp({ database: a, env: { ...env, TRUST_PROXY_HOPS: '1' } }) : a;
    if (b !== a) contexts.push(b);

    const answers = await Promise.all(Array.from({ length: PARALLEL_GUESSES }, (_, i) => guess(i % 2 ? b : a, 'demouser')));
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(LOGIN_FAILURE_LIMIT);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(PARALLEL_GUESSES - LOGIN_FAILURE_LIMIT);
    expect(new Set(statuses)).toEqual(new Set([401, 429]));
    for (const answer of answers.filter((response) => response.statusCode === 429)) expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
    const { verified } = await verifiedGuesses(a, 'demouser');
    expect(verified).toBeLessThanOrEqual(LOGIN_FAILURE_LIMIT);
    // Locked: even the right password waits.
    expect((await guess(a, 'demouser', DEMO_PASSWORD)).statusCode).toBe(429);
  }, 300_000);
});

describe('password changes and resets', () => {
  it('a reset lifts the lock and retires the other links; a password change retires reset links', async () => {
    const ctx = await createTestApp({ demoInstitutions: 0, env: { TRUST_PROXY_HOPS: '1' } });
    contexts.push(ctx);
    const account = await ctx.db.prisma.account.findUniqueOrThrow({ where: { accountNameKey: 'demomanager' } });
    const forgot = async () => {
      const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/forgot-password', payload: { accountName: 'demomanager', email: account.email }, headers: { 'x-forwarded-for': `192.0.2.${(address += 1) % 250}` } });
      await ctx.app.afterResponse.idle(); // the link is made after the answer
      return response;
    };
    const latestToken = async () => {
      const mail = await ctx.db.prisma.mailMessage.findFirstOrThrow({ where: { template: 'password-reset', to: account.email }, orderBy: { createdAt: 'desc' } });
      return /reset-password\?token=([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
    };
    const reset = (token: string, password: string) =>
      ctx.app.inject({ method: 'POST', url: '/api/auth/reset-password', payload: { token, password, passwordConfirm: password }, headers: { 'x-forwarded-for': `192.0.2.${(address += 1) % 250}` } });

    // Someone else's guesses lock the account …
    for (let i = 0; i < LOGIN_FAILURE_LIMIT; i++) await guess(ctx, 'demomanager');
    expect((await guess(ctx, 'demomanager', DEMO_PASSWORD)).statusCode).toBe(429);
    // … the owner resets the password from the mailbox: the lock is gone, the older link is dead.
    expect((await forgot()).statusCode).toBe(202);
    const older = await latestToken();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await forgot()).statusCode).toBe(202);
    const newer = await latestToken();
    expect(newer).not.toBe(older);
    expect((await reset(newer, 'Qv7#mZ2!pL9x')).statusCode).toBe(200);
    expect((await reset(older, 'Zr8=kW3~nB5y')).statusCode).toBe(400);
    const session = await login(ctx.app, 'demomanager', 'Qv7#mZ2!pL9x', `192.0.2.${(address += 1) % 250}`);

    // A link mailed before a password change stops working once the password changes.
    expect((await forgot()).statusCode).toBe(202);
    const beforeChange = await latestToken();
    const change = await ctx.app.inject({
      method: 'POST',
      url: '/api/account/password',
      payload: { currentPassword: 'Qv7#mZ2!pL9x', password: 'Hx4#tY6!cM1q', passwordConfirm: 'Hx4#tY6!cM1q' },
      headers: session.headers(),
    });
    expect(change.statusCode).toBe(200);
    expect((await reset(beforeChange, 'Zr8=kW3~nB5y')).statusCode).toBe(400);
  }, 300_000);

  it('wrong current passwords of 變更密碼 count like failed logins', async () => {
    const ctx = await createTestApp({ demoInstitutions: 0, env: { TRUST_PROXY_HOPS: '1' } });
    contexts.push(ctx);
    const session = await login(ctx.app, 'demouser');
    const change = (currentPassword: string) =>
      ctx.app.inject({ method: 'POST', url: '/api/account/password', payload: { currentPassword, password: 'Hx4#tY6!cM1q', passwordConfirm: 'Hx4#tY6!cM1q' }, headers: session.headers() });
    for (let i = 0; i < LOGIN_FAILURE_LIMIT; i++) expect((await change('Wrong-password-1')).statusCode).toBe(400);
    const locked = await change(DEMO_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await guess(ctx, 'demouser', DEMO_PASSWORD)).statusCode).toBe(429);
  }, 300_000);
});
