import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, TEST_POSTGRES_URL } from '@portal/db';
import { isDatabaseUnavailable } from '../../src/errors/database-unavailable.js';
import { freePort } from '../helpers/free-port.js';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { TEST_DATABASE } from '../helpers/test-database.js';

/**
 * A database that cannot be reached answers 503 with Retry-After, not 500, and the app serves
 * again once it is back, without a restart. The errors are PostgreSQL's own, provoked for real.
 */
describe.skipIf(TEST_DATABASE !== 'postgresql')('database unavailable', () => {
  let ctx: TestContext;
  let admin: pg.Client;
  let name: string;
  const allowConnections = async (allowed: boolean) => {
    await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS ${allowed}`);
    if (!allowed) await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
  };

  beforeAll(async () => {
    ctx = await createTestApp({ demoInstitutions: 20 });
    name = new URL(ctx.url!).pathname.slice(1);
    admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await allowConnections(true).catch(() => undefined);
    await admin?.end();
    await ctx?.close();
  });

  it('answers 503 with Retry-After while the database refuses connections, and 200 once it is back', async () => {
    await allowConnections(false);
    for (const url of ['/api/institutions?q=%E7%A4%BA%E7%AF%84', '/api/announcements']) {
      const res = await ctx.app.inject({ url });
      expect(res.statusCode, url).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json()).toEqual({ code: 'SERVICE_UNAVAILABLE', message: '系統暫時無法處理您的要求，請稍後再試。' });
    }
    expect((await ctx.app.inject({ url: '/readyz' })).statusCode).toBe(503);

    await allowConnections(true);
    const res = await ctx.app.inject({ url: '/api/institutions?q=%E7%A4%BA%E7%AF%84' });
    expect(res.statusCode).toBe(200);
    expect((await ctx.app.inject({ url: '/readyz' })).statusCode).toBe(200);
  });

  it('tells an unreachable server and a connection cut by the server from errors of the request', async () => {
    // Nothing listens on this port: connection refused, through Prisma and through plain SQL.
    const nowhere = await openDatabase({ databaseUrl: `postgresql://postgres@127.0.0.1:${await freePort()}/postgres`, poolSize: 1 });
    try {
      const viaPrisma = await nowhere.prisma.$queryRaw`SELECT 1`.catch((error: unknown) => error);
      const viaSql = await nowhere.sql.query('SELECT 1').catch((error: unknown) => error);
      expect(isDatabaseUnavailable(viaPrisma), String(viaPrisma)).toBe(true);
      expect(isDatabaseUnavailable(viaSql), String(viaSql)).toBe(true);
    } finally {
      await nowhere.close();
    }

    // A query whose connection the server terminates (as a restart or failover does), through Prisma and plain SQL.
    const db = await openDatabase({ databaseUrl: ctx.url!, poolSize: 2 });
    try {
      const cut = async (query: () => Promise<unknown>, marker: string) => {
        const pending = query().catch((error: unknown) => error);
        for (let i = 0; i < 100; i++) {
          const { rowCount } = await admin.query(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND query LIKE $2 AND pid <> pg_backend_pid()`,
            [name, `%${marker}%`],
          );
          if (rowCount) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        return pending;
      };
      const viaPrisma = await cut(() => db.prisma.$queryRawUnsafe('SELECT pg_sleep(5) AS prisma_marker'), 'prisma_marker');
      const viaSql = await cut(() => db.sql.query('SELECT pg_sleep(5) AS sql_marker'), 'sql_marker');
      expect(isDatabaseUnavailable(viaPrisma), String(viaPrisma)).toBe(true);
      expect(isDatabaseUnavailable(viaSql), String(viaSql)).toBe(true);

      // The request's own faults stay what they are (a 4xx or a 500 to fix), however they arrive.
      const syntax = await db.sql.query('SELEC 1').catch((error: unknown) => error);
      const duplicate = await db.prisma.subsystem
        .create({ data: { code: 'adult-preventive', name: '重複', url: '/x', sortOrder: 99 } })
        .catch((error: unknown) => error);
      expect(isDatabaseUnavailable(syntax), String(syntax)).toBe(false);
      expect(isDatabaseUnavailable(duplicate), String(duplicate)).toBe(false);
      expect(isDatabaseUnavailable(new Error('something else'))).toBe(false);
    } finally {
      await db.close();
    }
  });
});
