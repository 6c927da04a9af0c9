import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/prisma/client.ts';

export type DatabaseKind = 'pglite' | 'postgresql';

/** Plain SQL access beside Prisma, for the migrator and for advisory locks. */
export interface SqlRunner {
  /** Runs a script of one or more statements with no parameters. */
  exec(sql: string): Promise<void>;
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `work` on one connection (migrations need their lock and DDL on the same one). */
  withConnection<T>(work: (conn: Omit<SqlRunner, 'withConnection'>) => Promise<T>): Promise<T>;
}

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  sql: SqlRunner;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** `postgresql://…` selects PostgreSQL; absent selects the embedded PGlite. */
  databaseUrl?: string | undefined;
  /** Where PGlite keeps its files; `memory://` keeps them in memory (tests). */
  pgliteDir?: string;
  /** Connection pool size for PostgreSQL. */
  poolSize?: number;
}

/**
 * Interactive transactions wait for a pooled connection (or, on PGlite, for the one connection)
 * instead of failing after Prisma's default 2 s when many requests arrive at once.
 */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.pgliteDir ?? 'memory://');
}

async function openPostgres(connectionString: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max });
  // A pool error (e.g. the server restarted) must not crash the process; queries will fail
  // and be reported per request instead.
  pool.on('error', () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: TRANSACTION_OPTIONS });
  const runnerOn = (client: pg.Pool | pg.PoolClient) => ({
    exec: async (script: string) => {
      await client.query(script);
    },
    query: async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
      (await client.query(text, params)).rows as T[],
  });
  return {
    kind: 'postgresql',
    prisma,
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

async function openPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(path.resolve(dataDir), { recursive: true });
  const pglite = await PGlite.create(dataDir);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions: TRANSACTION_OPTIONS });
  const runner = {
    exec: async (script: string) => {
      await pglite.exec(script);
    },
    query: async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
      (await pglite.query<T>(text, params)).rows,
  };
  return {
    kind: 'pglite',
    prisma,
    // PGlite is a single connection: "one connection" is the instance itself.
    sql: { ...runner, withConnection: (work) => work(runner) },
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
