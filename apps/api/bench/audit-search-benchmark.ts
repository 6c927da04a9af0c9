/**
 * 稽核紀錄 search: p50/p99 of GET /api/audit-events through HTTP on PostgreSQL over
 * 1,000,000 events (generated with generate_series over 90 days, 5,000 actors, 12 actions),
 * for the newest page, a deep keyset page, and each filter; plus a CSV export of one actor.
 * `npx tsx --conditions=@portal/source bench/audit-search-benchmark.ts` (BENCH_POSTGRES_URL; BENCH_EVENTS default 1000000).
 */
import { addTaipeiDays, taipeiDate } from '@portal/shared';
import { percentile } from './bench-support.js';
import { insertBenchAccounts, withBenchDatabase } from './back-office-support.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 100);
const ACTIONS = [
  'auth.login.succeeded', 'auth.login.failed', 'auth.logout', 'account.applied', 'account.approved', 'account.rejected',
  'subsystem-access.requested', 'subsystem-access.approved', 'subsystem-access.rejected', 'account.profile.updated',
  'password.reset.requested', 'announcement.updated',
];

await withBenchDatabase(200, async (ctx) => {
  let t = performance.now();
  await insertBenchAccounts(ctx, 5000);
  await ctx.sql(`
    WITH actors AS (SELECT array_agg(id ORDER BY account_name_key) AS ids FROM accounts WHERE account_name_key LIKE 'bench%'),
         acts AS (SELECT ARRAY[${ACTIONS.map((a) => `'${a}'`).join(',')}]::text[] AS names)
    INSERT INTO audit_events (at, actor_id, action, entity_type, entity_id, before, after, ip, request_id)
    SELECT now() - ((${EVENTS} - g) * interval '90 days' / ${EVENTS}),
           actors.ids[1 + (g * 7) % 5000],
           acts.names[1 + g % 12],
           CASE WHEN g % 12 < 3 THEN 'session' WHEN g % 12 IN (6, 7, 8) THEN 'subsystem-access' ELSE 'account' END,
           md5(g::text),
           jsonb_build_object('status', 'PENDING'),
           jsonb_build_object('status', 'APPROVED', 'n', g),
           '10.' || (g % 200) || '.' || ((g / 200) % 250) || '.' || (g % 7),
           md5((g * 31)::text)
      FROM generate_series(1, ${EVENTS}) g, actors, acts`);
  await ctx.sql('VACUUM ANALYZE audit_events');
  const seeded = Math.round(performance.now() - t);
  const [{ total }] = (await ctx.sql('SELECT count(*)::int AS total FROM audit_events')) as [{ total: number }];
  const [sample] = await ctx.sql(`SELECT entity_type, entity_id, ip FROM audit_events WHERE id = ${Math.floor(EVENTS / 3)}`);
  const [deep] = await ctx.sql(`SELECT id::text AS id FROM audit_events ORDER BY id DESC OFFSET ${Math.floor(EVENTS * 0.9)} LIMIT 1`);

  const call = await ctx.as('demostaff');
  const recent = addTaipeiDays(taipeiDate(new Date()), -7);
  const cases: Record<string, (i: number) => string> = {
    'newest page (50)': () => '/api/audit-events',
    'deep keyset page (90% back)': () => `/api/audit-events?cursor=${deep!.id}`,
    'actor (帳號)': (i) => `/api/audit-events?actor=bench${1 + ((i * 37) % 5000)}`,
    'action': (i) => `/api/audit-events?action=${ACTIONS[i % ACTIONS.length]}`,
    'action prefix + last 7 days': () => `/api/audit-events?action=subsystem-access.&from=${recent}`,
    'entity type + id': () => `/api/audit-events?entityType=${sample!.entity_type}&entityId=${sample!.entity_id}`,
    'IP': () => `/api/audit-events?ip=${sample!.ip}`,
    'date range (one day, 60 days ago)': () => {
      const day = addTaipeiDays(taipeiDate(new Date()), -60);
      return `/api/audit-events?from=${day}&to=${day}`;
    },
  };
  const results: Record<string, unknown> = {};
  for (const [label, path] of Object.entries(cases)) {
    for (let i = 0; i < 5; i++) await call(path(i));
    const timings: number[] = [];
    let items = 0;
    for (let i = 0; i < SAMPLES; i++) {
      const response = await call(path(i));
      if (response.status !== 200) throw new Error(`${label}: ${response.status} ${response.body}`);
      items = JSON.parse(response.body).items.length;
      timings.push(response.ms);
    }
    results[label] = { items, p50Ms: +percentile(timings, 0.5).toFixed(1), p99Ms: +percentile(timings, 0.99).toFixed(1) };
  }
  t = performance.now();
  const csv = await call('/api/audit-events.csv?actor=bench42');
  const csvResult = { ms: Math.round(performance.now() - t), rows: csv.body.split('\r\n').length - 2, bytes: csv.body.length };
  console.log(JSON.stringify({ events: total, seedMs: seeded, samplesPerCase: SAMPLES, search: results, csvExportOneActor: csvResult }, null, 2));
});
