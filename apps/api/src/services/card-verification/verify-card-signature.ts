import { constants, verify as verifySignature } from 'node:crypto';
import * as x509 from './x509.js';
import { INSTITUTION_CODE_PATTERN } from '@portal/shared';
import { CardCertificate, CardCrl, decodeBase64 } from './certificates.js';
import {
  OID_ORGANIZATIONAL_UNIT,
  assertUsableProfile,
  type InstitutionCardProfile,
} from './institution-card-profile.js';
import { CardVerificationError, refuse } from './refusals.js';

/** A certificate or CRL as bytes, base64 DER or PEM; or already parsed (trust store). */
export type CertificateSource = CardCertificate | string | Uint8Array;
export type CrlSource = CardCrl | string | Uint8Array;

/** Result of an online status check (OCSP) for the card certificate. */
export type CardStatus =
  | { status: 'good' }
  | { status: 'revoked'; revokedAt?: Date; detail?: string }
  | { status: 'unknown'; detail: string };

/**
 * Online revocation check (e.g. OCSP against the HCA's responder), consulted for the card
 * certificate after the CRL check. Not implemented yet; this is where it plugs in.
 */
export interface CardStatusChecker {
  check(input: { certificate: CardCertificate; issuer: CardCertificate; now: Date }): Promise<CardStatus>;
}

export interface VerifyCardSignatureInput {
  /** The to-be-signed text, rebuilt by the server from its challenge record (buildCardAuthTbs). */
  tbs: string;
  /** The card's signature over the UTF-8 bytes of `tbs`, base64. */
  signature: string;
  /** The card's certificate, base64 DER or PEM. */
  certificate: string;
  expectedInstitutionCode: string;
  trustAnchors: readonly CertificateSource[];
  intermediates?: readonly CertificateSource[];
  /** When non-empty, the card certificate's CRL is required (see `requireCrl`). */
  crls?: readonly CrlSource[];
  now: Date;
  ocsp?: CardStatusChecker;
  profile: InstitutionCardProfile;
  /** Require a current CRL from the card's issuer. Default: true when `crls` is non-empty. */
  requireCrl?: boolean;
  /** Tolerance for clocks (CRL thisUpdate in the future). Default 5 minutes. */
  clockSkewMs?: number;
}

export interface VerifiedCard {
  institutionCode: string;
  subject: string;
  issuer: string;
  /** Lower-case hex without leading zeros. */
  serialNumber: string;
  fingerprintSha256: string;
  notAfter: Date;
  /** Subjects from the card up to the trust anchor. */
  chain: string[];
  revocation: { crl: boolean; ocsp: boolean };
  keyType: 'rsa' | 'ec';
}

const MAX_PATH_LENGTH = 6;
const MIN_RSA_BITS = 2048;
const DEFAULT_CLOCK_SKEW_MS = 5 * 60_000;
const MAX_SIGNATURE_BYTES = 1024;

/** Extensions whose criticality this verifier honours (RFC 5280 §4.2: refuse unknown critical ones). */
const KNOWN_CERT_EXTENSIONS: ReadonlySet<string> = new Set([
  '2.5.29.14', // subjectKeyIdentifier
  '2.5.29.15', // keyUsage
  '2.5.29.17', // subjectAltName
  '2.5.29.19', // basicConstraints
  '2.5.29.31', // cRLDistributionPoints
  '2.5.29.32', // certificatePolicies (checked against the profile on the card)
  '2.5.29.35', // authorityKeyIdentifier
  '2.5.29.37', // extKeyUsage (not restricted: the HCA profile's EKU is not known)
  '1.3.6.1.5.5.7.1.1', // authorityInfoAccess
]);
const ACCEPTED_CERT_HASHES: ReadonlySet<string> = new Set(['SHA-256', 'SHA-384', 'SHA-512']);
/** cRLNumber, authorityKeyIdentifier. A critical issuingDistributionPoint or deltaCRLIndicator makes a CRL unusable here. */
const KNOWN_CRL_EXTENSIONS: ReadonlySet<string> = new Set(['2.5.29.20', '2.5.29.35']);

const toCertificate = (source: CertificateSource) =>
  source instanceof CardCertificate ? source : CardCertificate.parse(source);
const toCrl = (source: CrlSource) => (source instanceof CardCrl ? source : CardCrl.parse(source));

