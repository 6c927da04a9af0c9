import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@portal/db';
import { ACCOUNT_MESSAGES, type MySubsystemList } from '@portal/shared';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { login, type TestSession } from '../helpers/auth.js';
import { createAccount } from '../helpers/accounts.js';
import { expectInvalidFields } from '../helpers/refusals.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ demoInstitutions: 0, env: { TRUST_PROXY_HOPS: '1' } });
});
afterAll(() => ctx.close());

let address = 0;
const call = (session: TestSession | null, method: 'GET' | 'PATCH' | 'POST', url: string, payload?: unknown) =>
  ctx.app.inject({
    method,
    url,
    ...(payload !== undefined && { payload: payload as object }),
    headers: { ...(session ? session.headers(url) : {}), 'x-forwarded-for': `198.51.100.${(address += 1) % 250}` },
  });

describe('GET/PATCH /api/account/profile', () => {
  it('shows the profile of the logged-in account', async () => {
    const session = await login(ctx.app, 'demouser');
    const response = await call(session, 'GET', '/api/account/profile');
    expect(response.statusCode).toBe(200);
    // Personal data: kept by no browser cache or proxy.
    expect(response.headers['cache-control']).toBe('no-store');
    const account = await ctx.db.prisma.account.findUniqueOrThrow({ where: { accountNameKey: 'demouser' } });
    expect(response.json()).toEqual({
      accountName: 'demouser',
      name: '李示範',
      role: 'GENERAL_USER',
      roleLabel: '一般使用者',
      institution: { code: '9900000001', name: '示範醫院' },
      phone: account.phone,
      mobile: account.mobile,
      email: account.email,
      pendingEmail: null,
    });
  });

  it('updates 市話 and 手機 at once (normalised) and audits', async () => {
    const session = await login(ctx.app, 'demouser');
    const response = await call(session, 'PATCH', '/api/account/profile', { phone: '02-87654321=12', mobile: '0911222333' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      profile: { phone: '02-87654321#12', mobile: '0911-222333', pendingEmail: null },
      emailChangePending: false,
      message: '個人資料已更新。',
    });
    const cleared = await call(session, 'PATCH', '/api/account/profile', { mobile: '' });
    expect(cleared.json().profile.mobile).toBeNull();
    expect(await ctx.db.prisma.auditEvent.count({ where: { action: 'account.profile.updated' } })).toBe(2);
  });

  it('refuses invalid fields with zh-TW field errors (400)', async () => {
    const session = await login(ctx.app, 'demouser');
    const response = await call(session, 'PATCH', '/api/account/profile', { phone: '12345', mobile: '0800', email: 'not-mail' });
    expectInvalidFields(response, {
      phone: ['市話號碼格式錯誤，請依範例填寫，例如 02-12345678#123456（分機可省略）'],
      mobile: ['手機號碼格式錯誤，請依範例填寫，例如 0912-345678'],
      email: ['E-mail信箱格式錯誤，請確認後再輸入'],
    });
  });

  it('keeps the old e-mail until the link mailed to the new one is confirmed; the link works once', async () => {
    const session = await login(ctx.app, 'demomanager');
    const before = await ctx.db.prisma.account.findUniqueOrThrow({ where: { accountNameKey: 'demomanager' } });
    const response = await call(session, 'PATCH', '/api/account/profile', { email: 'new.manager@example.org', currentPassword: DEMO_PASSWORD });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      profile: { email: before.email, pendingEmail: 'new.manager@example.org' },
      emailChangePending: true,
      message: `${ACCOUNT_MESSAGES.profileUpdated}${ACCOUNT_MESSAGES.emailChangePending}`,
    });
    const mail = await ctx.db.prisma.mailMessage.findFirstOrThrow({ where: { template: 'email-change-confirm' } });
    expect(mail.to).toBe('new.manager@example.org');
    const token = /confirm-email\?token=([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
    expect(token).toBeDefined();

    // Opened in another browser: no login needed.
    const confirmed = await call(null, 'POST', '/api/account/confirm-email', { token });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toEqual({ message: 'E-mail信箱已變更。' });
    const profile = (await call(session, 'GET', '/api/account/profile')).json();
    expect(profile).toMatchObject({ email: 'new.manager@example.org', pendingEmail: null });

    const again = await call(null, 'POST', '/api/account/confirm-email', { token });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toEqual({ code: 'EMAIL_TOKEN_INVALID', message: ACCOUNT_MESSAGES.emailTokenInvalid, fieldErrors: { token: [ACCOUNT_MESSAGES.emailTokenInvalid] } });
    const actions = await ctx.db.prisma.auditEvent.findMany({ where: { action: { startsWith: 'account.email-change' } }, select: { action: true } });
    expect(actions.map((event) => event.action).sort()).toEqual(['account.email-change.confirmed', 'account.email-change.requested']);
  });
});

