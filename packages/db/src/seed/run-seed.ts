import { createHash } from 'node:crypto';
import { institutionSearchFields, makeTaiwanIdWithChecksum, PORTAL_SUBSYSTEMS } from '@portal/shared';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { NationalIdCrypto } from '../national-id-crypto.ts';
import { hashPassword } from '../password-hash.ts';
import { DEMO_ACCOUNTS, DEMO_ANNOUNCEMENTS, DEMO_INSTITUTIONS, DEMO_PASSWORD } from './demo-data.ts';
import { seedUuid } from './deterministic.ts';
import { syntheticInstitutions } from './institution-directory.ts';
import { MANAGER_FORM_DOWNLOAD, SEED_ANNOUNCEMENT } from './reference-data.ts';
import { seedScreeningDemo } from './screening-demo.ts';

export interface SeedOptions {
  prisma: PrismaClient;
  crypto: NationalIdCrypto;
  /** Also seed the synthetic directory and the demo accounts: never on a production database. */
  demo: boolean;
  /** Size of the synthetic directory (demo only). */
  institutionCount?: number;
  /**
   * Renders the blank 管理者帳號申請表 that 下載專區 offers (@portal/forms, which this package does
   * not depend on: the API passes it). Without it that download is not seeded; the API seeds it
   * at its next start.
   */
  renderManagerForm?: () => Promise<Uint8Array>;
  /** Synthetic people with preventive-service records besides the featured ones (demo only). */
  screeningPeople?: number;
  log?: (line: string) => void;
}

export interface SeedReport {
  subsystems: number;
  institutionsCreated: number;
  accountsCreated: number;
  screeningPeopleCreated: number;
  durationMs: number;
}

export const DEFAULT_SCREENING_PEOPLE = 300;

export const DEFAULT_SYNTHETIC_INSTITUTIONS = 20_000;

/** Idempotent: every record has a natural or derived key, so a second run changes nothing. */
export async function runSeed(options: SeedOptions): Promise<SeedReport> {
  const started = performance.now();
  const { prisma } = options;
  await seedSubsystems(prisma);
  await seedAnnouncements(prisma, [SEED_ANNOUNCEMENT]);
  if (options.renderManagerForm) await seedManagerFormDownload(prisma, options.renderManagerForm);
  let institutionsCreated = 0;
  let accountsCreated = 0;
  let screeningPeopleCreated = 0;
  if (options.demo) {
    institutionsCreated = await seedInstitutions(
      prisma,
      options.institutionCount ?? DEFAULT_SYNTHETIC_INSTITUTIONS,
    );
    accountsCreated = await seedDemoAccounts(prisma, options.crypto);
    await seedAnnouncements(prisma, DEMO_ANNOUNCEMENTS);
    screeningPeopleCreated = await seedScreeningDemo(prisma, options.crypto, options.screeningPeople ?? DEFAULT_SCREENING_PEOPLE);
  }
  const report = {
    subsystems: PORTAL_SUBSYSTEMS.length,
    institutionsCreated,
    accountsCreated,
    screeningPeopleCreated,
    durationMs: Math.round(performance.now() - started),
  };
  if (institutionsCreated > 0 || accountsCreated > 0 || screeningPeopleCreated > 0) {
    await prisma.auditEvent.create({
      data: { actorLabel: 'seed', action: 'seed.applied', entityType: 'database', after: report },
    });
  }
  return report;
}

async function seedSubsystems(prisma: PrismaClient) {
  for (const [index, subsystem] of PORTAL_SUBSYSTEMS.entries()) {
    await prisma.subsystem.upsert({
      where: { code: subsystem.code },
      // Staff may have edited a subsystem since: the seed only creates.
      update: {},
      create: { ...subsystem, url: `/subsystems/${subsystem.code}`, sortOrder: index + 1 },
    });
  }
}

async function seedAnnouncements(
  prisma: PrismaClient,
  announcements: readonly (typeof SEED_ANNOUNCEMENT)[],
) {
  for (const { key, publishedAt, ...fields } of announcements) {
    await prisma.announcement.upsert({
      where: { id: seedUuid(key) },
      update: {},
      create: { id: seedUuid(key), ...fields, status: 'PUBLISHED', publishedAt: new Date(publishedAt) },
    });
  }
}

