/**
 * 子系統管理者 queue page latency: p50/p99 of GET /api/subsystem-manager/access-requests
 * through HTTP on PostgreSQL with 50,000 pending requests of the manager's subsystem (plus
 * 20,000 decided ones and 50,000 of another subsystem as noise), for the first page, deep pages
 * and each filter; then bulk approve of 1,000 selected requests.
 * `npx tsx --conditions=@portal/source bench/queue-benchmark.ts` (BENCH_POSTGRES_URL; BENCH_PENDING default 50000).
 */
import { addTaipeiDays, taipeiDate } from '@portal/shared';
import { percentile } from './bench-support.js';
import { insertBenchAccounts, withBenchDatabase } from './back-office-support.js';

const PENDING = Number(process.env.BENCH_PENDING ?? 50_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);

await withBenchDatabase(1000, async (ctx) => {
  let t = performance.now();
  await insertBenchAccounts(ctx, PENDING + 20_000);
  // Pending ones over the last 30 days, 20,000 already decided, and the same accounts' requests
  // to another subsystem.
  await ctx.sql(`
    INSERT INTO subsystem_accesses (id, account_id, subsystem_id, status, requested_at, decided_at)
    SELECT gen_random_uuid(), a.id, s.id,
           CASE WHEN substr(a.account_name, 6)::int <= ${PENDING} THEN 'PENDING' ELSE 'APPROVED' END::"AccessStatus",
           now() - (random() * interval '30 days'),
           CASE WHEN substr(a.account_name, 6)::int <= ${PENDING} THEN NULL ELSE now() END
      FROM accounts a, subsystems s
     WHERE a.account_name_key LIKE 'bench%' AND s.code IN ('adult-preventive', 'child-preventive')
       AND (s.code = 'adult-preventive' OR substr(a.account_name, 6)::int <= ${PENDING})`);
  await ctx.sql('VACUUM ANALYZE');
  const seeded = Math.round(performance.now() - t);
  const [{ pending }] = (await ctx.sql(
    `SELECT count(*)::int AS pending FROM subsystem_accesses sa JOIN subsystems s ON s.id = sa.subsystem_id WHERE s.code = 'adult-preventive' AND sa.status = 'PENDING'`,
  )) as [{ pending: number }];

  const call = await ctx.as('demosubadult');
  const cases: Record<string, (i: number) => string> = {
    'first page': () => '/api/subsystem-manager/access-requests',
    'random page (1–2500, 20 per page)': (i) => `/api/subsystem-manager/access-requests?page=${1 + ((i * 7919) % 2500)}`,
    'filter city': () => `/api/subsystem-manager/access-requests?city=${encodeURIComponent('臺北市')}`,
    'filter institution code prefix': (i) => `/api/subsystem-manager/access-requests?institution=${String(10 + (i % 12)).padStart(2, '0')}`,
    'filter date range (7 days)': () => {
      const to = taipeiDate(new Date());
      return `/api/subsystem-manager/access-requests?from=${addTaipeiDays(to, -7)}&to=${to}`;
    },
    'decided (APPROVED) list': () => '/api/subsystem-manager/access-requests?status=APPROVED',
  };
  const results: Record<string, unknown> = {};
  for (const [label, path] of Object.entries(cases)) {
    for (let i = 0; i < 10; i++) await call(path(i)); // warm-up
    const timings: number[] = [];
    let total = 0;
    for (let i = 0; i < SAMPLES; i++) {
      const response = await call(path(i));
      if (response.status !== 200) throw new Error(`${label}: ${response.status} ${response.body}`);
      total = JSON.parse(response.body).total;
      timings.push(response.ms);
    }
    results[label] = { total, p50Ms: +percentile(timings, 0.5).toFixed(1), p99Ms: +percentile(timings, 0.99).toFixed(1) };
  }

  // Bulk approve: 1,000 selected pending requests, three rounds.
  const bulk: { ms: number; approved: number }[] = [];
  for (let round = 0; round < 3; round++) {
    const ids = (await ctx.sql(
      `SELECT sa.id FROM subsystem_accesses sa JOIN subsystems s ON s.id = sa.subsystem_id
        WHERE s.code = 'adult-preventive' AND sa.status = 'PENDING' ORDER BY sa.requested_at LIMIT 1000`,
    )).map((row) => row.id as string);
    t = performance.now();
    const response = await call('/api/subsystem-manager/access-requests/bulk-approve', { method: 'POST', body: { ids } });
    if (response.status !== 200) throw new Error(`bulk: ${response.status} ${response.body}`);
    bulk.push({ ms: Math.round(performance.now() - t), approved: JSON.parse(response.body).approved });
  }
  const [{ mails }] = (await ctx.sql(`SELECT count(*)::int AS mails FROM mail_messages WHERE template = 'subsystem-approved'`)) as [{ mails: number }];
  console.log(JSON.stringify({ pendingInDatabase: pending, seedMs: seeded, samplesPerCase: SAMPLES, queue: results, bulkApprove1000: bulk, mailsEnqueued: mails }, null, 2));
});
