import { X509Certificate, createVerify } from 'node:crypto';
import * as x509 from '../src/x509.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HIPKI,
  PKCS11,
  TEST_INSTITUTION_CARD_POLICY_OID,
  createCardSim,
  generateTestPki,
  originAllowed,
  type CardSim,
  type TestPki,
} from '../src/index.js';

const PIN = '246810';
const TBS = 'hpa-portal-card-auth:v1\norigin=http://localhost:3000\ninstitution=9900000001\nnonce=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

let pki: TestPki;
let sim: CardSim;
let base: string;

const node = (certificate: { rawData: ArrayBuffer }) => new X509Certificate(Buffer.from(certificate.rawData));
const card = (id: string) => pki.cards.find((c) => c.id === id)!;

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  pki = await generateTestPki({ pin: PIN, institutions: [{ code: '0101090517', name: '測試醫院' }] });
  sim = createCardSim({ pki, port: 0, insertedCardId: '9900000001', maxPinAttempts: 3 });
  const url = await sim.listen();
  base = url.replace('localhost', '127.0.0.1');
});
afterAll(() => sim.close());

describe('generateTestPki', () => {
  it('makes a three-level chain every card of which verifies up to the root', () => {
    const root = node(pki.root.certificate);
    const intermediate = node(pki.intermediate.certificate);
    expect(pki.root.certificate.subject).toContain('測試用 醫療憑證管理中心 根憑證');
    expect(pki.intermediate.certificate.subject).toContain('測試用 醫事機構卡 中繼憑證');
    expect(root.ca && intermediate.ca).toBe(true);
    expect(root.verify(root.publicKey)).toBe(true);
    expect(intermediate.checkIssued(root) && intermediate.verify(root.publicKey)).toBe(true);
    for (const id of ['9900000001', '9900000002', '0101090517', 'expired', 'revoked']) {
      const leaf = node(card(id).certificate);
      expect(leaf.checkIssued(intermediate) && leaf.verify(intermediate.publicKey), id).toBe(true);
      expect(leaf.ca).toBe(false);
    }
    const untrusted = node(card('untrusted').certificate);
    expect(untrusted.verify(intermediate.publicKey)).toBe(false);
  });

  it('gives each institution card RSA-2048, signing key usage, the marker and the 機構代碼', () => {
    const c = card('9900000001');
    expect(c.certificate.subject).toContain('2.5.4.5=9900000001');
    expect(c.certificate.subject).toContain('OU=醫事機構');
    expect(c.certificate.getExtension(x509.CertificatePolicyExtension)?.policies).toEqual([TEST_INSTITUTION_CARD_POLICY_OID]);
    const usages = c.certificate.getExtension(x509.KeyUsagesExtension)!;
    expect(usages.critical).toBe(true);
    expect(usages.usages).toBe(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation);
    expect(node(c.certificate).publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(card('0101090517').institutionName).toBe('測試醫院');
    expect(card('expired').certificate.notAfter.getTime()).toBeLessThan(Date.now());
  });

  it('lists the revoked card, and only it, on a CRL signed by the intermediate', async () => {
    expect(pki.crl.entries.map((e) => e.serialNumber)).toEqual([card('revoked').certificate.serialNumber]);
    expect(await pki.crl.verify({ publicKey: pki.intermediate.certificate })).toBe(true);
    expect(pki.crl.nextUpdate!.getTime()).toBeGreaterThan(Date.now());
  });

  it('gives random 6-digit PINs unless one is fixed', async () => {
    const other = await generateTestPki();
    for (const c of other.cards) expect(c.pin).toMatch(/^\d{6}$/);
  });
});

describe('simulator over HTTP', () => {
  it('serves the popupForm page with a strict CSP and the getTbs ready message', async () => {
    const response = await fetch(`${base}/popupForm`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('frame-ancestors http://localhost:3000 http://localhost:*');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const html = await response.text();
    expect(html).toContain(`JSON.stringify({ func: 'getTbs' })`);
    expect(html).toContain('"http://localhost:*"');
  });

  it('answers pkcs11info with the inserted card certificate, as HiPKI GetUserCert does', async () => {
    const { status, body } = await post('/pkcs11info?withcert=true', {});
    expect(status).toBe(200);
    expect(body).toMatchObject({ func: 'pkcs11info', ret_code: 0 });
    const slots = body.slots as { token: { certs: { certb64: string; usage: string }[] } }[];
    const cert = slots[0]!.token.certs[0]!;
    expect(cert.usage).toBe('digitalSignature');
    expect(Buffer.from(cert.certb64, 'base64')).toEqual(Buffer.from(card('9900000001').certificate.rawData));
  });

  it('signs exactly the tbs with RSA PKCS#1 v1.5 SHA-256 for the right PIN', async () => {
    const { body } = await post('/sign', { func: 'MakeSignature', signatureType: 'PKCS1', tbs: TBS, tbsEncoding: 'NONE', hashAlgorithm: 'SHA256', pin: PIN });
    expect(body).toMatchObject({ func: 'sign', ret_code: 0 });
    const leaf = new X509Certificate(Buffer.from(body.certb64 as string, 'base64'));
    const verifier = createVerify('sha256').update(TBS, 'utf8');
    expect(verifier.verify(leaf.publicKey, Buffer.from(body.signature as string, 'base64'))).toBe(true);
  });

  it('takes the tbsPackage form body the popup sends, "%2B" escapes included', async () => {
    const tbs = 'a+b';
    const form = `tbsPackage=${JSON.stringify({ func: 'MakeSignature', tbs, hashAlgorithm: 'SHA256', signatureType: 'PKCS1', pin: PIN }).replace(/\+/g, '%2B')}`;
    const response = await fetch(`${base}/sign`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form });
    const body = (await response.json()) as { ret_code: number; signature: string; certb64: string };
    expect(body.ret_code).toBe(0);
    const leaf = new X509Certificate(Buffer.from(body.certb64, 'base64'));
    expect(createVerify('sha256').update(tbs).verify(leaf.publicKey, Buffer.from(body.signature, 'base64'))).toBe(true);
  });

  it('refuses a wrong PIN with IC卡登入失敗 + CKR_PIN_INCORRECT, then locks the card', async () => {
    sim.insert('9900000002');
    const attempt = (pin: string) => post('/sign', { func: 'MakeSignature', signatureType: 'PKCS1', tbs: TBS, hashAlgorithm: 'SHA256', pin });
    expect((await attempt('000000')).body).toMatchObject({ func: 'sign', ret_code: HIPKI.LOGIN_FAILED, last_error: PKCS11.CKR_PIN_INCORRECT });
    expect((await attempt('000000')).body).toMatchObject({ ret_code: HIPKI.LOGIN_FAILED, last_error: PKCS11.CKR_PIN_INCORRECT });
    expect((await attempt(PIN)).body).toMatchObject({ ret_code: 0 }); // a right PIN resets the count
    for (let i = 0; i < 2; i++) await attempt('000000');
    expect((await attempt('000000')).body).toMatchObject({ ret_code: HIPKI.LOGIN_FAILED, last_error: PKCS11.CKR_PIN_LOCKED });
    expect((await attempt(PIN)).body).toMatchObject({ ret_code: HIPKI.LOGIN_FAILED, last_error: PKCS11.CKR_PIN_LOCKED });
    expect(JSON.stringify((await attempt('000000')).body)).not.toContain('000000');
    sim.insert('9900000001');
  });

  it('uses the HiPKI codes for a missing PIN, no card, a non-PKCS1 signature type and bad JSON', async () => {
    const request = { func: 'MakeSignature', signatureType: 'PKCS1', tbs: TBS, hashAlgorithm: 'SHA256', pin: PIN };
    expect((await post('/sign', { ...request, pin: '' })).body.ret_code).toBe(HIPKI.NO_PIN);
    expect((await post('/sign', { ...request, signatureType: 'PKCS7' })).body.ret_code).toBe(HIPKI.SIGNATURE_TYPE);
    expect((await post('/sign', { ...request, hashAlgorithm: 'SHA1' })).body.ret_code).toBe(HIPKI.BAD_PARAMETER);
    sim.insert(null);
    expect((await post('/sign', request)).body.ret_code).toBe(HIPKI.NO_CARD);
    sim.insert('9900000001');
    const response = await fetch(`${base}/sign`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'tbsPackage={oops' });
    expect(((await response.json()) as { ret_code: number }).ret_code).toBe(HIPKI.JSON_FORMAT);
  });

  it('refuses cross-origin POSTs and foreign Host headers', async () => {
    const refused = await post('/sign', { func: 'MakeSignature', tbs: TBS, pin: PIN }, { Origin: 'http://localhost:3000' });
    expect(refused).toEqual({ status: 403, body: { ret_code: HIPKI.FORBIDDEN_DOMAIN } });
    const port = new URL(base).port;
    const same = await post('/pkcs11info', {}, { Origin: `http://localhost:${port}` });
    expect(same.status).toBe(200);
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      request({ host: '127.0.0.1', port, path: '/popupForm', headers: { Host: `evil.example:${port}` } }, (res) => resolve(res.statusCode!)).end();
    });
    expect(status).toBe(421);
  });

  it('matches allowed origins exactly or by port wildcard', () => {
    const allowed = ['http://localhost:3000', 'http://localhost:*'];
    expect(originAllowed('http://localhost:5173', allowed)).toBe(true);
    expect(originAllowed('http://localhost:3000', allowed)).toBe(true);
    expect(originAllowed('http://localhost.evil.example:80', allowed)).toBe(false);
    expect(originAllowed('https://localhost:5173', allowed)).toBe(false);
    expect(originAllowed('http://127.0.0.1:3000', allowed)).toBe(false);
  });
});
