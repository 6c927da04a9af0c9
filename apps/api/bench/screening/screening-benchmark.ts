/**
 * 篩檢結果查詢 on PostgreSQL with the benchmark database of load-screening-data.ts (1,000,000
 * people, about 10,000,000 records):
 * - lookup: the whole service of the lookup screen (daily-limit counter, person and records in
 *   one statement, the lookup log, eligibility of the 12 services), one at a time for latency and
 *   8 at a time for throughput; baseline in the same run: the person's primary-key-sized probe
 *   by keyed hash alone.
 * - ingest: batches of 1,000 new records through the ingest service (checks, persons, records,
 *   audit, one transaction), then the same batches again (an idempotent retry); baseline: the
 *   same 1,000 rows inserted by one plain INSERT … SELECT FROM unnest into a scratch table.
 * CPU per operation: this process (Node) and the PostgreSQL backends serving this database.
 *
 *   pnpm --filter @portal/api bench:screening
 */
import { readdirSync, readFileSync } from 'node:fs';
import { openDatabase, syntheticScreeningPeople, type Database } from '@portal/db';
import { taipeiToday, type ScreeningLookupRequest } from '@portal/shared';
import { percentile } from '../bench-support.js';
import { cpuMsOf } from '../process-cpu.js';
import { ingestRecords } from '../../src/services/screening/ingest.js';
import { lookUpPerson } from '../../src/services/screening/lookup.js';
import { BENCH_DATABASE_URL, benchCrypto, samplePeople } from './bench-data.js';

const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 3000);
const CONCURRENCY = 8;
const BATCHES = Number(process.env.BENCH_BATCHES ?? 20);
const origin = { ip: '127.0.0.1', requestId: 'bench' };

const db: Database = await openDatabase({ databaseUrl: BENCH_DATABASE_URL, poolSize: CONCURRENCY + 2 });
const [sizes] = await db.sql.query<{ people: string; records: string }>(
  `SELECT (SELECT reltuples::bigint FROM pg_class WHERE relname = 'screening_persons')::text AS people,
          (SELECT reltuples::bigint FROM pg_class WHERE relname = 'screening_records')::text AS records`,
);
const [caller] = await db.sql.query<{ id: string }>(`SELECT id FROM accounts WHERE account_name_key = 'demouser'`);
if (!caller || !sizes) throw new Error('Load the benchmark database first: pnpm --filter @portal/api screening:generate');
const deps = { db, crypto: benchCrypto, publicOrigin: 'http://localhost', dailyLimit: 1_000_000_000, alertThreshold: 1_000_000_000 };

const databaseName = new URL(BENCH_DATABASE_URL).pathname.slice(1);

/** Pids of the PostgreSQL backends serving the benchmark database (their titles name it). */
function backendPids(): number[] {
  return readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      return title.startsWith('postgres:') && title.includes(` ${databaseName} `) ? [Number(entry)] : [];
    } catch {
      return [];
    }
  });
}

/**
 * CPU of the backends over a run, sampled every 100 ms: the pool closes idle connections, and a
 * backend that has exited can no longer be read, so its last sample stands for it.
 */
function startBackendCpu(): () => number {
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  const sample = () => {
    for (const pid of backendPids()) {
      const ms = cpuMsOf(pid)?.ms;
      if (ms === undefined) continue;
      if (!first.has(pid)) first.set(pid, ms);
      last.set(pid, ms);
    }
  };
  sample();
  const timer = setInterval(sample, 100);
  return () => {
    sample();
    clearInterval(timer);
    let total = 0;
    for (const [pid, ms] of last) total += ms - (first.get(pid) ?? ms);
    return total;
  };
}

interface Measured {
  label: string;
  operations: number;
  wallMs: number;
  latencies: number[];
  nodeMs: number;
  postgresMs: number;
}

/** Runs `operation` over `items` with `concurrency` workers; latency per operation. */
async function measure<T>(label: string, items: readonly T[], concurrency: number, operation: (item: T) => Promise<unknown>): Promise<Measured> {
  // Backends are opened before counting so that their start-up is not in the figures.
  await Promise.all(Array.from({ length: concurrency }, () => db.sql.query('SELECT 1')));
  const stopBackendCpu = startBackendCpu();
  const nodeBefore = process.cpuUsage();
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        const t0 = performance.now();
        await operation(item);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const wallMs = performance.now() - started;
  const node = process.cpuUsage(nodeBefore);
  return { label, operations: items.length, wallMs, latencies, nodeMs: (node.user + node.system) / 1000, postgresMs: stopBackendCpu() };
}

const fmt = (value: number, digits = 2) => value.toFixed(digits);
function report(result: Measured, unit = 'op') {
  const perSecond = (result.operations / result.wallMs) * 1000;
  console.log(
    `${result.label.padEnd(44)} p50 ${fmt(percentile(result.latencies, 0.5))} ms  p99 ${fmt(percentile(result.latencies, 0.99))} ms  ` +
      `${fmt(perSecond, 1)} ${unit}/s  CPU/${unit}: node ${fmt(result.nodeMs / result.operations)} ms, PostgreSQL ${fmt(result.postgresMs / result.operations)} ms`,
  );
  return result;
}

console.log(`篩檢結果查詢 benchmark on PostgreSQL: ${Number(sizes.people).toLocaleString('en-US')} people, ${Number(sizes.records).toLocaleString('en-US')} records\n`);

