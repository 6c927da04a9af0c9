/**
 * Cold start, CPU and memory of the API process, as production runs it (`node dist/server.js`,
 * built by tsc) next to the TypeScript loader (`node --import tsx src/server.ts`), in the same
 * run, on the embedded PGlite and on PostgreSQL (docs/benchmarks.md).
 *
 * For each setup: one start that migrates and seeds (not measured), then BENCH_STARTS measured
 * restarts of an already seeded database. Each measured start is timed from spawn to the first
 * 200 of /readyz, with the process's CPU time at that moment; then a few searches and logins are
 * made (the "after start and a few searches" the memory target is stated for) and the resident
 * set (VmRSS) and its peak (VmHWM) are read from /proc, then where it is from /metrics: V8's heap
 * (used and reserved), memory outside the heap that V8 accounts for (`external`: buffers and the
 * WebAssembly memories) and, embedded, PGlite's WebAssembly memory.
 *
 * Each start runs with the Node.js flags the launcher gives the API (runtime-env.mjs:
 * `--liftoff-only` embedded); the embedded setup is also measured without them ("built, TurboFan"),
 * the baseline of that flag.
 *
 * `pnpm --filter @portal/api bench:runtime` (builds first; PostgreSQL from BENCH_POSTGRES_URL,
 * default the local server, skipped when absent; BENCH_INSTITUTIONS, default 20000). Writes bench-results/runtime.json.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScratchDatabase } from '@portal/db';
import { cpuMsOf } from './process-cpu.js';
import { freePort } from '../test/helpers/free-port.js';
import { apiNodeFlags } from '../runtime-env.mjs';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(apiDir, '../..');
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const STARTS = Number(process.env.BENCH_STARTS ?? 2);
const INSTITUTIONS = process.env.BENCH_INSTITUTIONS ?? '20000';
const SEARCHES = ['示範', '醫院', '診所', '99000', '台北', '示範醫院', '高雄', '01', '藥局', '衛生所'];

const LOADERS = {
  built: (env) => [...apiNodeFlags(env), 'dist/server.js'],
  tsx: (env) => [...apiNodeFlags(env), '--conditions=@portal/source', '--import', 'tsx', 'src/server.ts'],
  'built, TurboFan': () => ['dist/server.js'],
} satisfies Record<string, (env: Record<string, string>) => string[]>;
type Loader = keyof typeof LOADERS;
const METRICS_TOKEN = randomBytes(24).toString('base64url');
const MB = 1024 * 1024;


/** Resident set and its peak, in MB, from /proc (Linux). */
function memoryOf(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakRssMb: Math.round(kb('VmHWM') / 1024) };
}

/** Where the memory is, in MB, as the process itself reports it on /metrics. */
async function memoryPartsOf(origin: string) {
  const response = await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  if (!response.ok) throw new Error(`/metrics → ${response.status}`);
  const body = await response.text();
  const mb = (series: string) => {
    const line = body.split('\n').find((candidate) => candidate.startsWith(`${series} `));
    return line ? Math.round(Number(line.slice(series.length + 1)) / MB) : undefined;
  };
  return {
    heapUsedMb: mb('nodejs_heap_size_used_bytes'),
    heapTotalMb: mb('nodejs_heap_size_total_bytes'),
    externalMb: mb('nodejs_external_memory_bytes'),
    pgliteWasmMb: mb('portal_db_embedded_memory_bytes'),
  };
}

async function stop(server: ChildProcess) {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}

async function start(loader: Loader, env: Record<string, string>) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const server = spawn(process.execPath, LOADERS[loader](env), {
    cwd: apiDir,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'development', LOG_LEVEL: 'warn', PORT: String(port), UV_THREADPOOL_SIZE: '2', METRICS_TOKEN, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    if (server.exitCode !== null) throw new Error(`${loader} server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${origin}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const coldStartMs = Math.round(performance.now() - started);
  const cpuMsAtReady = cpuMsOf(server.pid!)?.ms;
  return { server, origin, coldStartMs, cpuMsAtReady };
}

/** A few searches and logins: what an operator's first minutes after a start look like. */
async function exercise(origin: string) {
  for (const q of SEARCHES) {
    const response = await fetch(`${origin}/api/institutions?q=${encodeURIComponent(q)}`);
    if (!response.ok) throw new Error(`search ${q} → ${response.status}`);
    await response.arrayBuffer();
  }
  for (const accountName of ['demouser', 'demomanager', 'demostaff']) {
    const response = await fetch(`${origin}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ accountName, password: 'Portal*Demo=2026' }),
    });
    await response.arrayBuffer();
  }
}

