/**
 * Load with faults: two API instances on one PostgreSQL database and one Redis, many clients
 * across both, and while they run: one instance killed with SIGKILL and started again, Redis
 * killed and started again, PostgreSQL restarted. Afterwards the database is checked: every
 * 帳號申請 answered 201 is there with its audit row, and no application is half written.
 *
 * Used by bench/load-and-faults.ts (the full run) and by test/runtime/load-and-faults.test.ts
 * (a short run in CI).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createNationalIdCrypto, createScratchDatabase, hashPassword, runSeed, type ScratchDatabase } from '@portal/db';
import { ApiInstance } from './api-instance.js';
import { runClient, type ClientAccount, type ClientRun, type RequestKind, type Sample } from './clients.js';
import { OwnPostgres, OwnRedis } from './services.js';
import { consistencyOf, type Consistency } from './consistency.js';
import { summarise, type Window } from './summary.js';

export interface LoadFaultOptions {
  clients: number;
  /** Least time under load; the faults run one after another within it (or a little past it). */
  durationMs: number;
  faults: { kill: boolean; redis: boolean; postgres: boolean };
  /** Where PostgreSQL runs: a cluster of our own (needed to restart it), or a server to make a scratch database on. */
  postgres: { own: true } | { adminUrl: string };
  /** How long PostgreSQL stays down in its restart (default 3 s). */
  postgresDownMs?: number;
  /** How long Redis stays down. */
  redisDownMs?: number;
  log?: (line: string) => void;
}

export interface LoadFaultResult {
  samples: Sample[];
  windows: Window[];
  consistency: Consistency;
  /** CPU ms of the API processes (every life, less a restart's start-up) during the load. */
  apiCpuMs: number;
  generatorCpuMs: number;
  wallMs: number;
  loadAverage: { atStart: number[]; atEnd: number[] };
  /** Lines of the instances' logs that report Redis unavailable (the fail-open is logged). */
  redisFailureLogLines: number;
  /** The errors behind 500 answers, as the instances logged them: message → count. */
  unhandledErrors: Record<string, number>;
  /** Instances that exited without being told to. */
  crashes: { instance: string; code: number | null; signal: string | null; at: Date }[];
  /** Errors and crash output of the instances (distinct lines, the first 40). */
  severeLogLines: string[];
  /** Keys in Redis at the end: the throttles write there again once it is back. */
  redisKeysAtEnd: number | undefined;
  readiness?: { sawNotReady: boolean; notReadyMs: number; recoveredWithoutRestart: boolean };
  summary: ReturnType<typeof summarise>;
}

const CLIENT_PASSWORD = 'Load*Test=2026';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One 單位業務管理者 per client, each at an institution of its own that had no manager. */
async function createClientAccounts(url: string, count: number): Promise<ClientAccount[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const hash = await hashPassword(CLIENT_PASSWORD);
    const { rows } = await client.query<{ id: string; code: string }>(
      `SELECT i.id, i.code FROM institutions i
        WHERE i.closed_at IS NULL AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.institution_id = i.id)
        ORDER BY i.code LIMIT $1`,
      [count],
    );
    if (rows.length < count) throw new Error(`only ${rows.length} free institutions for ${count} clients`);
    await client.query(
      `INSERT INTO accounts (id, account_name, account_name_key, password_hash, national_id_cipher, national_id_hash, name, phone, email,
                             role, status, institution_id, created_at, updated_at, activated_at)
       SELECT gen_random_uuid(), 'lfmgr' || n, 'lfmgr' || n, $1, '\\x00'::bytea, lpad('f' || to_hex(n), 64, '0'), '負載管理者' || n, '02-12345678',
              'lfmgr' || n || '@example.org', 'INSTITUTION_MANAGER', 'ACTIVE', ids[n], now(), now(), now()
         FROM generate_series(1, $2::int) n, (SELECT $3::uuid[] AS ids) i`,
      [hash, count, rows.map((row) => row.id)],
    );
    return rows.map((row, i) => ({ accountName: `lfmgr${i + 1}`, password: CLIENT_PASSWORD, institutionCode: row.code }));
  } finally {
    await client.end();
  }
}

async function redisKeyCount(port: number): Promise<number | undefined> {
  const { createConnection } = await import('node:net');
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port, timeout: 1000 }, () => socket.write('DBSIZE\r\n'));
    socket.once('data', (data) => (socket.destroy(), resolve(Number(/^:(\d+)/.exec(data.toString())?.[1]))));
    socket.once('error', () => resolve(undefined));
    socket.once('timeout', () => (socket.destroy(), resolve(undefined)));
  });
}

