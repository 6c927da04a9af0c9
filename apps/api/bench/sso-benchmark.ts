/**
 * 單一入口: silent SSO — a user with a provider session enters a subsystem: GET /oidc/auth (the
 * provider session and the access rule are read, a grant and a code are written, 303 to the
 * subsystem) and the code exchange at /oidc/token (client authentication, PKCE, the conditional
 * consume, access re-checked, ID token signed RS256) — next to the portal's own authenticated
 * request (GET /api/auth/session) in the same run, over HTTP on PostgreSQL, with openid-client
 * as the relying party. Sequential (latency) and with 4 browsers at once (throughput).
 * CPU per flow: this process (the API and the RP's client work: one process) and PostgreSQL.
 *
 * Run (PostgreSQL at TEST_POSTGRES_URL, default 127.0.0.1:5432 user postgres):
 *   TEST_DATABASE=postgresql npx tsx --conditions=@portal/source bench/sso-benchmark.ts [flows]
 */
import { performance } from 'node:perf_hooks';
import { TEST_DATABASE } from '@portal/db';
import { Browser, relyingParty, signIn, startSsoHarness, type RelyingParty } from '../test/helpers/sso.js';
import { percentile } from './bench-support.js';
import { startCpuCount } from './process-cpu.js';

if (TEST_DATABASE !== 'postgresql') throw new Error('Run with TEST_DATABASE=postgresql: the figures are for PostgreSQL.');
const flows = Number(process.argv[2] ?? 400);
const CONCURRENCY = 4;

const harness = await startSsoHarness({}, { oidcLimits: { authPerMinute: 1_000_000, tokenPerMinute: 1_000_000 } });
try {
  const prisma = harness.ctx.db.prisma;
  const staff = new Browser(harness.origin);
  await staff.login('demostaff');
  const subsystem = await prisma.subsystem.findUniqueOrThrow({ where: { code: 'adult-preventive' } });
  const created = await staff.api('POST', `/api/staff/subsystems/${subsystem.id}/oidc-client`, {
    redirectUris: [`${harness.rp.origin}/cb`],
    allowRefreshToken: false,
  });
  if (created.status !== 201) throw new Error(`client registration: ${created.status} ${await created.text()}`);
  const { clientSecret } = (await created.json()) as { clientSecret: string };
  const rp = await relyingParty(harness.issuer, 'adult-preventive', clientSecret, `${harness.rp.origin}/cb`);
  const account = await prisma.account.findUniqueOrThrow({ where: { accountNameKey: 'demouser' } });
  await prisma.subsystemAccess.create({ data: { accountId: account.id, subsystemId: subsystem.id, status: 'APPROVED', decidedAt: new Date() } });

  // One browser per concurrent user, each logged in at the portal and holding a provider session.
  const browsers = await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      const browser = new Browser(harness.origin);
      await browser.login('demouser');
      if (!(await signIn(browser, rp)).handedOver) throw new Error('the first sign-in should go through the portal');
      return browser;
    }),
  );

  const silentSso = async (browser: Browser, target: RelyingParty) => {
    const { handedOver } = await signIn(browser, target);
    if (handedOver) throw new Error('not silent: the provider asked the portal');
  };
  const portalRequest = async (browser: Browser) => {
    const response = await browser.api('GET', '/api/auth/session');
    if (response.status !== 200) throw new Error(`GET /api/auth/session: ${response.status}`);
    await response.arrayBuffer();
  };

  async function measure(name: string, op: (browser: Browser) => Promise<void>, count: number) {
    for (let i = 0; i < 30; i += 1) await op(browsers[0]!); // warm-up: JIT, pools, prepared statements
    // Sequential: latency of one flow at a time.
    const timings: number[] = [];
    let stop = startCpuCount(process.pid);
    for (let i = 0; i < count; i += 1) {
      const started = performance.now();
      await op(browsers[i % CONCURRENCY]!);
      timings.push(performance.now() - started);
    }
    const sequentialCpu = stop();
    // Concurrent: throughput with CONCURRENCY browsers.
    let next = 0;
    stop = startCpuCount(process.pid);
    await Promise.all(
      browsers.map(async (browser) => {
        while (next < count) {
          next += 1;
          await op(browser);
        }
      }),
    );
    const concurrentCpu = stop();
    const perOp = (ms: number | undefined) => (ms === undefined ? null : +(ms / count).toFixed(2));
    return {
      name,
      count,
      sequential: {
        perSecond: +(count / (sequentialCpu.wallMs / 1000)).toFixed(1),
        medianMs: +percentile(timings, 0.5).toFixed(2),
        p99Ms: +percentile(timings, 0.99).toFixed(2),
        processCpuMsPerOp: perOp(sequentialCpu.server),
        postgresCpuMsPerOp: perOp(sequentialCpu.postgres),
      },
      concurrent: {
        browsers: CONCURRENCY,
        perSecond: +(count / (concurrentCpu.wallMs / 1000)).toFixed(1),
        processCpuMsPerOp: perOp(concurrentCpu.server),
        postgresCpuMsPerOp: perOp(concurrentCpu.postgres),
        machineBusy: concurrentCpu.machineBusy === undefined ? null : +concurrentCpu.machineBusy.toFixed(2),
      },
    };
  }

  const baseline = await measure('GET /api/auth/session (portal, authenticated)', portalRequest, flows);
  const sso = await measure('silent SSO: /oidc/auth + code exchange', (browser) => silentSso(browser, rp), flows);
  const grants = await prisma.oidcPayload.count({ where: { kind: 'Grant' } });
  console.log(
    JSON.stringify(
      {
        machine: `${process.platform} ${process.arch}, node ${process.version}`,
        at: new Date().toISOString(),
        database: 'PostgreSQL (TEST_POSTGRES_URL)',
        baseline,
        sso,
        ratio: {
          sequentialLatencyMedian: +(sso.sequential.medianMs / baseline.sequential.medianMs).toFixed(1),
          sequentialP99: +(sso.sequential.p99Ms / baseline.sequential.p99Ms).toFixed(1),
          concurrentThroughput: +(baseline.concurrent.perSecond / sso.concurrent.perSecond).toFixed(1),
        },
        grantsLeft: grants,
      },
      null,
      2,
    ),
  );
} finally {
  await harness.close();
}
