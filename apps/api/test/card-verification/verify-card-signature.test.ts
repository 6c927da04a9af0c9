import { createCardSim, createTestCrl, HIPKI, PKCS11, TEST_INSTITUTION_CARD_POLICY_OID as SIM_CARD_POLICY, TEST_PKI_POLICY_OID as SIM_PKI_POLICY, type TestPki } from '@portal/card-sim';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CARD_REFUSALS,
  CardVerificationError,
  TEST_INSTITUTION_CARD_POLICY_OID,
  TEST_PKI_POLICY_OID,
  verifyCardSignature,
  type VerifyCardSignatureInput,
} from '../../src/services/card-verification/index.js';
import { NONCE, ORIGIN, PIN, signedBy, tbsFor, testPki, trustFor } from './card-test-pki.js';

let pki: TestPki;
const now = () => new Date();

beforeAll(async () => {
  pki = await testPki();
});

/** Verify the card's signature over `tbs` with the test trust configuration, plus overrides. */
async function verify(cardId: string, options: { expected?: string; signTbs?: string; verifyTbs?: string; input?: Partial<VerifyCardSignatureInput> } = {}) {
  const expected = options.expected ?? '9900000001';
  const tbs = options.verifyTbs ?? tbsFor(expected);
  const signed = await signedBy(pki, cardId, options.signTbs ?? tbs);
  return verifyCardSignature({
    tbs,
    signature: signed.signature,
    certificate: signed.certificate,
    expectedInstitutionCode: expected,
    now: now(),
    ...trustFor(pki),
    ...options.input,
  });
}

/** The refusal (code + zh-TW message + status) a verification ends in. */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => {
      throw new Error('verification passed, a refusal was expected');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CardVerificationError);
  const { code, message, statusCode } = error as CardVerificationError;
  expect(message).toBe(CARD_REFUSALS[code].message);
  return { code, statusCode };
}

