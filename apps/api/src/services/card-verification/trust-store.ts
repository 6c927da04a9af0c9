import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CardCertificate, CardCrl, crlPemBlocks, decodeBase64, pemBlocks } from './certificates.js';
import {
  INSTITUTION_CARD_OU,
  OID_SUBJECT_SERIAL_NUMBER,
  TEST_INSTITUTION_CARD_POLICY_OID,
  TEST_PKI_POLICY_OID,
  assertUsableProfile,
  type InstitutionCardProfile,
} from './institution-card-profile.js';

/**
 * Where trust for 醫事機構卡 verification comes from. Environment variables (to be parsed in
 * src/env.ts and passed in as `env`):
 *
 * | variable | meaning |
 * |---|---|
 * | CARD_TRUST_ANCHORS | comma-separated paths of PEM (or DER) files: the HCA root(s) |
 * | CARD_INTERMEDIATES | comma-separated paths: the HCA issuing CA(s) (醫事機構卡 中繼憑證) |
 * | CARD_CRLS | comma-separated paths of CRL files (PEM `X509 CRL`/`CRL`, or DER); when any is given, a current CRL from the card's issuer is required |
 * | CARD_CRL_URLS | comma-separated http(s) URLs of CRL distribution points, fetched like the files (crl-refresh.ts re-reads both) |
 * | CARD_INSTITUTION_POLICY_OIDS | comma-separated certificate policy OIDs that mark an institution card |
 * | CARD_INSTITUTION_OU | subject OU that marks an institution card (e.g. 醫事機構); empty = not checked |
 * | CARD_INSTITUTION_CODE_ATTRIBUTE | OID of the subject attribute holding the 機構代碼 (default 2.5.4.5, serialNumber) |
 * | CARD_TRUST_TEST_CA | `true` trusts the test PKI made by tools/card-sim (refused when NODE_ENV=production) |
 * | CARD_TEST_PKI_DIR | where the test PKI is (default `data/card-sim`, relative to `cwd`) |
 *
 * The test CA is trusted in one way only: CARD_TRUST_TEST_CA=true. A certificate carrying the
 * test PKI's policy OID is refused when it arrives through CARD_TRUST_ANCHORS or
 * CARD_INTERMEDIATES, and with NODE_ENV=production CARD_TRUST_TEST_CA=true stops start-up.
 */
export interface CardTrustStoreEnv {
  NODE_ENV?: string | undefined;
  CARD_TRUST_ANCHORS?: string | undefined;
  CARD_INTERMEDIATES?: string | undefined;
  CARD_CRLS?: string | undefined;
  CARD_CRL_URLS?: string | undefined;
  CARD_INSTITUTION_POLICY_OIDS?: string | undefined;
  CARD_INSTITUTION_OU?: string | undefined;
  CARD_INSTITUTION_CODE_ATTRIBUTE?: string | undefined;
  CARD_TRUST_TEST_CA?: string | undefined;
  CARD_TEST_PKI_DIR?: string | undefined;
}

export interface LoadCardTrustStoreOptions {
  env: CardTrustStoreEnv;
  /** Base for relative paths. Default `process.cwd()`. */
  cwd?: string;
  /** For tests. Default `fs/promises.readFile`. */
  readFile?: (file: string) => Promise<Buffer>;
  /**
   * Called when a CRL distribution point cannot be fetched at start: the start goes on without
   * its CRL (crl-refresh.ts tries again; meanwhile a card of that issuer is refused, since
   * `requiresCrl` holds). A CRL file that cannot be read stops the start instead.
   */
  onCrlUrlError?: (source: CrlLocation, error: Error) => void;
}

/** Where a CRL is read from: a file (CARD_CRLS, the test PKI's) or a distribution point (CARD_CRL_URLS). */
export interface CrlLocation {
  kind: 'file' | 'url';
  /** An absolute path or a URL. */
  location: string;
}

export interface CardTrustStore {
  trustAnchors: CardCertificate[];
  intermediates: CardCertificate[];
  crls: CardCrl[];
  /** The CRLs by source (CrlLocation.location), for crl-refresh.ts to replace one source at a time. */
  crlsBySource: ReadonlyMap<string, CardCrl[]>;
  crlSources: CrlLocation[];
  /** A CRL source is configured: a card whose issuer has no current CRL is refused. */
  requiresCrl: boolean;
  profile: InstitutionCardProfile;
  /** True when the test PKI of tools/card-sim is trusted. */
  trustsTestCa: boolean;
  /** False when no trust anchor is configured: every card is then refused as untrusted. */
  configured: boolean;
}

