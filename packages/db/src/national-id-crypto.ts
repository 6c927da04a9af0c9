import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * 身分證 at rest: AES-256-GCM with a random 96-bit nonce per value, stored as
 * nonce ‖ ciphertext ‖ tag. Look-ups use an HMAC of the normalised value under another key,
 * so equality search works without decrypting every row.
 */
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export interface NationalIdCrypto {
  encrypt(nationalId: string): Uint8Array<ArrayBuffer>;
  decrypt(cipher: Uint8Array): string;
  lookupHash(nationalId: string): string;
}

export function createNationalIdCrypto(keys: {
  nationalIdKey: Buffer;
  nationalIdHashKey: Buffer;
}): NationalIdCrypto {
  const normalise = (value: string) => value.trim().toUpperCase();
  return {
    encrypt(nationalId) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keys.nationalIdKey, nonce);
      const body = Buffer.concat([cipher.update(normalise(nationalId), 'utf8'), cipher.final()]);
      return new Uint8Array(Buffer.concat([nonce, body, cipher.getAuthTag()]));
    },
    decrypt(stored) {
      const bytes = Buffer.from(stored);
      const nonce = bytes.subarray(0, NONCE_BYTES);
      const tag = bytes.subarray(bytes.length - TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', keys.nationalIdKey, nonce);
      decipher.setAuthTag(tag);
      return Buffer.concat([
        decipher.update(bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    },
    lookupHash(nationalId) {
      return createHmac('sha256', keys.nationalIdHashKey).update(normalise(nationalId)).digest('hex');
    },
  };
}
