/**
 * Login throughput / p99 at 50 concurrent clients over HTTP on PostgreSQL, next to the ceiling
 * of argon2id verification alone at the same concurrency; refresh-token rotation latency; and
 * the cost of the per-request session check (GET /api/auth/session).
 *
 *   pnpm --filter @portal/api bench:login (TEST_POSTGRES_URL, default postgres@127.0.0.1:5432;
 *                                          BENCH_WARMUP_S first, then BENCH_DURATION_S per run,
 *                                          BENCH_ROUNDS rounds,
 *                                          BENCH_CPU_PROFILE=<dir> to profile the API process)
 *
 * Runs under runtime-env.mjs, as the API does in production, so that the ceiling measured here
 * and the API it starts both have libuv's pool sized to the cores. Creates and drops its own
 * database. The API runs in a process of its own (`login-server.ts`); this process is the load
 * generator (`http-load.ts`, lighter on the shared cores than autocannon) and measures the
 * ceiling while the API is idle. After a warm-up, ceiling and login runs alternate for
 * BENCH_ROUNDS short rounds, because this virtual machine's argon2id rate drifts by ±10 % from
 * minute to minute: the share of the ceiling is taken over all rounds together, and the median
 * round is shown with where the CPU went during it and how many context switches the machine
 * made (on a small virtual machine, each is dear: docs/decisions/007-login-hot-path.md). Every
 * login request comes from a different (trusted X-Forwarded-For) address so the per-IP limit
 * measures nothing here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { cpus } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { hash as argon2Hash } from '@node-rs/argon2';
import pg from 'pg';
import { createNationalIdCrypto, DEMO_PASSWORD, hashPassword, migrate, openDatabase, runSeed, verifyPassword, type SqlRunner } from '@portal/db';
import { percentile } from './bench-support.js';
import { jsonRequest, runHttpLoad } from './http-load.js';
import { machineContextSwitches, startCpuCount, type CpuReport } from './process-cpu.js';

const CONCURRENCY = 50;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
/**
 * Logins before the measured rounds, not counted: on this machine the API's event loop spends
 * ~3 ms a login in the first seconds and ~1.3 ms once V8 has optimised the login path, which
 * takes some 2,000 logins at the argon2 pace. A server that has run for a minute is the one to
 * measure; the ceiling gets the same warm-up.
 */
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 25);
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
/**
 * Fifty concurrent logins are fifty different people: the run cycles through this many active
 * accounts (copies of 一般使用者 demouser with the demo password), not the six demo accounts,
 * whose rows would see a login every few milliseconds each and measure row-lock queues instead.
 */
const ACCOUNT_COUNT = Number(process.env.BENCH_ACCOUNTS ?? 1000);
const accountName = (index: number) => `benchuser${index % ACCOUNT_COUNT}`;

/**
 * Re-hashes the bench accounts' password with argon2id at the smallest cost (8 KiB, 1 pass), so
 * that a last run shows what a login costs besides its hash: the endpoint's own overhead.
 */
async function cheapenBenchHashes(databaseUrl: string) {
  const db = await openDatabase({ databaseUrl, poolSize: 1 });
  try {
    const cheap = await argon2Hash(DEMO_PASSWORD, { algorithm: 2, memoryCost: 8, timeCost: 1, parallelism: 1 });
    await db.sql.query(`UPDATE accounts SET password_hash = $1 WHERE account_name_key LIKE 'benchuser%'`, [cheap]);
  } finally {
    await db.close();
  }
}

async function addBenchAccounts(sql: SqlRunner) {
  await sql.query(
    `INSERT INTO accounts (id, account_name, account_name_key, password_hash, national_id_cipher, national_id_hash, name, phone, mobile,
                           email, department, role, status, verification_method, institution_id, created_at, updated_at, activated_at)
     SELECT gen_random_uuid(), 'benchuser' || g, 'benchuser' || g, password_hash, national_id_cipher, national_id_hash, name, phone, mobile,
            email, department, role, status, verification_method, institution_id, now(), now(), now()
       FROM accounts, generate_series(0, $1::int - 1) AS g
      WHERE account_name_key = 'demouser'`,
    [ACCOUNT_COUNT],
  );
}

