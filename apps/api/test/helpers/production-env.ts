import { randomBytes } from 'node:crypto';

/**
 * A complete production environment (every setting NODE_ENV=production requires), for tests of
 * production behaviour and for benchmarks that run the app as production does. No server is
 * contacted: the database is handed to buildApp, and mail is only sent when a test asks.
 */
export function productionEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    PUBLIC_ORIGIN: 'https://portal.example',
    DATABASE_URL: 'postgresql://portal@db.portal.example:5432/portal',
    SMTP_URL: 'smtp://mail.portal.example:587',
    MAIL_DISPATCH_INTERVAL_MS: '0',
    JWT_SECRET: randomBytes(32).toString('base64'),
    NATIONAL_ID_KEY: randomBytes(32).toString('base64'),
    NATIONAL_ID_HASH_KEY: randomBytes(32).toString('base64'),
    OIDC_KEY: randomBytes(32).toString('base64'),
    ...overrides,
  };
}