/**
 * Verifies that `signature` is the institution card's signature over exactly `tbs`, that the
 * card certificate chains to a configured trust anchor, is valid at `now`, is not revoked, is an
 * institution card (per `profile`) and names `expectedInstitutionCode`.
 *
 * Resolves with what was verified; rejects with a {@link CardVerificationError} (stable `code`,
 * zh-TW `message`, English `detail` for the log). Checks run in this order, and the first
 * failure is the one reported: certificate and signature encoding → chain to a trust anchor →
 * card validity → key usage → institution-card marker → 機構代碼 → revocation → signature.
 */
export async function verifyCardSignature(input: VerifyCardSignatureInput): Promise<VerifiedCard> {
  assertUsableProfile(input.profile);
  if (!INSTITUTION_CODE_PATTERN.test(input.expectedInstitutionCode)) {
    throw new Error('expectedInstitutionCode must be ten digits');
  }
  const now = input.now;

  // Cheap bounds before any decoding: a card certificate is a few KB, an RSA-4096 signature 512 bytes.
  if (input.certificate.length > 32 * 1024) throw refuse('CARD_CERT_INVALID', 'certificate text longer than 32 KiB');
  if (input.signature.length > 2 * 1024) throw refuse('CARD_SIGNATURE_MALFORMED', 'signature text longer than 2 KiB');
  let leaf: CardCertificate;
  try {
    leaf = CardCertificate.parse(input.certificate);
  } catch (error) {
    throw refuse('CARD_CERT_INVALID', `certificate does not parse: ${(error as Error).message}`);
  }
  const signature = decodeBase64(input.signature);
  if (!signature || signature.length > MAX_SIGNATURE_BYTES) {
    throw refuse('CARD_SIGNATURE_MALFORMED', 'signature is not base64 of at most 1024 bytes');
  }

  const path = buildPath(
    leaf,
    input.trustAnchors.map(toCertificate),
    (input.intermediates ?? []).map(toCertificate),
  );
  checkPath(path, now);

  if (now < leaf.notBefore) {
    throw refuse('CARD_CERT_NOT_YET_VALID', `card certificate valid from ${leaf.notBefore.toISOString()}`);
  }
  if (now > leaf.notAfter) {
    throw refuse('CARD_CERT_EXPIRED', `card certificate expired at ${leaf.notAfter.toISOString()}`);
  }
  checkKeyUsage(leaf);
  const institutionCode = checkInstitutionCard(leaf, input.profile);
  if (institutionCode !== input.expectedInstitutionCode) {
    throw refuse(
      'CARD_INSTITUTION_MISMATCH',
      `card is for institution ${institutionCode}, expected ${input.expectedInstitutionCode}`,
    );
  }

  const crls = (input.crls ?? []).map(toCrl);
  const requireCrl = input.requireCrl ?? crls.length > 0;
  const crlChecked = await checkCrls(path, crls, now, requireCrl, input.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS);
  let ocspChecked = false;
  if (input.ocsp) {
    await checkOnlineStatus(input.ocsp, leaf, path[1]!, now);
    ocspChecked = true;
  }

  const keyType = verifyTbsSignature(leaf, input.tbs, signature);

  return {
    institutionCode,
    subject: leaf.subject,
    issuer: leaf.issuer,
    serialNumber: leaf.serialNumber,
    fingerprintSha256: leaf.fingerprintSha256,
    notAfter: leaf.notAfter,
    chain: path.map((certificate) => certificate.subject),
    revocation: { crl: crlChecked, ocsp: ocspChecked },
    keyType,
  };
}

/**
 * Card → intermediates → trust anchor. Each link is accepted only if the issuer's name (and key
 * identifiers, when present) match and the issuer's key verifies the child's signature, so a
 * forged certificate that merely copies an issuer name never links.
 */
function buildPath(
  leaf: CardCertificate,
  anchors: readonly CardCertificate[],
  intermediates: readonly CardCertificate[],
): CardCertificate[] {
  const path = [leaf];
  let current = leaf;
  for (let depth = 0; depth < MAX_PATH_LENGTH; depth++) {
    const anchor = anchors.find((candidate) => current.isIssuedBy(candidate));
    if (anchor) {
      if (anchor.fingerprintSha256 === leaf.fingerprintSha256) break;
      path.push(anchor);
      return path;
    }
    const next = intermediates.find(
      (candidate) => !path.some((c) => c.fingerprintSha256 === candidate.fingerprintSha256) && current.isIssuedBy(candidate),
    );
    if (!next) break;
    path.push(next);
    current = next;
  }
  throw refuse(
    'CARD_CHAIN_UNTRUSTED',
    `no path from "${leaf.subject}" (issuer "${leaf.issuer}") to a trust anchor; built: ${path.map((c) => c.subject).join(' <- ')}`,
  );
}

