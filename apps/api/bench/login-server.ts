/**
 * The API as `login-benchmark.ts` measures it: in a process of its own, so that the load
 * generator neither shares its event loop nor hides in its CPU time. Started by the benchmark
 * with BENCH_DATABASE_URL (already migrated and seeded); prints `{"port":…}` once listening and
 * closes on SIGTERM.
 */
import { randomBytes } from 'node:crypto';
import { createNationalIdCrypto, openDatabase } from '@portal/db';
import { buildApp } from '../src/app.js';
import { parseEnv } from '../src/env.js';
import { productionEnv } from '../test/helpers/production-env.js';

const databaseUrl = process.env.BENCH_DATABASE_URL;
if (!databaseUrl) throw new Error('BENCH_DATABASE_URL is not set');

// As in production: the settings come from the same parser (DATABASE_POOL_SIZE included).
const env = parseEnv({ ...process.env, ...productionEnv({ TRUST_PROXY_HOPS: '1', DATABASE_URL: databaseUrl }) });
const db = await openDatabase({ databaseUrl, poolSize: env.DATABASE_POOL_SIZE });
// Logins do not read 身分證, so a throw-away key pair is enough here.
const crypto = createNationalIdCrypto({ nationalIdKey: randomBytes(32), nationalIdHashKey: randomBytes(32) });
const app = await buildApp({ env, db, nationalIdCrypto: crypto, jwtSecret: randomBytes(32), logger: false });
await app.listen({ host: '127.0.0.1', port: 0 });
const { port } = app.server.address() as { port: number };
process.stdout.write(`${JSON.stringify({ port })}\n`);

process.once('SIGTERM', () => {
  void app
    .close()
    .then(() => db.close())
    .finally(() => process.exit(0));
});
