import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database, NationalIdCrypto } from '@portal/db';
import type { Env } from './env.js';
import { LOG_OPTIONS } from './logging.js';
import { databasePlugin } from './plugins/database.js';
import { mailPlugin } from './plugins/mail.js';
import { afterResponsePlugin } from './plugins/after-response.js';
import { clientErrorHandler, errorsPlugin, frameworkErrorHandler, sendRouteNotFound } from './plugins/errors.js';
import { requestOriginPlugin } from './plugins/request-origin.js';
import { openapiPlugin } from './plugins/openapi.js';
import { rateLimitPlugin } from './plugins/rate-limit.js';
import { redisPlugin } from './plugins/redis.js';
import { securityHeadersFor, securityHeadersPlugin } from './plugins/security-headers.js';
import { authPlugin } from './plugins/auth.js';
import { sessionLifetimeOf } from './services/auth/session-lifetime.js';
import { spaPlugin } from './plugins/spa.js';
import { cardTrustStorePlugin } from './plugins/card-trust-store.js';
import { closeConnectionsPlugin } from './plugins/close-connections.js';
import { holidayCalendarPlugin } from './plugins/holiday-calendar.js';
import { metricsPlugin } from './plugins/metrics.js';
import { accountRoutes } from './routes/accounts/index.js';
import { auditRoutes } from './routes/audit/audit-log.js';
import { authRoutes } from './routes/auth/index.js';
import { backOfficeRoutes } from './routes/back-office/index.js';
import { contentRoutes } from './routes/content/index.js';
import { institutionRoutes } from './routes/institutions/directory.js';
import { devMailRoutes } from './routes/mail/dev-mail.js';
import { managerRequestRoutes } from './routes/manager-requests/index.js';
import { screeningRoutes } from './routes/screening/index.js';
import { healthRoutes } from './routes/system/health.js';
import { oidcPlugin } from './oidc/plugin.js';
import { ssoRoutes } from './routes/sso/index.js';
import { dailyDigestPlugin } from './jobs/daily-digest.js';
import { purgeExpiredCredentialsPlugin } from './jobs/purge-expired-credentials.js';

export interface AppDependencies {
  env: Env;
  db: Database;
  nationalIdCrypto: NationalIdCrypto;
  /** Signs access tokens and derives CSRF tokens (Secrets.jwtSecret). */
  jwtSecret: Buffer;
  /** The OpenID provider's key (Secrets.oidcKey): seals its signing keys and client secrets. */
  oidcKey: Buffer;
  /** Requests per minute at /oidc/auth (per IP) and /oidc/token (per client); benchmarks raise them. */
  oidcLimits?: { authPerMinute: number; tokenPerMinute: number };
  /** false: no log (tests, benchmarks); options are merged over the portal's (level, redaction). */
  logger?: false | Exclude<FastifyServerOptions['logger'], boolean | undefined>;
}

/** Builds the app without listening: server.ts listens, tests call app.inject(). */
export async function buildApp({ env, db, nationalIdCrypto, jwtSecret, oidcKey, oidcLimits, logger }: AppDependencies) {
  const securityHeaders = securityHeadersFor(env.PUBLIC_ORIGIN);
  const app = Fastify({
    logger: logger === false ? false : { level: env.LOG_LEVEL, ...LOG_OPTIONS, ...logger },
    // Trust X-Forwarded-For only from the configured number of proxies in front of us.
    trustProxy: (_address: string, hop: number) => hop < env.TRUST_PROXY_HOPS,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    frameworkErrors: frameworkErrorHandler(securityHeaders),
    clientErrorHandler: clientErrorHandler(securityHeaders),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(errorsPlugin);
  await app.register(closeConnectionsPlugin);
  await app.register(requestOriginPlugin);
  await app.register(securityHeadersPlugin, { headers: securityHeaders });
  await app.register(databasePlugin, { db, nationalIdCrypto });
  await app.register(afterResponsePlugin);
  // Before every route, so that its latency hook times them all.
  await app.register(metricsPlugin, { token: env.METRICS_TOKEN });
  await app.register(mailPlugin, {
    smtpUrl: env.SMTP_URL,
    from: env.MAIL_FROM,
    dataDir: env.DATA_DIR,
    origin: env.PUBLIC_ORIGIN,
    dispatchIntervalMs: env.MAIL_DISPATCH_INTERVAL_MS,
  });
  // The reference maps every route for whoever asks: production serves it only when API_DOCS=true.
  if (env.API_DOCS) await app.register(openapiPlugin);
  await app.register(redisPlugin, { url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX });
  await app.register(rateLimitPlugin, { redis: app.redis });
  await app.register(authPlugin, { jwtSecret, publicOrigin: env.PUBLIC_ORIGIN, lifetime: sessionLifetimeOf(env), refreshGraceMs: env.REFRESH_GRACE_SECONDS * 1000 });
  await app.register(cardTrustStorePlugin, { env });
  await app.register(holidayCalendarPlugin, { file: env.HOLIDAY_CALENDAR_FILE });
  await app.register(oidcPlugin, {
    oidcKey,
    publicOrigin: env.PUBLIC_ORIGIN,
    behindProxy: env.TRUST_PROXY_HOPS > 0,
    demoSubsystem: env.DEMO_SUBSYSTEM_SECRET ? { url: env.DEMO_SUBSYSTEM_URL, secret: env.DEMO_SUBSYSTEM_SECRET } : undefined,
    // Back-channel logouts go out like mail: by the same timer interval (0 in tests: they send on demand).
    dispatchIntervalMs: env.MAIL_DISPATCH_INTERVAL_MS,
    keyCheckIntervalMs: env.OIDC_KEY_CHECK_INTERVAL_MS,
    ...(oidcLimits && { limits: oidcLimits }),
  });

  await app.register(healthRoutes);
  await app.register(institutionRoutes);
  await app.register(contentRoutes);
  await app.register(accountRoutes);
  await app.register(authRoutes);
  await app.register(managerRequestRoutes);
  await app.register(backOfficeRoutes);
  await app.register(auditRoutes);
  await app.register(ssoRoutes);
  await app.register(screeningRoutes, { dailyLimit: env.SCREENING_DAILY_LOOKUP_LIMIT, alertThreshold: env.SCREENING_ALERT_DISTINCT_PERSONS });
  await app.register(dailyDigestPlugin, { enabled: env.DIGEST_ENABLED, hour: env.DIGEST_HOUR });
  await app.register(purgeExpiredCredentialsPlugin, { enabled: env.PURGE_ENABLED, hour: env.PURGE_HOUR });

  // Development only: parseEnv refuses MAIL_VIEWER in production, so these paths do not exist there.
  if (env.MAIL_VIEWER) await app.register(devMailRoutes);

  if (env.WEB_DIST) await app.register(spaPlugin, { root: env.WEB_DIST });
  else app.setNotFoundHandler(sendRouteNotFound);
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
