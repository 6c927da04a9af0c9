import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_POSTGRES_URL } from '../src/scratch-database.ts';
import { emptyDatabase, TEST_DATABASE } from './test-database.ts';

let database: Awaited<ReturnType<typeof emptyDatabase>>;
beforeAll(async () => {
  database = await emptyDatabase();
});
afterAll(() => database.drop());

describe(`SqlRunner on ${TEST_DATABASE}`, () => {
  it('answers a prepared statement like a plain one, call after call, on every pooled connection', async () => {
    const { sql } = database.db;
    const text = 'SELECT $1::int * 2 AS doubled, $2::text AS label';
    const calls = Array.from({ length: 12 }, (_, i) => sql.query<{ doubled: number; label: string }>(text, [i, `n${i}`], { prepared: true }));
    const answers = await Promise.all(calls);
    expect(answers.map(([row]) => row)).toEqual(Array.from({ length: 12 }, (_, i) => ({ doubled: i * 2, label: `n${i}` })));
    expect(await sql.query(text, [21, 'plain'])).toEqual([{ doubled: 42, label: 'plain' }]);
  });

  it('keeps two prepared statements apart even when they are used in turn on one connection', async () => {
    const { sql } = database.db;
    await sql.withConnection(async (connection) => {
      for (let i = 0; i < 3; i += 1) {
        expect(await connection.query('SELECT $1::int + 1 AS n', [i], { prepared: true })).toEqual([{ n: i + 1 }]);
        expect(await connection.query("SELECT $1::text || '!' AS s", [`x${i}`], { prepared: true })).toEqual([{ s: `x${i}!` }]);
      }
    });
  });

  it('reports a failing prepared statement as an error and keeps working', async () => {
    const { sql } = database.db;
    const text = 'SELECT 1 / $1::int AS q';
    await expect(sql.query(text, [0], { prepared: true })).rejects.toThrow(/division by zero/);
    expect(await sql.query(text, [1], { prepared: true })).toEqual([{ q: 1 }]);
  });
});

describe.skipIf(TEST_DATABASE !== 'postgresql')('a connection the server terminates', () => {
  it('fails the query of whoever holds it, never the process, and the pool opens a new one', async () => {
    const { sql } = database.db;
    const name = new URL(database.url!).pathname.slice(1);
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    const uncaught: unknown[] = [];
    const record = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', record);
    try {
      // Checked out and between two queries (as a transaction is) when the server ends it.
      const second = await sql.withConnection(async (connection) => {
        await connection.query('SELECT 1');
        await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
        await new Promise((resolve) => setTimeout(resolve, 300));
        return connection.query('SELECT 2').catch((error: unknown) => error);
      });
      expect(second).toBeInstanceOf(Error);
      expect(uncaught).toEqual([]);
      expect(await sql.query('SELECT 3 AS n')).toEqual([{ n: 3 }]);
    } finally {
      process.off('uncaughtException', record);
      await admin.end();
    }
  });
});
