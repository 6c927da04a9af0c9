import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@portal/db';
import { AUTH_MESSAGES, collectPasswordUserInputs, makeTaiwanIdWithChecksum } from '@portal/shared';
import { evaluatePassword } from '@portal/shared/password-strength';
import { recordingPrisma } from '../helpers/recording-prisma.js';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { login } from '../helpers/auth.js';
import { createAccount } from '../helpers/accounts.js';
import { expectFieldRefusal, expectInvalidFields } from '../helpers/refusals.js';

let ctx: TestContext;
beforeAll(async () => {
  // Each request from its own address (one proxy hop trusted), so the per-IP limit stays out of
  // the way of the per-account behaviour tested here.
  ctx = await createTestApp({ demoInstitutions: 0, env: { TRUST_PROXY_HOPS: '1' } });
});
afterAll(() => ctx.close());

const ACCEPTED = { message: '若資料正確，重設密碼連結已寄至您的E-mail信箱，請於 30 分鐘內完成重設。' };
const NEW_PASSWORD = 'Qv7#mZ2!pL9x';
let address = 0;
/** Answered, and the work 忘記密碼 leaves for after the answer done too. */
async function post(url: string, payload: unknown) {
  const response = await ctx.app.inject({ method: 'POST', url, payload: payload as object, headers: { 'x-forwarded-for': `198.51.100.${(address += 1) % 250}` } });
  await ctx.app.afterResponse.idle();
  return response;
}
const emailOf = async (name: string) => (await ctx.db.prisma.account.findUniqueOrThrow({ where: { accountNameKey: name } })).email;

async function latestResetToken(to: string): Promise<string> {
  const mail = await ctx.db.prisma.mailMessage.findFirstOrThrow({ where: { template: 'password-reset', to }, orderBy: { createdAt: 'desc' } });
  const match = /reset-password\?token=([A-Za-z0-9_-]{43})/.exec(mail.text);
  if (!match?.[1]) throw new Error(`no link in ${mail.text}`);
  return match[1];
}

