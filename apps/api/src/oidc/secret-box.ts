import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The provider's secrets at rest (signing keys, client secrets): AES-256-GCM under OIDC_KEY, a
 * random 96-bit nonce per value, stored as nonce ‖ ciphertext ‖ tag.
 */
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export interface SecretBox {
  seal(plain: string): Uint8Array<ArrayBuffer>;
  open(sealed: Uint8Array): string;
  /** A key for another use, derived so that it reveals nothing of the sealing key. */
  derive(purpose: string): Buffer;
}

export function createSecretBox(oidcKey: Buffer): SecretBox {
  const key = Buffer.from(hkdfSync('sha256', oidcKey, Buffer.alloc(0), 'oidc:seal', 32));
  return {
    seal(plain) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return new Uint8Array(Buffer.concat([nonce, body, cipher.getAuthTag()]));
    },
    open(sealed) {
      const bytes = Buffer.from(sealed);
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, NONCE_BYTES));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    },
    derive(purpose) {
      return Buffer.from(hkdfSync('sha256', oidcKey, Buffer.alloc(0), `oidc:${purpose}`, 32));
    },
  };
}