describe('verifyCardSignature accepts', () => {
  it('an RSA-2048 institution card signature over the exact tbs, through the 3-level chain and the CRL', async () => {
    const result = await verify('9900000001');
    expect(result).toMatchObject({
      institutionCode: '9900000001',
      keyType: 'rsa',
      revocation: { crl: true, ocsp: false },
    });
    expect(result.chain).toHaveLength(3);
    expect(result.chain[1]).toContain('測試用 醫事機構卡 中繼憑證');
    expect(result.chain[2]).toContain('測試用 醫療憑證管理中心 根憑證');
    expect(result.fingerprintSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('an ECDSA P-256 card, with the signature as r‖s or as DER', async () => {
    const tbs = tbsFor('9900000002');
    const signed = await signedBy(pki, 'ec-9900000002', tbs);
    const input = { tbs, certificate: signed.certificate, expectedInstitutionCode: '9900000002', now: now(), ...trustFor(pki) };
    expect((await verifyCardSignature({ ...input, signature: signed.signature })).keyType).toBe('ec');
    const raw = Buffer.from(signed.signature, 'base64');
    const der = derEcdsa(raw.subarray(0, 32), raw.subarray(32));
    expect((await verifyCardSignature({ ...input, signature: der.toString('base64') })).keyType).toBe('ec');
  });

  it('a PEM certificate as well as base64 DER', async () => {
    const tbs = tbsFor('9900000001');
    const signed = await signedBy(pki, '9900000001', tbs);
    const result = await verifyCardSignature({ tbs, signature: signed.signature, certificate: signed.card.certificate.toString('pem'), expectedInstitutionCode: '9900000001', now: now(), ...trustFor(pki) });
    expect(result.institutionCode).toBe('9900000001');
  });

  it('without CRLs configured, and says the CRL was not checked', async () => {
    const result = await verify('9900000001', { input: { crls: [] } });
    expect(result.revocation.crl).toBe(false);
  });

  it('a signature made by the simulator over HTTP (HiPKI MakeSignature)', async () => {
    const sim = createCardSim({ pki, port: 0, insertedCardId: '9900000002' });
    const base = (await sim.listen()).replace('localhost', '127.0.0.1');
    try {
      const tbs = tbsFor('9900000002');
      const sign = async (pin: string) =>
        (await (
          await fetch(`${base}/sign`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: `tbsPackage=${JSON.stringify({ func: 'MakeSignature', signatureType: 'PKCS1', tbs, tbsEncoding: 'NONE', hashAlgorithm: 'SHA256', pin }).replace(/\+/g, '%2B')}`,
          })
        ).json()) as { ret_code: number; last_error?: number; signature?: string; certb64?: string };
      const wrong = await sign('000000');
      expect(wrong).toMatchObject({ ret_code: HIPKI.LOGIN_FAILED, last_error: PKCS11.CKR_PIN_INCORRECT });
      expect(wrong.signature).toBeUndefined();
      const right = await sign(PIN);
      expect(right.ret_code).toBe(0);
      const result = await verifyCardSignature({ tbs, signature: right.signature!, certificate: right.certb64!, expectedInstitutionCode: '9900000002', now: now(), ...trustFor(pki) });
      expect(result.institutionCode).toBe('9900000002');
    } finally {
      await sim.close();
    }
  });
});

describe('verifyCardSignature refuses', () => {
  it('a card of another institution', async () => {
    // 示範診所's card, genuinely signing a challenge issued for 示範醫院.
    expect(await refusal(verify('9900000002', { expected: '9900000001' }))).toEqual({ code: 'CARD_INSTITUTION_MISMATCH', statusCode: 422 });
  });

  it('an expired card', async () => {
    expect(await refusal(verify('expired'))).toEqual({ code: 'CARD_CERT_EXPIRED', statusCode: 422 });
  });

  it('a card that is not valid yet at `now`', async () => {
    const card = pki.cards.find((c) => c.id === '9900000001')!;
    const before = new Date(card.certificate.notBefore.getTime() - 1000);
    // The CAs are valid from a day before the cards, so only the card is not valid yet.
    expect(pki.intermediate.certificate.notBefore.getTime()).toBeLessThan(before.getTime());
    const crls = [(await createTestCrl(pki.intermediate, [], { thisUpdate: new Date(before.getTime() - 60_000), nextUpdate: new Date(before.getTime() + 3_600_000) })).toString('pem')];
    expect(await refusal(verify('9900000001', { input: { now: before, crls } }))).toEqual({ code: 'CARD_CERT_NOT_YET_VALID', statusCode: 422 });
  });

  it('a card from a CA that is not a trust anchor', async () => {
    expect(await refusal(verify('untrusted'))).toEqual({ code: 'CARD_CHAIN_UNTRUSTED', statusCode: 422 });
  });

  it('a card whose intermediate is not configured', async () => {
    expect((await refusal(verify('9900000001', { input: { intermediates: [] } }))).code).toBe('CARD_CHAIN_UNTRUSTED');
  });

  it('a certificate "issued" by a card key (a card is not a CA), even if it is offered as an intermediate', async () => {
    const { x509 } = await import('@portal/card-sim');
    const issuerCard = pki.cards.find((c) => c.id === '9900000001')!;
    const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const forged = await x509.X509CertificateGenerator.create({
      serialNumber: '01',
      subject: [{ C: ['TW'] }, { OU: ['醫事機構'] }, { CN: ['偽造'] }, { '2.5.4.5': ['9900000002'] }],
      issuer: issuerCard.certificate.subjectName,
      notBefore: new Date(Date.now() - 60_000),
      notAfter: new Date(Date.now() + 86_400_000),
      publicKey: keys.publicKey,
      signingKey: issuerCard.privateKey,
      signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true), new x509.CertificatePolicyExtension([TEST_INSTITUTION_CARD_POLICY_OID])],
    });
    const tbs = tbsFor('9900000002');
    const signature = Buffer.from(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keys.privateKey, Buffer.from(tbs))).toString('base64');
    const base = { tbs, signature, certificate: forged.toString('base64'), expectedInstitutionCode: '9900000002', now: now(), ...trustFor(pki) };
    expect((await refusal(verifyCardSignature(base))).code).toBe('CARD_CHAIN_UNTRUSTED');
    const offered = { ...base, intermediates: [...trustFor(pki).intermediates!, issuerCard.certificate.toString('pem')] };
    // OpenSSL's issuer check already rejects an issuer whose key usage lacks keyCertSign.
    expect((await refusal(verifyCardSignature(offered))).code).toBe('CARD_CHAIN_UNTRUSTED');
  });

  it('a revoked card (listed on the CRL)', async () => {
    expect(await refusal(verify('revoked'))).toEqual({ code: 'CARD_REVOKED', statusCode: 422 });
  });

  it('when the only CRL is stale, or not signed by the issuer, because revocation cannot be checked', async () => {
    const hour = 3_600_000;
    const stale = await createTestCrl(pki.intermediate, [], { thisUpdate: new Date(Date.now() - 48 * hour), nextUpdate: new Date(Date.now() - hour) });
    expect(await refusal(verify('9900000001', { input: { crls: [stale.toString('pem')] } }))).toEqual({ code: 'CARD_REVOCATION_UNKNOWN', statusCode: 503 });
    // A forged CRL naming the intermediate but signed by another key does not hide a revocation.
    const forged = await createTestCrl({ certificate: pki.intermediate.certificate, privateKey: pki.untrustedRoot.privateKey }, [], { thisUpdate: new Date(Date.now() - hour), nextUpdate: new Date(Date.now() + hour) });
    expect((await refusal(verify('revoked', { input: { crls: [forged.toString('pem')] } }))).code).toBe('CARD_REVOCATION_UNKNOWN');
    expect((await refusal(verify('revoked', { input: { crls: [forged.toString('pem'), pki.crl.toString('pem')] } }))).code).toBe('CARD_REVOKED');
  });

  it('when the online status checker says revoked or cannot tell', async () => {
    const revoked = { check: async () => ({ status: 'revoked' as const }) };
    const unknown = { check: async () => ({ status: 'unknown' as const, detail: 'responder down' }) };
    expect((await refusal(verify('9900000001', { input: { ocsp: revoked } }))).code).toBe('CARD_REVOKED');
    expect((await refusal(verify('9900000001', { input: { ocsp: unknown } }))).code).toBe('CARD_REVOCATION_UNKNOWN');
    const good = await verify('9900000001', { input: { ocsp: { check: async () => ({ status: 'good' as const }) } } });
    expect(good.revocation).toEqual({ crl: true, ocsp: true });
  });

  it('an altered signature', async () => {
    const tbs = tbsFor('9900000001');
    const signed = await signedBy(pki, '9900000001', tbs);
    const bytes = Buffer.from(signed.signature, 'base64');
    bytes[100] = bytes[100]! ^ 0x01;
    const input = { tbs, certificate: signed.certificate, expectedInstitutionCode: '9900000001', now: now(), ...trustFor(pki) };
    expect(await refusal(verifyCardSignature({ ...input, signature: bytes.toString('base64') }))).toEqual({ code: 'CARD_SIGNATURE_INVALID', statusCode: 422 });
    expect((await refusal(verifyCardSignature({ ...input, signature: 'not base64!' }))).code).toBe('CARD_SIGNATURE_MALFORMED');
  });

  it('a signature over another tbs: another nonce, another origin, another institution', async () => {
    const otherNonce = tbsFor('9900000001', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect((await refusal(verify('9900000001', { signTbs: otherNonce }))).code).toBe('CARD_SIGNATURE_INVALID');
    const phishing = tbsFor('9900000001').replace(ORIGIN, 'https://pportal-hpa.example');
    expect((await refusal(verify('9900000001', { signTbs: phishing }))).code).toBe('CARD_SIGNATURE_INVALID');
    expect((await refusal(verify('9900000001', { signTbs: `${tbsFor('9900000001')}\n` }))).code).toBe('CARD_SIGNATURE_INVALID');
    expect(NONCE).not.toBe('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  });

  it('a certificate of the same PKI that is not an institution card', async () => {
    expect(await refusal(verify('non-institution'))).toEqual({ code: 'CARD_NOT_INSTITUTION_CARD', statusCode: 422 });
  });

  it('a certificate whose key usage does not allow signing', async () => {
    expect(await refusal(verify('no-signing-usage'))).toEqual({ code: 'CARD_KEY_USAGE', statusCode: 422 });
  });

  it('a CA certificate presented as the card', async () => {
    const tbs = tbsFor('9900000001');
    const input = { tbs, signature: Buffer.alloc(256).toString('base64'), certificate: pki.intermediate.certificate.toString('base64'), expectedInstitutionCode: '9900000001', now: now(), ...trustFor(pki) };
    expect((await refusal(verifyCardSignature(input))).code).toBe('CARD_KEY_USAGE');
  });

  it('a certificate that does not parse', async () => {
    const input = { tbs: tbsFor('9900000001'), signature: 'AAAA', expectedInstitutionCode: '9900000001', now: now(), ...trustFor(pki) };
    expect(await refusal(verifyCardSignature({ ...input, certificate: 'bm90IGEgY2VydGlmaWNhdGU=' }))).toEqual({ code: 'CARD_CERT_INVALID', statusCode: 400 });
    expect((await refusal(verifyCardSignature({ ...input, certificate: '' }))).code).toBe('CARD_CERT_INVALID');
    expect((await refusal(verifyCardSignature({ ...input, certificate: 'A'.repeat(40_000) }))).code).toBe('CARD_CERT_INVALID');
    const certificate = (await signedBy(pki, '9900000001', input.tbs)).certificate;
    expect((await refusal(verifyCardSignature({ ...input, certificate, signature: 'A'.repeat(4_000) }))).code).toBe('CARD_SIGNATURE_MALFORMED');
  });
});

describe('test PKI markers', () => {
  it('are the same in the simulator and the verifier', () => {
    expect(SIM_PKI_POLICY).toBe(TEST_PKI_POLICY_OID);
    expect(SIM_CARD_POLICY).toBe(TEST_INSTITUTION_CARD_POLICY_OID);
  });
});

/** DER ECDSA-Sig-Value from r and s. */
function derEcdsa(r: Buffer, s: Buffer): Buffer {
  const int = (value: Buffer) => {
    let v = value;
    while (v.length > 1 && v[0] === 0 && v[1]! < 0x80) v = v.subarray(1);
    if (v[0]! >= 0x80) v = Buffer.concat([Buffer.from([0]), v]);
    return Buffer.concat([Buffer.from([0x02, v.length]), v]);
  };
  const body = Buffer.concat([int(r), int(s)]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
}