async function seedManagerFormDownload(prisma: PrismaClient, render: () => Promise<Uint8Array>) {
  const id = seedUuid(MANAGER_FORM_DOWNLOAD.key);
  if (await prisma.download.findUnique({ where: { id }, select: { id: true } })) return;
  const pdf = new Uint8Array(await render());
  const { key: _key, filename, publishedAt, ...fields } = MANAGER_FORM_DOWNLOAD;
  await prisma.download.create({
    data: {
      id,
      ...fields,
      status: 'PUBLISHED',
      publishedAt: new Date(publishedAt),
      file: {
        create: {
          filename,
          contentType: 'application/pdf',
          size: pdf.length,
          sha256: createHash('sha256').update(pdf).digest('hex'),
          data: pdf,
        },
      },
    },
  });
}

const INSERT_CHUNK = 2_000;

/** How each demo account is taken to have been verified (staff and subsystem managers: not at all). */
const DEMO_VERIFICATION = {
  INSTITUTION_MANAGER: 'CARD',
  GENERAL_USER: 'MANAGER_APPROVAL',
  SUBSYSTEM_MANAGER: null,
  SYSTEM_STAFF: null,
} as const;

async function seedInstitutions(prisma: PrismaClient, count: number): Promise<number> {
  const rows = [...DEMO_INSTITUTIONS, ...syntheticInstitutions(count)];
  // Already seeded (the directory is deterministic, so its last code is there): skip the
  // 20,000-row upsert that would otherwise slow every restart of the embedded setup.
  if (await prisma.institution.findUnique({ where: { code: rows.at(-1)!.code }, select: { id: true } })) return 0;
  let created = 0;
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const result = await prisma.institution.createMany({
      data: rows.slice(i, i + INSERT_CHUNK).map((row) => ({ ...row, ...institutionSearchFields(row.name) })),
      skipDuplicates: true,
    });
    created += result.count;
  }
  return created;
}

async function seedDemoAccounts(prisma: PrismaClient, crypto: NationalIdCrypto): Promise<number> {
  const existing = new Set(
    (
      await prisma.account.findMany({
        where: { accountNameKey: { in: DEMO_ACCOUNTS.map((a) => a.accountName) } },
        select: { accountNameKey: true },
      })
    ).map((a) => a.accountNameKey),
  );
  const missing = DEMO_ACCOUNTS.filter((a) => !existing.has(a.accountName));
  if (missing.length === 0) return 0;
  const institutions = new Map(
    (
      await prisma.institution.findMany({
        where: { code: { in: DEMO_INSTITUTIONS.map((i) => i.code) } },
        select: { id: true, code: true },
      })
    ).map((i) => [i.code, i.id]),
  );
  const subsystems = new Map(
    (await prisma.subsystem.findMany({ select: { id: true, code: true } })).map((s) => [s.code, s.id]),
  );
  for (const account of missing) {
    const nationalId = makeTaiwanIdWithChecksum(account.nationalIdPrefix);
    await prisma.account.create({
      data: {
        id: seedUuid(`account:${account.accountName}`),
        accountName: account.accountName,
        accountNameKey: account.accountName.toLowerCase(),
        passwordHash: await hashPassword(DEMO_PASSWORD),
        nationalIdCipher: crypto.encrypt(nationalId),
        nationalIdHash: crypto.lookupHash(nationalId),
        name: account.name,
        phone: '02-25220878',
        email: `${account.accountName}@demo.invalid`,
        role: account.role,
        status: 'ACTIVE',
        verificationMethod: DEMO_VERIFICATION[account.role],
        activatedAt: new Date(),
        institutionId: account.institutionCode ? institutions.get(account.institutionCode) : null,
        managedSubsystems: account.manages
          ? { create: account.manages.map((code) => ({ subsystemId: subsystems.get(code)! })) }
          : undefined,
      },
    });
  }
  return missing.length;
}
