import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionSchema, sessionIdleExpiredMessage, sessionLifetimeExpiredMessage } from '@portal/shared';
import { parseEnv } from '../../src/env.js';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { login, type TestSession } from '../helpers/auth.js';

/** Idle timeout and absolute lifetime of a login (decision 002). */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ demoInstitutions: 0 });
});
afterAll(() => ctx.close());

const MINUTE = 60_000;
const refresh = (app: TestContext['app'], session: TestSession, payload?: { idleSeconds: number }) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/refresh',
    headers: session.headers('/api/auth/refresh'),
    ...(payload && { payload }),
  });
const getSession = (session: TestSession) =>
  ctx.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: session.cookieHeader('/api/auth/session') } });
const accessExpiry = (app: TestContext['app'], session: TestSession) => app.jwt.decode<{ exp: number }>(session.cookies.portal_at!)!.exp * 1000;
const familyOf = (session: TestSession) => ctx.app.jwt.decode<{ sid: string }>(session.cookies.portal_at!)!.sid;
const near = (iso: string, expected: number, slack = 5_000) => expect(Math.abs(Date.parse(iso) - expected)).toBeLessThan(slack);

describe('session lifetime', () => {
  it('starts a login with a 30-minute idle deadline and a 12-hour end (the defaults), the access token never past them', async () => {
    const before = Date.now();
    const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { accountName: 'demouser', password: 'Portal*Demo=2026' } });
    const body = SessionSchema.parse(response.json());
    near(body.idleExpiresAt, before + 30 * MINUTE);
    near(body.absoluteExpiresAt, before + 12 * 60 * MINUTE);
    expect(body.idleTimeoutSeconds).toBe(1800);
    const session = await login(ctx.app, 'demouser');
    expect(accessExpiry(ctx.app, session)).toBeLessThanOrEqual(before + 11 * MINUTE);
    const familyId = familyOf(session);
    const row = await ctx.db.prisma.session.findFirstOrThrow({ where: { familyId } });
    near(row.expiresAt.toISOString(), before + 30 * MINUTE);
    near(row.absoluteExpiresAt.toISOString(), before + 12 * 60 * MINUTE);
    // GET /api/auth/session tells the same deadlines (from the access token).
    const again = SessionSchema.parse((await getSession(session)).json());
    near(again.idleExpiresAt, row.expiresAt.getTime(), 1_000);
  });

  it('moves the idle deadline to the last activity the SPA reports + the timeout, never the absolute end', async () => {
    const session = await login(ctx.app, 'demomanager');
    const start = SessionSchema.parse((await getSession(session)).json());
    const now = Date.now();
    const response = await refresh(ctx.app, session, { idleSeconds: 600 });
    expect(response.statusCode).toBe(200);
    session.absorb(response);
    const body = SessionSchema.parse(response.json());
    near(body.idleExpiresAt, now - 10 * MINUTE + 30 * MINUTE);
    // (The access token keeps deadlines to the second.)
    near(body.absoluteExpiresAt, Date.parse(start.absoluteExpiresAt), 1_000);
    // Without a body (an older client) the user counts as active now.
    const plain = await refresh(ctx.app, session);
    session.absorb(plain);
    near(SessionSchema.parse(plain.json()).idleExpiresAt, Date.now() + 30 * MINUTE);
    // Near the absolute end, the idle deadline and the access token stop there.
    const familyId = familyOf(session);
    const end = new Date(Date.now() + 4 * MINUTE);
    await ctx.db.prisma.session.updateMany({ where: { familyId }, data: { absoluteExpiresAt: end } });
    const capped = await refresh(ctx.app, session);
    session.absorb(capped);
    expect(SessionSchema.parse(capped.json()).idleExpiresAt).toBe(end.toISOString());
    expect(accessExpiry(ctx.app, session)).toBeLessThanOrEqual(end.getTime());
  });

  it('ends a login whose user was away longer than the timeout: 401, family revoked, audited', async () => {
    const session = await login(ctx.app, 'demosubadult');
    const familyId = familyOf(session);
    const response = await refresh(ctx.app, session, { idleSeconds: 30 * 60 });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ code: 'SESSION_IDLE_EXPIRED', message: sessionIdleExpiredMessage(30) });
    expect(response.cookies.filter((cookie) => cookie.value === '').map((cookie) => cookie.name).sort()).toEqual(['portal_at', 'portal_csrf', 'portal_rt']);
    // The access token still within its 10 minutes dies with the family.
    expect((await getSession(session)).statusCode).toBe(401);
    expect((await refresh(ctx.app, session)).statusCode).toBe(401);
    const audit = await ctx.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'auth.session.expired', entityId: familyId } });
    expect(audit.after).toMatchObject({ reason: 'idle' });
  });

  it('refuses a refresh token past its idle deadline, and one past the absolute end however active', async () => {
    const idle = await login(ctx.app, 'demostaff');
    const idleFamily = familyOf(idle);
    await ctx.db.prisma.session.updateMany({ where: { familyId: idleFamily }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    const idleAnswer = await refresh(ctx.app, idle, { idleSeconds: 0 });
    expect(idleAnswer.json()).toEqual({ code: 'SESSION_IDLE_EXPIRED', message: sessionIdleExpiredMessage(30) });
    expect(await ctx.db.prisma.session.count({ where: { familyId: idleFamily, revokedAt: null } })).toBe(0);

    const old = await login(ctx.app, 'demosublung');
    const oldFamily = familyOf(old);
    await ctx.db.prisma.session.updateMany({ where: { familyId: oldFamily }, data: { absoluteExpiresAt: new Date(Date.now() - 1_000) } });
    const oldAnswer = await refresh(ctx.app, old, { idleSeconds: 0 });
    expect(oldAnswer.statusCode).toBe(401);
    expect(oldAnswer.json()).toEqual({ code: 'SESSION_LIFETIME_EXPIRED', message: sessionLifetimeExpiredMessage(12) });
    const audit = await ctx.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'auth.session.expired', entityId: oldFamily } });
    expect(audit.after).toMatchObject({ reason: 'absolute' });
  });

  it('takes both limits from the environment', async () => {
    const short = await createTestApp({ database: ctx, env: { SESSION_IDLE_MINUTES: '5', SESSION_ABSOLUTE_HOURS: '1' } });
    try {
      const before = Date.now();
      const response = await short.app.inject({ method: 'POST', url: '/api/auth/login', payload: { accountName: 'demosubchild', password: 'Portal*Demo=2026' } });
      const body = SessionSchema.parse(response.json());
      expect(body.idleTimeoutSeconds).toBe(300);
      near(body.idleExpiresAt, before + 5 * MINUTE);
      near(body.absoluteExpiresAt, before + 60 * MINUTE);
      // The access token (10 minutes otherwise) ends with the idle deadline.
      near(body.accessExpiresAt, before + 5 * MINUTE);
      const session = await login(short.app, 'demosubchild');
      const refused = await refresh(short.app, session, { idleSeconds: 300 });
      expect(refused.json()).toEqual({ code: 'SESSION_IDLE_EXPIRED', message: sessionIdleExpiredMessage(5) });
    } finally {
      await short.close();
    }
    expect(parseEnv({})).toMatchObject({ SESSION_IDLE_MINUTES: 30, SESSION_ABSOLUTE_HOURS: 12 });
    expect(() => parseEnv({ SESSION_IDLE_MINUTES: '2' })).toThrow(/SESSION_IDLE_MINUTES/);
    expect(() => parseEnv({ SESSION_ABSOLUTE_HOURS: '0' })).toThrow(/SESSION_ABSOLUTE_HOURS/);
  });

  it('refuses a malformed report (400) without touching the session', async () => {
    const session = await login(ctx.app, 'demosubbreast');
    const response = await refresh(ctx.app, session, { idleSeconds: -1 });
    expect(response.statusCode).toBe(400);
    expect((await refresh(ctx.app, session)).statusCode).toBe(200);
  });
});
