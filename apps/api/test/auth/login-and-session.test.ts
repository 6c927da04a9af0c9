import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PER_IP_LOGIN_LIMIT } from '../../src/routes/auth/session.js';
import { DEMO_PASSWORD } from '@portal/db';
import { AUTH_MESSAGES } from '@portal/shared';
import { createTestApp, type TestContext } from '../helpers/test-app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ demoInstitutions: 0 });
});
afterAll(() => ctx.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'POST', url, payload: payload as object, headers });

async function setStatus(accountName: string, status: 'PENDING_VERIFICATION' | 'PENDING_APPROVAL' | 'REJECTED' | 'DEACTIVATED' | 'ACTIVE') {
  await ctx.db.prisma.account.update({ where: { accountNameKey: accountName }, data: { status } });
}

describe('POST /api/auth/login', () => {
  it('logs in case-insensitively, sets the three cookies and answers the session', async () => {
    const response = await post('/api/auth/login', { accountName: ' DemoManager ', password: DEMO_PASSWORD });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      accountName: 'demomanager',
      name: '王示範',
      role: 'INSTITUTION_MANAGER',
      roleLabel: '單位業務管理者',
      institution: { code: '9900000001', name: '示範醫院' },
      managedSubsystems: [],
    });
    const cookies = Object.fromEntries(response.cookies.map((cookie) => [cookie.name, cookie]));
    expect(cookies.portal_at).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookies.portal_rt).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
    expect(cookies.portal_csrf).toMatchObject({ sameSite: 'Strict', path: '/', value: body.csrfToken });
    expect(cookies.portal_csrf?.httpOnly).toBeFalsy();
    const account = await ctx.db.prisma.account.findUniqueOrThrow({ where: { accountNameKey: 'demomanager' } });
    expect(account.lastLoginAt).not.toBeNull();
    const sessions = await ctx.db.prisma.session.findMany({ where: { accountId: account.id } });
    expect(sessions.at(-1)?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(sessions.some((row) => row.tokenHash === cookies.portal_rt?.value)).toBe(false);
    const audit = await ctx.db.prisma.auditEvent.findFirst({ where: { action: 'auth.login.succeeded', actorId: account.id } });
    expect(audit).not.toBeNull();
  });

  it('gives the subsystem manager its subsystems and no institution', async () => {
    const response = await post('/api/auth/login', { accountName: 'demosubadult', password: DEMO_PASSWORD });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      role: 'SUBSYSTEM_MANAGER',
      roleLabel: '子系統管理者',
      institution: null,
      managedSubsystems: [{ code: 'adult-preventive', name: '成人預防保健' }],
    });
  });

  it('answers a wrong password and an unknown account with the same 401, and audits both', async () => {
    const wrong = await post('/api/auth/login', { accountName: 'demouser', password: 'Wrong*Pass=1' });
    const unknown = await post('/api/auth/login', { accountName: 'nobody-here', password: 'Wrong*Pass=1' });
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: '帳號或密碼錯誤。' });
      expect(response.cookies).toEqual([]);
    }
    const failures = await ctx.db.prisma.auditEvent.findMany({ where: { action: 'auth.login.failed' } });
    expect(failures.map((event) => (event.after as { accountName: string }).accountName)).toEqual(
      expect.arrayContaining(['demouser', 'nobody-here']),
    );
    expect(failures.every((event) => event.ip === '127.0.0.1')).toBe(true);
  });

  it.each([
    ['PENDING_VERIFICATION', 'ACCOUNT_PENDING_VERIFICATION', '您的帳號尚待醫事機構卡驗證或紙本審核，開通後即可登入。'],
    ['PENDING_APPROVAL', 'ACCOUNT_PENDING_APPROVAL', '您的帳號尚待貴機構單位業務管理者核准，核准後即可登入。'],
    ['REJECTED', 'ACCOUNT_REJECTED', AUTH_MESSAGES.rejected],
    ['DEACTIVATED', 'ACCOUNT_DEACTIVATED', AUTH_MESSAGES.deactivated],
  ] as const)('tells the right password of a %s account what it waits for (403)', async (status, code, message) => {
    await setStatus('demosubchild', status);
    try {
      const right = await post('/api/auth/login', { accountName: 'demosubchild', password: DEMO_PASSWORD });
      expect(right.statusCode).toBe(403);
      expect(right.json()).toEqual({ code, message });
      expect(right.cookies).toEqual([]);
      // Without the password, the status stays secret.
      const wrong = await post('/api/auth/login', { accountName: 'demosubchild', password: 'Wrong*Pass=1' });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
    } finally {
      await setStatus('demosubchild', 'ACTIVE');
    }
  });

  it('refuses an empty body with field errors (400)', async () => {
    const response = await post('/api/auth/login', { accountName: '', password: '' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      code: 'VALIDATION_FAILED',
      message: '請輸入您的帳號',
      fieldErrors: { accountName: ['請輸入您的帳號'], password: ['請輸入您的密碼'] },
    });
  });

  it('refuses a non-JSON body with 415 (the CSRF defence of anonymous endpoints)', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded']) {
      const response = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': contentType },
        payload: `{"accountName":"demouser","password":"${DEMO_PASSWORD}"}`,
      });
      expect(response.statusCode).toBe(415);
      expect(response.json()).toEqual({ code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支援的資料格式。' });
    }
  });
});

describe('per-account login throttling', () => {
  it('locks an account after 10 failures in 15 minutes with 429 and Retry-After, even for the right password', async () => {
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const response = await post('/api/auth/login', { accountName: 'DemoSubOral', password: `Wrong*Pass=${attempt}` });
      expect(response.statusCode).toBe(401);
    }
    const locked = await post('/api/auth/login', { accountName: 'demosuboral', password: DEMO_PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toEqual({ code: 'TOO_MANY_ATTEMPTS', message: '登入失敗次數過多，請於 15 分鐘後再試。' });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    // Other accounts are not affected.
    expect((await post('/api/auth/login', { accountName: 'demosublung', password: DEMO_PASSWORD })).statusCode).toBe(200);
  });

  it(`limits logins per IP address (${PER_IP_LOGIN_LIMIT} per 10 minutes)`, async () => {
    const headers = { 'x-forwarded-for': '203.0.113.9' };
    // The app trusts no proxy by default: every request here comes from 127.0.0.1, which has
    // already used some of its budget above; count until the limit answers.
    let status = 0;
    let count = 0;
    while (count < PER_IP_LOGIN_LIMIT + 10) {
      // A new name each time, so that the per-account failure limit never answers first.
      const response = await post('/api/auth/login', { accountName: `nobody${count}`, password: 'Wrong*Pass=1' }, headers);
      status = response.statusCode;
      count += 1;
      if (status === 429) {
        expect(response.json().code).toBe('TOO_MANY_REQUESTS');
        expect(response.headers['retry-after']).toBeDefined();
        break;
      }
    }
    expect(status).toBe(429);
    expect(count).toBeLessThanOrEqual(PER_IP_LOGIN_LIMIT + 1);
  });
});

describe('GET /api/auth/session', () => {
  it('answers 401 without a session', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ code: 'UNAUTHORIZED', message: '請先登入。' });
  });

  it('answers 401 with a forged access token', async () => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: 'portal_at=eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ code: 'SESSION_EXPIRED', message: AUTH_MESSAGES.sessionExpired });
  });
});
