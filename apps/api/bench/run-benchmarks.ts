/**
 * Benchmarks of the foundation, on this machine (docs/benchmarks.md):
 *  - time to migrate and seed an empty database (20,000 institutions + demo data);
 *  - institution search latency through HTTP (median, p99) on PGlite and on PostgreSQL;
 *  - cold start of the embedded setup (first start on an empty DATA_DIR, and a restart).
 *
 * `pnpm bench` (PostgreSQL from BENCH_POSTGRES_URL, default the local server; skipped when
 * absent). Results are printed and written to bench-results/foundation.json.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNationalIdCrypto, createScratchDatabase, migrate, openDatabase, runSeed, type Database } from '@portal/db';
import { randomBytes } from 'node:crypto';
import { renderBlankManagerForm } from '@portal/forms';
import { buildApp } from '../src/app.js';
import { parseEnv } from '../src/env.js';
import { percentile, seededQueries } from './bench-support.js';
import { productionEnv } from '../test/helpers/production-env.js';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3000);
const crypto = createNationalIdCrypto({ nationalIdKey: randomBytes(32), nationalIdHashKey: randomBytes(32) });

async function seedFromEmpty(db: Database) {
  const started = performance.now();
  await migrate(db.sql);
  await runSeed({ prisma: db.prisma, crypto, demo: true, institutionCount: 20_000, renderManagerForm: renderBlankManagerForm });
  return Math.round(performance.now() - started);
}

async function searchLatency(db: Database) {
  const app = await buildApp({ env: parseEnv(productionEnv()), db, nationalIdCrypto: crypto, jwtSecret: randomBytes(32), logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  const queries = seededQueries(REQUESTS);
  const timings: number[] = [];
  // Warm-up: JIT, query plans, connection pool.
  for (const q of queries.slice(0, 200)) await fetch(`http://127.0.0.1:${port}/api/institutions?q=${encodeURIComponent(q)}`).then((r) => r.arrayBuffer());
  for (const q of queries) {
    const started = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/api/institutions?q=${encodeURIComponent(q)}`);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`search ${q} → ${res.status}`);
    timings.push(performance.now() - started);
  }
  await app.close();
  return {
    requests: timings.length,
    medianMs: +percentile(timings, 0.5).toFixed(2),
    p99Ms: +percentile(timings, 0.99).toFixed(2),
    maxMs: +Math.max(...timings).toFixed(2),
  };
}

async function benchPglite() {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-pglite-'));
  const db = await openDatabase({ pgliteDir: dir });
  try {
    const seedMs = await seedFromEmpty(db);
    return { seedFromEmptyMs: seedMs, search: await searchLatency(db) };
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchPostgres() {
  let scratch;
  try {
    scratch = await createScratchDatabase({ engine: 'postgresql', adminUrl: POSTGRES_URL, migrated: false, poolSize: 10 });
  } catch {
    return { skipped: `no PostgreSQL at ${POSTGRES_URL}` };
  }
  try {
    const seedMs = await seedFromEmpty(scratch.db);
    await scratch.db.sql.exec('ANALYZE');
    return { seedFromEmptyMs: seedMs, search: await searchLatency(scratch.db) };
  } finally {
    await scratch.drop();
  }
}

/** Starts the real server as `pnpm start` does and times it until /readyz answers 200. */
async function coldStart(dataDir: string) {
  const port = 40_000 + Math.floor(Math.random() * 20_000);
  const started = performance.now();
  const server = spawn(process.execPath, ['--conditions=@portal/source', '--import', 'tsx', 'src/server.ts'], {
    cwd: apiDir,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, SEED_DEMO: 'true', LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (server.exitCode !== null) throw new Error('server exited');
      try {
        if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) break;
      } catch {
        // not yet listening
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return Math.round(performance.now() - started);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
}

const results: Record<string, unknown> = { machine: `${process.platform} ${process.arch}, node ${process.version}`, at: new Date().toISOString() };
results.pglite = await benchPglite();
console.log('PGlite', results.pglite);
results.postgresql = await benchPostgres();
console.log('PostgreSQL', results.postgresql);
const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-cold-'));
results.coldStart = { firstStartWithSeedMs: await coldStart(dataDir), restartMs: await coldStart(dataDir) };
rmSync(dataDir, { recursive: true, force: true });
console.log('cold start', results.coldStart);
const out = path.resolve(apiDir, '../../bench-results');
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'foundation.json'), JSON.stringify(results, null, 2));