// ── lookup ──
const people = await samplePeople(db, LOOKUPS);
const requests: ScreeningLookupRequest[] = people.map((person, index) => ({ ...person, purpose: index % 5 ? 'CARE' : 'FOLLOW_UP' }));
await measure('warm-up', requests.slice(0, 300), 2, (request) => lookUpPerson(deps, caller, request, origin));
const probe = (request: ScreeningLookupRequest) =>
  db.sql.query('SELECT id FROM screening_persons WHERE national_id_hash = $1 AND birth_date = $2::date', [benchCrypto.lookupHash(request.nationalId), request.birthDate], { prepared: true });
const baseline = report(await measure('baseline: person probe by keyed hash, 1 at a time', requests, 1, probe));
const serial = report(await measure('lookup (records + eligibility), 1 at a time', requests, 1, (request) => lookUpPerson(deps, caller, request, origin)));
report(await measure(`lookup, ${CONCURRENCY} at a time`, requests, CONCURRENCY, (request) => lookUpPerson(deps, caller, request, origin)));
const [recordCount] = await db.sql.query<{ avg: string }>(
  `SELECT avg(n)::numeric(6,2)::text AS avg FROM (SELECT count(*) AS n FROM screening_records WHERE person_id IN (SELECT id FROM screening_persons WHERE national_id_hash = ANY($1::bpchar[])) GROUP BY person_id) c`,
  [requests.map((request) => benchCrypto.lookupHash(request.nationalId))],
);
console.log(
  `  → lookup p50 / p99 = ${fmt(percentile(serial.latencies, 0.5) / percentile(baseline.latencies, 0.5), 1)}× / ${fmt(percentile(serial.latencies, 0.99) / percentile(baseline.latencies, 0.99), 1)}× the probe; ` +
    `${recordCount?.avg ?? '?'} records per person looked up; target p99 < 30 ms: ${percentile(serial.latencies, 0.99) < 30 ? 'met' : 'NOT met'}\n`,
);

// ── ingest ──
const institutionCodes = (await db.sql.query<{ code: string }>('SELECT code FROM institutions ORDER BY code LIMIT 2000')).map((row) => row.code);
// Person numbers of this run: far from the loaded people and, within about 14 hours, from earlier runs.
const from = 50_000_000 + (Math.floor(Date.now() / 1000) % 50_000) * 4000;
const batches: { subsystem: string; records: unknown[] }[] = [];
const bySubsystem = new Map<string, unknown[]>();
for (const person of syntheticScreeningPeople({ from, count: 40_000, seed: from, today: taipeiToday(), institutionCodes })) {
  for (const record of person.records) {
    const list = bySubsystem.get(record.sourceSubsystem) ?? [];
    list.push({
      recordId: `BENCH-${record.sourceRecordId}`,
      service: record.service,
      visitNumber: record.visitNumber,
      serviceDate: record.serviceDate,
      institutionCode: record.institutionCode,
      result: record.result,
      followUpState: record.followUpState,
      referredOn: record.referredOn,
      diagnosedOn: record.diagnosedOn,
      closedOn: record.closedOn,
      person: { nationalId: person.nationalId, birthDate: person.birthDate, sex: person.sex, indigenous: person.indigenous, ...person.risk },
    });
    bySubsystem.set(record.sourceSubsystem, list);
    if (list.length === 1000) {
      batches.push({ subsystem: record.sourceSubsystem, records: list });
      bySubsystem.set(record.sourceSubsystem, []);
    }
  }
  if (batches.length >= BATCHES) break;
}
await db.sql.exec(`CREATE TEMP TABLE IF NOT EXISTS bench_plain_records (LIKE screening_records INCLUDING DEFAULTS)`);
const plainInsert = (batch: (typeof batches)[number]) =>
  db.sql.withConnection(async (connection) => {
    await connection.exec(`CREATE TEMP TABLE IF NOT EXISTS bench_plain_records (LIKE screening_records INCLUDING DEFAULTS)`);
    const rows = batch.records as { recordId: string; service: string; serviceDate: string; institutionCode: string; result: string }[];
    await connection.query(
      `INSERT INTO bench_plain_records (person_id, service, service_date, institution_code, result, source_subsystem, source_record_id)
       SELECT gen_random_uuid(), s::"ScreeningServiceCode", d::date, i, r::"ScreeningResultCode", $6, id FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(s, d, i, r, id)`,
      [rows.map((r) => r.service), rows.map((r) => r.serviceDate), rows.map((r) => r.institutionCode), rows.map((r) => r.result), rows.map((r) => r.recordId), batch.subsystem],
    );
  });
const plain = report(await measure('baseline: plain INSERT of 1,000 rows', batches, 1, plainInsert), 'batch');
let outcome = { created: 0, rejected: 0, unchanged: 0 };
const ingest = report(
  await measure('ingest of 1,000-record batches (new)', batches, 1, async (batch) => {
    const response = await ingestRecords({ prisma: db.prisma, crypto: benchCrypto }, batch.subsystem, batch.records, origin);
    outcome = { created: outcome.created + response.created, rejected: outcome.rejected + response.rejected, unchanged: outcome.unchanged + response.unchanged };
  }),
  'batch',
);
const retry = report(await measure('ingest, the same batches again (retry)', batches, 1, (batch) => ingestRecords({ prisma: db.prisma, crypto: benchCrypto }, batch.subsystem, batch.records, origin)), 'batch');
console.log(
  `  → ${batches.length} batches: ${outcome.created} created, ${outcome.rejected} rejected; ingest ${fmt((batches.length / ingest.wallMs) * 1000, 1)} batches/s = ` +
    `${Math.round((batches.length * 1000 * 1000) / ingest.wallMs).toLocaleString('en-US')} records/s, ${fmt(ingest.wallMs / plain.wallMs, 1)}× the plain INSERT; retry ${fmt(retry.wallMs / ingest.wallMs, 2)}× a first ingest`,
);
await db.close();