describe('POST /api/account/password', () => {
  const NEW_PASSWORD = 'Hq4~tN8=wB3y';

  it('changes the password, ends other sessions and keeps this one', async () => {
    await createAccount(ctx, { accountName: 'changer', status: 'ACTIVE' });
    const here = await login(ctx.app, 'changer');
    const elsewhere = await login(ctx.app, 'changer');
    const response = await call(here, 'POST', '/api/account/password', { currentPassword: DEMO_PASSWORD, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ message: '密碼已變更；其他裝置上的登入已全部登出。' });
    here.absorb(response);
    expect((await call(here, 'GET', '/api/account/profile')).statusCode).toBe(200);
    expect((await call(elsewhere, 'GET', '/api/account/profile')).statusCode).toBe(401);
    const refreshOther = await ctx.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: elsewhere.headers('/api/auth/refresh') });
    expect(refreshOther.statusCode).toBe(401);
    const refreshHere = await ctx.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: here.headers('/api/auth/refresh') });
    expect(refreshHere.statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { accountName: 'changer', password: NEW_PASSWORD } })).statusCode).toBe(200);
    expect(await ctx.db.prisma.auditEvent.count({ where: { action: 'account.password.changed' } })).toBe(1);
  });

  it('refuses a wrong current password, a weak or unchanged new one (400)', async () => {
    const session = await login(ctx.app, 'demosubadult');
    const wrong = await call(session, 'POST', '/api/account/password', { currentPassword: 'Wrong*Pass=1', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toEqual({ code: 'CURRENT_PASSWORD_WRONG', message: '目前的密碼不正確。', fieldErrors: { currentPassword: ['目前的密碼不正確。'] } });
    const weak = await call(session, 'POST', '/api/account/password', { currentPassword: DEMO_PASSWORD, password: 'password', passwordConfirm: 'password' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fieldErrors.password).toContain('密碼須包含大寫英文字母');
    const same = await call(session, 'POST', '/api/account/password', { currentPassword: DEMO_PASSWORD, password: DEMO_PASSWORD, passwordConfirm: DEMO_PASSWORD });
    expect(same.statusCode).toBe(400);
    expect(same.json().code).toBe('PASSWORD_UNCHANGED');
  });
});

describe('my subsystems', () => {
  /** An active account approved for 成人預防保健 and refused 兒童預防保健 (資料不全). */
  const createAccountWithDecidedSubsystems = (accountName: string) =>
    createAccount(ctx, {
      accountName,
      status: 'ACTIVE',
      subsystems: [
        { code: 'adult-preventive', status: 'APPROVED' },
        { code: 'child-preventive', status: 'REJECTED', reason: '資料不全' },
      ],
    });

  it('lists mine with status and reason; requests a new one; re-requests a rejected one; 409 for pending/approved', async () => {
    await createAccountWithDecidedSubsystems('subasker');
    const session = await login(ctx.app, 'subasker');
    const list = await call(session, 'GET', '/api/account/subsystems');
    expect(list.statusCode).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    expect(list.json()).toEqual({
      canRequest: true,
      items: [
        { code: 'adult-preventive', name: '成人預防保健', status: 'APPROVED', statusLabel: '已核准', reason: null, requestedAt: expect.any(String), decidedAt: '2026-11-20T02:00:00.000Z', launchUrl: null },
        { code: 'child-preventive', name: '兒童預防保健', status: 'REJECTED', statusLabel: '已駁回', reason: '資料不全', requestedAt: expect.any(String), decidedAt: '2026-11-20T02:00:00.000Z', launchUrl: null },
      ],
    });

    const created = await call(session, 'POST', '/api/account/subsystems', { code: 'smoking-cessation' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'smoking-cessation', name: '戒菸服務', status: 'PENDING', statusLabel: '待審核', reason: null, decidedAt: null });

    const again = await call(session, 'POST', '/api/account/subsystems', { code: 'child-preventive' });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ status: 'PENDING', reason: null, decidedAt: null });

    const pending = await call(session, 'POST', '/api/account/subsystems', { code: 'smoking-cessation' });
    expect(pending.statusCode).toBe(409);
    expect(pending.json()).toEqual({ code: 'SUBSYSTEM_PENDING', message: '此子系統的申請正在審核中，請耐心等候。' });
    const approved = await call(session, 'POST', '/api/account/subsystems', { code: 'adult-preventive' });
    expect(approved.statusCode).toBe(409);
    expect(approved.json()).toEqual({ code: 'SUBSYSTEM_APPROVED', message: '您已可使用此子系統，無須再申請。' });
    const unknown = await call(session, 'POST', '/api/account/subsystems', { code: 'no-such-system' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ code: 'SUBSYSTEM_NOT_FOUND', message: '查無此子系統。', fieldErrors: { code: ['查無此子系統。'] } });
    expect(await ctx.db.prisma.auditEvent.count({ where: { action: 'subsystem-access.requested' } })).toBe(2);
  });

  it('gives 進入系統 (launchUrl) only for an approved access to a subsystem with an active client and a real address', async () => {
    await createAccountWithDecidedSubsystems('launcher');
    const prisma = ctx.db.prisma;
    for (const code of ['adult-preventive', 'child-preventive']) {
      const subsystem = await prisma.subsystem.update({ where: { code }, data: { url: `https://${code}.example.test/login` } });
      await prisma.oidcClient.create({
        data: {
          subsystemId: subsystem.id,
          clientId: code,
          redirectUris: [`https://${code}.example.test/callback`],
          postLogoutRedirectUris: [],
          tokenEndpointAuthMethod: 'client_secret_basic',
          idTokenSignedResponseAlg: 'RS256',
          allowRefreshToken: false,
          clientCredentialsScopes: [],
        },
      });
    }
    const session = await login(ctx.app, 'launcher');
    const launchUrls = async () =>
      Object.fromEntries(((await call(session, 'GET', '/api/account/subsystems')).json() as MySubsystemList).items.map((item) => [item.code, item.launchUrl]));
    expect(await launchUrls()).toEqual({ 'adult-preventive': 'https://adult-preventive.example.test/login', 'child-preventive': null });

    await prisma.oidcClient.update({ where: { clientId: 'adult-preventive' }, data: { active: false } });
    expect(await launchUrls()).toEqual({ 'adult-preventive': null, 'child-preventive': null });
    await prisma.oidcClient.update({ where: { clientId: 'adult-preventive' }, data: { active: true } });
    // A subsystem not yet given its address keeps the placeholder path: nothing to open.
    await prisma.subsystem.update({ where: { code: 'adult-preventive' }, data: { url: '/subsystems/adult-preventive' } });
    expect(await launchUrls()).toEqual({ 'adult-preventive': null, 'child-preventive': null });
  });

  it('gives 子系統管理者 and 系統人員 an empty list and refuses their requests (403)', async () => {
    for (const name of ['demostaff', 'demosubchild']) {
      const session = await login(ctx.app, name);
      const list = await call(session, 'GET', '/api/account/subsystems');
      expect(list.json()).toEqual({ items: [], canRequest: false });
      const request = await call(session, 'POST', '/api/account/subsystems', { code: 'adult-preventive' });
      expect(request.statusCode).toBe(403);
      expect(request.json()).toEqual({ code: 'FORBIDDEN', message: '您沒有權限執行此操作。' });
    }
  });
});
