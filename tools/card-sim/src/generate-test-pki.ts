import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { randomBytes, randomInt, webcrypto } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as x509 from './x509.js';
import {
  DEMO_INSTITUTIONS,
  INSTITUTION_CARD_OU,
  OID_SUBJECT_SERIAL_NUMBER,
  TEST_INSTITUTION_CARD_POLICY_OID,
  TEST_PERSONAL_CARD_POLICY_OID,
  TEST_PKI_FILES,
  TEST_PKI_POLICY_OID,
} from './test-pki-constants.js';

const crypto = webcrypto as unknown as Crypto;
x509.cryptoProvider.set(crypto);

const RSA: RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
};
const EC: EcKeyGenParams & { hash: string } = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const DAY = 24 * 60 * 60 * 1000;

/** `tools/card-sim/src` → repository root. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DEFAULT_TEST_PKI_DIR = path.join(REPO_ROOT, 'data/card-sim');

export type TestCardKind = 'valid' | 'expired' | 'revoked' | 'untrusted' | 'non-institution' | 'no-signing-usage';

/** What a card is, apart from its keys: the same in memory and in the stored file. */
interface TestCardFacts {
  /** `9900000001`, or `<kind>` / `ec-<code>` for the special cards. */
  id: string;
  kind: TestCardKind;
  label: string;
  institutionCode: string;
  institutionName: string;
  pin: string;
  keyAlgorithm: 'RSA' | 'EC';
}

export interface TestCard extends TestCardFacts {
  certificate: x509.X509Certificate;
  privateKey: CryptoKey;
}

export interface TestCa {
  certificate: x509.X509Certificate;
  privateKey: CryptoKey;
}

export interface TestPki {
  root: TestCa;
  intermediate: TestCa;
  /** A CA nobody trusts, which issued the `untrusted` card. */
  untrustedRoot: TestCa;
  /** The intermediate's CRL; lists the `revoked` card. */
  crl: x509.X509Crl;
  cards: TestCard[];
}

export interface GenerateTestPkiOptions {
  /** Institutions that get a valid card; the two demo institutions are always included. */
  institutions?: readonly { code: string; name: string }[];
  /** One PIN for every card (tests); default: a random 6-digit PIN per card. */
  pin?: string;
  now?: Date;
}

const serial = () => {
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f; // positive INTEGER
  return Buffer.from(bytes).toString('hex');
};
const randomPin = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

function caName(commonName: string): x509.JsonName {
  return [{ C: ['TW'] }, { O: ['測試用 醫療憑證管理中心'] }, { CN: [commonName] }];
}

function cardName(code: string, name: string, ou: string): x509.JsonName {
  return [{ C: ['TW'] }, { O: [name] }, { OU: [ou] }, { CN: [name] }, { [OID_SUBJECT_SERIAL_NUMBER]: [code] }];
}

async function keyPair(kind: 'RSA' | 'EC'): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(kind === 'RSA' ? RSA : EC, true, ['sign', 'verify']);
}

async function createCa(
  commonName: string,
  issuer: TestCa | undefined,
  pathLength: number,
  notBefore: Date,
  notAfter: Date,
): Promise<TestCa> {
  const keys = await keyPair('RSA');
  const subject = caName(commonName);
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(true, pathLength, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    new x509.CertificatePolicyExtension([TEST_PKI_POLICY_OID]),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
  ];
  if (issuer) extensions.push(await x509.AuthorityKeyIdentifierExtension.create(issuer.certificate));
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject,
    issuer: issuer ? issuer.certificate.subjectName : subject,
    notBefore,
    notAfter,
    publicKey: keys.publicKey,
    signingKey: issuer ? issuer.privateKey : keys.privateKey,
    signingAlgorithm: RSA,
    extensions,
  });
  return { certificate, privateKey: keys.privateKey };
}

interface CardSpec {
  id: string;
  kind: TestCardKind;
  label: string;
  code: string;
  name: string;
  issuer: TestCa;
  keyAlgorithm?: 'RSA' | 'EC';
  notBefore: Date;
  notAfter: Date;
  policy?: string;
  ou?: string;
  usages?: x509.KeyUsageFlags;
}

async function createCard(spec: CardSpec, pin: string): Promise<TestCard> {
  const keyAlgorithm = spec.keyAlgorithm ?? 'RSA';
  const keys = await keyPair(keyAlgorithm);
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: cardName(spec.code, spec.name, spec.ou ?? INSTITUTION_CARD_OU),
    issuer: spec.issuer.certificate.subjectName,
    notBefore: spec.notBefore,
    notAfter: spec.notAfter,
    publicKey: keys.publicKey,
    signingKey: spec.issuer.privateKey,
    signingAlgorithm: RSA,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, false),
      new x509.KeyUsagesExtension(
        spec.usages ?? x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
        true,
      ),
      new x509.CertificatePolicyExtension([spec.policy ?? TEST_INSTITUTION_CARD_POLICY_OID]),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(spec.issuer.certificate),
    ],
  });
  return {
    id: spec.id,
    kind: spec.kind,
    label: spec.label,
    institutionCode: spec.code,
    institutionName: spec.name,
    pin,
    keyAlgorithm,
    certificate,
    privateKey: keys.privateKey,
  };
}

