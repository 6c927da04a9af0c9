#!/usr/bin/env node
/**
 * `pnpm test`: every test of the project, suite by suite, then one closing line
 * "N passed, N failed, N skipped".
 *
 * Every outside need is declared here, once: PostgreSQL (127.0.0.1:5432, or TEST_POSTGRES_URL),
 * Redis (127.0.0.1:6379, or TEST_REDIS_URL), Chromium (/usr/bin/chromium, or CHROMIUM_PATH) and
 * pdftotext (poppler-utils). A suite that `needs` one runs only when it is present; a suite that
 * `uses` one runs anyway and skips just the tests that need it (they read TEST_WITHOUT). Whatever is
 * absent is reported as skipped, plainly. Under CI (CI=true) every need is required: a missing one
 * fails the run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ci = process.env.CI === 'true' || process.env.CI === '1';
const postgresUrl = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const only = process.argv.slice(2);

function reachable(url, defaultPort) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || defaultPort), timeout: 1500 });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
  });
}

/** Each outside need: whether it is here, and what to say (or install) when it is not. */
const NEEDS = {
  postgres: { present: await reachable(postgresUrl, 5432), absent: `no PostgreSQL at ${postgresUrl}` },
  redis: { present: await reachable(redisUrl, 6379), absent: `no Redis at ${redisUrl} (apt-get install redis-server)` },
  chromium: { present: existsSync(chromiumPath), absent: `no Chromium at ${chromiumPath} (apt-get install chromium)` },
  pdftotext: { present: spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error === undefined, absent: 'no pdftotext (apt-get install poppler-utils)' },
};

const postgresEnv = { TEST_DATABASE: 'postgresql', TEST_POSTGRES_URL: postgresUrl };
const suites = [
  { name: 'shared (unit)', dir: 'packages/shared' },
  { name: 'forms (PDF)', dir: 'packages/forms', uses: ['pdftotext'] },
  { name: 'db (PGlite)', dir: 'packages/db', env: { TEST_DATABASE: 'pglite' } },
  { name: 'db (PostgreSQL)', dir: 'packages/db', env: postgresEnv, needs: ['postgres'] },
  { name: 'api (PGlite)', dir: 'apps/api', env: { TEST_DATABASE: 'pglite' }, uses: ['redis'] },
  { name: 'api (PostgreSQL)', dir: 'apps/api', env: postgresEnv, needs: ['postgres'], uses: ['redis'] },
  // Two server processes under load, one killed, its own redis-server killed: alone, so it crowds no other file.
  { name: 'api load with faults (PostgreSQL, Redis)', dir: 'apps/api', args: ['--config', 'vitest.load.config.ts'], env: postgresEnv, needs: ['postgres', 'redis'] },
  { name: 'card-sim (test PKI, HiPKI protocol)', dir: 'tools/card-sim', env: { CHROMIUM_PATH: chromiumPath }, uses: ['chromium'] },
  { name: 'demo-subsystem (relying party)', dir: 'tools/demo-subsystem' },
  { name: 'web (SPA, msw)', dir: 'apps/web' },
  { name: 'e2e (Chromium)', dir: 'apps/e2e', env: { CHROMIUM_PATH: chromiumPath }, needs: ['chromium'] },
].filter((suite) => only.length === 0 || only.some((word) => suite.name.includes(word)));

const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];
let missingRequired = false;
const reportDir = mkdtempSync(path.join(tmpdir(), 'portal-test-'));

for (const [index, suite] of suites.entries()) {
  const absentNeeds = (suite.needs ?? []).filter((need) => !NEEDS[need].present);
  const absentUses = (suite.uses ?? []).filter((need) => !NEEDS[need].present);
  for (const need of [...absentNeeds, ...absentUses]) {
    const what = absentNeeds.includes(need) ? suite.name : `${suite.name}, the tests that need ${need}`;
    summary.push(`${ci ? 'FAILED ' : 'SKIPPED'}  ${what}: ${NEEDS[need].absent}${ci ? ' — required under CI' : ''}`);
    if (ci) missingRequired = true;
  }
  if (absentNeeds.length > 0) continue;
  console.log(`\n━━ ${suite.name} ━━`);
  const report = path.join(reportDir, `${index}.json`);
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...(suite.args ?? []), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    { cwd: path.join(root, suite.dir), stdio: 'inherit', env: { ...process.env, TEST_REDIS_URL: redisUrl, ...suite.env, TEST_WITHOUT: absentUses.join(',') } },
  );
  const counts = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : undefined;
  const passed = counts?.numPassedTests ?? 0;
  const failed = (counts?.numFailedTests ?? 0) + (result.status !== 0 && !counts?.numFailedTests ? 1 : 0);
  const skipped = (counts?.numPendingTests ?? 0) + (counts?.numTodoTests ?? 0);
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  summary.push(`${result.status === 0 ? 'ok     ' : 'FAILED '}  ${suite.name}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
}
rmSync(reportDir, { recursive: true, force: true });

console.log(`\n${summary.join('\n')}\n`);
if (missingRequired) totals.failed += 1;
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
