import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { dumpPgliteDataDir, openDatabase, type Database } from './database.ts';
import { migrate, readMigrations } from './migrator.ts';

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

/**
 * Where the migrated, otherwise empty embedded database is kept between test files and runs:
 * named after the migrations it holds, so a new or changed migration makes a new one. Opening a
 * copy of it takes about a second, where initdb and the migrations take four to five.
 */
function templatePath(): string {
  const migrations = createHash('sha256');
  for (const { name, checksum } of readMigrations()) migrations.update(`${name}:${checksum}\n`);
  return path.join(tmpdir(), `portal-pglite-migrated-${migrations.digest('hex').slice(0, 16)}.tar`);
}

async function migratedPgliteTemplate(): Promise<Blob> {
  const file = templatePath();
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const db = await openDatabase({ pgliteDir: 'memory://' });
  try {
    await migrate(db.sql);
    const template = await dumpPgliteDataDir(db);
    // Written aside and renamed, so a parallel test file never reads half a file.
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, Buffer.from(await template.arrayBuffer()));
    renameSync(partial, file);
    return template;
  } finally {
    await db.close();
  }
}

async function openMigratedPglite(): Promise<Database> {
  try {
    return await openDatabase({ pgliteDir: 'memory://', pgliteTemplate: await migratedPgliteTemplate() });
  } catch {
    // A template this PGlite cannot load (another version wrote it): make it again.
    rmSync(templatePath(), { force: true });
    return openDatabase({ pgliteDir: 'memory://', pgliteTemplate: await migratedPgliteTemplate() });
  }
}

export async function createScratchDatabase({
  engine,
  adminUrl = 'postgresql://postgres@127.0.0.1:5432/postgres',
  migrated = true,
  poolSize = 5,
}: ScratchDatabaseOptions): Promise<ScratchDatabase> {
  if (engine === 'pglite') {
    const db = migrated ? await openMigratedPglite() : await openDatabase({ pgliteDir: 'memory://' });
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