describe('POST /api/auth/forgot-password', () => {
  it('mails a reset link to an ACTIVE account matched by account + e-mail (202)', async () => {
    const email = await emailOf('demouser');
    const response = await post('/api/auth/forgot-password', { accountName: 'DEMOUSER', email: email.toUpperCase() });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual(ACCEPTED);
    const mails = await ctx.db.prisma.mailMessage.findMany({ where: { template: 'password-reset' } });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: email, status: 'PENDING' });
    const tokens = await ctx.db.prisma.passwordResetToken.findMany({ where: { account: { accountNameKey: 'demouser' } } });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(await ctx.db.prisma.auditEvent.count({ where: { action: 'password.reset.requested' } })).toBe(1);
  });

  it('matches by 身分證 as well', async () => {
    const response = await post('/api/auth/forgot-password', { accountName: 'demomanager', nationalId: makeTaiwanIdWithChecksum('a12345678') });
    expect(response.statusCode).toBe(202);
    expect(await ctx.db.prisma.mailMessage.count({ where: { template: 'password-reset', to: await emailOf('demomanager') } })).toBe(1);
  });

  it('answers the same 202 and sends nothing for a wrong e-mail, wrong 身分證, unknown or inactive account', async () => {
    const before = await ctx.db.prisma.mailMessage.count();
    await ctx.db.prisma.account.update({ where: { accountNameKey: 'demosubchild' }, data: { status: 'DEACTIVATED' } });
    const cases = [
      { accountName: 'demouser', email: 'someone@example.com' },
      { accountName: 'demouser', nationalId: makeTaiwanIdWithChecksum('A12345678') },
      { accountName: 'no-such-account', email: 'someone@example.com' },
      { accountName: 'demosubchild', email: await emailOf('demosubchild') },
    ];
    for (const payload of cases) {
      const response = await post('/api/auth/forgot-password', payload);
      expect(response.statusCode).toBe(202);
      expect(response.json()).toEqual(ACCEPTED);
    }
    expect(await ctx.db.prisma.mailMessage.count()).toBe(before);
    await ctx.db.prisma.account.update({ where: { accountNameKey: 'demosubchild' }, data: { status: 'ACTIVE' } });
  });

  it('needs the e-mail or the 身分證 (400)', async () => {
    const response = await post('/api/auth/forgot-password', { accountName: 'demouser', email: '', nationalId: '' });
    expectFieldRefusal(response, 400, 'VALIDATION_FAILED', 'email', '請輸入您的E-mail信箱或身分證字號');
  });

  it('throttles per account name and address: the 6th request from one address in an hour gets 429, the owner elsewhere still gets the mail', async () => {
    const from = (address: string, accountName: string, email: string) =>
      ctx.app.inject({ method: 'POST', url: '/api/auth/forgot-password', payload: { accountName, email }, headers: { 'x-forwarded-for': address } });
    for (let i = 0; i < 5; i += 1) expect((await from('203.0.113.66', 'demosublung', 'x@example.com')).statusCode).toBe(202);
    const refused = await from('203.0.113.66', 'DemoSubLung', 'x@example.com');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({ code: 'TOO_MANY_ATTEMPTS', message: '重設密碼申請次數過多，請於 60 分鐘後再試。' });
    expect(refused.headers['retry-after']).toBeDefined();
    // The owner, at another address, is not silenced: the link is mailed.
    const email = await emailOf('demosublung');
    const owner = await from('198.18.0.7', 'demosublung', email);
    await ctx.app.afterResponse.idle();
    expect(owner.statusCode).toBe(202);
    expect(await ctx.db.prisma.mailMessage.count({ where: { template: 'password-reset', to: email } })).toBe(1);
  });

  it('caps one name from anywhere at 20 requests in 15 minutes (a mailbox is not flooded from many addresses)', async () => {
    for (let i = 0; i < 20; i += 1) expect((await post('/api/auth/forgot-password', { accountName: 'demosubcolorectal', email: 'x@example.com' })).statusCode).toBe(202);
    const response = await post('/api/auth/forgot-password', { accountName: 'demosubcolorectal', email: 'x@example.com' });
    expect(response.statusCode).toBe(429);
    expect(response.json()).toEqual({ code: 'TOO_MANY_ATTEMPTS', message: '重設密碼申請次數過多，請於 15 分鐘後再試。' });
    expect(Number(response.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    // Unknown names are counted the same way (the throttle reveals nothing).
    for (let i = 0; i < 20; i += 1) expect((await post('/api/auth/forgot-password', { accountName: 'nosuchname', email: 'x@example.com' })).statusCode).toBe(202);
    expect((await post('/api/auth/forgot-password', { accountName: 'nosuchname', email: 'x@example.com' })).statusCode).toBe(429);
  });
});

