/**
 * Storing preventive-service records reported by the subsystems (the ingest API) or back-filled
 * by staff (the CSV import). A record is identified by its subsystem and the subsystem's own
 * record id, so a retry never duplicates it and a re-sent record with new content (a follow-up
 * state that moved on) updates it. Each record is checked on its own: good records are written,
 * bad ones are reported with zh-TW messages per field; a record is written whole or not at all.
 */
import { randomUUID } from 'node:crypto';
import { Prisma, type NationalIdCrypto, type PrismaClient } from '@portal/db';
import {
  isStorableText,
  SCREENING_MESSAGES,
  SCREENING_SERVICE_INFO,
  ScreeningRecordInputSchema,
  taipeiToday,
  UNKNOWN_RISK_FACTORS,
  type IngestOutcome,
  type RiskFactors,
  type ScreeningIngestResponse,
  type ScreeningPersonInput,
  type ScreeningRecordInput,
} from '@portal/shared';
import { recordAudit, type RequestOrigin } from '../audit/record-audit.js';

export type FieldErrors = Record<string, string[]>;

/** One record to store and the subsystem it is stored for. */
export interface IngestEntry {
  subsystemCode: string;
  raw: unknown;
}

interface StoredPerson extends RiskFactors {
  id: string;
  hash: string;
  birthDate: string;
  sex: 'F' | 'M';
  indigenous: boolean;
}

/** A person as the batch leaves them: stored values, then each record's fields in batch order. */
interface PersonDraft extends Omit<StoredPerson, 'id'> {
  id: string | null;
  nationalId: string;
}

interface Accepted {
  index: number;
  subsystemCode: string;
  record: ScreeningRecordInput;
  hash: string;
}

export interface CheckedBatch {
  accepted: Accepted[];
  rejected: Map<number, FieldErrors>;
  persons: Map<string, PersonDraft>;
}

const RISK_FIELDS = [
  'familyHistoryBreast', 'familyHistoryColorectal', 'familyHistoryLung', 'smokingStatus', 'packYears', 'quitYear',
  'betelNutStatus', 'cigarettesPerDay', 'ftndScore', 'polio', 'expectedDeliveryDate',
] as const satisfies readonly (keyof RiskFactors)[];

function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) (errors[issue.path.map(String).join('.') || '_'] ??= []).push(issue.message);
  return errors;
}

/**
 * The record id as sent, echoed so that the subsystem can match a result to its record (the index
 * does too): at most 64 characters, cut between code points, and null when it holds text the
 * answer cannot carry (NUL, a lone surrogate) — the record is then refused for it anyway.
 */
const recordIdOf = (raw: unknown) => {
  const value = typeof raw === 'object' && raw !== null ? (raw as { recordId?: unknown }).recordId : undefined;
  if (typeof value !== 'string') return null;
  const shown = Array.from(value.trim()).slice(0, 64).join('');
  return isStorableText(shown) ? shown : null;
};

interface PersonRow {
  id: string;
  national_id_hash: string;
  birth_date: string;
  sex: 'F' | 'M';
  indigenous: boolean;
  family_history_breast: boolean | null;
  family_history_colorectal: boolean | null;
  family_history_lung: boolean | null;
  smoking_status: RiskFactors['smokingStatus'];
  pack_years: number | null;
  quit_year: number | null;
  betel_nut_status: RiskFactors['betelNutStatus'];
  cigarettes_per_day: number | null;
  ftnd_score: number | null;
  polio: boolean | null;
  expected_delivery_date: string | null;
}

/** The stored columns of a person, as the engine and the ingest read them. */
export const PERSON_COLUMNS = Prisma.sql`p.id, p.national_id_hash, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.sex, p.indigenous,
  p.family_history_breast, p.family_history_colorectal, p.family_history_lung, p.smoking_status, p.pack_years, p.quit_year,
  p.betel_nut_status, p.cigarettes_per_day, p.ftnd_score, p.polio, to_char(p.expected_delivery_date, 'YYYY-MM-DD') AS expected_delivery_date`;

