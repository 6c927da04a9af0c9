import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_MESSAGES } from '@portal/shared';
import { revokeAllSessions, sha256Hex } from '../../src/services/auth/sessions.js';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { login, type TestSession } from '../helpers/auth.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ demoInstitutions: 0 });
});
afterAll(() => ctx.close());

const getSession = (session: TestSession) =>
  ctx.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: session.cookieHeader('/api/auth/session') } });
const refresh = (session: TestSession, csrf = session.csrfToken) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: { cookie: session.cookieHeader('/api/auth/refresh'), 'x-csrf-token': csrf } });
const logout = (session: TestSession, csrf = session.csrfToken) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session.cookieHeader('/api/auth/logout'), 'x-csrf-token': csrf } });

describe('POST /api/auth/refresh', () => {
  it('rotates the refresh token within the family and keeps the CSRF token', async () => {
    const session = await login(ctx.app, 'demouser');
    const firstRefresh = session.cookies.portal_rt;
    const response = await refresh(session);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ accountName: 'demouser', csrfToken: session.csrfToken });
    session.absorb(response);
    expect(session.cookies.portal_rt).not.toBe(firstRefresh);
    const rows = await ctx.db.prisma.session.findMany({ where: { account: { accountNameKey: 'demouser' } }, orderBy: { createdAt: 'asc' } });
    expect(new Set(rows.map((row) => row.familyId)).size).toBe(1);
    expect(rows.filter((row) => row.rotatedAt !== null)).toHaveLength(1);
    expect((await getSession(session)).statusCode).toBe(200);
  });

  it('treats a rotated token presented again after the grace interval as reuse: the whole family is revoked (401)', async () => {
    const session = await login(ctx.app, 'demomanager');
    const copied = session.cookies.portal_rt;
    const stolen = { ...session, cookieHeader: () => `portal_rt=${copied}` } as TestSession;
    const rotated = await refresh(session);
    expect(rotated.statusCode).toBe(200);
    session.absorb(rotated);
    // The copy comes back 31 s after the rotation (the grace interval is 30 s).
    await ctx.db.prisma.session.updateMany({ where: { tokenHash: sha256Hex(copied!) }, data: { rotatedAt: new Date(Date.now() - 31_000) } });

    const reuse = await refresh(stolen, session.csrfToken);
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json()).toEqual({ code: 'SESSION_REUSED', message: AUTH_MESSAGES.sessionExpired });
    // The legitimate holder is logged out too: its new refresh token and access token are dead.
    expect((await refresh(session)).statusCode).toBe(401);
    expect((await getSession(session)).statusCode).toBe(401);
    const audit = await ctx.db.prisma.auditEvent.findFirst({ where: { action: 'auth.refresh.reuse-detected' } });
    expect(audit?.entityType).toBe('session');
  });

  it('refuses without a refresh cookie (401) and without the CSRF header (403)', async () => {
    const none = await ctx.app.inject({ method: 'POST', url: '/api/auth/refresh' });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toEqual({ code: 'UNAUTHORIZED', message: '請先登入。' });
    const session = await login(ctx.app, 'demostaff');
    const noCsrf = await refresh(session, '');
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json()).toEqual({ code: 'CSRF_INVALID', message: AUTH_MESSAGES.csrfInvalid });
    // Nothing was rotated by the refused request.
    expect((await refresh(session)).statusCode).toBe(200);
  });
});

describe('POST /api/auth/logout', () => {
  it('revokes the family, clears the cookies and audits', async () => {
    const session = await login(ctx.app, 'demosubbreast');
    const kept = { ...session.cookies };
    const response = await logout(session);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ message: '您已登出。' });
    const cleared = response.cookies.filter((cookie) => cookie.value === '').map((cookie) => cookie.name);
    expect(cleared.sort()).toEqual(['portal_at', 'portal_csrf', 'portal_rt']);
    // The old cookies (e.g. copied before logout) no longer work.
    const replay = { cookies: kept, cookieHeader: (path = '/') => Object.entries(kept).filter(([name]) => name !== 'portal_rt' || path.startsWith('/api/auth')).map(([n, v]) => `${n}=${v}`).join('; '), csrfToken: session.csrfToken } as TestSession;
    expect((await getSession(replay)).statusCode).toBe(401);
    expect((await refresh(replay)).statusCode).toBe(401);
    const audit = await ctx.db.prisma.auditEvent.findFirst({ where: { action: 'auth.logout' } });
    expect(audit).not.toBeNull();
  });

  it('needs the CSRF token of the session (403), and is a harmless 200 without one', async () => {
    const session = await login(ctx.app, 'demosubcervical');
    const forged = await logout(session, 'forged');
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe('CSRF_INVALID');
    expect((await getSession(session)).statusCode).toBe(200);
    const anonymous = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout' });
    expect(anonymous.statusCode).toBe(200);
  });
});

