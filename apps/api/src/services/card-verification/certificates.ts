import { X509Certificate as NodeX509Certificate, createHash } from 'node:crypto';
import * as x509 from './x509.js';

/** A certificate larger than this is not a smart-card certificate; refuse before parsing. */
const MAX_CERTIFICATE_BYTES = 16 * 1024;
/** CRLs of a national CA can be large (tens of thousands of entries), but not unbounded. */
const MAX_CRL_BYTES = 64 * 1024 * 1024;

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Strict base64 (standard alphabet, whitespace ignored) → bytes, or `null`. */
export function decodeBase64(text: string): Buffer | null {
  const compact = text.replace(/\s+/g, '');
  if (compact.length === 0 || compact.length % 4 !== 0 || !BASE64.test(compact)) return null;
  return Buffer.from(compact, 'base64');
}

/** Every PEM block with this label in the text, as DER. */
export function pemBlocks(text: string, label: string): Buffer[] {
  const blocks: Buffer[] = [];
  for (const match of text.matchAll(PEM_BLOCK)) {
    if (match[1] !== label) continue;
    const der = decodeBase64(match[2] ?? '');
    if (der) blocks.push(der);
  }
  return blocks;
}

/** CRLs in PEM: `X509 CRL` (OpenSSL) or `CRL` (some CAs and libraries). */
export function crlPemBlocks(text: string): Buffer[] {
  return [...pemBlocks(text, 'X509 CRL'), ...pemBlocks(text, 'CRL')];
}

/**
 * The DER of one certificate or CRL given as DER bytes, base64 DER, or PEM (the first block that
 * `blocksOf` finds); refused when there is none or it is larger than `maxBytes`.
 */
function derOf(input: string | Uint8Array, blocksOf: (text: string) => Buffer[], what: string, maxBytes: number): Buffer {
  const der = typeof input === 'string' ? (input.includes('-----BEGIN') ? (blocksOf(input)[0] ?? null) : decodeBase64(input)) : Buffer.from(input);
  if (!der || der.length === 0) throw new Error(`not a ${what} (neither PEM nor base64 DER)`);
  if (der.length > maxBytes) throw new Error(`${what} too large (${der.length} bytes)`);
  return der;
}

/** Serial numbers as lower-case hex without leading zeros, so CRL entries and certificates compare. */
export function normalizeSerial(hex: string): string {
  return hex.toLowerCase().replace(/^0+(?=.)/, '');
}

/**
 * One parsed certificate, held twice: by Node's OpenSSL binding (fast signature checks, issuer
 * matching by name and key identifiers) and by @peculiar/x509 (typed access to extensions).
 */
export class CardCertificate {
  readonly node: NodeX509Certificate;
  readonly x509: x509.X509Certificate;
  readonly fingerprintSha256: string;

  private constructor(readonly der: Buffer) {
    this.node = new NodeX509Certificate(der);
    this.x509 = new x509.X509Certificate(new Uint8Array(der));
    this.fingerprintSha256 = createHash('sha256').update(der).digest('hex');
  }

  /** From DER bytes, base64 DER, or PEM. Throws on anything else. */
  static parse(input: string | Uint8Array): CardCertificate {
    return new CardCertificate(derOf(input, (text) => pemBlocks(text, 'CERTIFICATE'), 'certificate', MAX_CERTIFICATE_BYTES));
  }

  get subject(): string {
    return this.x509.subject;
  }

  get issuer(): string {
    return this.x509.issuer;
  }

  get serialNumber(): string {
    return normalizeSerial(this.x509.serialNumber);
  }

  get notBefore(): Date {
    return this.x509.notBefore;
  }

  get notAfter(): Date {
    return this.x509.notAfter;
  }

  // Extension getters decode on every call; each is read once per certificate and remembered.
  private memo = new Map<string, unknown>();
  private once<T>(key: string, compute: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }

