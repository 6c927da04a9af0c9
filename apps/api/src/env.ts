import path from 'node:path';
import { z } from 'zod';

/**
 * The environment, parsed once at start-up. Every variable has a safe default for the embedded
 * setup (PGlite under DATA_DIR, no Redis, keys generated under DATA_DIR) and a line in
 * .env.example.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1');

/** A 32-byte key, base64-encoded; empty counts as unset. */
const secretKey = z
  .string()
  .optional()
  .transform((value) => value || undefined)
  .refine((value) => value === undefined || Buffer.from(value, 'base64').length === 32, 'must be 32 bytes, base64-encoded');

const EnvFields = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** Where the embedded setup keeps PGlite, generated keys and mail. */
  DATA_DIR: z.string().default('data'),
  /** postgresql://… selects PostgreSQL; unset selects the embedded PGlite. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** redis://… for state that several API instances share (rate limits, revocations). */
  REDIS_URL: z.string().optional().or(z.literal('').transform(() => undefined)),
  /** Prefix of every Redis key, so that deployments (or test runs) can share one Redis. */
  REDIS_KEY_PREFIX: z.string().max(50).default('portal:'),
  /** The public origin of the portal (links in mail, the card challenge's origin). */
  PUBLIC_ORIGIN: z.url().optional().or(z.literal('').transform(() => undefined)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Seed the synthetic directory and the demo accounts at start (embedded demo setup only). */
  SEED_DEMO: booleanFlag,
  /** Size of the synthetic institution directory the demo seed creates. */
  SEED_INSTITUTIONS: z.coerce.number().int().min(0).max(200_000).default(20_000),
  /** The built SPA to serve; empty disables serving it (API only). */
  WEB_DIST: z.string().optional(),
  /** Number of proxy hops in front of the API whose X-Forwarded-For to trust. */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** smtp://user:pass@host:587 or smtps://…:465; unset writes each mail as .eml under DATA_DIR/mail. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must be an smtp:// or smtps:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().min(3).default('"單一入口系統" <no-reply@portal.localhost>'),
  /** How often the in-process dispatcher sends pending mail; 0 disables it (tests call dispatchNow). */
  MAIL_DISPATCH_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).optional(),
  /** The /dev/mail viewer; unset: on only outside production when mail is written to files. */
  MAIL_VIEWER: z.enum(['true', 'false', '1', '0', '']).optional(),
  /** The approvers' daily digest (jobs/daily-digest.ts); unset: on except NODE_ENV=test. */
  DIGEST_ENABLED: z.enum(['true', 'false', '1', '0', '']).optional(),
  /** Taipei hour (0–23) from which the day's digest is sent. */
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(8),
  /** The daily purge of expired credentials (jobs/purge-expired-credentials.ts); unset: on except NODE_ENV=test. */
  PURGE_ENABLED: z.enum(['true', 'false', '1', '0', '']).optional(),
  /** Taipei hour (0–23) from which the day's purge runs (a quiet hour). */
  PURGE_HOUR: z.coerce.number().int().min(0).max(23).default(3),
  // 醫事機構卡驗證: see services/card-verification/trust-store.ts for each variable.
  CARD_TRUST_ANCHORS: z.string().optional(),
  CARD_INTERMEDIATES: z.string().optional(),
  CARD_CRLS: z.string().optional(),
  CARD_CRL_URLS: z.string().optional(),
  /** How often (seconds) the CRLs are read again; sooner when one nears its nextUpdate (crl-refresh.ts). */
  CARD_CRL_REFRESH_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
  CARD_INSTITUTION_POLICY_OIDS: z.string().optional(),
  CARD_INSTITUTION_OU: z.string().optional(),
  CARD_INSTITUTION_CODE_ATTRIBUTE: z.string().optional(),
  /** Trust tools/card-sim's test CA: only the embedded demo setup sets it; refused in production. */
  CARD_TRUST_TEST_CA: z.enum(['true', 'false', '']).optional(),
  CARD_TEST_PKI_DIR: z.string().optional(),
  CARD_CHALLENGE_TTL_SECONDS: z.coerce.number().int().min(30).max(900).default(300),
  /** A login ends after this many minutes without use (a refresh moves it on; the SPA warns 2 minutes before). */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(3).max(24 * 60).default(30),
  /** A login ends this many hours after it began, however active (clinics share computers). */
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(7 * 24).default(12),
  /** A refresh token rotated less than this many seconds ago yields its successor again (two tabs refreshing at once); 0 turns it off. */
  REFRESH_GRACE_SECONDS: z.coerce.number().int().min(0).max(120).default(30),
  /** 篩檢結果查詢: lookups one account may make per Taipei day. */
  SCREENING_DAILY_LOOKUP_LIMIT: z.coerce.number().int().min(1).max(100_000).default(200),
  /** 篩檢結果查詢: distinct people one account looks up in a day from which staff are alerted. */
  SCREENING_ALERT_DISTINCT_PERSONS: z.coerce.number().int().min(1).max(100_000).default(100),
  /**
   * The embedded demo's subsystem (tools/demo-subsystem): with a secret set, the API registers it
   * as the 成人預防保健 client at start, with its URIs under DEMO_SUBSYSTEM_URL. Refused in production.
   */
  DEMO_SUBSYSTEM_URL: z.url().default('http://localhost:3001'),
  DEMO_SUBSYSTEM_SECRET: z.string().min(32, 'DEMO_SUBSYSTEM_SECRET must be at least 32 characters').optional().or(z.literal('').transform(() => undefined)),
  /** Taiwan's public holidays and make-up workdays (due dates of 紙本審核); default config/holidays/taiwan.json. */
  HOLIDAY_CALENDAR_FILE: z.string().optional(),
  /** How long a shutdown (SIGTERM) may take to finish in-flight requests before the process exits anyway. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
  /** The interactive API reference at /api/docs (and /api/openapi.json); unset: on except in production. */
  API_DOCS: z.enum(['true', 'false', '1', '0', '']).optional(),
  /** The bearer token of /metrics (Prometheus); unset: no /metrics. At least 32 characters. */
  METRICS_TOKEN: z.string().min(32, 'METRICS_TOKEN must be at least 32 characters').optional().or(z.literal('').transform(() => undefined)),
  // Keys (32 random bytes, base64; packages/db/src/secrets.ts): production sets all four; the embedded setup generates them.
  JWT_SECRET: secretKey,
  NATIONAL_ID_KEY: secretKey,
  NATIONAL_ID_HASH_KEY: secretKey,
  OIDC_KEY: secretKey,
  /**
   * How often each instance checks whether the signing keys changed (a rotation made by another
   * instance) and reloads its provider; 0 turns the check off.
   */
  OIDC_KEY_CHECK_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
});

