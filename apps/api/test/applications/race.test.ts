import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { institutionSearchFields } from '@portal/shared';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { nextAddress, validApplication } from './application-fixtures.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ demoInstitutions: 0 });
});
afterAll(() => ctx?.close());

const apply = (body: object) =>
  ctx.app.inject({ method: 'POST', url: '/api/applications', payload: body, remoteAddress: nextAddress() });

describe('20 concurrent applications', () => {
  it('for one account name (in any case): exactly one is created', async () => {
    const names = Array.from({ length: 20 }, (_, i) => (i % 2 ? 'RaceName' : 'racename'));
    const responses = await Promise.all(names.map((accountName) => apply(validApplication({ accountName }))));
    const statuses = responses.map((res) => res.statusCode).sort();
    expect(statuses).toEqual([201, ...Array(19).fill(409)]);
    expect(await ctx.db.prisma.account.count({ where: { accountNameKey: 'racename' } })).toBe(1);
    for (const res of responses.filter((r) => r.statusCode === 409)) expect(res.json().code).toBe('ACCOUNT_NAME_TAKEN');
  });

  it('for 一般使用者 while the only manager is being deactivated: none slips past the role rule', async () => {
    // A fresh institution whose only manager is active.
    const institution = await ctx.db.prisma.institution.create({
      data: { code: '9912345678', name: '示範競態診所', ...institutionSearchFields('示範競態診所'), kind: 'CLINIC', city: '臺北市' },
    });
    expect((await apply(validApplication({ institutionCode: institution.code, role: 'INSTITUTION_MANAGER', accountName: 'racemanager' }))).statusCode).toBe(201);

    // Deactivation follows the same protocol as every change to "has a manager": lock the
    // institution's row, change, record. Audit ids are taken under that lock, so they give the
    // order in which the transactions were serialised.
    const deactivate = ctx.db.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM institutions WHERE id = ${institution.id}::uuid FOR UPDATE`;
      await tx.account.updateMany({ where: { accountNameKey: 'racemanager' }, data: { status: 'DEACTIVATED' } });
      return tx.auditEvent.create({ data: { actorLabel: 'test', action: 'test.manager-deactivated', entityType: 'account' } });
    });
    const applications = Array.from({ length: 19 }, (_, i) =>
      apply(validApplication({ institutionCode: institution.code, role: 'GENERAL_USER', accountName: `raceuser${i}` })),
    );
    const [deactivation, ...responses] = await Promise.all([deactivate, ...applications]);

    const created = responses.filter((res) => res.statusCode === 201);
    const refused = responses.filter((res) => res.statusCode === 422);
    expect(created.length + refused.length).toBe(19);
    for (const res of refused) expect(res.json().code).toBe('ROLE_RULE');
    const applied = await ctx.db.prisma.auditEvent.findMany({
      where: { action: 'account.applied', after: { path: ['institutionCode'], equals: institution.code } },
      select: { id: true, after: true },
    });
    const generalUsers = applied.filter((event) => (event.after as { role: string }).role === 'GENERAL_USER');
    expect(generalUsers).toHaveLength(created.length);
    // Every 一般使用者 was created before the manager was gone, never after.
    for (const event of generalUsers) expect(event.id < deactivation.id).toBe(true);
  });

  it('waits for a transaction that holds the institution, and decides on what it committed', async () => {
    const institution = await ctx.db.prisma.institution.create({
      data: { code: '9912345679', name: '示範鎖定診所', ...institutionSearchFields('示範鎖定診所'), kind: 'CLINIC', city: '臺北市' },
    });
    expect((await apply(validApplication({ institutionCode: institution.code, role: 'INSTITUTION_MANAGER', accountName: 'lockmanager' }))).statusCode).toBe(201);

    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let lockTaken!: () => void;
    const taken = new Promise<void>((resolve) => (lockTaken = resolve));
    const holder = ctx.db.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM institutions WHERE id = ${institution.id}::uuid FOR UPDATE`;
      lockTaken();
      await released;
      await tx.account.updateMany({ where: { accountNameKey: 'lockmanager' }, data: { status: 'DEACTIVATED' } });
    });
    await taken;
    let settled = false;
    const pending = apply(validApplication({ institutionCode: institution.code, role: 'GENERAL_USER' })).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(settled).toBe(false);
    release();
    await holder;
    const res = await pending;
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('ROLE_RULE');
  });
});
