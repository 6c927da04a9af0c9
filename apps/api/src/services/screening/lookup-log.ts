/**
 * The lookup log, newest first with keyset pagination on its bigint id: every lookup for staff
 * (稽核紀錄 → 篩檢結果查詢紀錄), the lookups of the caller's institution's accounts for a
 * 單位業務管理者. A 身分證 filter is hashed here; the log holds only keyed hashes.
 */
import { Prisma, type NationalIdCrypto, type PrismaClient } from '@portal/db';
import {
  LOOKUP_OUTCOME_LABELS,
  LOOKUP_PURPOSE_LABELS,
  taipeiDayEnd,
  taipeiDayStart,
  type LookupOutcome,
  type LookupPurpose,
  type ScreeningLookupLogPage,
  type ScreeningLookupLogQuery,
} from '@portal/shared';
import { forbidden } from '../../errors/http-error.js';
import { keysetPage } from '../../lib/page.js';

type Query = Omit<ScreeningLookupLogQuery, 'limit'> & { limit: number };

interface Row {
  id: bigint | string;
  at: Date;
  account_id: string | null;
  account_name: string | null;
  name: string | null;
  institution_code: string | null;
  institution_name: string | null;
  subsystem_code: string | null;
  person_hash: string;
  purpose: LookupPurpose | 'SUBSYSTEM_CHECK';
  outcome: LookupOutcome;
  ip: string | null;
}

async function search(prisma: PrismaClient, crypto: NationalIdCrypto, query: Query, scope: Prisma.Sql[]): Promise<ScreeningLookupLogPage> {
  const conditions = [...scope];
  if (query.account) {
    const account = await prisma.account.findUnique({ where: { accountNameKey: query.account.toLowerCase() }, select: { id: true } });
    if (!account) return { items: [], nextCursor: null };
    conditions.push(Prisma.sql`l.account_id = ${account.id}::uuid`);
  }
  if (query.institutionCode) conditions.push(Prisma.sql`l.institution_id = (SELECT id FROM institutions WHERE code = ${query.institutionCode})`);
  if (query.nationalId) conditions.push(Prisma.sql`l.person_hash = ${crypto.lookupHash(query.nationalId)}::bpchar`);
  if (query.purpose) conditions.push(Prisma.sql`l.purpose = ${query.purpose}::"LookupPurpose"`);
  if (query.from) conditions.push(Prisma.sql`l.at >= ${taipeiDayStart(query.from)}`);
  if (query.to) conditions.push(Prisma.sql`l.at < ${taipeiDayEnd(query.to)}`);
  if (query.cursor) conditions.push(Prisma.sql`l.id < ${BigInt(query.cursor)}`);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT l.id, l.at, l.account_id, a.account_name, a.name, i.code AS institution_code, i.name AS institution_name, l.subsystem_code,
           l.person_hash, l.purpose, l.outcome, l.ip
      FROM (SELECT * FROM screening_lookups l ${where} ORDER BY l.id DESC LIMIT ${query.limit + 1}) l
      LEFT JOIN accounts a ON a.id = l.account_id
      LEFT JOIN institutions i ON i.id = l.institution_id
     ORDER BY l.id DESC`;
  return keysetPage(rows, query.limit, (row) => ({
    id: String(row.id),
    at: new Date(row.at).toISOString(),
    account: row.account_id ? { id: row.account_id, accountName: row.account_name ?? '', name: row.name ?? '' } : null,
    institution: row.institution_code ? { code: row.institution_code, name: row.institution_name ?? '' } : null,
    subsystemCode: row.subsystem_code,
    personHash: row.person_hash,
    purpose: row.purpose,
    purposeLabel: LOOKUP_PURPOSE_LABELS[row.purpose],
    outcome: row.outcome,
    outcomeLabel: LOOKUP_OUTCOME_LABELS[row.outcome],
    ip: row.ip,
  }));
}

/** Every lookup (系統人員). */
export function searchLookupLog(prisma: PrismaClient, crypto: NationalIdCrypto, query: Query): Promise<ScreeningLookupLogPage> {
  return search(prisma, crypto, query, []);
}

/** Lookups made by the accounts of the caller's institution (單位業務管理者). */
export async function searchInstitutionLookupLog(prisma: PrismaClient, crypto: NationalIdCrypto, caller: { id: string }, query: Query): Promise<ScreeningLookupLogPage> {
  const me = await prisma.account.findUnique({ where: { id: caller.id }, select: { institutionId: true, role: true } });
  if (!me?.institutionId || me.role !== 'INSTITUTION_MANAGER') throw forbidden();
  return search(prisma, crypto, { ...query, institutionCode: undefined }, [Prisma.sql`l.institution_id = ${me.institutionId}::uuid`]);
}