/** RFC 5280 §6.1 essentials for a path whose signatures were verified while it was built. */
function checkPath(path: readonly CardCertificate[], now: Date): void {
  const leaf = path[0]!;
  const unknownOnLeaf = leaf.unknownCriticalExtensions(KNOWN_CERT_EXTENSIONS);
  if (unknownOnLeaf.length > 0) {
    throw refuse('CARD_CHAIN_INVALID', `card certificate has unknown critical extensions ${unknownOnLeaf.join(', ')}`);
  }
  // Certificates below the anchor must be signed with SHA-2 (an anchor is trusted as configured).
  for (const certificate of path.slice(0, -1)) {
    const hash = (certificate.x509.signatureAlgorithm as { hash?: { name?: string } }).hash?.name ?? 'unknown';
    if (!ACCEPTED_CERT_HASHES.has(hash)) {
      throw refuse('CARD_CHAIN_INVALID', `"${certificate.subject}" is signed with ${hash}`);
    }
  }
  // Issuers from the card upwards; the anchor (last) is trusted as configured, but must still
  // be a CA within its validity period.
  for (let index = 1; index < path.length; index++) {
    const issuer = path[index]!;
    const name = `"${issuer.subject}"`;
    if (now < issuer.notBefore || now > issuer.notAfter) {
      throw refuse('CARD_CHAIN_INVALID', `CA certificate ${name} is not valid at ${now.toISOString()}`);
    }
    const constraints = issuer.basicConstraints;
    if (!constraints?.ca) throw refuse('CARD_CHAIN_INVALID', `issuer ${name} is not a CA (basicConstraints)`);
    const keyUsage = issuer.keyUsage;
    if (keyUsage && (keyUsage.usages & x509.KeyUsageFlags.keyCertSign) === 0) {
      throw refuse('CARD_CHAIN_INVALID', `issuer ${name} key usage lacks keyCertSign`);
    }
    // Intermediate CAs strictly between this issuer and the card.
    const belowThisIssuer = index - 1;
    if (constraints.pathLength !== undefined && belowThisIssuer > constraints.pathLength) {
      throw refuse(
        'CARD_CHAIN_INVALID',
        `issuer ${name} allows ${constraints.pathLength} intermediate CAs below it, path has ${belowThisIssuer}`,
      );
    }
    const unknown = issuer.unknownCriticalExtensions(KNOWN_CERT_EXTENSIONS);
    if (unknown.length > 0) {
      throw refuse('CARD_CHAIN_INVALID', `CA certificate ${name} has unknown critical extensions ${unknown.join(', ')}`);
    }
  }
}

function checkKeyUsage(leaf: CardCertificate): void {
  if (leaf.isCa) throw refuse('CARD_KEY_USAGE', 'card certificate is a CA certificate');
  const keyUsage = leaf.keyUsage;
  if (!keyUsage) throw refuse('CARD_KEY_USAGE', 'card certificate has no keyUsage extension');
  const signing = x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation;
  if ((keyUsage.usages & signing) === 0) {
    throw refuse('CARD_KEY_USAGE', `card key usage ${keyUsage.usages} allows neither digitalSignature nor nonRepudiation`);
  }
}

/** Returns the 機構代碼 of an institution card, or refuses. */
function checkInstitutionCard(leaf: CardCertificate, profile: InstitutionCardProfile): string {
  if (profile.policyOids.length > 0 && !leaf.policies.some((oid) => profile.policyOids.includes(oid))) {
    throw refuse(
      'CARD_NOT_INSTITUTION_CARD',
      `certificate policies [${leaf.policies.join(', ')}] include none of [${profile.policyOids.join(', ')}]`,
    );
  }
  if (profile.subjectOrganizationalUnit !== undefined) {
    const units = leaf.subjectAttribute(OID_ORGANIZATIONAL_UNIT);
    if (!units.includes(profile.subjectOrganizationalUnit)) {
      throw refuse('CARD_NOT_INSTITUTION_CARD', `subject OU [${units.join(', ')}] lacks "${profile.subjectOrganizationalUnit}"`);
    }
  }
  const codes = leaf.subjectAttribute(profile.institutionCodeAttributeOid);
  if (codes.length !== 1 || !INSTITUTION_CODE_PATTERN.test(codes[0]!)) {
    throw refuse(
      'CARD_NOT_INSTITUTION_CARD',
      `subject attribute ${profile.institutionCodeAttributeOid} is [${codes.join(', ')}], expected one 10-digit 機構代碼`,
    );
  }
  return codes[0]!;
}

/**
 * For every certificate below the anchor: the newest CRL whose issuer name equals its issuer's
 * subject and which that issuer signed. Required for the card when `requireCrl`; used when
 * present for the intermediates. Returns whether the card's CRL was checked.
 */