/** File names tools/card-sim writes into its output folder (kept in step with generate-test-pki.ts). */
export const TEST_PKI_FILES = {
  rootCa: 'test-root-ca.pem',
  intermediateCa: 'test-intermediate-ca.pem',
  crl: 'test-intermediate-ca.crl.pem',
} as const;

export class CardTrustStoreConfigError extends Error {
  override name = 'CardTrustStoreConfigError';
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

function isTestPkiCertificate(certificate: CardCertificate): boolean {
  return certificate.policies.some((oid) => oid === TEST_PKI_POLICY_OID || oid.startsWith(`${TEST_PKI_POLICY_OID}.`));
}

/**
 * Each item of a file, parsed: the PEM blocks (`blocksOf`) of a PEM file, else the one item the
 * file holds (`single`). A file without any, or an item that does not parse, is a configuration
 * error naming the file.
 */
function itemsIn<Item>(
  file: string,
  bytes: Buffer,
  { blocksOf, single, parse, what }: { blocksOf: (text: string) => Buffer[]; single: (text: string) => Buffer; parse: (der: Buffer) => Item; what: string },
): Item[] {
  const text = bytes.toString('latin1');
  const ders = text.includes('-----BEGIN') ? blocksOf(text) : [single(text)];
  if (ders.length === 0) throw new CardTrustStoreConfigError(`${file}: no ${what}`);
  return ders.map((der) => {
    try {
      return parse(der);
    } catch (error) {
      throw new CardTrustStoreConfigError(`${file}: ${(error as Error).message}`);
    }
  });
}

/** Certificates in a PEM bundle, or one DER certificate. */
const certificatesIn = (file: string, bytes: Buffer): CardCertificate[] =>
  itemsIn(file, bytes, { blocksOf: (text) => pemBlocks(text, 'CERTIFICATE'), single: () => bytes, parse: (der) => CardCertificate.parse(der), what: 'certificate' });

/** CRLs in a PEM file, or one CRL as DER or base64 DER. */
const crlsIn = (file: string, bytes: Buffer): CardCrl[] =>
  itemsIn(file, bytes, { blocksOf: crlPemBlocks, single: (text) => decodeBase64(text) ?? bytes, parse: (der) => CardCrl.parse(der), what: 'CRL' });

/** The largest CRL a distribution point may send (the national HCA's full CRL is a few MB). */
const MAX_FETCHED_CRL_BYTES = 64 * 1024 * 1024;

/** Reads the CRLs of one source; throws CardTrustStoreConfigError (with the source named) on any failure. */
export async function readCrlSource(source: CrlLocation, read: (file: string) => Promise<Buffer> = (file) => readFile(file)): Promise<CardCrl[]> {
  if (source.kind === 'file') return crlsIn(source.location, await read(source.location));
  let response: Response;
  try {
    response = await fetch(source.location, { signal: AbortSignal.timeout(30_000), redirect: 'follow' });
  } catch (error) {
    throw new CardTrustStoreConfigError(`${source.location}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new CardTrustStoreConfigError(`${source.location}: HTTP ${response.status}`);
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_FETCHED_CRL_BYTES) throw new CardTrustStoreConfigError(`${source.location}: CRL too large (${length} bytes)`);
  return crlsIn(source.location, Buffer.from(await response.arrayBuffer()));
}

/** Every CRL source the environment names, the test PKI's CRL file last. */
export function crlSourcesOf(env: CardTrustStoreEnv, cwd: string = process.cwd()): CrlLocation[] {
  const files = list(env.CARD_CRLS).map((file) => ({ kind: 'file' as const, location: path.resolve(cwd, file) }));
  const urls = list(env.CARD_CRL_URLS).map((url) => {
    if (!/^https?:\/\//.test(url)) throw new CardTrustStoreConfigError(`CARD_CRL_URLS: ${url} is not an http:// or https:// URL`);
    return { kind: 'url' as const, location: url };
  });
  const testCa = env.CARD_TRUST_TEST_CA === 'true'
    ? [{ kind: 'file' as const, location: path.join(path.resolve(cwd, env.CARD_TEST_PKI_DIR?.trim() || 'data/card-sim'), TEST_PKI_FILES.crl) }]
    : [];
  return [...files, ...urls, ...testCa];
}

/**
 * Reads trust anchors, intermediates and CRLs named by the environment. Call once at start-up
 * (and again to pick up a new CRL); the result is immutable and safe to share.
 */
export async function loadCardTrustStore(options: LoadCardTrustStoreOptions): Promise<CardTrustStore> {
  const { env } = options;
  const cwd = options.cwd ?? process.cwd();
  const read = options.readFile ?? ((file: string) => readFile(file));
  const resolve = (file: string) => path.resolve(cwd, file);

  const trustsTestCa = env.CARD_TRUST_TEST_CA === 'true';
  if (env.CARD_TRUST_TEST_CA !== undefined && !['true', 'false', ''].includes(env.CARD_TRUST_TEST_CA)) {
    throw new CardTrustStoreConfigError('CARD_TRUST_TEST_CA must be "true" or "false"');
  }
  if (trustsTestCa && env.NODE_ENV === 'production') {
    throw new CardTrustStoreConfigError('CARD_TRUST_TEST_CA=true is refused when NODE_ENV=production');
  }

  const load = async <T>(files: string[], parse: (file: string, bytes: Buffer) => T[]) =>
    (await Promise.all(files.map(async (file) => parse(file, await read(resolve(file)))))).flat();

  const trustAnchors = await load(list(env.CARD_TRUST_ANCHORS), certificatesIn);
  const intermediates = await load(list(env.CARD_INTERMEDIATES), certificatesIn);
  const crlSources = crlSourcesOf(env, cwd);
  const crlsBySource = new Map<string, CardCrl[]>();
  for (const source of crlSources) {
    try {
      crlsBySource.set(source.location, await readCrlSource(source, read));
    } catch (error) {
      if (source.kind === 'file' || !options.onCrlUrlError) throw error;
      options.onCrlUrlError(source, error as Error);
    }
  }

  for (const certificate of [...trustAnchors, ...intermediates]) {
    if (isTestPkiCertificate(certificate)) {
      throw new CardTrustStoreConfigError(
        `"${certificate.subject}" belongs to the test PKI; it is trusted only with CARD_TRUST_TEST_CA=true`,
      );
    }
  }
  for (const anchor of trustAnchors) {
    if (!anchor.isCa) throw new CardTrustStoreConfigError(`trust anchor "${anchor.subject}" is not a CA certificate`);
  }

  const policyOids = list(env.CARD_INSTITUTION_POLICY_OIDS);
  const ou = env.CARD_INSTITUTION_OU?.trim();
  const profile: InstitutionCardProfile = {
    policyOids,
    ...(ou ? { subjectOrganizationalUnit: ou } : {}),
    institutionCodeAttributeOid: env.CARD_INSTITUTION_CODE_ATTRIBUTE?.trim() || OID_SUBJECT_SERIAL_NUMBER,
  };

  if (trustsTestCa) {
    const dir = resolve(env.CARD_TEST_PKI_DIR?.trim() || 'data/card-sim');
    const file = (name: string) => path.join(dir, name);
    trustAnchors.push(...certificatesIn(TEST_PKI_FILES.rootCa, await read(file(TEST_PKI_FILES.rootCa))));
    intermediates.push(...certificatesIn(TEST_PKI_FILES.intermediateCa, await read(file(TEST_PKI_FILES.intermediateCa))));
    // The test cards carry the test policy and the OU; accept them alongside any real profile.
    profile.policyOids = [...policyOids, TEST_INSTITUTION_CARD_POLICY_OID];
    if (!ou) profile.subjectOrganizationalUnit = INSTITUTION_CARD_OU;
  }

  const configured = trustAnchors.length > 0;
  if (configured) {
    try {
      assertUsableProfile(profile);
    } catch (error) {
      throw new CardTrustStoreConfigError(
        `${(error as Error).message}: set CARD_INSTITUTION_POLICY_OIDS and/or CARD_INSTITUTION_OU`,
      );
    }
  }
  const crls = [...crlsBySource.values()].flat();
  return { trustAnchors, intermediates, crls, crlsBySource, crlSources, requiresCrl: crlSources.length > 0, profile, trustsTestCa, configured };
}