function unhandledErrorsOf(lines: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of lines) {
    if (!line.includes('"unhandled error"')) continue;
    const { err } = JSON.parse(line) as { err?: { type?: string; code?: string; message?: string } };
    const key = `${err?.type ?? '?'} ${err?.code ?? ''} ${(err?.message ?? '').split('\n').at(-1)!.slice(0, 160)}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

function severeLinesOf(lines: string[]): string[] {
  const severe = lines.filter((line) => {
    if (line.trim() === '') return false;
    try {
      return (JSON.parse(line) as { level?: number }).level! >= 50;
    } catch {
      return true; // not the logger's: a crash's stack trace
    }
  });
  const readable = severe.map((line) => {
    try {
      const { msg, err } = JSON.parse(line) as { msg?: string; err?: { type?: string; message?: string; stack?: string } };
      const frames = (err?.stack ?? '').split('\n').filter((frame) => frame.trim().startsWith('at ')).slice(0, 6).map((frame) => frame.trim());
      return `${msg}: ${err?.type} ${(err?.message ?? '').split('\n').at(-1)} | ${frames.join(' | ')}`;
    } catch {
      return line.slice(0, 400);
    }
  });
  return [...new Set(readable)].slice(0, 40);
}

/** Polls /readyz of every instance while PostgreSQL restarts: how long it said not ready, and whether it came back. */
async function watchReadiness(instances: ApiInstance[], restart: Promise<void>) {
  let sawNotReady = false;
  let firstNotReady: number | undefined;
  let restarted = false;
  void restart.then(() => (restarted = true));
  const deadline = performance.now() + 60_000;
  for (;;) {
    const states = await Promise.all(
      instances.map(async (instance) => {
        try {
          return (await fetch(`${instance.origin}/readyz`, { signal: AbortSignal.timeout(2000) })).status;
        } catch {
          return 0;
        }
      }),
    );
    if (states.some((status) => status === 503)) {
      sawNotReady = true;
      firstNotReady ??= performance.now();
    }
    if (restarted && states.every((status) => status === 200)) break;
    if (performance.now() > deadline) return { sawNotReady, notReadyMs: NaN, recoveredWithoutRestart: false };
    await sleep(100);
  }
  return { sawNotReady, notReadyMs: firstNotReady === undefined ? 0 : Math.round(performance.now() - firstNotReady), recoveredWithoutRestart: true };
}

export async function runLoadAndFaults(options: LoadFaultOptions): Promise<LoadFaultResult> {
  const log = options.log ?? (() => undefined);
  const workDir = mkdtempSync(path.join(tmpdir(), 'portal-load-faults-'));
  const cleanups: (() => Promise<unknown> | unknown)[] = [() => rmSync(workDir, { recursive: true, force: true })];
  try {
    let adminUrl: string;
    let postgres: OwnPostgres | undefined;
    if ('own' in options.postgres) {
      postgres = await OwnPostgres.start();
      cleanups.unshift(() => postgres!.stop());
      adminUrl = postgres.adminUrl;
      log(`PostgreSQL of our own on port ${postgres.port}`);
    } else adminUrl = options.postgres.adminUrl;
    const redis = await OwnRedis.start();
    cleanups.unshift(() => redis.crash());
    log(`redis-server of our own on port ${redis.port}`);

    const keys = Object.fromEntries(['JWT_SECRET', 'NATIONAL_ID_KEY', 'NATIONAL_ID_HASH_KEY', 'OIDC_KEY'].map((name) => [name, randomBytes(32).toString('base64')]));
    const scratch: ScratchDatabase = await createScratchDatabase({ engine: 'postgresql', adminUrl, poolSize: 2 });
    cleanups.unshift(() => scratch.drop());
    const crypto = createNationalIdCrypto({ nationalIdKey: Buffer.from(keys.NATIONAL_ID_KEY!, 'base64'), nationalIdHashKey: Buffer.from(keys.NATIONAL_ID_HASH_KEY!, 'base64') });
    await runSeed({
      prisma: scratch.db.prisma,
      crypto,
      demo: true,
      institutionCount: Math.max(500, options.clients * 2),
      screeningPeople: 0,
      renderManagerForm: async () => (await import('@portal/forms')).renderBlankManagerForm(),
    });
    const accounts = await createClientAccounts(scratch.url!, options.clients);
    log(`database seeded, ${accounts.length} client accounts`);

    const env = {
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATA_DIR: '',
      DATABASE_URL: scratch.url!,
      REDIS_URL: redis.url,
      TRUST_PROXY_HOPS: '1',
      SEED_DEMO: 'false',
      DIGEST_ENABLED: 'false',
      PURGE_ENABLED: 'false',
      API_DOCS: 'false',
      ...keys,
    };
    const logFiles = ['a', 'b'].map((name) => path.join(workDir, `api-${name}.log`));
    const instances = await Promise.all(
      ['a', 'b'].map((name, i) => ApiInstance.start(`API ${name}`, { ...env, DATA_DIR: path.join(workDir, `data-${name}`) }, logFiles[i]!)),
    );
    cleanups.unshift(() => Promise.all(instances.map((instance) => instance.stop())));
    log(`instances on ports ${instances.map((instance) => instance.port).join(', ')}`);

    // The load: every client until `stopAt`, which the fault schedule may move past the duration.
    const run: ClientRun = { samples: [], applied: [] };
    const startedAt = performance.now();
    // Until the last fault has run and settled; then until the duration is over.
    let stopAt = Number.POSITIVE_INFINITY;
    const target = { ports: instances.map((instance) => instance.port) };
    const loadAverageAtStart = loadavg();
    const cpuAtStart = instances.reduce((sum, instance) => sum + instance.cpuMs(), 0);
    const generatorAtStart = process.cpuUsage();
    const clientsDone = Promise.all(accounts.map((account, i) => runClient(i, account, target, startedAt, () => stopAt, run)));

    const since = () => performance.now() - startedAt;
    const windows: Window[] = [];
    let readiness: LoadFaultResult['readiness'];
    const enabled = (['kill', 'redis', 'postgres'] as const).filter((fault) => options.faults[fault] && (fault !== 'postgres' || postgres));
    const gapMs = options.durationMs / (enabled.length + 1);
    // The first quarter warms up (JIT, pools, caches): not part of the steady figures.
    windows.push({ name: 'steady', from: gapMs / 4, to: gapMs });
    await sleep(gapMs);
    for (const fault of enabled) {
      const from = since();
      if (fault === 'kill') {
        log(`kill -9 ${instances[1]!.name}`);
        await instances[1]!.kill9();
        await instances[1]!.boot();
        windows.push({ name: 'kill -9 and restart of one instance', from, to: since(), killedInstance: 1 });
      } else if (fault === 'redis') {
        log('Redis killed');
        await redis.crash();
        await sleep(options.redisDownMs ?? Math.min(10_000, gapMs / 2));
        await redis.resume();
        log('Redis back');
        windows.push({ name: 'Redis down', from, to: since() });
      } else if (postgres) {
        log('PostgreSQL restarting');
        readiness = await watchReadiness(instances, postgres.restart(options.postgresDownMs ?? 3000));
        log(`PostgreSQL back, /readyz 200 again after ${readiness.notReadyMs} ms of 503`);
        windows.push({ name: 'PostgreSQL restart', from, to: since() });
      }
      // The time after each fault belongs to no window until the next one: the system settles.
      await sleep(gapMs / 2);
      const settledFrom = since();
      await sleep(gapMs / 2);
      windows.push({ name: `after: ${windows.at(-1)!.name}`, from: settledFrom, to: since() });
    }
    stopAt = Math.max(startedAt + options.durationMs, performance.now());
    await clientsDone;
    const wallMs = since();
    // Less the start-up of the restarted instance, which no request caused.
    const apiCpuMs = instances.reduce((sum, instance) => sum + instance.cpuMs() - instance.restartCpuMs, 0) - cpuAtStart;
    const generator = process.cpuUsage(generatorAtStart);
    const loadAverageAtEnd = loadavg();
    const redisKeysAtEnd = await redisKeyCount(redis.port);
    await Promise.all(instances.map((instance) => instance.stop()));

    const consistency = await consistencyOf(scratch.url!, run.applied);
    const logLines = logFiles.flatMap((file) => readFileSync(file, 'utf8').split('\n'));
    const redisFailureLogLines = logLines.filter((line) => /redis|failure counter/i.test(line)).length;
    const kinds: RequestKind[] = ['apply', 'login', 'refresh', 'queue'];
    return {
      samples: run.samples,
      windows,
      consistency,
      apiCpuMs,
      generatorCpuMs: (generator.user + generator.system) / 1000,
      wallMs,
      loadAverage: { atStart: loadAverageAtStart, atEnd: loadAverageAtEnd },
      redisFailureLogLines,
      redisKeysAtEnd,
      unhandledErrors: unhandledErrorsOf(logLines),
      crashes: instances.flatMap((instance) => instance.crashes.map((crash) => ({ instance: instance.name, ...crash }))),
      severeLogLines: severeLinesOf(logLines),
      ...(readiness && { readiness }),
      summary: summarise(run.samples, windows, kinds, wallMs, apiCpuMs),
    };
  } finally {
    for (const cleanup of cleanups) {
      try {
        await cleanup();
      } catch (error) {
        log(`cleanup: ${String(error)}`);
      }
    }
  }
}