/** Signs a CRL for `issuer` (used for the test CRL, and by tests for stale / foreign CRLs). */
export async function createTestCrl(
  issuer: TestCa,
  revokedSerials: readonly string[],
  options: { thisUpdate: Date; nextUpdate: Date },
): Promise<x509.X509Crl> {
  return x509.X509CrlGenerator.create({
    issuer: issuer.certificate.subjectName,
    thisUpdate: options.thisUpdate,
    nextUpdate: options.nextUpdate,
    entries: revokedSerials.map((serialNumber) => ({
      serialNumber,
      revocationDate: options.thisUpdate,
      reason: x509.X509CrlReason.keyCompromise,
    })),
    signingAlgorithm: RSA,
    signingKey: issuer.privateKey,
    extensions: [await x509.AuthorityKeyIdentifierExtension.create(issuer.certificate)],
  });
}

/**
 * A three-level test PKI: 「測試用 醫療憑證管理中心 根憑證」 → 「測試用 醫事機構卡 中繼憑證」 →
 * one RSA-2048 institution card per institution, plus the cards tests need to see refused.
 */
export async function generateTestPki(options: GenerateTestPkiOptions = {}): Promise<TestPki> {
  const now = options.now ?? new Date();
  const pin = () => options.pin ?? randomPin();
  const at = (days: number) => new Date(now.getTime() + days * DAY);

  const root = await createCa('測試用 醫療憑證管理中心 根憑證', undefined, 1, at(-2), at(3650));
  const intermediate = await createCa('測試用 醫事機構卡 中繼憑證', root, 0, at(-2), at(1825));
  const untrustedRoot = await createCa('測試用 未受信任 憑證管理中心', undefined, 0, at(-2), at(3650));

  const institutions = [...DEMO_INSTITUTIONS];
  for (const extra of options.institutions ?? []) {
    if (!/^\d{10}$/.test(extra.code)) throw new Error(`機構代碼 must be ten digits: ${extra.code}`);
    if (!institutions.some((known) => known.code === extra.code)) institutions.push(extra as never);
  }
  const valid = { notBefore: at(-1), notAfter: at(730) };
  const [first, second] = DEMO_INSTITUTIONS;
  const specs: CardSpec[] = [
    ...institutions.map((institution) => ({
      id: institution.code,
      kind: 'valid' as const,
      label: `${institution.name} 醫事機構卡`,
      code: institution.code,
      name: institution.name,
      issuer: intermediate,
      ...valid,
    })),
    { id: `ec-${second.code}`, kind: 'valid', label: `${second.name} 醫事機構卡（ECDSA P-256）`, code: second.code, name: second.name, issuer: intermediate, keyAlgorithm: 'EC', ...valid },
    { id: 'expired', kind: 'expired', label: `${first.name} 醫事機構卡（已過期）`, code: first.code, name: first.name, issuer: intermediate, notBefore: at(-730), notAfter: at(-1) },
    { id: 'revoked', kind: 'revoked', label: `${first.name} 醫事機構卡（已廢止）`, code: first.code, name: first.name, issuer: intermediate, ...valid },
    { id: 'untrusted', kind: 'untrusted', label: `${first.name} 醫事機構卡（未受信任的憑證管理中心）`, code: first.code, name: first.name, issuer: untrustedRoot, ...valid },
    { id: 'non-institution', kind: 'non-institution', label: `${first.name} 醫事人員卡（非機構卡）`, code: first.code, name: first.name, issuer: intermediate, policy: TEST_PERSONAL_CARD_POLICY_OID, ou: '醫事人員', ...valid },
    { id: 'no-signing-usage', kind: 'no-signing-usage', label: `${first.name} 醫事機構卡（加密用憑證）`, code: first.code, name: first.name, issuer: intermediate, usages: x509.KeyUsageFlags.keyEncipherment | x509.KeyUsageFlags.dataEncipherment, ...valid },
  ];
  const cards = await Promise.all(specs.map((spec) => createCard(spec, pin())));
  const revoked = cards.find((card) => card.kind === 'revoked')!;
  const crl = await createTestCrl(intermediate, [revoked.certificate.serialNumber], {
    thisUpdate: at(-1 / 24),
    nextUpdate: at(7),
  });
  return { root, intermediate, untrustedRoot, crl, cards };
}

