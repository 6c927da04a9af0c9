import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Key material of the portal. In production every key comes from the environment; the embedded
 * setup generates them once into `<dataDir>/secrets.json` (mode 0600) so a fresh machine needs
 * no configuration, and keeps them across restarts so encrypted 身分證 stay readable.
 */
export interface Secrets {
  /** AES-256-GCM key for 身分證 at rest. */
  nationalIdKey: Buffer;
  /** HMAC-SHA-256 key for the 身分證 look-up hash (separate, so one leak does not give both). */
  nationalIdHashKey: Buffer;
  /** Signs access tokens. */
  jwtSecret: Buffer;
  /**
   * The OpenID provider's own key (never the JWT secret): encrypts its signing keys and client
   * secrets at rest (AES-256-GCM) and derives its cookie keys.
   */
  oidcKey: Buffer;
}

const ENV_NAMES = {
  nationalIdKey: 'NATIONAL_ID_KEY',
  nationalIdHashKey: 'NATIONAL_ID_HASH_KEY',
  jwtSecret: 'JWT_SECRET',
  oidcKey: 'OIDC_KEY',
} as const satisfies Record<keyof Secrets, string>;

export class SecretsError extends Error {}

function decodeKey(name: string, value: string): Buffer {
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32) throw new SecretsError(`${name} must be 32 bytes, base64-encoded.`);
  return key;
}

export interface LoadSecretsOptions {
  env: Record<string, string | undefined>;
  /** Where the embedded setup keeps generated keys; absent means "never generate". */
  generateInto?: string | undefined;
}

export function loadSecrets({ env, generateInto }: LoadSecretsOptions): Secrets {
  const fields = Object.keys(ENV_NAMES) as (keyof Secrets)[];
  const missing = fields.filter((field) => !env[ENV_NAMES[field]]);
  if (missing.length > 0 && !generateInto) {
    throw new SecretsError(
      `Missing ${missing.map((field) => ENV_NAMES[field]).join(', ')} (32 random bytes, base64).`,
    );
  }
  // Environment values win over the generated file, key by key.
  const generated = missing.length > 0 ? readOrCreateSecretsFile(generateInto!) : undefined;
  const valueOf = (field: keyof Secrets) =>
    decodeKey(ENV_NAMES[field], env[ENV_NAMES[field]] || generated![field]);
  return {
    nationalIdKey: valueOf('nationalIdKey'),
    nationalIdHashKey: valueOf('nationalIdHashKey'),
    jwtSecret: valueOf('jwtSecret'),
    oidcKey: valueOf('oidcKey'),
  };
}

function readOrCreateSecretsFile(dataDir: string): Record<keyof Secrets, string> {
  const file = path.join(dataDir, 'secrets.json');
  const fields = Object.keys(ENV_NAMES) as (keyof Secrets)[];
  const newKey = () => randomBytes(32).toString('base64');
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Record<keyof Secrets, string>>;
    if (fields.every((field) => stored[field])) return stored as Record<keyof Secrets, string>;
    // A key added by a later version: generated once, and the existing ones are kept as they are.
    const completed = Object.fromEntries(fields.map((field) => [field, stored[field] || newKey()])) as Record<keyof Secrets, string>;
    writeFileSync(file, JSON.stringify(completed, null, 2), { mode: 0o600 });
    return completed;
  }
  mkdirSync(dataDir, { recursive: true });
  const generated = Object.fromEntries(fields.map((field) => [field, newKey()])) as Record<keyof Secrets, string>;
  writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600, flag: 'wx' });
  return generated;
}