describe('CSRF on authenticated writes', () => {
  it('refuses a logged-in PATCH without / with a wrong X-CSRF-Token (403), accepts the right one', async () => {
    const session = await login(ctx.app, 'demosubprenatal');
    const cookie = session.cookieHeader();
    for (const headers of [{ cookie }, { cookie, 'x-csrf-token': 'x'.repeat(43) }]) {
      const response = await ctx.app.inject({ method: 'PATCH', url: '/api/account/profile', headers, payload: { phone: '02-23456789' } });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({ code: 'CSRF_INVALID', message: AUTH_MESSAGES.csrfInvalid });
    }
    // Another session's token does not fit this one.
    const other = await login(ctx.app, 'demosubprenatal');
    const crossed = await ctx.app.inject({ method: 'PATCH', url: '/api/account/profile', headers: { cookie, 'x-csrf-token': other.csrfToken }, payload: { phone: '02-23456789' } });
    expect(crossed.statusCode).toBe(403);
    const ok = await ctx.app.inject({ method: 'PATCH', url: '/api/account/profile', headers: session.headers(), payload: { phone: '02-23456789' } });
    expect(ok.statusCode).toBe(200);
  });
});

describe('access token', () => {
  it('is refused once expired (401 SESSION_EXPIRED), and only read from the cookie', async () => {
    const session = await login(ctx.app, 'demosublung');
    const claims = ctx.app.jwt.decode<{ sub: string; role: string; sv: number; sid: string }>(session.cookies.portal_at!)!;
    const past = Math.floor(Date.now() / 1000) - 3600;
    const expired = ctx.app.jwt.sign({ sub: claims.sub, role: claims.role as 'SUBSYSTEM_MANAGER', sv: claims.sv, sid: claims.sid, iat: past, exp: past + 600 } as never);
    expect(ctx.app.jwt.decode<{ exp: number }>(expired)!.exp).toBeLessThan(Date.now() / 1000);
    const response = await ctx.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `portal_at=${expired}` } });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ code: 'SESSION_EXPIRED', message: AUTH_MESSAGES.sessionExpired });
    const bearer = await ctx.app.inject({ method: 'GET', url: '/api/auth/session', headers: { authorization: `Bearer ${session.cookies.portal_at}` } });
    expect(bearer.statusCode).toBe(401);
  });

  it('is in a Secure cookie unless the portal runs on http://localhost', async () => {
    const https = await createTestApp({ database: ctx, env: { PUBLIC_ORIGIN: 'https://portal.example.gov.tw' } });
    try {
      const response = await https.app.inject({ method: 'POST', url: '/api/auth/login', payload: { accountName: 'demosublung', password: 'Portal*Demo=2026' } });
      expect(response.statusCode).toBe(200);
      // The session's three cookies and the account's device cookie (its name a keyed hash).
      expect(response.cookies.map((cookie) => [cookie.name.replace(/^portal_dev_[0-9a-f]{16}$/, 'portal_dev_*'), cookie.secure]).sort()).toEqual([
        ['portal_at', true],
        ['portal_csrf', true],
        ['portal_dev_*', true],
        ['portal_rt', true],
      ]);
    } finally {
      await https.close();
    }
    const local = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { accountName: 'demosublung', password: 'Portal*Demo=2026' } });
    expect(local.cookies.every((cookie) => !cookie.secure)).toBe(true);
  });
});

describe('revokeAllSessions', () => {
  it('ends every session at once: access tokens (version bump) and refresh tokens', async () => {
    const first = await login(ctx.app, 'demosubhepatitis');
    const second = await login(ctx.app, 'demosubhepatitis');
    const account = await ctx.db.prisma.account.findUniqueOrThrow({ where: { accountNameKey: 'demosubhepatitis' } });
    await ctx.db.prisma.$transaction((tx) => revokeAllSessions(tx, account.id));
    for (const session of [first, second]) {
      const response = await getSession(session);
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('SESSION_EXPIRED');
      expect((await refresh(session)).statusCode).toBe(401);
    }
  });

  it('a deactivated account is refused on its next request', async () => {
    const session = await login(ctx.app, 'demosubcessation');
    await ctx.db.prisma.account.update({ where: { accountNameKey: 'demosubcessation' }, data: { status: 'DEACTIVATED' } });
    try {
      expect((await getSession(session)).statusCode).toBe(401);
      expect((await refresh(session)).statusCode).toBe(401);
    } finally {
      await ctx.db.prisma.account.update({ where: { accountNameKey: 'demosubcessation' }, data: { status: 'ACTIVE' } });
    }
  });
});