/** Only the facts: neither keys nor certificates travel between the two forms by accident. */
const factsOf = ({ id, kind, label, institutionCode, institutionName, pin, keyAlgorithm }: TestCardFacts): TestCardFacts => ({
  id,
  kind,
  label,
  institutionCode,
  institutionName,
  pin,
  keyAlgorithm,
});

interface StoredCard extends TestCardFacts {
  certificatePem: string;
  privateKeyPkcs8: string;
}

interface StoredCa {
  certificatePem: string;
  privateKeyPkcs8: string;
}

interface StoredPki {
  warning: string;
  generatedAt: string;
  root: StoredCa;
  intermediate: StoredCa;
  untrustedRoot: StoredCa;
  crlPem: string;
  cards: StoredCard[];
}

const exportKey = async (key: CryptoKey) =>
  Buffer.from(await crypto.subtle.exportKey('pkcs8', key)).toString('base64');

async function importKey(pkcs8: string, algorithm: 'RSA' | 'EC'): Promise<CryptoKey> {
  return crypto.subtle.importKey('pkcs8', Buffer.from(pkcs8, 'base64'), algorithm === 'RSA' ? RSA : EC, true, ['sign']);
}

/**
 * Writes the PKI to `dir`: the CA certificates and CRL as PEM (what the API's trust store reads
 * with CARD_TRUST_TEST_CA=true) and `cards.json` with every card's certificate, private key and
 * PIN (what the simulator serves). Test material only: never reuse it anywhere real.
 */
export async function writeTestPki(pki: TestPki, dir: string = DEFAULT_TEST_PKI_DIR): Promise<void> {
  await mkdir(dir, { recursive: true });
  const ca = async (item: TestCa): Promise<StoredCa> => ({
    certificatePem: item.certificate.toString('pem'),
    privateKeyPkcs8: await exportKey(item.privateKey),
  });
  const stored: StoredPki = {
    warning: '測試用 PKI：私鑰與 PIN 碼僅供開發與測試，切勿用於正式環境。',
    generatedAt: new Date().toISOString(),
    root: await ca(pki.root),
    intermediate: await ca(pki.intermediate),
    untrustedRoot: await ca(pki.untrustedRoot),
    crlPem: pki.crl.toString('pem'),
    cards: await Promise.all(
      pki.cards.map(async (card) => ({
        ...factsOf(card),
        certificatePem: card.certificate.toString('pem'),
        privateKeyPkcs8: await exportKey(card.privateKey),
      })),
    ),
  };
  await writeFile(path.join(dir, TEST_PKI_FILES.rootCa), `${stored.root.certificatePem}\n`);
  await writeFile(path.join(dir, TEST_PKI_FILES.intermediateCa), `${stored.intermediate.certificatePem}\n`);
  await writeFile(path.join(dir, TEST_PKI_FILES.crl), `${stored.crlPem}\n`);
  await writeFile(path.join(dir, TEST_PKI_FILES.untrustedRootCa), `${stored.untrustedRoot.certificatePem}\n`);
  await writeFile(path.join(dir, TEST_PKI_FILES.cards), `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
}

/** Reads what {@link writeTestPki} wrote. */
export async function readTestPki(dir: string = DEFAULT_TEST_PKI_DIR): Promise<TestPki> {
  const stored = JSON.parse(await readFile(path.join(dir, TEST_PKI_FILES.cards), 'utf8')) as StoredPki;
  const ca = async (item: StoredCa): Promise<TestCa> => ({
    certificate: new x509.X509Certificate(item.certificatePem),
    privateKey: await importKey(item.privateKeyPkcs8, 'RSA'),
  });
  return {
    root: await ca(stored.root),
    intermediate: await ca(stored.intermediate),
    untrustedRoot: await ca(stored.untrustedRoot),
    crl: new x509.X509Crl(stored.crlPem),
    cards: await Promise.all(
      stored.cards.map(async (card) => ({
        ...factsOf(card),
        certificate: new x509.X509Certificate(card.certificatePem),
        privateKey: await importKey(card.privateKeyPkcs8, card.keyAlgorithm),
      })),
    ),
  };
}

/** What the card's key computes for HiPKI `MakeSignature` / `PKCS1` + `SHA256`: RSA PKCS#1 v1.5 (ECDSA r‖s for EC cards). */
export async function signWithCard(card: TestCard, data: Uint8Array<ArrayBuffer>): Promise<Buffer> {
  const algorithm = card.keyAlgorithm === 'RSA' ? { name: 'RSASSA-PKCS1-v1_5' } : { name: 'ECDSA', hash: 'SHA-256' };
  return Buffer.from(await crypto.subtle.sign(algorithm, card.privateKey, data));
}

/** Base64 DER, as HiPKI's `certb64`. */
export const certificateB64 = (certificate: x509.X509Certificate) => Buffer.from(certificate.rawData).toString('base64');
