import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_MESSAGES } from '@portal/shared';
import { parseEnv } from '../../src/env.js';
import { sha256Hex } from '../../src/services/auth/sessions.js';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { login, type TestSession } from '../helpers/auth.js';

/**
 * Two tabs of one browser refreshing at once send the same refresh cookie: within the grace
 * interval both get the same successor and the login goes on; a copy presented after it is reuse.
 */
let ctx: TestContext;
/** A second API instance over the same database (and the same key), as behind a load balancer. */
let other: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ demoInstitutions: 0 });
  other = await createTestApp({ database: ctx });
});
afterAll(async () => {
  await other?.close();
  await ctx?.close();
});

const refresh = (app: TestContext['app'], session: TestSession, refreshToken = session.cookies.portal_rt) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/refresh',
    headers: { cookie: `portal_rt=${refreshToken}`, 'x-csrf-token': session.csrfToken },
  });
const refreshCookie = (response: LightMyRequestResponse) => response.cookies.find((cookie) => cookie.name === 'portal_rt')?.value;
const familyOf = (session: TestSession) => ctx.app.jwt.decode<{ sid: string }>(session.cookies.portal_at!)!.sid;
const reuseEvents = (familyId: string) => ctx.db.prisma.auditEvent.count({ where: { action: 'auth.refresh.reuse-detected', entityId: familyId } });
const backdateRotation = (token: string, seconds: number) =>
  ctx.db.prisma.session.updateMany({ where: { tokenHash: sha256Hex(token) }, data: { rotatedAt: new Date(Date.now() - seconds * 1000) } });

describe('refresh grace interval', () => {
  it('answers two parallel refreshes with one token alike: the same successor, no reuse event, the login goes on', async () => {
    const session = await login(ctx.app, 'demouser');
    const familyId = familyOf(session);
    const [first, second] = await Promise.all([refresh(ctx.app, session), refresh(ctx.app, session)]);
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect(refreshCookie(first)).toBeDefined();
    expect(refreshCookie(second)).toBe(refreshCookie(first));
    expect(second.json().csrfToken).toBe(first.json().csrfToken);
    expect(await reuseEvents(familyId)).toBe(0);
    // One successor row, not two branches.
    const rows = await ctx.db.prisma.session.findMany({ where: { familyId } });
    expect(rows).toHaveLength(2);
    expect(rows.filter((row) => row.rotatedAt === null && row.revokedAt === null)).toHaveLength(1);
    // The successor works, and so does the access token of either answer.
    session.absorb(second);
    const next = await refresh(ctx.app, session);
    expect(next.statusCode).toBe(200);
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `portal_at=${first.cookies.find((c) => c.name === 'portal_at')!.value}` } });
    expect(me.statusCode).toBe(200);
  });

  it('gives the same successor on another API instance (the state is in the database)', async () => {
    const session = await login(ctx.app, 'demomanager');
    const familyId = familyOf(session);
    const [onA, onB] = await Promise.all([refresh(ctx.app, session), refresh(other.app, session)]);
    expect([onA.statusCode, onB.statusCode]).toEqual([200, 200]);
    expect(refreshCookie(onB)).toBe(refreshCookie(onA));
    expect(await reuseEvents(familyId)).toBe(0);
  });

  it('follows a successor rotated meanwhile to the newest token of the login', async () => {
    const session = await login(ctx.app, 'demostaff');
    const first = session.cookies.portal_rt!;
    const one = await refresh(ctx.app, session);
    session.absorb(one);
    const two = await refresh(ctx.app, session);
    expect(two.statusCode).toBe(200);
    const late = await refresh(ctx.app, session, first);
    expect(late.statusCode).toBe(200);
    expect(refreshCookie(late)).toBe(refreshCookie(two));
    expect(await reuseEvents(familyOf(session))).toBe(0);
  });

  it('treats the token as reuse once the interval is over: family revoked, audited, 401', async () => {
    const session = await login(ctx.app, 'demosubadult');
    const familyId = familyOf(session);
    const first = session.cookies.portal_rt!;
    session.absorb(await refresh(ctx.app, session));
    await backdateRotation(first, 30);
    const reuse = await refresh(ctx.app, session, first);
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json()).toEqual({ code: 'SESSION_REUSED', message: AUTH_MESSAGES.sessionExpired });
    expect(await reuseEvents(familyId)).toBe(1);
    // The successor dies with the family.
    expect((await refresh(ctx.app, session)).statusCode).toBe(401);
    const live = await ctx.db.prisma.session.count({ where: { familyId, revokedAt: null } });
    expect(live).toBe(0);
  });

  it('does not revive a login ended meanwhile (logout): 401 without a reuse event', async () => {
    const session = await login(ctx.app, 'demosublung');
    const familyId = familyOf(session);
    const first = session.cookies.portal_rt!;
    session.absorb(await refresh(ctx.app, session));
    const logout = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers('/api/auth/logout') });
    expect(logout.statusCode).toBe(200);
    const late = await refresh(ctx.app, session, first);
    expect(late.statusCode).toBe(401);
    expect(late.json().code).toBe('SESSION_EXPIRED');
    expect(await reuseEvents(familyId)).toBe(0);
  });

  it('is configurable: REFRESH_GRACE_SECONDS=0 makes any second use reuse', async () => {
    const strict = await createTestApp({ database: ctx, env: { REFRESH_GRACE_SECONDS: '0' } });
    try {
      const session = await login(strict.app, 'demosuboral');
      const first = session.cookies.portal_rt!;
      expect((await refresh(strict.app, session)).statusCode).toBe(200);
      const again = await refresh(strict.app, session, first);
      expect(again.statusCode).toBe(401);
      expect(again.json().code).toBe('SESSION_REUSED');
      expect(await reuseEvents(familyOf(session))).toBe(1);
    } finally {
      await strict.close();
    }
    expect(parseEnv({}).REFRESH_GRACE_SECONDS).toBe(30);
    expect(() => parseEnv({ REFRESH_GRACE_SECONDS: '-1' })).toThrow(/REFRESH_GRACE_SECONDS/);
  });
});
