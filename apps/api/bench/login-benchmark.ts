/**
 * Login throughput / p99 at 50 concurrent clients over HTTP on PostgreSQL, next to the ceiling
 * of argon2id verification alone at the same concurrency; refresh-token rotation latency; and
 * the cost of the per-request session check (GET /api/auth/session).
 *
 *   npx tsx bench/login-benchmark.ts      (TEST_POSTGRES_URL, default postgres@127.0.0.1:5432)
 *
 * Creates and drops its own database. Every login request comes from a different (trusted
 * X-Forwarded-For) address so the per-IP limit measures nothing here.
 */
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { createNationalIdCrypto, DEMO_PASSWORD, hashPassword, migrate, openDatabase, runSeed, verifyPassword } from '@portal/db';
import { buildApp } from '../src/app.js';
import { parseEnv } from '../src/env.js';
import { percentile } from './bench-support.js';

const CONCURRENCY = 50;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const ACCOUNTS = ['demomanager', 'demouser', 'demostaff', 'demosubadult', 'demosubchild', 'demosubprenatal'];

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

async function argon2Ceiling(): Promise<{ perSecond: number; p99: number }> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const timings: number[] = [];
  const end = performance.now() + DURATION_S * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const started = performance.now();
        await verifyPassword(hash, DEMO_PASSWORD);
        timings.push(performance.now() - started);
      }
    }),
  );
  return { perSecond: timings.length / DURATION_S, p99: percentile(timings, 0.99) };
}

let ipCounter = 0;
const nextIp = () => {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
};

async function loginThroughput(origin: string) {
  let index = 0;
  const result = await autocannon({
    url: `${origin}/api/auth/login`,
    connections: CONCURRENCY,
    duration: DURATION_S,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, 'content-type': 'application/json', 'x-forwarded-for': nextIp() },
          body: JSON.stringify({ accountName: ACCOUNTS[(index += 1) % ACCOUNTS.length], password: DEMO_PASSWORD }),
        }),
      },
    ],
  });
  return result;
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
  const db = await openDatabase({ databaseUrl, poolSize: 10 });
  const crypto = createNationalIdCrypto({ nationalIdKey: randomBytes(32), nationalIdHashKey: randomBytes(32) });
  await migrate(db.sql);
  await runSeed({ prisma: db.prisma, crypto, demo: true, institutionCount: 0 });
  const env = parseEnv({ NODE_ENV: 'production', LOG_LEVEL: 'silent', TRUST_PROXY_HOPS: '1', DATABASE_URL: databaseUrl, PUBLIC_ORIGIN: 'https://portal.example' });
  const app = await buildApp({ env, db, nationalIdCrypto: crypto, jwtSecret: randomBytes(32), logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  const origin = `http://127.0.0.1:${port}`;
  try {
    const ceiling = await argon2Ceiling();
    const logins = await loginThroughput(origin);
    const latency = await sequentialLatency(origin, 1050);
    const ok = logins['2xx'];
    const lines = [
      `machine: ${(await import('node:os')).cpus().length} CPUs, UV_THREADPOOL_SIZE=${process.env.UV_THREADPOOL_SIZE ?? 4 + ' (default)'}, ${DURATION_S} s per run`,
      `argon2id verify alone, ${CONCURRENCY} concurrent: ${ceiling.perSecond.toFixed(1)} /s, p99 ${ceiling.p99.toFixed(1)} ms`,
      `login over HTTP (PostgreSQL), ${CONCURRENCY} connections: ${(ok / DURATION_S).toFixed(1)} /s (2xx ${ok}, non-2xx ${logins.non2xx}, errors ${logins.errors}, timeouts ${logins.timeouts}), ` +
        `latency p50 ${logins.latency.p50} ms, p99 ${logins.latency.p99} ms` +
        ` = ${((ok / DURATION_S / ceiling.perSecond) * 100).toFixed(0)} % of the argon2 ceiling`,
      `refresh rotation (sequential, 1000 after warm-up): median ${latency.refresh.median.toFixed(2)} ms, p99 ${latency.refresh.p99.toFixed(2)} ms`,
      `authenticated request GET /api/auth/session (incl. the per-request session check): median ${latency.sessionCheck.median.toFixed(2)} ms, p99 ${latency.sessionCheck.p99.toFixed(2)} ms`,
    ];
    console.log(lines.join('\n'));
  } finally {
    await app.close();
    await db.close();
  }
});
