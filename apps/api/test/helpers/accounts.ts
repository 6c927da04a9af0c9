import { hashPassword } from '@portal/db';
import { makeTaiwanIdWithChecksum } from '@portal/shared';
import type { TestContext } from './test-app.js';
import { testCrypto } from './test-app.js';

let serial = 0;

/** Makes an account directly in the database (tests of states the demo seed does not have). */
export async function createAccount(
  ctx: TestContext,
  fields: {
    accountName: string;
    role?: 'INSTITUTION_MANAGER' | 'GENERAL_USER';
    status?: 'PENDING_VERIFICATION' | 'PENDING_APPROVAL' | 'ACTIVE' | 'REJECTED' | 'DEACTIVATED';
    verificationMethod?: 'CARD' | 'PAPER' | 'MANAGER_APPROVAL' | null;
    institutionCode?: string;
    password?: string;
    subsystems?: { code: string; status: 'PENDING' | 'APPROVED' | 'REJECTED' | 'REVOKED'; reason?: string }[];
  },
) {
  // Taken before the first await: concurrent calls each get their own number.
  const n = ++serial;
  const nationalId = makeTaiwanIdWithChecksum(`E1${String(2_000_000 + n).padStart(7, '0')}`);
  const institution = await ctx.db.prisma.institution.findUniqueOrThrow({ where: { code: fields.institutionCode ?? '9900000001' } });
  const account = await ctx.db.prisma.account.create({
    data: {
      accountName: fields.accountName,
      accountNameKey: fields.accountName.toLowerCase(),
      passwordHash: await hashPassword(fields.password ?? 'Portal*Demo=2026'),
      nationalIdCipher: testCrypto.encrypt(nationalId),
      nationalIdHash: testCrypto.lookupHash(nationalId),
      name: '測試人員',
      phone: '02-12345678',
      email: `${fields.accountName}@example.com`,
      role: fields.role ?? 'INSTITUTION_MANAGER',
      status: fields.status ?? 'PENDING_VERIFICATION',
      verificationMethod: fields.verificationMethod ?? null,
      applicationNo: `AP-T-${n}-${Date.now() % 100000}`,
      institutionId: institution.id,
      activatedAt: fields.status === 'ACTIVE' ? new Date() : null,
    },
  });
  for (const access of fields.subsystems ?? []) {
    const subsystem = await ctx.db.prisma.subsystem.findUniqueOrThrow({ where: { code: access.code } });
    await ctx.db.prisma.subsystemAccess.create({
      data: {
        accountId: account.id,
        subsystemId: subsystem.id,
        status: access.status,
        reason: access.reason ?? null,
        decidedAt: access.status === 'PENDING' ? null : new Date('2026-11-20T02:00:00Z'),
      },
    });
  }
  return { account, nationalId };
}

let nameSerial = 0;
/** An account name no other test of this run uses (the demo database is shared by a file's tests). */
export const uniqueName = (prefix: string) => `${prefix}${Date.now() % 100000}${++nameSerial}`;