async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const name = `portal_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

/**
 * argon2id verifications per second at CONCURRENCY, counting those that end within the run:
 * the ones still queued when it ends finish afterwards and are left out of the rate, as the
 * login run leaves out answers that arrive after its end (both would otherwise gain up to
 * CONCURRENCY operations, 5–8 % of a 5-second run here). CPU per verification covers all.
 */
async function argon2Ceiling(
  durationS = DURATION_S,
): Promise<{ perSecond: number; p99: number; cpuMsEach: number; contextSwitchesEach?: number }> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const timings: number[] = [];
  let inTime = 0;
  const cpuBefore = process.cpuUsage();
  const switchesBefore = machineContextSwitches();
  const end = performance.now() + durationS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const started = performance.now();
        await verifyPassword(hash, DEMO_PASSWORD);
        const finished = performance.now();
        timings.push(finished - started);
        if (finished <= end) inTime += 1;
      }
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  const switchesAfter = machineContextSwitches();
  return {
    perSecond: inTime / durationS,
    p99: percentile(timings, 0.99),
    cpuMsEach: (cpu.user + cpu.system) / 1000 / timings.length,
    ...(switchesBefore !== undefined && switchesAfter !== undefined && { contextSwitchesEach: (switchesAfter - switchesBefore) / timings.length }),
  };
}

let ipCounter = 0;
const nextIp = () => {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
};

async function loginThroughput(origin: string, serverPid: number, durationS = DURATION_S) {
  let index = 0;
  const { hostname, port } = new URL(origin);
  const stopCounting = startCpuCount(serverPid);
  const result = await runHttpLoad({
    host: hostname,
    port: Number(port),
    connections: CONCURRENCY,
    durationMs: durationS * 1000,
    nextRequest: () =>
      jsonRequest('POST', '/api/auth/login', { accountName: accountName((index += 1)), password: DEMO_PASSWORD }, { 'x-forwarded-for': nextIp() }),
  });
  return { result, cpu: stopCounting() };
}

/** Starts `login-server.ts` in its own Node process and answers its origin. */
async function startServer(databaseUrl: string): Promise<{ origin: string; child: ChildProcess }> {
  const script = fileURLToPath(new URL('./login-server.ts', import.meta.url));
  // BENCH_CPU_PROFILE=<dir>: V8 CPU profile of the API process, to see where its event loop goes.
  const profile = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, '--conditions=@portal/source', '--import', 'tsx', script], {
    env: { ...process.env, BENCH_DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const [first] = (await once(lines, 'line')) as [string];
  const { port } = JSON.parse(first) as { port: number };
  return { origin: `http://127.0.0.1:${port}`, child };
}

const ms = (value: number | undefined, per: number) => (value === undefined ? 'n/a' : `${(value / per).toFixed(2)} ms`);
const perEach = (value: number | undefined, per = 1) => (value === undefined ? 'n/a' : (value / per).toFixed(1));

function describeCpu(cpu: CpuReport, logins: number) {
  return (
    `CPU per login: API process ${ms(cpu.server, logins)} (of which its event loop ${ms(cpu.serverMainThread, logins)}, argon2id on the pool the rest), PostgreSQL ${ms(cpu.postgres, logins)}, ` +
    `load generator ${ms(cpu.generator, logins)}; machine busy ${cpu.machineBusy === undefined ? 'n/a' : `${(cpu.machineBusy * 100).toFixed(0)} %`}, ` +
    `${perEach(cpu.contextSwitches, logins)} context switches a login`
  );
}

function cookieJar() {
  const jar = new Map<string, string>();
  return {
    absorb(response: Response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const [name, ...value] = pair!.split('=');
        jar.set(name!.trim(), value.join('='));
      }
    },
    header: () => [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
    get: (name: string) => jar.get(name) ?? '',
  };
}

