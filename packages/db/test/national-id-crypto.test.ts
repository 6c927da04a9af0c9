import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createNationalIdCrypto } from '../src/national-id-crypto.ts';

const keys = { nationalIdKey: randomBytes(32), nationalIdHashKey: randomBytes(32) };
const crypto = createNationalIdCrypto(keys);

describe('身分證 at rest', () => {
  it('round-trips, normalised, and never stores the plain value', () => {
    const cipher = crypto.encrypt(' a123456789 ');
    expect(crypto.decrypt(cipher)).toBe('A123456789');
    expect(Buffer.from(cipher).toString('latin1')).not.toContain('A123456789');
    expect(cipher.length).toBe(12 + 10 + 16);
  });

  it('uses a fresh nonce each time, yet a stable look-up hash', () => {
    expect(Buffer.from(crypto.encrypt('A123456789')).equals(crypto.encrypt('A123456789'))).toBe(false);
    expect(crypto.lookupHash('a123456789')).toBe(crypto.lookupHash('A123456789'));
    expect(crypto.lookupHash('A123456789')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('detects tampering and wrong keys', () => {
    const cipher = crypto.encrypt('A123456789');
    cipher[14] = cipher[14]! ^ 1;
    expect(() => crypto.decrypt(cipher)).toThrow();
    const other = createNationalIdCrypto({ nationalIdKey: randomBytes(32), nationalIdHashKey: randomBytes(32) });
    expect(() => other.decrypt(crypto.encrypt('A123456789'))).toThrow();
    expect(other.lookupHash('A123456789')).not.toBe(crypto.lookupHash('A123456789'));
  });
});