  /** `undefined` when the extension is absent. */
  get basicConstraints(): x509.BasicConstraintsExtension | undefined {
    return this.once('bc', () => this.x509.getExtension(x509.BasicConstraintsExtension) ?? undefined);
  }

  get keyUsage(): x509.KeyUsagesExtension | undefined {
    return this.once('ku', () => this.x509.getExtension(x509.KeyUsagesExtension) ?? undefined);
  }

  get policies(): readonly string[] {
    return this.once('cp', () => this.x509.getExtension(x509.CertificatePolicyExtension)?.policies ?? []);
  }

  get isCa(): boolean {
    return this.basicConstraints?.ca === true;
  }

  /** Values of one subject attribute (by OID), in order. */
  subjectAttribute(oid: string): string[] {
    return this.x509.subjectName.getField(oid);
  }

  /** DER of the subject Name, for exact comparison with a CRL's issuer. */
  get subjectNameDer(): Buffer {
    return (this.subjectNameDerCache ??= Buffer.from(this.x509.subjectName.toArrayBuffer()));
  }

  private subjectNameDerCache: Buffer | undefined;

  /** True when `issuer` is this certificate's issuer by name (and key identifiers) and its key signed this. */
  isIssuedBy(issuer: CardCertificate): boolean {
    return this.node.checkIssued(issuer.node) && this.node.verify(issuer.node.publicKey);
  }

  /** Critical extensions whose meaning this verifier does not implement. */
  unknownCriticalExtensions(known: ReadonlySet<string>): string[] {
    return this.x509.extensions.filter((e) => e.critical && !known.has(e.type)).map((e) => e.type);
  }
}

/**
 * One parsed CRL. The revoked serials are indexed once; the signature check against an issuer
 * is done once per issuer key and remembered (CRLs are loaded at start-up and reused).
 */
export class CardCrl {
  readonly x509: x509.X509Crl;
  private revoked: Set<string> | undefined;
  private readonly verifiedBy = new Map<string, Promise<boolean>>();

  private constructor(readonly der: Buffer) {
    // @peculiar/x509 caps ASN.1 parsing at 10,000 nodes by default (against hostile input); a
    // CRL comes from the operator's configuration and has ~7 nodes per revoked certificate.
    this.x509 = new x509.X509Crl(new Uint8Array(der), {
      berOptions: { maxNodes: Math.ceil(der.length / 2), maxContentLength: MAX_CRL_BYTES },
    });
  }

  /** From DER bytes, base64 DER, or PEM (`X509 CRL`). Throws on anything else. */
  static parse(input: string | Uint8Array): CardCrl {
    return new CardCrl(derOf(input, crlPemBlocks, 'CRL', MAX_CRL_BYTES));
  }

  get issuerNameDer(): Buffer {
    return (this.issuerNameDerCache ??= Buffer.from(this.x509.issuerName.toArrayBuffer()));
  }

  private issuerNameDerCache: Buffer | undefined;

  get thisUpdate(): Date {
    return this.x509.thisUpdate;
  }

  get nextUpdate(): Date | undefined {
    return this.x509.nextUpdate;
  }

  isRevoked(serialNumber: string): boolean {
    this.revoked ??= new Set(this.x509.entries.map((entry) => normalizeSerial(entry.serialNumber)));
    return this.revoked.has(normalizeSerial(serialNumber));
  }

  /** Whether `issuer`'s key signed this CRL (cached per issuer). */
  isSignedBy(issuer: CardCertificate): Promise<boolean> {
    let verdict = this.verifiedBy.get(issuer.fingerprintSha256);
    if (!verdict) {
      verdict = this.x509.verify({ publicKey: issuer.x509 }).catch(() => false);
      this.verifiedBy.set(issuer.fingerprintSha256, verdict);
    }
    return verdict;
  }

  unknownCriticalExtensions(known: ReadonlySet<string>): string[] {
    return this.x509.extensions.filter((e) => e.critical && !known.has(e.type)).map((e) => e.type);
  }
}
