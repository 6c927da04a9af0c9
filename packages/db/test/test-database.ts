import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../src/database.ts';

/** A fresh empty database: PGlite in memory, or a throw-away PostgreSQL database. */
export const TEST_DATABASE = process.env.TEST_DATABASE === 'postgresql' ? 'postgresql' : 'pglite';
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export async function emptyDatabase(): Promise<{ db: Database; url?: string; drop(): Promise<void> }> {
  if (TEST_DATABASE === 'pglite') {
    const db = await openDatabase({ pgliteDir: 'memory://' });
    return { db, drop: () => db.close() };
  }
  const name = `portal_dbtest_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
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
