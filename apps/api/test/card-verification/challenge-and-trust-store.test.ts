import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { x509 } from '@portal/card-sim';
import { describe, expect, it } from 'vitest';
import {
  CARD_CHALLENGE_TTL_MS,
  CARD_REFUSALS,
  CardTrustStoreConfigError,
  TEST_INSTITUTION_CARD_POLICY_OID,
  TEST_PKI_FILES,
  challengeExpiry,
  checkChallenge,
  createCardChallengeNonce,
  loadCardTrustStore,
  verifyCardSignature,
} from '../../src/services/card-verification/index.js';
import { CARD_NONCE_PATTERN } from '@portal/shared';
import { signedBy, tbsFor, testPkiFiles } from './card-test-pki.js';

describe('checkChallenge', () => {
  const now = new Date('2026-11-26T04:00:00Z');
  const record = (patch: Partial<{ expiresAt: Date; usedAt: Date | null }> = {}) => ({
    nonce: createCardChallengeNonce(),
    institutionCode: '9900000001',
    expiresAt: challengeExpiry(now),
    usedAt: null,
    ...patch,
  });

  it('accepts a known, unused, unexpired challenge', () => {
    expect(checkChallenge(record(), now)).toBeNull();
    expect(checkChallenge(record(), new Date(now.getTime() + CARD_CHALLENGE_TTL_MS - 1))).toBeNull();
  });

  it('refuses an unknown nonce', () => {
    const refusal = checkChallenge(null, now)!;
    expect([refusal.code, refusal.statusCode, refusal.message]).toEqual(['CARD_CHALLENGE_UNKNOWN', 400, CARD_REFUSALS.CARD_CHALLENGE_UNKNOWN.message]);
    expect(checkChallenge(undefined, now)?.code).toBe('CARD_CHALLENGE_UNKNOWN');
  });

  it('refuses a replayed (used) nonce, even before it expires', () => {
    const refusal = checkChallenge(record({ usedAt: new Date(now.getTime() - 1000) }), now)!;
    expect([refusal.code, refusal.statusCode]).toEqual(['CARD_CHALLENGE_USED', 409]);
  });

  it('refuses an expired nonce, from the expiry instant on', () => {
    const expired = record({ expiresAt: now });
    expect([checkChallenge(expired, now)?.code, checkChallenge(expired, now)?.statusCode]).toEqual(['CARD_CHALLENGE_EXPIRED', 410]);
  });

  it('makes 256-bit base64url nonces the to-be-signed text accepts', () => {
    const nonces = new Set(Array.from({ length: 100 }, createCardChallengeNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(CARD_NONCE_PATTERN);
  });
});

describe('loadCardTrustStore', () => {
  const trust = testPkiFiles('card-trust-');

  it('is empty (every card untrusted) when nothing is configured', async () => {
    const store = await loadCardTrustStore({ env: {} });
    expect(store).toMatchObject({ configured: false, trustsTestCa: false, trustAnchors: [], intermediates: [], crls: [] });
  });

  it('trusts the test PKI with CARD_TRUST_TEST_CA=true, and a test card then verifies', async () => {
    const store = await loadCardTrustStore({ env: { CARD_TRUST_TEST_CA: 'true', CARD_TEST_PKI_DIR: trust.dir } });
    expect(store).toMatchObject({ configured: true, trustsTestCa: true });
    expect(store.profile.policyOids).toContain(TEST_INSTITUTION_CARD_POLICY_OID);
    const tbs = tbsFor('9900000001');
    const signed = await signedBy(trust.pki, '9900000001', tbs);
    const result = await verifyCardSignature({ tbs, ...signed, expectedInstitutionCode: '9900000001', now: new Date(), ...store });
    expect(result.revocation.crl).toBe(true);
  });

  it('refuses CARD_TRUST_TEST_CA=true when NODE_ENV=production', async () => {
    await expect(loadCardTrustStore({ env: { NODE_ENV: 'production', CARD_TRUST_TEST_CA: 'true', CARD_TEST_PKI_DIR: trust.dir } })).rejects.toThrow(
      /refused when NODE_ENV=production/,
    );
  });

  it('never trusts the test CA through CARD_TRUST_ANCHORS or CARD_INTERMEDIATES', async () => {
    const env = { CARD_INSTITUTION_OU: '醫事機構' };
    await expect(loadCardTrustStore({ env: { ...env, CARD_TRUST_ANCHORS: path.join(trust.dir, TEST_PKI_FILES.rootCa) } })).rejects.toThrow(
      /trusted only with CARD_TRUST_TEST_CA=true/,
    );
    await expect(loadCardTrustStore({ env: { ...env, CARD_INTERMEDIATES: path.join(trust.dir, TEST_PKI_FILES.intermediateCa) } })).rejects.toThrow(
      CardTrustStoreConfigError,
    );
  });

  it('loads real anchors, intermediates and CRLs by path, and insists on an institution-card marker', async () => {
    const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const root = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: '01',
      name: 'CN=Another Root, C=TW',
      notBefore: new Date(Date.now() - 60_000),
      notAfter: new Date(Date.now() + 86_400_000),
      keys,
      signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
      extensions: [new x509.BasicConstraintsExtension(true, undefined, true)],
    });
    const rootFile = path.join(trust.dir, 'another-root.pem');
    await writeFile(rootFile, root.toString('pem'));
    await expect(loadCardTrustStore({ env: { CARD_TRUST_ANCHORS: rootFile } })).rejects.toThrow(/CARD_INSTITUTION_POLICY_OIDS/);
    const store = await loadCardTrustStore({
      env: { CARD_TRUST_ANCHORS: ` ${rootFile} `, CARD_CRLS: path.join(trust.dir, TEST_PKI_FILES.crl), CARD_INSTITUTION_POLICY_OIDS: '1.2.3.4, 1.2.3.5' },
      cwd: '/',
    });
    expect(store.trustAnchors).toHaveLength(1);
    expect(store.crls).toHaveLength(1);
    expect(store.profile).toEqual({ policyOids: ['1.2.3.4', '1.2.3.5'], institutionCodeAttributeOid: '2.5.4.5' });
  });

  it('refuses an unreadable file and a malformed flag', async () => {
    await expect(loadCardTrustStore({ env: { CARD_TRUST_ANCHORS: path.join(trust.dir, 'missing.pem') } })).rejects.toThrow(/ENOENT/);
    await expect(loadCardTrustStore({ env: { CARD_TRUST_TEST_CA: 'yes' } })).rejects.toThrow(/must be "true" or "false"/);
  });
});