async function measure(loader: Loader, env: Record<string, string>) {
  const { server, origin, coldStartMs, cpuMsAtReady } = await start(loader, env);
  try {
    await exercise(origin);
    const resident = memoryOf(server.pid!);
    return { coldStartMs, cpuMsAtReady, ...resident, ...(await memoryPartsOf(origin)) };
  } finally {
    await stop(server);
  }
}

const FIGURES = ['coldStartMs', 'cpuMsAtReady', 'rssMb', 'peakRssMb', 'heapUsedMb', 'heapTotalMb', 'externalMb', 'pgliteWasmMb'] as const;
type Figures = Partial<Record<(typeof FIGURES)[number], number>>;

async function benchSetup(name: string, env: Record<string, string>, loaders: readonly Loader[]) {
  await stop((await start('built', env)).server); // migrates and seeds, not measured
  const runs = Object.fromEntries(loaders.map((loader) => [loader, [] as Figures[]])) as Record<Loader, Figures[]>;
  // Alternating, so that a busy moment of the machine does not fall on one loader only.
  for (let i = 0; i < STARTS; i++) for (const loader of loaders) runs[loader].push(await measure(loader, env));
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const summary = Object.fromEntries(
    loaders.map((loader) => [
      loader,
      Object.fromEntries(
        FIGURES.map((field) => [field, median(runs[loader].flatMap((run) => (run[field] === undefined ? [] : [run[field]])))]),
      ) as Figures,
    ]),
  ) as Record<Loader, Figures>;
  const ratio = (over: Loader, field: (typeof FIGURES)[number]) => +((summary.built[field] ?? NaN) / (summary[over][field] ?? NaN)).toFixed(2);
  const ratios = (over: Loader) => ({
    coldStart: ratio(over, 'coldStartMs'),
    cpuAtReady: ratio(over, 'cpuMsAtReady'),
    rss: ratio(over, 'rssMb'),
    peakRss: ratio(over, 'peakRssMb'),
  });
  const result = {
    ...summary,
    builtOverTsx: ratios('tsx'),
    ...(loaders.includes('built, TurboFan') ? { builtOverTurbofan: ratios('built, TurboFan') } : {}),
    runs,
  };
  const { runs: _runs, ...printed } = result;
  console.log(name, JSON.stringify(printed));
  return result;
}

async function reachable(url: string) {
  const { hostname, port } = new URL(url);
  return new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 5432), timeout: 1500 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

const build = spawnSync(process.execPath, [path.join(root, 'node_modules/turbo/bin/turbo'), 'run', 'build', '--filter=@portal/api', '--output-logs=errors-only'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
});
if (build.status !== 0) throw new Error('building the API failed');

const demo = { SEED_DEMO: 'true', SEED_INSTITUTIONS: INSTITUTIONS, DIGEST_ENABLED: 'false', PURGE_ENABLED: 'false' };
const results: Record<string, unknown> = { machine: `${process.platform} ${process.arch}, node ${process.version}`, at: new Date().toISOString() };

const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-runtime-'));
try {
  results.pglite = await benchSetup('embedded (PGlite)', { ...demo, DATA_DIR: dataDir, DATABASE_URL: '' }, ['built', 'tsx', 'built, TurboFan']);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

if (await reachable(POSTGRES_URL)) {
  const scratch = await createScratchDatabase({ engine: 'postgresql', adminUrl: POSTGRES_URL, migrated: false });
  const key = () => randomBytes(32).toString('base64');
  const pgDataDir = mkdtempSync(path.join(tmpdir(), 'bench-runtime-pg-'));
  try {
    results.postgresql = await benchSetup('PostgreSQL', {
      ...demo,
      DATA_DIR: pgDataDir,
      DATABASE_URL: scratch.url!,
      JWT_SECRET: key(),
      NATIONAL_ID_KEY: key(),
      NATIONAL_ID_HASH_KEY: key(),
      OIDC_KEY: key(),
    }, ['built', 'tsx']);
  } finally {
    await scratch.drop();
    rmSync(pgDataDir, { recursive: true, force: true });
  }
} else {
  console.log(`PostgreSQL: skipped (nothing at ${POSTGRES_URL})`);
}

const out = path.join(root, 'bench-results');
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'runtime.json'), JSON.stringify(results, null, 2));