async function checkCrls(
  path: readonly CardCertificate[],
  crls: readonly CardCrl[],
  now: Date,
  requireCrl: boolean,
  clockSkewMs: number,
): Promise<boolean> {
  let leafChecked = false;
  for (let index = 0; index < path.length - 1; index++) {
    const certificate = path[index]!;
    const issuer = path[index + 1]!;
    const issuerName = issuer.subjectNameDer;
    let best: CardCrl | undefined;
    for (const crl of crls) {
      if (!crl.issuerNameDer.equals(issuerName)) continue;
      if (crl.unknownCriticalExtensions(KNOWN_CRL_EXTENSIONS).length > 0) continue;
      if (!(await crl.isSignedBy(issuer))) continue;
      if (!best || crl.thisUpdate > best.thisUpdate) best = crl;
    }
    const who = index === 0 ? 'card certificate' : `CA certificate "${certificate.subject}"`;
    if (!best) {
      if (index === 0 && requireCrl) {
        throw refuse('CARD_REVOCATION_UNKNOWN', `no usable CRL signed by "${issuer.subject}"`);
      }
      continue;
    }
    if (best.thisUpdate.getTime() > now.getTime() + clockSkewMs) {
      throw refuse('CARD_REVOCATION_UNKNOWN', `CRL of "${issuer.subject}" issued in the future (${best.thisUpdate.toISOString()})`);
    }
    if (!best.nextUpdate || best.nextUpdate < now) {
      throw refuse('CARD_REVOCATION_UNKNOWN', `CRL of "${issuer.subject}" is stale (nextUpdate ${best.nextUpdate?.toISOString() ?? 'absent'})`);
    }
    if (best.isRevoked(certificate.serialNumber)) {
      throw refuse('CARD_REVOKED', `${who} serial ${certificate.serialNumber} is listed on the CRL of "${issuer.subject}"`);
    }
    if (index === 0) leafChecked = true;
  }
  return leafChecked;
}

async function checkOnlineStatus(checker: CardStatusChecker, leaf: CardCertificate, issuer: CardCertificate, now: Date) {
  let status: CardStatus;
  try {
    status = await checker.check({ certificate: leaf, issuer, now });
  } catch (error) {
    throw refuse('CARD_REVOCATION_UNKNOWN', `online status check failed: ${(error as Error).message}`);
  }
  if (status.status === 'revoked') {
    throw refuse('CARD_REVOKED', `online status: revoked${status.revokedAt ? ` at ${status.revokedAt.toISOString()}` : ''}`);
  }
  if (status.status === 'unknown') throw refuse('CARD_REVOCATION_UNKNOWN', `online status unknown: ${status.detail}`);
}

/**
 * RSA PKCS#1 v1.5 with SHA-256 (what HiPKI's `signatureType: 'PKCS1'` produces with health-care
 * cards, RSA-2048), or ECDSA P-256 with SHA-256 (DER or IEEE P1363 r‖s encoding).
 */
function verifyTbsSignature(leaf: CardCertificate, tbs: string, signature: Buffer): 'rsa' | 'ec' {
  const key = leaf.node.publicKey;
  const data = Buffer.from(tbs, 'utf8');
  let valid: boolean;
  let keyType: 'rsa' | 'ec';
  if (key.asymmetricKeyType === 'rsa') {
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    if (bits < MIN_RSA_BITS) throw refuse('CARD_UNSUPPORTED_KEY', `RSA key of ${bits} bits`);
    valid = safeVerify(() => verifySignature('sha256', data, { key, padding: constants.RSA_PKCS1_PADDING }, signature));
    keyType = 'rsa';
  } else if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') {
    const dsaEncoding = signature.length === 64 ? 'ieee-p1363' : 'der';
    valid = safeVerify(() => verifySignature('sha256', data, { key, dsaEncoding }, signature));
    keyType = 'ec';
  } else {
    throw refuse(
      'CARD_UNSUPPORTED_KEY',
      `key type ${key.asymmetricKeyType ?? 'unknown'} ${key.asymmetricKeyDetails?.namedCurve ?? ''}`.trim(),
    );
  }
  if (!valid) throw refuse('CARD_SIGNATURE_INVALID', 'signature does not verify over the to-be-signed text');
  return keyType;
}

/** OpenSSL throws on some malformed signatures (bad DER); that is a failed verification. */
function safeVerify(run: () => boolean): boolean {
  try {
    return run();
  } catch {
    return false;
  }
}

export { CardVerificationError };
