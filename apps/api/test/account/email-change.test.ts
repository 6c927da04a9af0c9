import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@portal/db';
import { ACCOUNT_MESSAGES, AUTH_MESSAGES } from '@portal/shared';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { login, type TestSession } from '../helpers/auth.js';
import { createAccount } from '../helpers/accounts.js';
import { revokeAllSessions } from '../../src/services/auth/sessions.js';
import { expectFieldRefusal } from '../helpers/refusals.js';

/**
 * Changing the E-mail: it takes the current password (counted like a login),
 * the old address is told, and a pending link dies with the password or the sessions.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ demoInstitutions: 0, env: { TRUST_PROXY_HOPS: '1' } });
});
afterAll(() => ctx.close());

const NEW_PASSWORD = 'Hq4~tN8=wB3y';
let address = 0;
async function call(session: TestSession | null, method: 'PATCH' | 'POST', url: string, payload: object) {
  const response = await ctx.app.inject({
    method,
    url,
    payload,
    headers: { ...(session ? session.headers(url) : {}), 'x-forwarded-for': `198.51.100.${(address += 1) % 250}` },
  });
  // 忘記密碼 makes its link after the answer.
  await ctx.app.afterResponse.idle();
  return response;
}

async function mailedToken(template: string, to: string, pattern: RegExp): Promise<string> {
  const mail = await ctx.db.prisma.mailMessage.findFirstOrThrow({ where: { template, to }, orderBy: { createdAt: 'desc' } });
  const token = pattern.exec(mail.text)?.[1];
  if (!token) throw new Error(`no token in ${template} to ${to}`);
  return token;
}
const emailChangeToken = (to: string) => mailedToken('email-change-confirm', to, /confirm-email\?token=([A-Za-z0-9_-]{43})/);
const resetToken = (to: string) => mailedToken('password-reset', to, /reset-password\?token=([A-Za-z0-9_-]{43})/);

/** A fresh active account, logged in, with an E-mail change asked for (the link mailed to `newEmail`). */
async function withPendingChange(accountName: string) {
  await createAccount(ctx, { accountName, status: 'ACTIVE' });
  const session = await login(ctx.app, accountName);
  const newEmail = `${accountName}.new@example.org`;
  const asked = await call(session, 'PATCH', '/api/account/profile', { email: newEmail, currentPassword: DEMO_PASSWORD });
  expect(asked.statusCode).toBe(200);
  return { session, oldEmail: `${accountName}@example.com`, newEmail, token: await emailChangeToken(newEmail) };
}

const emailOf = async (accountName: string) =>
  (await ctx.db.prisma.account.findUniqueOrThrow({ where: { accountNameKey: accountName }, select: { email: true } })).email;

