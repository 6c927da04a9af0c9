import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate, openDatabase, type Database } from '@portal/db';

/**
 * Which database the API tests run on: `pglite` (in memory, the default) or `postgresql`
 * (a fresh database per test file on the server in TEST_POSTGRES_URL). scripts/test-all.mjs
 * runs the suite once for each.
 */
export const TEST_DATABASE = process.env.TEST_DATABASE === 'postgresql' ? 'postgresql' : 'pglite';
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  db: Database;
  /** A connection URL for a second client (PostgreSQL only). */
  url?: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (TEST_DATABASE === 'pglite') {
    const db = await openDatabase({ pgliteDir: 'memory://' });
    await migrate(db.sql);
    return { db, drop: () => db.close() };
  }
  const name = `portal_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  await migrate(db.sql);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: ADMIN_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
