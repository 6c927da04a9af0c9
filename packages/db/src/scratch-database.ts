import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from './database.ts';
import { migrate } from './migrator.ts';

/**
 * A throw-away database for tests and benchmarks: PGlite in memory, or a fresh database on the
 * PostgreSQL server in `adminUrl`, dropped (WITH FORCE) by `drop()`.
 */
export interface ScratchDatabase {
  db: Database;
  /** A connection URL for a second client (PostgreSQL only). */
  url?: string;
  drop(): Promise<void>;
}

export interface ScratchDatabaseOptions {
  engine: 'pglite' | 'postgresql';
  adminUrl?: string;
  /** Apply the committed migrations (default true). */
  migrated?: boolean;
  poolSize?: number;
}

export async function createScratchDatabase({
  engine,
  adminUrl = 'postgresql://postgres@127.0.0.1:5432/postgres',
  migrated = true,
  poolSize = 5,
}: ScratchDatabaseOptions): Promise<ScratchDatabase> {
  if (engine === 'pglite') {
    const db = await openDatabase({ pgliteDir: 'memory://' });
    if (migrated) await migrate(db.sql);
    return { db, drop: () => db.close() };
  }
  const name = `portal_scratch_${randomBytes(6).toString('hex')}`;
  const runAsAdmin = async (sql: string) => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(sql);
    } finally {
      await admin.end();
    }
  };
  await runAsAdmin(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), poolSize });
  if (migrated) await migrate(db.sql);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      await runAsAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** The engine the test suites run on: TEST_DATABASE=pglite (default) or postgresql. */
export const TEST_DATABASE: 'pglite' | 'postgresql' =
  process.env.TEST_DATABASE === 'postgresql' ? 'postgresql' : 'pglite';
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
