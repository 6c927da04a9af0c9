import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSecrets, SecretsError } from '../src/secrets.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'secrets-'));
  dirs.push(dir);
  return dir;
};
const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');

describe('loadSecrets', () => {
  it('takes every key from the environment when given', () => {
    const secrets = loadSecrets({ env: { NATIONAL_ID_KEY: key(1), NATIONAL_ID_HASH_KEY: key(2), JWT_SECRET: key(3), OIDC_KEY: key(4) } });
    expect(secrets.nationalIdKey.equals(Buffer.alloc(32, 1))).toBe(true);
    expect(secrets.jwtSecret.equals(Buffer.alloc(32, 3))).toBe(true);
    expect(secrets.oidcKey.equals(Buffer.alloc(32, 4))).toBe(true);
  });

  it('refuses to start without keys outside the embedded setup', () => {
    expect(() => loadSecrets({ env: { JWT_SECRET: key(3) } })).toThrow(
      new SecretsError('Missing NATIONAL_ID_KEY, NATIONAL_ID_HASH_KEY, OIDC_KEY (32 random bytes, base64).'),
    );
  });

  it('refuses a key of the wrong size', () => {
    expect(() =>
      loadSecrets({ env: { NATIONAL_ID_KEY: 'c2hvcnQ=', NATIONAL_ID_HASH_KEY: key(2), JWT_SECRET: key(3), OIDC_KEY: key(4) } }),
    ).toThrow('NATIONAL_ID_KEY must be 32 bytes, base64-encoded.');
  });

  it('generates keys once for the embedded setup, private to the owner, and keeps them', () => {
    const dir = tempDir();
    const first = loadSecrets({ env: {}, generateInto: dir });
    const second = loadSecrets({ env: {}, generateInto: dir });
    expect(second.nationalIdKey.equals(first.nationalIdKey)).toBe(true);
    expect(first.nationalIdKey.equals(first.nationalIdHashKey)).toBe(false);
    expect(statSync(path.join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
  });

  it('lets an environment key override the generated one', () => {
    const dir = tempDir();
    const secrets = loadSecrets({ env: { JWT_SECRET: key(9) }, generateInto: dir });
    expect(secrets.jwtSecret.equals(Buffer.alloc(32, 9))).toBe(true);
  });

  it('adds a key that an older secrets.json lacks and keeps the stored ones', () => {
    const dir = tempDir();
    const file = path.join(dir, 'secrets.json');
    writeFileSync(file, JSON.stringify({ nationalIdKey: key(1), nationalIdHashKey: key(2), jwtSecret: key(3) }), { mode: 0o600 });
    const first = loadSecrets({ env: {}, generateInto: dir });
    expect(first.nationalIdKey.equals(Buffer.alloc(32, 1))).toBe(true);
    expect(first.oidcKey.length).toBe(32);
    expect(loadSecrets({ env: {}, generateInto: dir }).oidcKey.equals(first.oidcKey)).toBe(true);
  });
});