export function personFromRow(row: PersonRow): StoredPerson {
  return {
    id: row.id,
    hash: row.national_id_hash,
    birthDate: row.birth_date,
    sex: row.sex,
    indigenous: row.indigenous,
    familyHistoryBreast: row.family_history_breast,
    familyHistoryColorectal: row.family_history_colorectal,
    familyHistoryLung: row.family_history_lung,
    smokingStatus: row.smoking_status,
    packYears: row.pack_years === null ? null : Number(row.pack_years),
    quitYear: row.quit_year,
    betelNutStatus: row.betel_nut_status,
    cigarettesPerDay: row.cigarettes_per_day,
    ftndScore: row.ftnd_score,
    polio: row.polio,
    expectedDeliveryDate: row.expected_delivery_date,
  };
}

function applyPersonInput(draft: PersonDraft, input: ScreeningPersonInput) {
  draft.sex = input.sex;
  if (input.indigenous !== undefined) draft.indigenous = input.indigenous;
  for (const field of RISK_FIELDS) {
    const value = input[field];
    if (value !== undefined) (draft as unknown as Record<string, unknown>)[field] = value;
  }
}

/**
 * Validates every entry: the record's own rules, the subsystem may write this service, the
 * institution and subsystem exist, no record id twice, and the birth date agrees with the person
 * the portal already has. Reads only; nothing is written.
 */
export async function checkBatch(prisma: PrismaClient | Prisma.TransactionClient, crypto: NationalIdCrypto, entries: readonly IngestEntry[], today = taipeiToday()): Promise<CheckedBatch> {
  const rejected = new Map<number, FieldErrors>();
  const reject = (index: number, field: string, message: string) => {
    const errors = rejected.get(index) ?? {};
    (errors[field] ??= []).push(message);
    rejected.set(index, errors);
  };
  const parsed: Accepted[] = [];
  const seenIds = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    const result = ScreeningRecordInputSchema.safeParse(entry.raw);
    if (!result.success) {
      rejected.set(index, fieldErrorsOf(result.error.issues));
      continue;
    }
    const record = result.data;
    const owner = SCREENING_SERVICE_INFO[record.service].subsystem;
    if (owner !== entry.subsystemCode) reject(index, 'service', SCREENING_MESSAGES.notOwnService(entry.subsystemCode, SCREENING_SERVICE_INFO[record.service].label));
    if (record.serviceDate > today) reject(index, 'serviceDate', SCREENING_MESSAGES.serviceDateInFuture);
    if (record.person.birthDate > today) reject(index, 'person.birthDate', SCREENING_MESSAGES.birthDateInFuture);
    const key = `${entry.subsystemCode}\u0000${record.recordId}`;
    if (seenIds.has(key)) reject(index, 'recordId', SCREENING_MESSAGES.duplicateInBatch);
    seenIds.add(key);
    if (!rejected.has(index)) parsed.push({ index, subsystemCode: entry.subsystemCode, record, hash: crypto.lookupHash(record.person.nationalId) });
  }

  const codes = [...new Set(parsed.map((entry) => entry.record.institutionCode))];
  const subsystems = [...new Set(parsed.map((entry) => entry.subsystemCode))];
  const hashes = [...new Set(parsed.map((entry) => entry.hash))];
  // One after another: inside an interactive transaction the queries share one connection.
  const institutionRows = codes.length ? await prisma.$queryRaw<{ code: string }[]>`SELECT code FROM institutions WHERE code = ANY(${codes}::text[])` : [];
  const subsystemRows = subsystems.length ? await prisma.$queryRaw<{ code: string }[]>`SELECT code FROM subsystems WHERE code = ANY(${subsystems}::text[])` : [];
  const personRows = hashes.length
    ? await prisma.$queryRaw<PersonRow[]>`SELECT ${PERSON_COLUMNS} FROM screening_persons p WHERE p.national_id_hash = ANY(${hashes}::bpchar[])`
    : [];
  const knownInstitutions = new Set(institutionRows.map((row) => row.code));
  const knownSubsystems = new Set(subsystemRows.map((row) => row.code));
  const persons = new Map<string, PersonDraft>();
  for (const row of personRows) persons.set(row.national_id_hash, { ...personFromRow(row), nationalId: '' });

  const accepted: Accepted[] = [];
  for (const entry of parsed) {
    const { record } = entry;
    if (!knownSubsystems.has(entry.subsystemCode)) reject(entry.index, 'subsystemCode', SCREENING_MESSAGES.subsystemUnknown);
    if (!knownInstitutions.has(record.institutionCode)) reject(entry.index, 'institutionCode', SCREENING_MESSAGES.institutionUnknown);
    const person = persons.get(entry.hash);
    if (person && person.birthDate !== record.person.birthDate) reject(entry.index, 'person.birthDate', SCREENING_MESSAGES.birthDateMismatch);
    if (rejected.has(entry.index)) continue;
    const draft: PersonDraft = person ?? {
      id: null,
      hash: entry.hash,
      nationalId: record.person.nationalId,
      birthDate: record.person.birthDate,
      sex: record.person.sex,
      indigenous: false,
      ...UNKNOWN_RISK_FACTORS,
    };
    applyPersonInput(draft, record.person);
    persons.set(entry.hash, draft);
    accepted.push(entry);
  }
  return { accepted, rejected, persons };
}

