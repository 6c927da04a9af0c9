/**
 * 醫事機構卡驗證 through the API: server time of POST /api/card-verification/verifications
 * (challenge look-up, nonce burn, 3-level chain RSA-2048 card → test intermediate → test root with
 * its CRL, signature, then the activation transaction under the institution lock, audit and
 * mail enqueue), measured with app.inject (no network). PGlite in memory and, when reachable,
 * PostgreSQL. Run: `npx tsx --conditions=@portal/source bench/card-endpoint-benchmark.ts [iterations]`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { certificateB64, generateTestPki, signWithCard, writeTestPki } from '@portal/card-sim';
import { createNationalIdCrypto, hashPassword, migrate, openDatabase, runSeed, type Database } from '@portal/db';
import { buildApp } from '../src/app.js';
import { parseEnv } from '../src/env.js';
import { issueCardChallenge } from '../src/services/manager-requests/card.js';
import { managerRequestDeps } from '../src/routes/manager-requests/deps.js';
import { percentile } from './bench-support.js';

const iterations = Number(process.argv[2] ?? 300);
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const crypto = createNationalIdCrypto({ nationalIdKey: randomBytes(32), nationalIdHashKey: randomBytes(32) });
const pkiDir = mkdtempSync(path.join(tmpdir(), 'bench-card-pki-'));
const pki = await generateTestPki({ pin: '135790' });
await writeTestPki(pki, pkiDir);
const card = pki.cards.find((c) => c.id === '9900000001')!;
const passwordHash = await hashPassword('Portal*Demo=2026');

async function run(db: Database) {
  await migrate(db.sql);
  await runSeed({ prisma: db.prisma, crypto, demo: true, institutionCount: 0 });
  const env = parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', CARD_TRUST_TEST_CA: 'true', CARD_TEST_PKI_DIR: pkiDir });
  const app = await buildApp({ env, db, nationalIdCrypto: crypto, jwtSecret: randomBytes(32), logger: false });
  await app.ready();
  const institution = await db.prisma.institution.findUniqueOrThrow({ where: { code: '9900000001' } });
  const deps = managerRequestDeps(app);
  const timings: number[] = [];
  for (let i = 0; i < iterations + 20; i += 1) {
    const account = await db.prisma.account.create({
      data: {
        accountName: `bench${i}`, accountNameKey: `bench${i}`, passwordHash,
        nationalIdCipher: crypto.encrypt('A123456789'), nationalIdHash: crypto.lookupHash(`A12345678${i}`),
        name: '效能測試', phone: '02-12345678', email: `bench${i}@example.com`,
        role: 'INSTITUTION_MANAGER', status: 'PENDING_VERIFICATION', institutionId: institution.id,
      },
    });
    const challenge = await issueCardChallenge(deps, { institutionCode: '9900000001', accountId: account.id, managerRequestId: null });
    const signature = (await signWithCard(card, new Uint8Array(Buffer.from(challenge.toBeSigned)))).toString('base64');
    const payload = { challengeId: challenge.challengeId, nonce: challenge.nonce, certificate: certificateB64(card.certificate), signature };
    const started = performance.now();
    // One address per request: the per-IP rate limit is not what is measured.
    const response = await app.inject({ method: 'POST', url: '/api/card-verification/verifications', payload, remoteAddress: `10.0.${i >> 8}.${i & 255}` });
    const elapsed = performance.now() - started;
    if (response.statusCode !== 200) throw new Error(`${response.statusCode} ${response.body}`);
    if (i >= 20) timings.push(elapsed); // the first 20 warm up JIT, pool and the CRL index
  }
  await app.close();
  return { iterations: timings.length, medianMs: +percentile(timings, 0.5).toFixed(2), p99Ms: +percentile(timings, 0.99).toFixed(2), maxMs: +Math.max(...timings).toFixed(2) };
}

const results: Record<string, unknown> = { machine: `${process.platform} ${process.arch}, node ${process.version}`, at: new Date().toISOString(), chain: 'RSA-2048 card → intermediate → root, CRL checked' };
const pglite = await openDatabase({ pgliteDir: 'memory://' });
try {
  results.pglite = await run(pglite);
} finally {
  await pglite.close();
}
console.log('PGlite', results.pglite);
const admin = new pg.Client({ connectionString: POSTGRES_URL });
try {
  await admin.connect();
  const name = `portal_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString() });
  try {
    results.postgresql = await run(db);
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    await admin.end();
  }
} catch (error) {
  results.postgresql = { skipped: (error as Error).message };
}
console.log('PostgreSQL', results.postgresql);
rmSync(pkiDir, { recursive: true, force: true });
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bench-results');
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'card-verification-endpoint.json'), JSON.stringify(results, null, 2));