describe('POST /api/auth/reset-password', () => {
  it('sets the new password once, ends every session, audits; the link cannot be reused', async () => {
    const email = await emailOf('demostaff');
    const session = await login(ctx.app, 'demostaff');
    await post('/api/auth/forgot-password', { accountName: 'demostaff', email });
    const token = await latestResetToken(email);

    const done = await post('/api/auth/reset-password', { token, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ message: '密碼已重設，請以新密碼登入。' });

    const old = await ctx.app.inject({ method: 'GET', url: '/api/auth/session', headers: session.headers() });
    expect(old.statusCode).toBe(401);
    expect((await post('/api/auth/login', { accountName: 'demostaff', password: DEMO_PASSWORD })).statusCode).toBe(401);
    expect((await post('/api/auth/login', { accountName: 'demostaff', password: NEW_PASSWORD })).statusCode).toBe(200);
    expect(await ctx.db.prisma.auditEvent.count({ where: { action: 'password.reset.completed' } })).toBe(1);

    const again = await post('/api/auth/reset-password', { token, password: 'Zx8=nW4~kR2q', passwordConfirm: 'Zx8=nW4~kR2q' });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toEqual({ code: 'RESET_TOKEN_INVALID', message: AUTH_MESSAGES.resetTokenInvalid, fieldErrors: { token: [AUTH_MESSAGES.resetTokenInvalid] } });
  });

  it('refuses an unknown and an expired token (400)', async () => {
    const unknown = await post('/api/auth/reset-password', { token: 'A'.repeat(43), password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('RESET_TOKEN_INVALID');

    const email = await emailOf('demosuboral');
    await post('/api/auth/forgot-password', { accountName: 'demosuboral', email });
    const token = await latestResetToken(email);
    await ctx.db.prisma.passwordResetToken.updateMany({ where: { account: { accountNameKey: 'demosuboral' } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await post('/api/auth/reset-password', { token, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().code).toBe('RESET_TOKEN_INVALID');
  });

  it('applies the shared password policy, refuses the current password and a mismatch (400 fieldErrors)', async () => {
    const email = await emailOf('demosubadult');
    await post('/api/auth/forgot-password', { accountName: 'demosubadult', email });
    const token = await latestResetToken(email);

    const composition = await post('/api/auth/reset-password', { token, password: 'abc', passwordConfirm: 'abc' });
    expect(composition.statusCode).toBe(400);
    expect(composition.json().fieldErrors.password).toEqual(expect.arrayContaining(['密碼長度不得小於八碼', '密碼須包含大寫英文字母']));

    const mismatch = await post('/api/auth/reset-password', { token, password: NEW_PASSWORD, passwordConfirm: `${NEW_PASSWORD}x` });
    expectInvalidFields(mismatch, { passwordConfirm: ['兩次輸入的密碼不一致'] });

    // Composition is fine but it is made of the account name: zxcvbn with the user inputs says 弱.
    const personal = await post('/api/auth/reset-password', { token, password: 'Demosubadult1!', passwordConfirm: 'Demosubadult1!' });
    expect(personal.statusCode).toBe(400);
    expect(personal.json()).toMatchObject({ code: 'WEAK_PASSWORD', fieldErrors: { password: ['密碼強度須達「中」以上'] } });

    const same = await post('/api/auth/reset-password', { token, password: DEMO_PASSWORD, passwordConfirm: DEMO_PASSWORD });
    expect(same.statusCode).toBe(400);
    expect(same.json()).toEqual({ code: 'PASSWORD_UNCHANGED', message: '新密碼不可與目前的密碼相同。', fieldErrors: { password: ['新密碼不可與目前的密碼相同。'] } });

    // None of the refusals used up the link.
    expect((await post('/api/auth/reset-password', { token, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD })).statusCode).toBe(200);
  });
});

describe('忘記密碼 answers before it looks (decision 010: its time must not depend on the data)', () => {
  it('answers 202 while every database call is held, then does the same calls whether or not name and e-mail match', async () => {
    const recorder = recordingPrisma(ctx.db.prisma);
    const twin = await createTestApp({ database: { ...ctx, db: { ...ctx.db, prisma: recorder.prisma } }, env: { TRUST_PROXY_HOPS: '1' } });
    try {
      const email = await emailOf('demosubbreast');
      const ask = async (payload: object) => {
        recorder.take();
        const release = recorder.hold();
        // Answered with the database held: the answer waited for no read of the account.
        const response = await twin.app.inject({ method: 'POST', url: '/api/auth/forgot-password', payload, headers: { 'x-forwarded-for': '192.0.2.88' } });
        release();
        await twin.app.afterResponse.idle();
        return { status: response.statusCode, body: response.body, work: recorder.take() };
      };
      const matching = await ask({ accountName: 'demosubbreast', email });
      const wrongEmail = await ask({ accountName: 'demosubbreast', email: 'someone@example.org' });
      const unknown = await ask({ accountName: 'no-such-account', email });
      for (const outcome of [matching, wrongEmail, unknown]) {
        expect(outcome.status).toBe(202);
        expect(outcome.body).toBe(JSON.stringify(ACCEPTED));
        // The same queued work: one read of the account, one transaction.
        expect(outcome.work).toEqual(['account.findUnique(accountNameKey)', '$transaction']);
      }
      expect(await ctx.db.prisma.mailMessage.count({ where: { template: 'password-reset', to: email } })).toBe(1);
      const audited = await ctx.db.prisma.auditEvent.findMany({ where: { action: 'password.reset.requested', ip: '192.0.2.88' }, select: { after: true } });
      expect(audited.map((event) => (event.after as { matched: boolean }).matched)).toEqual([true, false, false]);
    } finally {
      await twin.close();
    }
  });
});

describe('the meters of 重設密碼 and 變更密碼: rated with the account’s own inputs, 身分證 included', () => {
  it('rates a candidate with the reset link’s account (POST /api/auth/reset-password/strength)', async () => {
    const { nationalId } = await createAccount(ctx, { accountName: 'meterreset', status: 'ACTIVE' });
    await post('/api/auth/forgot-password', { accountName: 'meterreset', nationalId });
    const token = await latestResetToken('meterreset@example.com');
    // Made of the 身分證: fine by every rule the browser alone could check.
    const candidate = `${nationalId}!x`;
    const known = collectPasswordUserInputs({ accountName: 'meterreset', name: '測試人員', email: 'meterreset@example.com' });
    expect(evaluatePassword(candidate, known).acceptable).toBe(true);

    const rated = await post('/api/auth/reset-password/strength', { token, password: candidate });
    expect(rated.statusCode).toBe(200);
    expect(rated.json()).toMatchObject({ level: '弱', acceptable: false, unmet: [{ code: 'STRENGTH', message: '密碼強度須達「中」以上' }] });
    // The same verdict as the reset itself gives.
    const refused = await post('/api/auth/reset-password', { token, password: candidate, passwordConfirm: candidate });
    expect(refused.json()).toMatchObject({ code: 'WEAK_PASSWORD' });
    expect((await post('/api/auth/reset-password/strength', { token, password: NEW_PASSWORD })).json()).toMatchObject({ acceptable: true, unmet: [] });
    // Nothing about the 身分證 is answered, and nothing changed.
    expect(rated.body).not.toContain(nationalId);
    expect(await ctx.db.prisma.auditEvent.count({ where: { action: { startsWith: 'password.reset.completed' }, entityId: (await ctx.db.prisma.account.findUniqueOrThrow({ where: { accountNameKey: 'meterreset' } })).id } })).toBe(0);
  });

  it('refuses a used or unknown link and an empty password (400)', async () => {
    const unknown = await post('/api/auth/reset-password/strength', { token: 'x'.repeat(43), password: NEW_PASSWORD });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('RESET_TOKEN_INVALID');
    const empty = await post('/api/auth/reset-password/strength', { token: 'x'.repeat(43), password: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fieldErrors.password).toEqual(['請輸入您的密碼']);
  });

  it('rates a candidate with the logged-in account (POST /api/account/password/strength); 401 without a login', async () => {
    const { nationalId } = await createAccount(ctx, { accountName: 'meterchange', status: 'ACTIVE' });
    const session = await login(ctx.app, 'meterchange');
    const rate = (password: string, headers: Record<string, string> = session.headers()) =>
      ctx.app.inject({ method: 'POST', url: '/api/account/password/strength', payload: { password }, headers });
    expect((await rate(`${nationalId}!x`)).json()).toMatchObject({ level: '弱', acceptable: false });
    expect((await rate(NEW_PASSWORD)).json()).toMatchObject({ acceptable: true });
    expect((await rate(NEW_PASSWORD, {})).statusCode).toBe(401);
  });
});
