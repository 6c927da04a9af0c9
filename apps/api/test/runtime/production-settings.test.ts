import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/env.js';
import { productionEnv } from '../helpers/production-env.js';
import { createTestApp } from '../helpers/test-app.js';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('NODE_ENV=production refuses unsafe settings', () => {
  it('starts from a complete production environment, with the API reference off', () => {
    const env = parseEnv(productionEnv());
    expect(env.API_DOCS).toBe(false);
    expect(env.MAIL_VIEWER).toBe(false);
    expect(parseEnv(productionEnv({ API_DOCS: 'true' })).API_DOCS).toBe(true);
    expect(parseEnv({ NODE_ENV: 'development' }).API_DOCS).toBe(true);
  });

  it.each([
    ['PUBLIC_ORIGIN', { PUBLIC_ORIGIN: '' }, 'PUBLIC_ORIGIN: required with NODE_ENV=production'],
    ['PUBLIC_ORIGIN over http', { PUBLIC_ORIGIN: 'http://portal.example' }, 'PUBLIC_ORIGIN: must be https:// with NODE_ENV=production'],
    ['DATABASE_URL', { DATABASE_URL: '' }, 'DATABASE_URL: required with NODE_ENV=production'],
    ['JWT_SECRET', { JWT_SECRET: '' }, 'JWT_SECRET: required with NODE_ENV=production'],
    ['NATIONAL_ID_KEY', { NATIONAL_ID_KEY: '' }, 'NATIONAL_ID_KEY: required with NODE_ENV=production'],
    ['NATIONAL_ID_HASH_KEY', { NATIONAL_ID_HASH_KEY: '' }, 'NATIONAL_ID_HASH_KEY: required with NODE_ENV=production'],
    ['OIDC_KEY', { OIDC_KEY: '' }, 'OIDC_KEY: required with NODE_ENV=production'],
    ['SMTP_URL', { SMTP_URL: '' }, 'SMTP_URL: required with NODE_ENV=production'],
    ['SEED_DEMO', { SEED_DEMO: 'true' }, 'SEED_DEMO: refused with NODE_ENV=production'],
    ['MAIL_VIEWER', { MAIL_VIEWER: 'true' }, 'MAIL_VIEWER: refused with NODE_ENV=production'],
    ['CARD_TRUST_TEST_CA', { CARD_TRUST_TEST_CA: 'true' }, 'CARD_TRUST_TEST_CA: refused with NODE_ENV=production'],
  ])('%s', (_case, overrides, line) => {
    expect(() => parseEnv(productionEnv(overrides))).toThrow(`Invalid environment:\n  ${line}`);
  });

  it('refuses a key that is not 32 bytes of base64', () => {
    expect(() => parseEnv(productionEnv({ JWT_SECRET: 'c2hvcnQ=' }))).toThrow('JWT_SECRET: must be 32 bytes, base64-encoded');
  });

  it('stops the server before it opens anything, one line per refused setting', () => {
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', NODE_ENV: 'production', PUBLIC_ORIGIN: 'http://portal.example' };
    const result = spawnSync(process.execPath, ['--conditions=@portal/source', '--import', 'tsx', 'src/server.ts'], {
      cwd: apiDir,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'Invalid environment:',
      '  PUBLIC_ORIGIN: must be https:// with NODE_ENV=production',
      '  DATABASE_URL: required with NODE_ENV=production: a postgresql:// URL (the embedded PGlite is for development only)',
      '  JWT_SECRET: required with NODE_ENV=production: 32 random bytes, base64 (openssl rand -base64 32)',
      '  NATIONAL_ID_KEY: required with NODE_ENV=production: 32 random bytes, base64 (openssl rand -base64 32)',
      '  NATIONAL_ID_HASH_KEY: required with NODE_ENV=production: 32 random bytes, base64 (openssl rand -base64 32)',
      '  OIDC_KEY: required with NODE_ENV=production: 32 random bytes, base64 (openssl rand -base64 32)',
      '  SMTP_URL: required with NODE_ENV=production: an smtp:// or smtps:// URL (otherwise mail is only written to files)',
    ]);
  });
});

describe('the API reference in production', () => {
  it('is not served unless API_DOCS=true', async () => {
    const ctx = await createTestApp({ env: productionEnv() });
    const documented = await createTestApp({ database: ctx, env: productionEnv({ API_DOCS: 'true' }) });
    try {
      for (const url of ['/api/docs', '/api/openapi.json']) expect((await ctx.app.inject({ url })).statusCode).toBe(404);
      expect((await documented.app.inject({ url: '/api/openapi.json' })).statusCode).toBe(200);
    } finally {
      await documented.close();
      await ctx.close();
    }
  });
});
