/**
 * 機構查詢 as the directory grows: p50 / p99 of GET /api/institutions through
 * HTTP on PostgreSQL at 20,000 and at 200,000 institutions in one run, for a fixed mix of what
 * people type (code prefixes, two-character name parts, longer and rare names, 台/臺 variants,
 * broad queries that match most of the directory, queries that match nothing). Beside it, in the
 * same run and on the same data, the search as it was before the index (LIKE on the name, every
 * match counted), as SQL alone: the baseline of the ratio. CPU per search: this process (API and
 * client) and the PostgreSQL backends.
 *
 * `cd apps/api && npx tsx --conditions=@portal/source bench/institution-search-benchmark.ts`
 * (BENCH_POSTGRES_URL; BENCH_SIZES, default 20000,200000; BENCH_SAMPLES, default 2000;
 * BENCH_ENGINE=pglite for the embedded PGlite in this process instead, in a temporary directory).
 * Writes bench-results/institution-search.json (institution-search-pglite.json for PGlite).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withBenchDatabase } from './back-office-support.js';
import { percentile } from './bench-support.js';
import { startCpuCount } from './process-cpu.js';

const SIZES = (process.env.BENCH_SIZES ?? '20000,200000').split(',').map(Number);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 2000);
const PGLITE = process.env.BENCH_ENGINE === 'pglite';


/** What a query is, and examples; each kind is drawn equally often. */
const MIX: Record<string, readonly string[]> = {
  'code prefix': ['01', '013', '0230', '05310', '113000', '1950000', '22700001'],
  'two characters': ['仁心', '臺北', '安康', '新竹', '康寧', '惠民'],
  'variant (台)': ['台北', '台中仁心', '台東'],
  'longer name part': ['仁心安康', '新竹博愛', '高雄惠民診所', '臺中長青藥局'],
  broad: ['示範', '診所', '藥局', '醫院', '康'],
  'no match': ['無此機構', '資料庫', 'abc', '台大醫院', '長庚'],
};

function queries(count: number): { kind: string; q: string }[] {
  const kinds = Object.keys(MIX);
  return Array.from({ length: count }, (_, i) => {
    const kind = kinds[i % kinds.length]!;
    const examples = MIX[kind]!;
    return { kind, q: examples[Math.floor(i / kinds.length) % examples.length]! };
  });
}

const stats = (timings: number[]) => ({
  p50Ms: +percentile(timings, 0.5).toFixed(2),
  p99Ms: +percentile(timings, 0.99).toFixed(2),
});

/** The search before the index: every match counted, the name scanned with LIKE. */
const BEFORE = {
  rows: `SELECT id, code, name FROM institutions WHERE closed_at IS NULL AND name LIKE '%' || $1 || '%' ORDER BY code LIMIT 10`,
  count: `SELECT count(*)::int AS n FROM institutions WHERE closed_at IS NULL AND name LIKE '%' || $1 || '%'`,
};

const results: Record<string, unknown> = { at: new Date().toISOString(), engine: PGLITE ? 'pglite' : 'postgresql', samples: SAMPLES, sizes: {} };

for (const size of SIZES) {
  await withBenchDatabase(size, async ({ base, sql }) => {
    // As autovacuum would leave them after the seed: statistics, and the visibility map that
    // lets a walk of postings read the index alone.
    await sql('VACUUM ANALYZE institutions');
    await sql('VACUUM ANALYZE institution_name_postings');
    const mix = queries(SAMPLES);
    const search = async (q: string) => {
      const started = performance.now();
      const response = await fetch(`${base}/api/institutions?pageSize=10&q=${encodeURIComponent(q)}`);
      const body = (await response.json()) as { total: number; totalCapped: boolean };
      if (!response.ok) throw new Error(`${q}: ${response.status}`);
      return { ms: performance.now() - started, body };
    };
    for (const { q } of mix.slice(0, 300)) await search(q); // warm-up: JIT, plans, pool, cache

    const byKind: Record<string, number[]> = {};
    const totals: Record<string, string> = {};
    const all: number[] = [];
    const loadBefore = loadavg()[0]!;
    const stop = startCpuCount(process.pid);
    for (const { kind, q } of mix) {
      const { ms, body } = await search(q);
      all.push(ms);
      (byKind[kind] ??= []).push(ms);
      totals[q] = body.totalCapped ? `>${body.total}` : String(body.total);
    }
    const cpu = stop();

    // The baseline: the same name queries as before the index, as SQL alone (no HTTP).
    const before: number[] = [];
    const names = mix.filter(({ kind }) => kind !== 'code prefix').slice(0, Math.min(600, SAMPLES));
    for (const { q } of names.slice(0, 50)) await Promise.all([sql(BEFORE.rows, [q]), sql(BEFORE.count, [q])]);
    for (const { q } of names) {
      const started = performance.now();
      await Promise.all([sql(BEFORE.rows, [q]), sql(BEFORE.count, [q])]);
      before.push(performance.now() - started);
    }

    const entry = {
      all: stats(all),
      byKind: Object.fromEntries(Object.entries(byKind).map(([kind, timings]) => [kind, stats(timings)])),
      cpuPerSearchMs: {
        node: +((cpu.server ?? cpu.generator) / all.length).toFixed(3),
        // On PGlite the database runs in this process: its CPU is in `node`.
        postgres: cpu.postgres === undefined || PGLITE ? null : +(cpu.postgres / all.length).toFixed(3),
      },
      machineBusy: cpu.machineBusy === undefined ? null : +cpu.machineBusy.toFixed(2),
      loadAverage1m: { before: +loadBefore.toFixed(2), after: +loadavg()[0]!.toFixed(2) },
      beforeIndexNameQueriesSql: stats(before),
      totals,
    };
    (results.sizes as Record<string, unknown>)[size] = entry;
    console.log(`${size} institutions`, JSON.stringify(entry, null, 2));
  }, PGLITE ? 'pglite' : 'postgresql');
}

const sizes = results.sizes as Record<string, { all: { p99Ms: number }; beforeIndexNameQueriesSql: { p99Ms: number } }>;
if (SIZES.length === 2) {
  const [small, large] = SIZES.map((size) => sizes[size]!);
  results.ratio = {
    p99LargeOverSmall: +(large!.all.p99Ms / small!.all.p99Ms).toFixed(2),
    beforeIndexP99LargeOverSmall: +(large!.beforeIndexNameQueriesSql.p99Ms / small!.beforeIndexNameQueriesSql.p99Ms).toFixed(2),
    targetMet: large!.all.p99Ms < 30 && large!.all.p99Ms <= 2 * small!.all.p99Ms,
  };
  console.log('ratio', results.ratio);
}
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bench-results');
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, PGLITE ? 'institution-search-pglite.json' : 'institution-search.json'), JSON.stringify(results, null, 2));
