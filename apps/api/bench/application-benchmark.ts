/**
 * 帳號申請: submit latency and throughput through HTTP on PostgreSQL, and the share
 * of it that is the argon2id hash. `npx tsx --conditions=@portal/source bench/application-benchmark.ts`
 * (BENCH_POSTGRES_URL, default the local server; BENCH_APPLICATIONS, default 400).
 */
import { randomBytes } from 'node:crypto';
import { createNationalIdCrypto, createScratchDatabase, hashPassword, runSeed } from '@portal/db';
import { makeTaiwanIdWithChecksum } from '@portal/shared';
import { buildApp } from '../src/app.js';
import { parseEnv } from '../src/env.js';
import { percentile } from './bench-support.js';
import { productionEnv } from '../test/helpers/production-env.js';

const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const TOTAL = Number(process.env.BENCH_APPLICATIONS ?? 400);
const CONCURRENCY = [1, 4, 16];
const crypto = createNationalIdCrypto({ nationalIdKey: randomBytes(32), nationalIdHashKey: randomBytes(32) });

async function runConcurrently<T>(count: number, concurrency: number, task: (i: number) => Promise<T>) {
  let next = 0;
  const results: T[] = [];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) results.push(await task(next++));
    }),
  );
  return results;
}

const summarise = (timings: number[], wallMs: number) => ({
  perSecond: +((timings.length / wallMs) * 1000).toFixed(1),
  medianMs: +percentile(timings, 0.5).toFixed(1),
  p99Ms: +percentile(timings, 0.99).toFixed(1),
});

async function hashingAlone(concurrency: number) {
  const started = performance.now();
  const timings = await runConcurrently(TOTAL / 4, concurrency, async () => {
    const t = performance.now();
    await hashPassword('Tpe*2024*Hosp');
    return performance.now() - t;
  });
  return summarise(timings, performance.now() - started);
}

const scratch = await createScratchDatabase({ engine: 'postgresql', adminUrl: POSTGRES_URL, poolSize: 10 });
const { db } = scratch;
try {
  await runSeed({ prisma: db.prisma, crypto, demo: true, institutionCount: 1000 });
  // One proxy hop is trusted so that each simulated applicant has its own address, as they would.
  const env = parseEnv(productionEnv({ TRUST_PROXY_HOPS: '1' }));
  const app = await buildApp({ env, db, nationalIdCrypto: crypto, jwtSecret: randomBytes(32), logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  let serial = 0;
  const submit = async () => {
    serial += 1;
    const body = {
      institutionCode: '9900000001',
      role: 'GENERAL_USER',
      accountName: `bench${serial}${randomBytes(3).toString('hex')}`,
      password: 'Tpe*2024*Hosp',
      passwordConfirm: 'Tpe*2024*Hosp',
      nationalId: makeTaiwanIdWithChecksum(`G1${String(serial).padStart(7, '0')}`),
      name: '效能測試',
      phone: '02-25220878',
      email: `bench${serial}@example.org`,
      subsystems: ['adult-preventive', 'smoking-cessation'],
    };
    const t = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/api/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `127.3.${serial >> 8}.${serial & 255}` },
      body: JSON.stringify(body),
    });
    await res.arrayBuffer();
    if (res.status !== 201) throw new Error(`application → ${res.status}`);
    return performance.now() - t;
  };
  await runConcurrently(20, 4, submit); // warm-up
  const results: Record<string, unknown> = {};
  for (const concurrency of CONCURRENCY) {
    const hashing = await hashingAlone(concurrency);
    const started = performance.now();
    const timings = await runConcurrently(TOTAL, concurrency, submit);
    const http = summarise(timings, performance.now() - started);
    results[`concurrency ${concurrency}`] = {
      submit: http,
      hashingAlone: hashing,
      hashShareOfMedian: `${Math.round((hashing.medianMs / http.medianMs) * 100)}%`,
      throughputVsHashCeiling: `${Math.round((http.perSecond / hashing.perSecond) * 100)}%`,
    };
  }
  console.log(JSON.stringify(results, null, 2));
  await app.close();
} finally {
  await scratch.drop();
}
