import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLoginAccount, recordLogin } from '../../src/services/auth/login-records.js';
import { createTestApp, type TestContext } from '../helpers/test-app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ demoInstitutions: 0 });
});
afterAll(() => ctx.close());

const lifetime = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };
const origin = { ip: '192.0.2.7', requestId: 'req-login-records', userAgent: 'vitest' };

async function rowsOf(accountId: string) {
  const prisma = ctx.db.prisma;
  return {
    sessions: await prisma.session.count({ where: { accountId } }),
    audits: await prisma.auditEvent.count({ where: { actorId: accountId, action: 'auth.login.succeeded' } }),
    lastLoginAt: (await prisma.account.findUniqueOrThrow({ where: { id: accountId } })).lastLoginAt,
  };
}

describe('login records (the two statements of a login)', () => {
  it('reads the account with what the session body shows', async () => {
    const manager = await findLoginAccount(ctx.db.sql, 'demosubadult');
    expect(manager).toMatchObject({
      accountName: 'demosubadult',
      role: 'SUBSYSTEM_MANAGER',
      status: 'ACTIVE',
      institution: null,
      managedSubsystems: [{ subsystem: { code: 'adult-preventive', name: '成人預防保健' } }],
    });
    expect(typeof manager?.sessionVersion).toBe('number');
    expect(manager?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await findLoginAccount(ctx.db.sql, 'no-such-account')).toBeUndefined();
  });

  it('writes the session, the audit event and the last login together', async () => {
    const account = (await findLoginAccount(ctx.db.sql, 'demouser'))!;
    const before = await rowsOf(account.id);
    const issued = await recordLogin(ctx.db.sql, account, lifetime, origin);
    expect(issued?.familyId).toMatch(/^[0-9a-f-]{36}$/);
    const after = await rowsOf(account.id);
    expect(after.sessions).toBe(before.sessions + 1);
    expect(after.audits).toBe(before.audits + 1);
    expect(after.lastLoginAt).not.toEqual(before.lastLoginAt);
    const audit = await ctx.db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: issued!.familyId } });
    expect(audit).toMatchObject({ entityType: 'session', ip: origin.ip, requestId: origin.requestId, after: { accountName: 'demouser' } });
  });

  it('writes nothing when the account changed after it was read (deactivated, reset, role change)', async () => {
    const account = (await findLoginAccount(ctx.db.sql, 'demomanager'))!;
    const before = await rowsOf(account.id);
    await ctx.db.prisma.account.update({ where: { id: account.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await recordLogin(ctx.db.sql, account, lifetime, origin)).toBeUndefined();
    expect(await rowsOf(account.id)).toEqual(before);

    const fresh = (await findLoginAccount(ctx.db.sql, 'demomanager'))!;
    await ctx.db.prisma.account.update({ where: { id: account.id }, data: { status: 'DEACTIVATED' } });
    try {
      expect(await recordLogin(ctx.db.sql, fresh, lifetime, origin)).toBeUndefined();
      expect(await rowsOf(account.id)).toEqual(before);
    } finally {
      await ctx.db.prisma.account.update({ where: { id: account.id }, data: { status: 'ACTIVE' } });
    }
  });
});