/**
 * Writes the accepted records of a checked batch inside the caller's transaction: persons
 * first (created, or updated where something changed), then records (created, updated where
 * something changed, otherwise left alone). Returns each record's outcome; a record whose person
 * was meanwhile stored with another birth date is rejected instead.
 */
export async function writeBatch(tx: Prisma.TransactionClient, crypto: NationalIdCrypto, batch: CheckedBatch): Promise<Map<number, IngestOutcome | FieldErrors>> {
  const outcomes = new Map<number, IngestOutcome | FieldErrors>();
  if (batch.accepted.length === 0) return outcomes;
  const drafts = [...batch.persons.values()].filter((draft) => batch.accepted.some((entry) => entry.hash === draft.hash));
  const column = <T>(pick: (draft: PersonDraft) => T) => drafts.map(pick);
  const written = await tx.$queryRaw<{ id: string; national_id_hash: string }[]>`
    INSERT INTO screening_persons AS p (national_id_cipher, national_id_hash, birth_date, sex, indigenous, family_history_breast, family_history_colorectal,
      family_history_lung, smoking_status, pack_years, quit_year, betel_nut_status, cigarettes_per_day, ftnd_score, polio, expected_delivery_date)
    SELECT decode(t.cipher, 'hex'), t.hash, t.birth::date, t.sex::"ScreeningSex", t.indigenous, t.fb, t.fc, t.fl, t.smoking::"SmokingStatus", t.pack_years,
           t.quit_year, t.betel::"BetelNutStatus", t.cigarettes, t.ftnd, t.polio, t.due::date
      FROM unnest(${column((d) => (d.id ? '' : Buffer.from(crypto.encrypt(d.nationalId)).toString('hex')))}::text[], ${column((d) => d.hash)}::text[],
                  ${column((d) => d.birthDate)}::text[], ${column((d) => d.sex)}::text[], ${column((d) => d.indigenous)}::bool[],
                  ${column((d) => d.familyHistoryBreast)}::bool[], ${column((d) => d.familyHistoryColorectal)}::bool[], ${column((d) => d.familyHistoryLung)}::bool[],
                  ${column((d) => d.smokingStatus)}::text[], ${column((d) => d.packYears)}::real[], ${column((d) => d.quitYear)}::int[],
                  ${column((d) => d.betelNutStatus)}::text[], ${column((d) => d.cigarettesPerDay)}::int[], ${column((d) => d.ftndScore)}::int[],
                  ${column((d) => d.polio)}::bool[], ${column((d) => d.expectedDeliveryDate)}::text[])
           AS t(cipher, hash, birth, sex, indigenous, fb, fc, fl, smoking, pack_years, quit_year, betel, cigarettes, ftnd, polio, due)
    ON CONFLICT (national_id_hash) DO UPDATE SET
      sex = excluded.sex, indigenous = excluded.indigenous, family_history_breast = excluded.family_history_breast,
      family_history_colorectal = excluded.family_history_colorectal, family_history_lung = excluded.family_history_lung,
      smoking_status = excluded.smoking_status, pack_years = excluded.pack_years, quit_year = excluded.quit_year,
      betel_nut_status = excluded.betel_nut_status, cigarettes_per_day = excluded.cigarettes_per_day, ftnd_score = excluded.ftnd_score,
      polio = excluded.polio, expected_delivery_date = excluded.expected_delivery_date, updated_at = now()
    WHERE p.birth_date = excluded.birth_date
      AND (p.sex, p.indigenous, p.family_history_breast, p.family_history_colorectal, p.family_history_lung, p.smoking_status, p.pack_years,
           p.quit_year, p.betel_nut_status, p.cigarettes_per_day, p.ftnd_score, p.polio, p.expected_delivery_date)
          IS DISTINCT FROM
          (excluded.sex, excluded.indigenous, excluded.family_history_breast, excluded.family_history_colorectal, excluded.family_history_lung,
           excluded.smoking_status, excluded.pack_years, excluded.quit_year, excluded.betel_nut_status, excluded.cigarettes_per_day,
           excluded.ftnd_score, excluded.polio, excluded.expected_delivery_date)
    RETURNING id, national_id_hash`;
  const personIds = new Map<string, string>(drafts.filter((draft) => draft.id).map((draft) => [draft.hash, draft.id!]));
  for (const row of written) personIds.set(row.national_id_hash, row.id);
  // Unchanged people return no row; one stored meanwhile by another batch is read back here,
  // and is this batch's person only if the birth dates agree.
  const unseen = drafts.filter((draft) => !personIds.has(draft.hash));
  if (unseen.length > 0) {
    const rows = await tx.$queryRaw<{ id: string; national_id_hash: string; birth_date: string }[]>`
      SELECT id, national_id_hash, to_char(birth_date, 'YYYY-MM-DD') AS birth_date FROM screening_persons WHERE national_id_hash = ANY(${unseen.map((d) => d.hash)}::bpchar[])`;
    for (const row of rows) {
      if (row.birth_date === batch.persons.get(row.national_id_hash)?.birthDate) personIds.set(row.national_id_hash, row.id);
    }
  }
  const writable = batch.accepted.filter((entry) => {
    if (personIds.has(entry.hash)) return true;
    outcomes.set(entry.index, { 'person.birthDate': [SCREENING_MESSAGES.birthDateMismatch] });
    return false;
  });
  if (writable.length === 0) return outcomes;
  const field = <T>(pick: (record: ScreeningRecordInput, entry: Accepted) => T) => writable.map((entry) => pick(entry.record, entry));
  const stored = await tx.$queryRaw<{ source_subsystem: string; source_record_id: string; created: boolean }[]>`
    INSERT INTO screening_records AS r (person_id, service, visit_number, service_date, institution_code, result, follow_up_state, referred_on,
      diagnosed_on, closed_on, source_subsystem, source_record_id)
    SELECT t.person_id, t.service::"ScreeningServiceCode", t.visit_number, t.service_date::date, t.institution_code, t.result::"ScreeningResultCode",
           t.follow_up::"FollowUpState", t.referred_on::date, t.diagnosed_on::date, t.closed_on::date, t.subsystem, t.record_id
      FROM unnest(${field((_, entry) => personIds.get(entry.hash)!)}::uuid[], ${field((r) => r.service)}::text[], ${field((r) => r.visitNumber ?? null)}::int[],
                  ${field((r) => r.serviceDate)}::text[], ${field((r) => r.institutionCode)}::text[], ${field((r) => r.result)}::text[],
                  ${field((r) => r.followUpState ?? null)}::text[], ${field((r) => r.referredOn ?? null)}::text[], ${field((r) => r.diagnosedOn ?? null)}::text[],
                  ${field((r) => r.closedOn ?? null)}::text[], ${field((_, entry) => entry.subsystemCode)}::text[], ${field((r) => r.recordId)}::text[])
           AS t(person_id, service, visit_number, service_date, institution_code, result, follow_up, referred_on, diagnosed_on, closed_on, subsystem, record_id)
    ON CONFLICT (source_subsystem, source_record_id) DO UPDATE SET
      person_id = excluded.person_id, service = excluded.service, visit_number = excluded.visit_number, service_date = excluded.service_date,
      institution_code = excluded.institution_code, result = excluded.result, follow_up_state = excluded.follow_up_state,
      referred_on = excluded.referred_on, diagnosed_on = excluded.diagnosed_on, closed_on = excluded.closed_on, updated_at = now()
    WHERE (r.person_id, r.service, r.visit_number, r.service_date, r.institution_code, r.result, r.follow_up_state, r.referred_on, r.diagnosed_on, r.closed_on)
          IS DISTINCT FROM
          (excluded.person_id, excluded.service, excluded.visit_number, excluded.service_date, excluded.institution_code, excluded.result,
           excluded.follow_up_state, excluded.referred_on, excluded.diagnosed_on, excluded.closed_on)
    RETURNING source_subsystem, source_record_id, (xmax = 0) AS created`;
  const changed = new Map(stored.map((row) => [`${row.source_subsystem}\u0000${row.source_record_id}`, row.created ? 'CREATED' : 'UPDATED'] as const));
  for (const entry of writable) outcomes.set(entry.index, changed.get(`${entry.subsystemCode}\u0000${entry.record.recordId}`) ?? 'UNCHANGED');
  return outcomes;
}

