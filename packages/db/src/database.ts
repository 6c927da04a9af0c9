import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/prisma/client.ts';

export type DatabaseKind = 'pglite' | 'postgresql';

export interface QueryOptions {
  /**
   * Keep the statement prepared on each PostgreSQL connection, so it is parsed and planned once
   * per connection instead of on every call: for the hot paths (login, the per-request session
   * check), where planning costs PostgreSQL more than running. Only for fixed SQL texts.
   */
  prepared?: boolean;
}

/**
 * Plain SQL access beside Prisma: for the migrator, advisory locks, and the few hot paths where
 * a Prisma query costs more than the SQL it sends (docs/decisions/007-login-hot-path.md).
 */
export interface SqlRunner {
  /** Runs a script of one or more statements with no parameters. */
  exec(sql: string): Promise<void>;
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<T[]>;
  /** Runs `work` on one connection (migrations need their lock and DDL on the same one). */
  withConnection<T>(work: (conn: Omit<SqlRunner, 'withConnection'>) => Promise<T>): Promise<T>;
}

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  sql: SqlRunner;
  /** The connection pool's use, for /metrics (PostgreSQL only: PGlite is one in-process connection). */
  poolStats?(): PoolStats;
  /**
   * The embedded PGlite's WebAssembly memory in bytes (PGlite only): PostgreSQL's own memory,
   * inside this process. It grows as PostgreSQL asks for memory and never shrinks.
   */
  wasmMemoryBytes?(): number;
  close(): Promise<void>;
}

export interface PoolStats {
  /** Connections open (idle or in use). */
  total: number;
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
  max: number;
}

export interface DatabaseOptions {
  /** `postgresql://…` selects PostgreSQL; absent selects the embedded PGlite. */
  databaseUrl?: string | undefined;
  /** Where PGlite keeps its files; `memory://` keeps them in memory (tests). */
  pgliteDir?: string;
  /** Connection pool size for PostgreSQL. */
  poolSize?: number;
  /**
   * A PGlite data directory saved by `dumpPgliteDataDir` to start from instead of an empty one
   * (tests start every file from one migrated database instead of initdb and the migrations).
   */
  pgliteTemplate?: Blob;
}

/**
 * Interactive transactions wait for a pooled connection (or, on PGlite, for the one connection)
 * instead of failing after Prisma's default 2 s when many requests arrive at once.
 */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.pgliteDir ?? 'memory://', options.pgliteTemplate);
}

async function openPostgres(connectionString: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max });
  // A pool error (e.g. the server restarted) must not crash the process; queries will fail
  // and be reported per request instead.
  pool.on('error', () => undefined);
  // The pool listens for errors only on idle connections. One that is checked out and between
  // queries when the server goes away (a transaction's, withConnection's) would emit 'error'
  // with nobody listening, and Node ends the process for that: every connection gets a listener
  // for its whole life. Its next query fails (the API answers 503), and the pool discards it.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: TRANSACTION_OPTIONS });
  const runnerOn = (client: pg.Pool | pg.PoolClient) => ({
    exec: async (script: string) => {
      await client.query(script);
    },
    query: async <T extends Record<string, unknown>>(text: string, params: unknown[] = [], options: QueryOptions = {}) =>
      (await client.query<T>(options.prepared ? { name: preparedStatementName(text), text, values: params } : { text, values: params })).rows,
  });
  return {
    kind: 'postgresql',
    prisma,
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max }),
    sql: {
      ...runnerOn(pool),
      withConnection: async (work) => {
        const client = await pool.connect();
        try {
          return await work(runnerOn(client));
        } finally {
          client.release();
        }
      },
    },
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

const preparedStatementNames = new Map<string, string>();

/** Named after the SQL text itself, so one name can never stand for two different statements. */
function preparedStatementName(text: string): string {
  let name = preparedStatementNames.get(text);
  if (!name) {
    name = `portal_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
    preparedStatementNames.set(text, name);
  }
  return name;
}

const pgliteInstances = new WeakMap<Database, PGlite>();

/** The whole data directory of an embedded database, as `pgliteTemplate` takes it. */
export function dumpPgliteDataDir(db: Database): Promise<Blob> {
  const pglite = pgliteInstances.get(db);
  if (!pglite) throw new Error('dumpPgliteDataDir: not an embedded (PGlite) database');
  return pglite.dumpDataDir('none');
}

async function openPglite(dataDir: string, template?: Blob): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(path.resolve(dataDir), { recursive: true });
  // PGlite's buffer pool lives in the process's own memory, and PostgreSQL's default (128 MB)
  // fills as the directory is searched: 32 MB holds the embedded setup's working set.
  const pglite = await PGlite.create(dataDir, {
    startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'],
    ...(template ? { loadDataDir: template } : {}),
  });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions: TRANSACTION_OPTIONS });
  const runner = {
    exec: async (script: string) => {
      await pglite.exec(script);
    },
    // `prepared` is PostgreSQL's: the embedded setup serves one site, where planning is cheap enough.
    query: async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
      (await pglite.query<T>(text, params)).rows,
  };
  const db: Database = {
    kind: 'pglite',
    prisma,
    // PGlite is a single connection: "one connection" is the instance itself.
    sql: { ...runner, withConnection: (work) => work(runner) },
    wasmMemoryBytes: () => pglite.Module.HEAPU8.byteLength,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
  pgliteInstances.set(db, pglite);
  return db;
}