export const EnvSchema = EnvFields.superRefine((env, context) => {
  if (env.NODE_ENV !== 'production') return;
  for (const [variable, message] of productionRefusals(env)) context.addIssue({ code: 'custom', path: [variable], message });
});

/**
 * What production refuses to start with: development defaults that would silently weaken it.
 * One message per variable, each a single line.
 */
function productionRefusals(env: z.infer<typeof EnvFields>): [variable: string, message: string][] {
  const refusals: [string, string][] = [];
  const refuse = (variable: string, what: 'required' | 'refused' | 'must be https://', why?: string) =>
    refusals.push([variable, `${what} with NODE_ENV=production${why ? `: ${why}` : ''}`]);
  if (!env.PUBLIC_ORIGIN) refuse('PUBLIC_ORIGIN', 'required', 'the https:// origin users reach the portal at');
  else if (!env.PUBLIC_ORIGIN.startsWith('https://')) refuse('PUBLIC_ORIGIN', 'must be https://');
  if (!env.DATABASE_URL) refuse('DATABASE_URL', 'required', 'a postgresql:// URL (the embedded PGlite is for development only)');
  for (const key of ['JWT_SECRET', 'NATIONAL_ID_KEY', 'NATIONAL_ID_HASH_KEY', 'OIDC_KEY'] as const) {
    if (!env[key]) refuse(key, 'required', '32 random bytes, base64 (openssl rand -base64 32)');
  }
  if (!env.SMTP_URL) refuse('SMTP_URL', 'required', 'an smtp:// or smtps:// URL (otherwise mail is only written to files)');
  if (env.SEED_DEMO) refuse('SEED_DEMO', 'refused', 'demo accounts never go into production');
  if (env.MAIL_VIEWER === 'true' || env.MAIL_VIEWER === '1') refuse('MAIL_VIEWER', 'refused', 'it shows password-reset links to whoever opens it');
  if (env.CARD_TRUST_TEST_CA === 'true') refuse('CARD_TRUST_TEST_CA', 'refused', 'the test CA signs cards for anyone');
  if (env.DEMO_SUBSYSTEM_SECRET) refuse('DEMO_SUBSYSTEM_SECRET', 'refused', 'the demo subsystem is for the embedded demo only');
  return refusals;
}

export type Env = Omit<z.infer<typeof EnvSchema>, 'MAIL_VIEWER' | 'MAIL_DISPATCH_INTERVAL_MS' | 'DIGEST_ENABLED' | 'PURGE_ENABLED' | 'API_DOCS'> & {
  API_DOCS: boolean;
  DIGEST_ENABLED: boolean;
  PURGE_ENABLED: boolean;
  DATA_DIR: string;
  PUBLIC_ORIGIN: string;
  MAIL_DISPATCH_INTERVAL_MS: number;
  MAIL_VIEWER: boolean;
};

/** An on/off variable: `fallback` when unset or empty. */
function switchOr(value: string | undefined, fallback: boolean): boolean {
  return value === undefined || value === '' ? fallback : value === 'true' || value === '1';
}

/** A daily job's switch: unset means on, except under NODE_ENV=test (tests call the job directly). */
function dailyJobEnabled(value: string | undefined, nodeEnv: string): boolean {
  return switchOr(value, nodeEnv !== 'test');
}

/** A setting the portal refuses: its message has one line per variable, fit to print as it is. */
export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  return {
    ...env,
    DATA_DIR: path.resolve(env.DATA_DIR),
    PUBLIC_ORIGIN: env.PUBLIC_ORIGIN ?? `http://localhost:${env.PORT}`,
    // Tests send with app.mail.dispatchNow(), so that no timer races their assertions.
    MAIL_DISPATCH_INTERVAL_MS: env.MAIL_DISPATCH_INTERVAL_MS ?? (env.NODE_ENV === 'test' ? 0 : 2000),
    MAIL_VIEWER: switchOr(env.MAIL_VIEWER, env.NODE_ENV !== 'production' && !env.SMTP_URL),
    API_DOCS: switchOr(env.API_DOCS, env.NODE_ENV !== 'production'),
    DIGEST_ENABLED: dailyJobEnabled(env.DIGEST_ENABLED, env.NODE_ENV),
    PURGE_ENABLED: dailyJobEnabled(env.PURGE_ENABLED, env.NODE_ENV),
  };
}