export interface IngestDeps {
  prisma: PrismaClient;
  crypto: NationalIdCrypto;
}

/** The per-record answer of a batch: outcome, or the errors of a rejected record. */
export function ingestResponse(entries: readonly IngestEntry[], batch: CheckedBatch, outcomes: Map<number, IngestOutcome | FieldErrors>): ScreeningIngestResponse {
  const results = entries.map((entry, index) => {
    const outcome = outcomes.get(index);
    const errors = batch.rejected.get(index) ?? (typeof outcome === 'object' ? outcome : undefined);
    return errors
      ? { index, recordId: recordIdOf(entry.raw), outcome: 'REJECTED' as const, errors }
      : { index, recordId: recordIdOf(entry.raw), outcome: (outcome as IngestOutcome | undefined) ?? 'UNCHANGED' };
  });
  const count = (outcome: IngestOutcome) => results.filter((result) => result.outcome === outcome).length;
  return {
    received: entries.length,
    created: count('CREATED'),
    updated: count('UPDATED'),
    unchanged: count('UNCHANGED'),
    rejected: count('REJECTED'),
    results,
  };
}

/**
 * POST /api/screening/ingest for `subsystemCode` (the authenticated OAuth client): up to 1,000
 * records, each checked and stored on its own, one audit event for the batch.
 */
export async function ingestRecords(deps: IngestDeps, subsystemCode: string, records: readonly unknown[], origin: RequestOrigin): Promise<ScreeningIngestResponse> {
  const entries = records.map((raw) => ({ subsystemCode, raw }));
  return deps.prisma.$transaction(async (tx) => {
    const batch = await checkBatch(tx, deps.crypto, entries);
    const outcomes = await writeBatch(tx, deps.crypto, batch);
    const response = ingestResponse(entries, batch, outcomes);
    const { results: _results, ...counts } = response;
    await recordAudit(
      tx,
      { actorLabel: `subsystem:${subsystemCode}`, action: 'screening.records.ingested', entityType: 'screening-batch', entityId: randomUUID(), after: { subsystem: subsystemCode, ...counts } },
      origin,
    );
    return response;
  });
}
