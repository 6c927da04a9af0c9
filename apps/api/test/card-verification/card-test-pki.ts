import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateTestPki, signWithCard, certificateB64, writeTestPki, type TestPki } from '@portal/card-sim';
import { buildCardAuthTbs } from '@portal/shared';
import { afterAll, beforeAll } from 'vitest';
import { TEST_INSTITUTION_CARD_PROFILE, type VerifyCardSignatureInput } from '../../src/services/card-verification/index.js';

export const ORIGIN = 'http://localhost:3000';
export const PIN = '135790';
export const NONCE = 'q2x8HkQ1Vt3mYp0sLr5nWc7dEf9gHi2jKl4oNa6bZuA';

let shared: Promise<TestPki> | undefined;
/** One RSA test PKI per test file (key generation takes a couple of seconds). */
export const testPki = () => (shared ??= generateTestPki({ pin: PIN }));

/**
 * The test PKI written as files (CARD_TEST_PKI_DIR) into a temporary folder before the tests of
 * the calling file or describe block, and removed after them; read `pki` and `dir` inside tests.
 */
export function testPkiFiles(prefix: string): { readonly pki: TestPki; readonly dir: string } {
  const files = {} as { pki: TestPki; dir: string };
  beforeAll(async () => {
    files.pki = await testPki();
    files.dir = await mkdtemp(path.join(tmpdir(), prefix));
    await writeTestPki(files.pki, files.dir);
  });
  afterAll(() => rm(files.dir, { recursive: true, force: true }));
  return files;
}

export const tbsFor = (institutionCode: string, nonce = NONCE) => buildCardAuthTbs({ origin: ORIGIN, institutionCode, nonce });

/** What the browser would send after the card signed the server's challenge. */
export async function signedBy(pki: TestPki, cardId: string, tbs: string) {
  const card = pki.cards.find((c) => c.id === cardId);
  if (!card) throw new Error(`no test card ${cardId}`);
  const signature = await signWithCard(card, new Uint8Array(Buffer.from(tbs, 'utf8')));
  return { signature: signature.toString('base64'), certificate: certificateB64(card.certificate), card };
}

export function trustFor(pki: TestPki): Omit<VerifyCardSignatureInput, 'tbs' | 'signature' | 'certificate' | 'expectedInstitutionCode' | 'now'> {
  return {
    trustAnchors: [pki.root.certificate.toString('pem')],
    intermediates: [pki.intermediate.certificate.toString('pem')],
    crls: [pki.crl.toString('pem')],
    profile: TEST_INSTITUTION_CARD_PROFILE,
  };
}
