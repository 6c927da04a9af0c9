/**
 * Shared setup of the API benchmarks: a fresh PostgreSQL database (dropped at the end) or a
 * PGlite folder, migrated and demo-seeded, an app served over HTTP on a random port, and logins.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createNationalIdCrypto, DEMO_PASSWORD, migrate, openDatabase, runSeed, type Database } from '@portal/db';
import { buildApp } from '../src/app.js';
import { parseEnv } from '../src/env.js';
import { productionEnv } from '../test/helpers/production-env.js';

export const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface BenchContext {
  db: Database;
  base: string;
  /** fetch with the session of `accountName` (cookies + CSRF). */
  as(accountName: string): Promise<(path: string, init?: { method?: string; body?: unknown }) => Promise<{ status: number; body: string; ms: number }>>;
  sql(text: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
}

/** Where the benchmark's database lives: a fresh PostgreSQL database, or PGlite in a temporary folder. */
export type BenchEngine = 'postgresql' | 'pglite';

/** Opens an empty database on the engine; `drop` closes it and removes it. */
async function openBenchDatabase(engine: BenchEngine): Promise<{ db: Database; drop(): Promise<void> }> {
  if (engine === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'portal-bench-'));
    const db = await openDatabase({ pgliteDir: dir });
    return {
      db,
      async drop() {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  const name = `portal_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), poolSize: 10 });
  return {
    db,
    async drop() {
      await db.close();
      await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

export async function withBenchDatabase(institutions: number, work: (ctx: BenchContext) => Promise<void>, engine: BenchEngine = 'postgresql') {
  const { db, drop } = await openBenchDatabase(engine);
  const crypto = createNationalIdCrypto({ nationalIdKey: randomBytes(32), nationalIdHashKey: randomBytes(32) });
  // Migrated before the app is built: the OpenID provider reads its signing keys at build.
  await migrate(db.sql);
  const app = await buildApp({
    env: parseEnv(productionEnv({ DIGEST_ENABLED: 'false' })),
    db,
    nationalIdCrypto: crypto,
    jwtSecret: randomBytes(32),
    oidcKey: randomBytes(32),
    logger: false,
  });
  try {
    await runSeed({ prisma: db.prisma, crypto, demo: true, institutionCount: institutions });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as { port: number };
    const base = `http://127.0.0.1:${port}`;
    await work({
      db,
      base,
      sql: (text, params) => db.sql.query(text, params),
      async as(accountName) {
        const login = await fetch(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ accountName, password: DEMO_PASSWORD }),
        });
        if (login.status !== 200) throw new Error(`login ${accountName}: ${login.status}`);
        const cookies = login.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!);
        const csrf = cookies.find((cookie) => cookie.startsWith('portal_csrf='))!.slice('portal_csrf='.length);
        const cookie = cookies.filter((c) => !c.startsWith('portal_rt=')).join('; ');
        return async (path, init = {}) => {
          const t = performance.now();
          const response = await fetch(`${base}${path}`, {
            method: init.method ?? 'GET',
            headers: { cookie, 'x-csrf-token': csrf, ...(init.body !== undefined && { 'content-type': 'application/json' }) },
            ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
          });
          const body = await response.text();
          return { status: response.status, body, ms: performance.now() - t };
        };
      },
    });
  } finally {
    await app.close();
    await drop();
  }
}

/**
 * `count` ACTIVE general users spread over the institutions, inserted in one statement
 * (generate_series); returns nothing, the rows are named bench<n>.
 */
export async function insertBenchAccounts(ctx: BenchContext, count: number, prefix = 'bench') {
  await ctx.sql(`
    WITH inst AS (SELECT array_agg(id ORDER BY code) AS ids FROM institutions)
    INSERT INTO accounts (id, account_name, account_name_key, password_hash, national_id_cipher, national_id_hash, name, phone, email,
                          role, status, institution_id, created_at, updated_at, activated_at)
    SELECT gen_random_uuid(), '${prefix}' || g, '${prefix}' || g, 'x', '\\x00'::bytea, lpad(to_hex(g), 64, '0'), '效能' || g, '02-12345678',
           '${prefix}' || g || '@example.org', 'GENERAL_USER', 'ACTIVE', inst.ids[1 + g % array_length(inst.ids, 1)],
           now() - interval '60 days', now(), now() - interval '59 days'
      FROM generate_series(1, ${count}) g, inst`);
}
