import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { unauthorized } from '../errors/http-error.js';

export type LoginOutcome = 'success' | 'failure' | 'locked';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: {
      /** Counts one 服務登入: success, failure (wrong name/password or a refused status) or locked (429). */
      countLogin(outcome: LoginOutcome): void;
    };
  }
}

export interface MetricsPluginOptions {
  /** The bearer token a scraper presents; unset: no /metrics at all (404). */
  token: string | undefined;
}

/** One query for every queue the operators watch; cheap (each count uses an index or a small table). */
const QUEUES_SQL = `
  SELECT
    (SELECT count(*) FROM mail_messages WHERE status = 'PENDING')::int AS mail_pending,
    (SELECT extract(epoch FROM now() - min(created_at)) FROM mail_messages WHERE status = 'PENDING')::float8 AS mail_oldest_seconds,
    (SELECT count(*) FROM manager_requests WHERE status = 'PENDING_REVIEW')::int AS manager_pending_review,
    (SELECT count(*) FROM manager_requests WHERE status = 'AWAITING_VERIFICATION')::int AS manager_awaiting_verification,
    (SELECT count(*) FROM subsystem_accesses WHERE status = 'PENDING')::int AS access_pending,
    (SELECT count(*) FROM backchannel_logouts WHERE delivered_at IS NULL AND failed_at IS NULL)::int AS backchannel_pending,
    (SELECT extract(epoch FROM now() - min(created_at)) FROM backchannel_logouts WHERE delivered_at IS NULL AND failed_at IS NULL)::float8 AS backchannel_oldest_seconds`;

interface QueueRow extends Record<string, unknown> {
  mail_pending: number;
  mail_oldest_seconds: number | null;
  manager_pending_review: number;
  manager_awaiting_verification: number;
  access_pending: number;
  backchannel_pending: number;
  backchannel_oldest_seconds: number | null;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest();

/** Compares digests, so that neither the token's length nor its bytes leak through timing. */
function presentsToken(request: FastifyRequest, expected: Buffer): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  return match !== null && timingSafeEqual(sha256(match[1]!), expected);
}

/**
 * /metrics in Prometheus's text format, for the operators' scraper only (METRICS_TOKEN as a
 * bearer token). Each app has its own registry: tests run several apps in one process.
 * Request latency is labelled by route pattern (`/api/institutions/:id`), never by raw URL,
 * which would carry ids and grow without bound.
 */
export const metricsPlugin = fp(
  async (app: FastifyInstance, options: MetricsPluginOptions) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });

    const requestDuration = new Histogram({
      name: 'portal_http_request_duration_seconds',
      help: 'Time to answer a request, by route pattern',
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    const logins = new Counter({
      name: 'portal_login_attempts_total',
      help: '服務登入 attempts by outcome (locked: refused by the per-account failure limit)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    });
    for (const outcome of ['success', 'failure', 'locked'] as const) logins.inc({ outcome }, 0);

    const gauge = (name: string, help: string, labelNames: string[] = []) =>
      new Gauge({ name, help, labelNames, registers: [registry] });
    const mailPending = gauge('portal_mail_outbox_pending', 'Mail waiting in the outbox to be sent');
    const mailOldest = gauge('portal_mail_outbox_oldest_seconds', 'Age of the oldest unsent mail (0 when none)');
    const managerRequests = gauge('portal_manager_requests_open', 'Open 管理者帳號申請 by status', ['status']);
    const accessPending = gauge('portal_access_requests_pending', 'Subsystem access requests awaiting a decision');
    const backchannelPending = gauge('portal_backchannel_logout_outbox_pending', 'Back-channel logouts not yet delivered');
    const backchannelOldest = gauge('portal_backchannel_logout_outbox_oldest_seconds', 'Age of the oldest undelivered back-channel logout (0 when none)');
    const crlAge = gauge('portal_card_crl_age_seconds', 'Seconds since the CRL in use was issued (thisUpdate)', ['issuer']);
    const crlNextUpdate = gauge('portal_card_crl_next_update_seconds', 'Seconds until the CRL in use must be replaced (nextUpdate; negative: stale)', ['issuer']);
    const poolGauges = app.db.poolStats
      ? {
          total: gauge('portal_db_pool_connections', 'PostgreSQL connections open (idle or in use)'),
          idle: gauge('portal_db_pool_idle_connections', 'PostgreSQL connections open and idle'),
          waiting: gauge('portal_db_pool_waiting_queries', 'Queries waiting for a PostgreSQL connection'),
          max: gauge('portal_db_pool_max_connections', 'PostgreSQL pool size (DATABASE_POOL_SIZE)'),
        }
      : undefined;
    const wasmMemory = app.db.wasmMemoryBytes
      ? gauge('portal_db_embedded_memory_bytes', "The embedded PGlite's WebAssembly memory (PostgreSQL inside the API process)")
      : undefined;

    async function refreshGauges() {
      const [row] = await app.db.sql.query<QueueRow>(QUEUES_SQL);
      if (row) {
        mailPending.set(row.mail_pending);
        mailOldest.set(row.mail_oldest_seconds ?? 0);
        managerRequests.set({ status: 'PENDING_REVIEW' }, row.manager_pending_review);
        managerRequests.set({ status: 'AWAITING_VERIFICATION' }, row.manager_awaiting_verification);
        accessPending.set(row.access_pending);
        backchannelPending.set(row.backchannel_pending);
        backchannelOldest.set(row.backchannel_oldest_seconds ?? 0);
      }
      // The trust store may have been reloaded since the last scrape: report only the CRLs in use.
      crlAge.reset();
      crlNextUpdate.reset();
      const now = Date.now();
      for (const crl of app.cardTrustStore.crls) {
        const issuer = crl.x509.issuer;
        crlAge.set({ issuer }, (now - crl.thisUpdate.getTime()) / 1000);
        if (crl.nextUpdate) crlNextUpdate.set({ issuer }, (crl.nextUpdate.getTime() - now) / 1000);
      }
      if (poolGauges && app.db.poolStats) {
        const stats = app.db.poolStats();
        for (const key of ['total', 'idle', 'waiting', 'max'] as const) poolGauges[key].set(stats[key]);
      }
      if (wasmMemory && app.db.wasmMemoryBytes) wasmMemory.set(app.db.wasmMemoryBytes());
    }

    app.decorate('metrics', { countLogin: (outcome: LoginOutcome) => logins.inc({ outcome }) });

    app.addHook('onResponse', async (request, reply) => {
      // A path no route serves counts under one label, whatever was asked.
      const route = request.routeOptions.url ?? '(unmatched)';
      requestDuration.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
    });

    if (!options.token) return;
    const expected = sha256(options.token);
    app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
      if (!presentsToken(request, expected)) {
        reply.header('www-authenticate', 'Bearer realm="metrics"');
        throw unauthorized();
      }
      await refreshGauges();
      reply.header('cache-control', 'no-store').type(registry.contentType);
      return registry.metrics();
    });
  },
  { name: 'metrics', dependencies: ['database'] },
);