describe('asking for a new E-mail', () => {
  it('needs the current password: missing or wrong is a 400 on currentPassword and changes nothing', async () => {
    await createAccount(ctx, { accountName: 'nopass', status: 'ACTIVE' });
    const session = await login(ctx.app, 'nopass');
    const missing = await call(session, 'PATCH', '/api/account/profile', { email: 'thief@example.org', phone: '02-11112222' });
    expectFieldRefusal(missing, 400, 'CURRENT_PASSWORD_REQUIRED', 'currentPassword', ACCOUNT_MESSAGES.emailChangeNeedsPassword);
    const wrong = await call(session, 'PATCH', '/api/account/profile', { email: 'thief@example.org', currentPassword: 'Wrong*Pass=1' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toEqual({ code: 'CURRENT_PASSWORD_WRONG', message: AUTH_MESSAGES.currentPasswordWrong, fieldErrors: { currentPassword: [AUTH_MESSAGES.currentPasswordWrong] } });
    // Nothing written: no token, no mail, the phone unchanged either.
    expect(await ctx.db.prisma.emailChangeToken.count({ where: { account: { accountNameKey: 'nopass' } } })).toBe(0);
    expect(await ctx.db.prisma.mailMessage.count({ where: { to: { in: ['thief@example.org', 'nopass@example.com'] } } })).toBe(0);
    expect((await ctx.db.prisma.account.findUniqueOrThrow({ where: { accountNameKey: 'nopass' } })).phone).toBe('02-12345678');
    // An unchanged address (in any case) needs no password.
    const same = await call(session, 'PATCH', '/api/account/profile', { email: 'NOPASS@example.com', phone: '02-11112222' });
    expect(same.statusCode).toBe(200);
    expect(same.json().emailChangePending).toBe(false);
  });

  it('counts wrong current passwords like failed logins: the 11th try is a 429 with Retry-After, and login is locked too', async () => {
    await createAccount(ctx, { accountName: 'guessed', status: 'ACTIVE' });
    const session = await login(ctx.app, 'guessed');
    const tries = [];
    for (let i = 0; i < 10; i += 1) {
      tries.push(await call(session, 'PATCH', '/api/account/profile', { email: 'thief@example.org', currentPassword: `Wrong*Pass=${i}` }));
    }
    expect(tries.map((res) => res.statusCode)).toEqual(Array(10).fill(400));
    const locked = await call(session, 'PATCH', '/api/account/profile', { email: 'thief@example.org', currentPassword: DEMO_PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.json().message).toMatch(/分鐘後再試/);
    const loginNow = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { accountName: 'guessed', password: DEMO_PASSWORD }, headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(loginNow.statusCode).toBe(429);
    expect(await ctx.db.prisma.emailChangeToken.count({ where: { account: { accountNameKey: 'guessed' } } })).toBe(0);
  });

  it('mails the link to the new address and a notice, with how to report it, to the old one', async () => {
    const { oldEmail, newEmail } = await withPendingChange('noticed');
    const notice = await ctx.db.prisma.mailMessage.findFirstOrThrow({ where: { template: 'email-change-notice', to: oldEmail } });
    expect(notice.subject).toBe('【醫療院所預防保健暨戒菸服務單一入口系統】E-mail 變更通知');
    expect(notice.text).toContain(`帳號「noticed」剛剛要求將 E-mail 由本信箱變更為 ${newEmail}。`);
    expect(notice.text).toContain('若不是您本人：請立即登入並於「帳號資料」變更密碼');
    expect(notice.text).toContain('/forgot-password');
    expect(notice.text).toContain('諮詢窗口：');
    expect(await emailOf('noticed')).toBe(oldEmail);
  });
});

describe('a pending E-mail change link dies with the password and the sessions', () => {
  it('after 變更密碼', async () => {
    const { session, oldEmail, token } = await withPendingChange('linkchanger');
    const changed = await call(session, 'POST', '/api/account/password', { currentPassword: DEMO_PASSWORD, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(changed.statusCode).toBe(200);
    const confirm = await call(null, 'POST', '/api/account/confirm-email', { token });
    expect(confirm.statusCode).toBe(400);
    expect(confirm.json().code).toBe('EMAIL_TOKEN_INVALID');
    expect(await emailOf('linkchanger')).toBe(oldEmail);
  });

  it('after 重設密碼', async () => {
    const { oldEmail, token } = await withPendingChange('linkreset');
    expect((await call(null, 'POST', '/api/auth/forgot-password', { accountName: 'linkreset', email: oldEmail })).statusCode).toBe(202);
    const reset = await call(null, 'POST', '/api/auth/reset-password', { token: await resetToken(oldEmail), password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(reset.statusCode).toBe(200);
    expect((await call(null, 'POST', '/api/account/confirm-email', { token })).statusCode).toBe(400);
    expect(await emailOf('linkreset')).toBe(oldEmail);
  });

  it('after every session of the account is revoked (deactivation by its manager)', async () => {
    const { oldEmail, token } = await withPendingChange('linkrevoked');
    const account = await ctx.db.prisma.account.findUniqueOrThrow({ where: { accountNameKey: 'linkrevoked' } });
    // revokeAllSessions is what deactivation, a role change and both password paths call.
    await ctx.db.prisma.$transaction((tx) => revokeAllSessions(tx, account.id));
    expect((await call(null, 'POST', '/api/account/confirm-email', { token })).statusCode).toBe(400);
    expect(await emailOf('linkrevoked')).toBe(oldEmail);
  });
});

describe('E-mail change confirmation racing a password reset', () => {
  it('ends as if one went first, every time: never a 5xx, never a link confirmed after the reset', async () => {
    for (let round = 0; round < 8; round += 1) {
      const accountName = `emailrace${round}`;
      const { oldEmail, newEmail, token } = await withPendingChange(accountName);
      expect((await call(null, 'POST', '/api/auth/forgot-password', { accountName, email: oldEmail })).statusCode).toBe(202);
      const reset = await resetToken(oldEmail);
      const [confirmed, resetDone] = await Promise.all([
        call(null, 'POST', '/api/account/confirm-email', { token }),
        call(null, 'POST', '/api/auth/reset-password', { token: reset, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }),
      ]);
      expect(resetDone.statusCode).toBe(200);
      expect([200, 400]).toContain(confirmed.statusCode);
      const { id } = await ctx.db.prisma.account.findUniqueOrThrow({ where: { accountNameKey: accountName } });
      const events = await ctx.db.prisma.auditEvent.findMany({
        where: { entityType: 'account', entityId: id, action: { in: ['account.email-change.confirmed', 'password.reset.completed'] } },
        orderBy: { id: 'asc' },
        select: { action: true },
      });
      if (confirmed.statusCode === 200) {
        // The confirmation went first (its audit row was written under the account lock first).
        expect(await emailOf(accountName)).toBe(newEmail);
        expect(events.map((event) => event.action)).toEqual(['account.email-change.confirmed', 'password.reset.completed']);
      } else {
        expect(confirmed.json().code).toBe('EMAIL_TOKEN_INVALID');
        expect(await emailOf(accountName)).toBe(oldEmail);
        expect(events.map((event) => event.action)).toEqual(['password.reset.completed']);
      }
      // Either way no link of the account is left usable.
      expect(await ctx.db.prisma.emailChangeToken.count({ where: { account: { accountNameKey: accountName }, usedAt: null } })).toBe(0);
    }
  });
});
