/**
 * Load with faults (docs/benchmarks.md): two API instances on PostgreSQL + Redis, LOAD_CLIENTS
 * clients (default 200) for at least LOAD_SECONDS (default 60) mixing 帳號申請, login, refresh
 * and the 單位業務管理者's queue, while one instance is killed with SIGKILL and restarted, Redis is
 * killed and restarted, and PostgreSQL is restarted. PostgreSQL and Redis are servers of this
 * run's own (initdb + pg_ctl, redis-server) on free ports; without PostgreSQL's server binaries
 * a scratch database on BENCH_POSTGRES_URL is used and the restart is left out.
 *
 * `pnpm --filter @portal/api bench:load-faults` (LOAD_FAULTS picks some of kill,redis,postgres). Prints the figures and writes
 * bench-results/load-and-faults.json; exits 1 when a check fails (a 5xx outside the database
 * restart, a 201 not stored, a half-written application).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFaultVerdict } from './load-faults/verdict.js';
import { runLoadAndFaults } from './load-faults/harness.js';
import { postgresServerInstalled } from './load-faults/services.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const clients = Number(process.env.LOAD_CLIENTS ?? 200);
const seconds = Number(process.env.LOAD_SECONDS ?? 60);
const ownPostgres = postgresServerInstalled();
/** LOAD_FAULTS=kill,redis,postgres (default all): the faults to run, in that order. */
const faults = (process.env.LOAD_FAULTS ?? 'kill,redis,postgres').split(',');

const result = await runLoadAndFaults({
  clients,
  durationMs: seconds * 1000,
  faults: { kill: faults.includes('kill'), redis: faults.includes('redis'), postgres: ownPostgres && faults.includes('postgres') },
  postgres: ownPostgres ? { own: true } : { adminUrl: process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' },
  log: (line) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`),
});

const { summary } = result;
console.log(`\n${clients} clients, ${summary.total.seconds} s, load average ${result.loadAverage.atStart.map((v) => v.toFixed(2)).join(' ')} → ${result.loadAverage.atEnd.map((v) => v.toFixed(2)).join(' ')}`);
console.log('\nBy kind');
console.table(summary.byKind);
console.log('By phase');
console.table(
  summary.byWindow.map(({ otherInstance, ...window }) => ({
    ...window,
    ...(otherInstance && { 'other instance: 5xx/conn errors': `${otherInstance['5xx']}/${otherInstance.connectionErrors}`, 'other instance /s': otherInstance.perSecond }),
  })),
);
console.log(`API CPU: ${Math.round(result.apiCpuMs)} ms for ${summary.total.requests} requests = ${summary.apiCpuMsPerRequest} ms per answered request; load generator ${Math.round(result.generatorCpuMs)} ms`);
console.log('Consistency', result.consistency);
console.log(`Redis: ${result.redisFailureLogLines} log lines about it being unavailable; ${result.redisKeysAtEnd} keys once back`);
if (Object.keys(result.unhandledErrors).length > 0) console.log('Errors behind the 500s:', result.unhandledErrors);
if (result.crashes.length > 0) console.log('Crashes:', result.crashes, '\n', result.severeLogLines.join('\n'));
if (result.readiness) console.log('PostgreSQL restart, /readyz:', result.readiness);

const verdict = loadFaultVerdict(result);
const out = path.join(root, 'bench-results');
mkdirSync(out, { recursive: true });
const { samples: _samples, ...kept } = result;
writeFileSync(path.join(out, 'load-and-faults.json'), JSON.stringify({ at: new Date().toISOString(), clients, seconds, ...kept, verdict }, null, 2));
console.log(verdict.length === 0 ? '\nAll checks hold.' : `\nFAILED:\n  ${verdict.join('\n  ')}`);
process.exit(verdict.length === 0 ? 0 : 1);
