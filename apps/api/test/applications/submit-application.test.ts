import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APPLICATION_MESSAGES,
  GENERAL_USER_REQUIRES_MANAGER_MESSAGE,
  makeTaiwanIdWithChecksum,
} from '@portal/shared';
import { verifyPassword } from '@portal/db';
import { createTestApp, testCrypto, type TestContext } from '../helpers/test-app.js';
import { nextAddress, validApplication } from './application-fixtures.js';
import { expectFieldRefusal, expectInvalidFields } from '../helpers/refusals.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ demoInstitutions: 20 });
});
afterAll(() => ctx?.close());

const apply = (body: unknown, remoteAddress = nextAddress()) =>
  ctx.app.inject({ method: 'POST', url: '/api/applications', payload: body as object, remoteAddress });

const accountCount = () => ctx.db.prisma.account.count();

describe('POST /api/applications — a 單位業務管理者', () => {
  it('is created awaiting institution verification, with its subsystem requests and an audit event', async () => {
    const body = validApplication({
      institutionCode: '9900000002',
      role: 'INSTITUTION_MANAGER',
      accountName: 'ClinicBoss',
      nationalId: 'a123456789',
      subsystems: ['lung-cancer', 'adult-preventive'],
    });
    const res = await apply(body);
    expect(res.statusCode).toBe(201);
    const result = res.json();
    expect(result).toEqual({
      applicationNo: expect.stringMatching(/^AP\d{8}\d{6}$/),
      accountName: 'ClinicBoss',
      role: 'INSTITUTION_MANAGER',
      status: 'PENDING_VERIFICATION',
      institution: { code: '9900000002', name: '示範診所' },
      subsystems: [
        { code: 'adult-preventive', name: '成人預防保健', status: 'PENDING' },
        { code: 'lung-cancer', name: '肺癌篩檢', status: 'PENDING' },
      ],
      nextStep: 'INSTITUTION_VERIFICATION',
    });

    const account = await ctx.db.prisma.account.findUniqueOrThrow({
      where: { accountNameKey: 'clinicboss' },
      include: { subsystemAccesses: { include: { subsystem: true } }, institution: true },
    });
    expect(account).toMatchObject({
      accountName: 'ClinicBoss',
      role: 'INSTITUTION_MANAGER',
      status: 'PENDING_VERIFICATION',
      applicationNo: result.applicationNo,
      phone: '02-25220878#123',
      mobile: '0912-345678',
    });
    expect(account.institution?.code).toBe('9900000002');
    expect(account.subsystemAccesses.map((a) => [a.subsystem.code, a.status]).sort()).toEqual([
      ['adult-preventive', 'PENDING'],
      ['lung-cancer', 'PENDING'],
    ]);
    // Hashed with argon2id; 身分證 encrypted, normalised, and found by its keyed hash.
    expect(account.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(account.passwordHash, body.password)).toBe(true);
    expect(testCrypto.decrypt(account.nationalIdCipher)).toBe('A123456789');
    expect(account.nationalIdHash).toBe(testCrypto.lookupHash('A123456789'));

    const audit = await ctx.db.prisma.auditEvent.findMany({ where: { entityId: account.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: account.id,
      action: 'account.applied',
      entityType: 'account',
      after: { accountName: 'ClinicBoss', role: 'INSTITUTION_MANAGER', status: 'PENDING_VERIFICATION', institutionCode: '9900000002', subsystems: ['adult-preventive', 'lung-cancer'] },
    });
    expect(JSON.stringify(audit[0]!.after)).not.toContain('A123456789');

    const mail = await ctx.db.prisma.mailMessage.findMany({ where: { to: body.email } });
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ template: 'application-received', subject: expect.stringContaining('帳號申請已受理') });
    expect(mail[0]!.text).toContain(result.applicationNo);
  });
});

describe('POST /api/applications — a 一般使用者', () => {
  it('waits for the institution manager where one exists', async () => {
    const res = await apply(validApplication({ institutionCode: '9900000001', role: 'GENERAL_USER' }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'PENDING_APPROVAL', nextStep: 'MANAGER_APPROVAL', subsystems: [] });
  });

  it('is refused where the institution has no manager, with the seed\'s words, and nothing is written', async () => {
    const [code] = (await ctx.db.prisma.institution.findMany({ where: { accounts: { none: {} }, code: { not: '9900000002' } }, take: 1, select: { code: true } })).map((i) => i.code);
    const before = await accountCount();
    const res = await apply(validApplication({ institutionCode: code, role: 'GENERAL_USER' }));
    expectFieldRefusal(res, 422, 'ROLE_RULE', 'role', GENERAL_USER_REQUIRES_MANAGER_MESSAGE);
    expect(await accountCount()).toBe(before);
  });
});

