import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITIES, INSTITUTION_KINDS, isValidTaiwanId } from '@portal/shared';
import { migrate } from '../src/migrator.ts';
import { createNationalIdCrypto } from '../src/national-id-crypto.ts';
import { verifyPassword } from '../src/password-hash.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/seed/demo-data.ts';
import { syntheticInstitutions } from '../src/seed/institution-directory.ts';
import { runSeed } from '../src/seed/run-seed.ts';
import { emptyDatabase } from './test-database.ts';

const crypto = createNationalIdCrypto({ nationalIdKey: randomBytes(32), nationalIdHashKey: randomBytes(32) });
let database: Awaited<ReturnType<typeof emptyDatabase>>;
beforeAll(async () => {
  database = await emptyDatabase();
  await migrate(database.db.sql);
});
afterAll(() => database?.drop());

describe('the synthetic directory', () => {
  const directory = syntheticInstitutions(20_000);

  it('has 20,000 institutions with unique 10-digit codes and unique demo names', () => {
    expect(directory).toHaveLength(20_000);
    expect(new Set(directory.map((i) => i.code)).size).toBe(20_000);
    expect(new Set(directory.map((i) => i.name)).size).toBe(20_000);
    for (const institution of directory) {
      expect(institution.code).toMatch(/^(0[1-9]|1\d|2[0-2])[1357]\d{7}$/);
      expect(institution.name.startsWith('示範')).toBe(true);
    }
  });

  it('covers all 22 cities and every kind', () => {
    expect(new Set(directory.map((i) => i.city))).toEqual(new Set(CITIES));
    expect(new Set(directory.map((i) => i.kind))).toEqual(new Set(INSTITUTION_KINDS));
  });

  it('is the same on every run', () => {
    expect(syntheticInstitutions(50)).toEqual(syntheticInstitutions(50));
  });
});

/** The API passes @portal/forms' renderer; the seed only stores what it is given. */
const renderManagerForm = async () => new TextEncoder().encode('%PDF-1.7\n% blank form\n%%EOF\n');

describe('runSeed', () => {
  it('seeds reference data only, unless asked for the demo', async () => {
    const report = await runSeed({ prisma: database.db.prisma, crypto, demo: false, renderManagerForm });
    expect(report).toMatchObject({ subsystems: 10, institutionsCreated: 0, accountsCreated: 0 });
    expect(await database.db.prisma.account.count()).toBe(0);
    expect(await database.db.prisma.subsystem.count()).toBe(10);
    expect(await database.db.prisma.download.count()).toBe(1);
  });

  it('seeds the demo data, and a second run changes nothing', async () => {
    const first = await runSeed({ prisma: database.db.prisma, crypto, demo: true, institutionCount: 500, renderManagerForm });
    expect(first).toMatchObject({ institutionsCreated: 502, accountsCreated: DEMO_ACCOUNTS.length });
    const counts = async () => ({
      institutions: await database.db.prisma.institution.count(),
      accounts: await database.db.prisma.account.count(),
      announcements: await database.db.prisma.announcement.count(),
      downloads: await database.db.prisma.download.count(),
      files: await database.db.prisma.storedFile.count(),
      subsystemManagers: await database.db.prisma.subsystemManager.count(),
      screeningPeople: await database.db.prisma.screeningPerson.count(),
    });
    const before = await counts();
    const second = await runSeed({ prisma: database.db.prisma, crypto, demo: true, institutionCount: 500, renderManagerForm });
    expect(second).toMatchObject({ institutionsCreated: 0, accountsCreated: 0 });
    expect(await counts()).toEqual(before);
    expect(before).toMatchObject({ institutions: 502, accounts: 13, announcements: 5, downloads: 1, files: 1, subsystemManagers: 10 });
    expect(before.screeningPeople).toBe(first.screeningPeopleCreated);
    expect(first.screeningPeopleCreated).toBeGreaterThanOrEqual(300);
  });

  it('gives every demo account the demo password, a valid encrypted 身分證, and its place', async () => {
    const manager = await database.db.prisma.account.findUniqueOrThrow({
      where: { accountNameKey: 'demomanager' },
      include: { institution: true },
    });
    expect(manager).toMatchObject({ role: 'INSTITUTION_MANAGER', status: 'ACTIVE' });
    expect(manager.institution?.code).toBe('9900000001');
    expect(await verifyPassword(manager.passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(manager.passwordHash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
    const nationalId = crypto.decrypt(manager.nationalIdCipher);
    expect(isValidTaiwanId(nationalId)).toBe(true);
    expect(manager.nationalIdHash).toBe(crypto.lookupHash(nationalId));

    const subAdult = await database.db.prisma.account.findUniqueOrThrow({
      where: { accountNameKey: 'demosubadult' },
      include: { managedSubsystems: { include: { subsystem: true } } },
    });
    expect(subAdult.role).toBe('SUBSYSTEM_MANAGER');
    expect(subAdult.managedSubsystems.map((m) => m.subsystem.name)).toEqual(['成人預防保健']);

    const clinic = await database.db.prisma.institution.findUniqueOrThrow({
      where: { code: '9900000002' },
      include: { accounts: true },
    });
    expect(clinic.name).toBe('示範診所');
    expect(clinic.accounts).toEqual([]);
  });
});
