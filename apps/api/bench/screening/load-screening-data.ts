/**
 * Fills the benchmark database with synthetic people and their records (default 1,000,000
 * people, about 10 records each) through COPY, then rebuilds the record indexes and analyzes.
 * Idempotent: a database that already holds the people is left as it is.
 *
 *   pnpm --filter @portal/api screening:generate [--people 1000000]
 *
 * Uses BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/portal_bench_screening),
 * created when missing. Never point it at a database with real data: the load switches off
 * foreign-key triggers for its own session (the generator's rows are consistent by construction).
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { migrate, openDatabase, runSeed, syntheticScreeningPeople } from '@portal/db';
import { taipeiToday } from '@portal/shared';
import { BENCH_DATABASE_URL, benchCrypto } from './bench-data.js';

const { values } = parseArgs({ options: { people: { type: 'string', default: '1000000' } } });
const target = Number(values.people);

async function ensureDatabase(url: string) {
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.href });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

await ensureDatabase(BENCH_DATABASE_URL);
const db = await openDatabase({ databaseUrl: BENCH_DATABASE_URL });
await migrate(db.sql);
await runSeed({ prisma: db.prisma, crypto: benchCrypto, demo: true, institutionCount: 20_000 });
const [stored] = await db.sql.query<{ count: string }>('SELECT count(*)::text AS count FROM screening_persons');
const existing = Number(stored?.count ?? 0);
if (existing >= target) {
  console.log(`already loaded: ${existing} people`);
  await db.close();
  process.exit(0);
}
const institutionCodes = (await db.sql.query<{ code: string }>('SELECT code FROM institutions WHERE closed_at IS NULL ORDER BY code')).map((row) => row.code);
const indexes = await db.sql.query<{ indexname: string; indexdef: string }>(
  "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'screening_records' AND indexname <> 'screening_records_pkey'",
);
await db.close();

const persons = new pg.Client({ connectionString: BENCH_DATABASE_URL });
const records = new pg.Client({ connectionString: BENCH_DATABASE_URL });
await Promise.all([persons.connect(), records.connect()]);
for (const client of [persons, records]) await client.query('SET session_replication_role = replica');
for (const index of indexes) await records.query(`DROP INDEX IF EXISTS "${index.indexname}"`);

const personStream = persons.query(
  copyFrom(`COPY screening_persons (id, national_id_cipher, national_id_hash, birth_date, sex, indigenous, family_history_breast, family_history_colorectal,
    family_history_lung, smoking_status, pack_years, quit_year, betel_nut_status, cigarettes_per_day, ftnd_score, polio, expected_delivery_date) FROM STDIN`),
);
const recordStream = records.query(
  copyFrom(`COPY screening_records (person_id, service, visit_number, service_date, institution_code, result, follow_up_state, referred_on, diagnosed_on,
    closed_on, source_subsystem, source_record_id) FROM STDIN`),
);

const cell = (value: unknown) => (value === null || value === undefined ? '\\N' : typeof value === 'boolean' ? (value ? 't' : 'f') : String(value));
const line = (cells: unknown[]) => `${cells.map(cell).join('\t')}\n`;
async function write(stream: NodeJS.WritableStream, chunk: string) {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

const started = performance.now();
let personChunk = '';
let recordChunk = '';
let recordCount = 0;
let made = 0;
for (const person of syntheticScreeningPeople({ from: existing, count: target - existing, seed: 20_261_126 + existing, today: taipeiToday(), institutionCodes })) {
  const id = randomUUID();
  const risk = person.risk;
  personChunk += line([
    id, `\\\\x${Buffer.from(benchCrypto.encrypt(person.nationalId)).toString('hex')}`, benchCrypto.lookupHash(person.nationalId), person.birthDate, person.sex, person.indigenous,
    risk.familyHistoryBreast, risk.familyHistoryColorectal, risk.familyHistoryLung, risk.smokingStatus, risk.packYears, risk.quitYear, risk.betelNutStatus,
    risk.cigarettesPerDay, risk.ftndScore, risk.polio, risk.expectedDeliveryDate,
  ]);
  for (const record of person.records) {
    recordChunk += line([
      id, record.service, record.visitNumber, record.serviceDate, record.institutionCode, record.result, record.followUpState, record.referredOn,
      record.diagnosedOn, record.closedOn, record.sourceSubsystem, record.sourceRecordId,
    ]);
  }
  recordCount += person.records.length;
  made += 1;
  if (made % 2000 === 0) {
    await Promise.all([write(personStream, personChunk), write(recordStream, recordChunk)]);
    personChunk = '';
    recordChunk = '';
  }
  if (made % 100_000 === 0) console.log(`${made} people, ${recordCount} records, ${Math.round((performance.now() - started) / 1000)} s`);
}
await Promise.all([write(personStream, personChunk), write(recordStream, recordChunk)]);
personStream.end();
recordStream.end();
await Promise.all([once(personStream, 'finish'), once(recordStream, 'finish')]);
console.log(`copied ${made} people and ${recordCount} records in ${Math.round((performance.now() - started) / 1000)} s; building indexes…`);
for (const index of indexes) await records.query(index.indexdef);
await records.query('ANALYZE');
await Promise.all([persons.end(), records.end()]);
console.log(`done in ${Math.round((performance.now() - started) / 1000)} s`);