describe('POST /api/applications — refusals change nothing', () => {
  it('409s an account name already taken, whatever its case', async () => {
    expect((await apply(validApplication({ accountName: 'Nurse.Lin' }))).statusCode).toBe(201);
    const before = await accountCount();
    const res = await apply(validApplication({ accountName: 'nurse.LIN' }));
    expectFieldRefusal(res, 409, 'ACCOUNT_NAME_TAKEN', 'accountName', APPLICATION_MESSAGES.accountNameTaken);
    expect(await accountCount()).toBe(before);
  });

  it('404s an institution that does not exist', async () => {
    const res = await apply(validApplication({ institutionCode: '0000000000' }));
    expectFieldRefusal(res, 404, 'INSTITUTION_NOT_FOUND', 'institutionCode', APPLICATION_MESSAGES.institutionNotFound);
  });

  it('400s a subsystem that does not exist', async () => {
    const res = await apply(validApplication({ subsystems: ['adult-preventive', 'no-such-system'] }));
    expectInvalidFields(res, { subsystems: [APPLICATION_MESSAGES.subsystemUnknown] });
  });

  it('400s passwords that differ', async () => {
    const res = await apply(validApplication({ passwordConfirm: 'Tpe*2024*Hosq' }));
    expectInvalidFields(res, { passwordConfirm: [APPLICATION_MESSAGES.passwordMismatch] });
  });

  it('400s a body that is not an application, and a body that is not JSON', async () => {
    const before = await accountCount();
    const empty = await apply({});
    expect(empty.statusCode).toBe(400);
    expect(Object.keys(empty.json().fieldErrors).sort()).toEqual(
      ['accountName', 'email', 'institutionCode', 'name', 'nationalId', 'password', 'passwordConfirm', 'phone', 'role'].sort(),
    );
    const notJson = await ctx.app.inject({
      method: 'POST',
      url: '/api/applications',
      headers: { 'content-type': 'application/json' },
      payload: '{"accountName":',
      remoteAddress: nextAddress(),
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().code).toBe('BAD_REQUEST');
    expect(await accountCount()).toBe(before);
  });

  it('throttles one address with a zh-TW message and Retry-After', async () => {
    const address = '127.9.9.9';
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) statuses.push((await apply({}, address)).statusCode);
    expect(statuses.slice(0, 20).every((status) => status === 400)).toBe(true);
    const limited = await apply({}, address);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/^操作過於頻繁，請於 \d+ 秒後再試。$/) });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('POST /api/applications — one person, one account per institution (decision 011)', () => {
  it('refuses a second open account of the same 身分證 at one institution (409 next to 身分證); another institution, or after a rejection, is fine', async () => {
    const nationalId = makeTaiwanIdWithChecksum('K12233445');
    const first = await apply(validApplication({ institutionCode: '9900000001', nationalId }));
    expect(first.statusCode).toBe(201);
    const before = await accountCount();

    const again = await apply(validApplication({ institutionCode: '9900000001', nationalId: nationalId.toLowerCase() }));
    expectFieldRefusal(again, 409, 'NATIONAL_ID_HAS_ACCOUNT', 'nationalId', APPLICATION_MESSAGES.nationalIdHasAccount);
    expect(await accountCount()).toBe(before);

    const other = await ctx.db.prisma.institution.findFirstOrThrow({ where: { code: { not: { startsWith: '99' } } }, orderBy: { code: 'asc' } });
    expect((await apply(validApplication({ institutionCode: other.code, role: 'INSTITUTION_MANAGER', nationalId }))).statusCode).toBe(201);
    await ctx.db.prisma.account.update({ where: { accountNameKey: first.json().accountName.toLowerCase() }, data: { status: 'REJECTED' } });
    expect((await apply(validApplication({ institutionCode: '9900000001', nationalId }))).statusCode).toBe(201);
  });
});