async function sequentialLatency(origin: string, count: number) {
  const jar = cookieJar();
  const loggedIn = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': nextIp() },
    body: JSON.stringify({ accountName: 'demomanager', password: DEMO_PASSWORD }),
  });
  jar.absorb(loggedIn);
  const refresh: number[] = [];
  const check: number[] = [];
  for (let i = 0; i < count; i += 1) {
    let started = performance.now();
    const rotated = await fetch(`${origin}/api/auth/refresh`, {
      method: 'POST',
      headers: { cookie: jar.header(), 'x-csrf-token': jar.get('portal_csrf') },
    });
    await rotated.arrayBuffer();
    if (rotated.status !== 200) throw new Error(`refresh ${rotated.status}`);
    refresh.push(performance.now() - started);
    jar.absorb(rotated);
    started = performance.now();
    const session = await fetch(`${origin}/api/auth/session`, { headers: { cookie: jar.header() } });
    await session.arrayBuffer();
    if (session.status !== 200) throw new Error(`session ${session.status}`);
    check.push(performance.now() - started);
  }
  const stats = (values: number[]) => ({ median: percentile(values, 0.5), p99: percentile(values, 0.99) });
  return { refresh: stats(refresh.slice(50)), sessionCheck: stats(check.slice(50)) };
}

await withDatabase(async (databaseUrl) => {
  const db = await openDatabase({ databaseUrl, poolSize: 2 });
  const crypto = createNationalIdCrypto({ nationalIdKey: randomBytes(32), nationalIdHashKey: randomBytes(32) });
  await migrate(db.sql);
  await runSeed({ prisma: db.prisma, crypto, demo: true, institutionCount: 0 });
  await addBenchAccounts(db.sql);
  await db.close();
  const { origin, child } = await startServer(databaseUrl);
  try {
    await argon2Ceiling(WARMUP_S / 5);
    await loginThroughput(origin, child.pid!, WARMUP_S);
    const rounds = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const ceiling = await argon2Ceiling();
      const logins = await loginThroughput(origin, child.pid!);
      const ok = logins.result['2xxInTime'];
      rounds.push({ ceiling, logins, ok, share: ok / DURATION_S / ceiling.perSecond });
    }
    const median = [...rounds].sort((a, b) => a.share - b.share)[Math.floor(rounds.length / 2)]!;
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    const overall = sum(rounds.map((r) => r.ok)) / sum(rounds.map((r) => r.ceiling.perSecond * DURATION_S));
    const latency = await sequentialLatency(origin, 1050);
    await cheapenBenchHashes(databaseUrl);
    const overhead = await loginThroughput(origin, child.pid!);
    const { ceiling, logins, ok } = median;
    const lines = [
      `machine: ${cpus().length} CPUs, UV_THREADPOOL_SIZE=${process.env.UV_THREADPOOL_SIZE ?? 4 + ' (default)'}, ${WARMUP_S} s warm-up, ${DURATION_S} s per run, ${ROUNDS} rounds (median shown)`,
      `login throughput over all rounds: ${(overall * 100).toFixed(1)} % of the argon2 ceiling ` +
        `(per round: ${rounds.map((r) => `${(r.share * 100).toFixed(0)} %`).join(', ')})`,
      `argon2id verify alone, ${CONCURRENCY} concurrent: ${ceiling.perSecond.toFixed(1)} /s, p99 ${ceiling.p99.toFixed(1)} ms, ${ceiling.cpuMsEach.toFixed(2)} ms CPU and ${perEach(ceiling.contextSwitchesEach)} context switches each`,
      `login over HTTP (PostgreSQL), ${CONCURRENCY} connections: ${(ok / DURATION_S).toFixed(1)} /s (2xx ${ok} in time, ${logins.result['2xx'] - ok} after, non-2xx ${logins.result.non2xx}, errors ${logins.result.errors}), ` +
        `latency p50 ${logins.result.latency.p50} ms, p99 ${logins.result.latency.p99} ms` +
        ` = ${(median.share * 100).toFixed(0)} % of the ceiling (median round)`,
      describeCpu(logins.cpu, logins.result['2xx']),
      `the same logins with a trivial hash (the endpoint without argon2id): ${(overhead.result['2xxInTime'] / DURATION_S).toFixed(0)} /s; ` +
        describeCpu(overhead.cpu, overhead.result['2xx']),
      `refresh rotation (sequential, 1000 after warm-up): median ${latency.refresh.median.toFixed(2)} ms, p99 ${latency.refresh.p99.toFixed(2)} ms`,
      `authenticated request GET /api/auth/session (incl. the per-request session check): median ${latency.sessionCheck.median.toFixed(2)} ms, p99 ${latency.sessionCheck.p99.toFixed(2)} ms`,
    ];
    console.log(lines.join('\n'));
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
});
