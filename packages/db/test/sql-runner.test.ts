import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
