/**
 * The exact text a 醫事機構卡 signs to prove that the applicant holds the institution's card.
 *
 * Modelled on Web eID's authentication token: the signed text names a version, the portal's
 * origin (so a signature made for another site, e.g. a phishing copy, does not verify here),
 * the institution the applicant speaks for, and a single-use server nonce. The browser builds
 * it to hand to the card; the API rebuilds it from its own challenge record and its own
 * configured origin, and never trusts a text sent by the browser. Both call this function, so
 * the two can never drift apart.
 *
 * Pure: no `node:` imports (the SPA bundles it).
 */

export const CARD_AUTH_TBS_VERSION = 'hpa-portal-card-auth:v1';

/** 機構代碼: ten digits. */
export const INSTITUTION_CODE_PATTERN = /^\d{10}$/;

/** base64url without padding, at least 22 characters (128 bits). */
export const CARD_NONCE_PATTERN = /^[A-Za-z0-9_-]{22,128}$/;

/** A serialized origin: scheme, host, optional port; no path, query, user or trailing slash. */
const ORIGIN_PATTERN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/;

export interface CardAuthTbsInput {
  /** The portal's origin, e.g. `https://pportal.hpa.gov.tw` (lower-case, no trailing slash). */
  origin: string;
  /** The 10-digit 機構代碼 the applicant applies under. */
  institutionCode: string;
  /** The server's challenge nonce (base64url, no padding). */
  nonce: string;
}

export class InvalidCardAuthTbsInputError extends Error {
  constructor(readonly field: keyof CardAuthTbsInput) {
    super(`invalid card auth to-be-signed field: ${field}`);
    this.name = 'InvalidCardAuthTbsInputError';
  }
}

/**
 * Builds the to-be-signed text, e.g.
 *
 * ```
 * hpa-portal-card-auth:v1
 * origin=https://pportal.hpa.gov.tw
 * institution=0101090517
 * nonce=3q2-7wAAAAC6vLq8urq6vA
 * ```
 *
 * Lines are joined with `\n` and there is no trailing newline. Every field is validated against
 * a strict pattern, so no field can smuggle a newline or a second `key=` into the text.
 */
export function buildCardAuthTbs(input: CardAuthTbsInput): string {
  if (!ORIGIN_PATTERN.test(input.origin)) throw new InvalidCardAuthTbsInputError('origin');
  if (!INSTITUTION_CODE_PATTERN.test(input.institutionCode)) throw new InvalidCardAuthTbsInputError('institutionCode');
  if (!CARD_NONCE_PATTERN.test(input.nonce)) throw new InvalidCardAuthTbsInputError('nonce');
  return [
    CARD_AUTH_TBS_VERSION,
    `origin=${input.origin}`,
    `institution=${input.institutionCode}`,
    `nonce=${input.nonce}`,
  ].join('\n');
}

/** The inverse of {@link buildCardAuthTbs}, or `null` when the text is not exactly of that form. */
export function parseCardAuthTbs(tbs: string): CardAuthTbsInput | null {
  const lines = tbs.split('\n');
  if (lines.length !== 4 || lines[0] !== CARD_AUTH_TBS_VERSION) return null;
  const value = (line: string | undefined, key: string) =>
    line !== undefined && line.startsWith(`${key}=`) ? line.slice(key.length + 1) : null;
  const origin = value(lines[1], 'origin');
  const institutionCode = value(lines[2], 'institution');
  const nonce = value(lines[3], 'nonce');
  if (origin === null || institutionCode === null || nonce === null) return null;
  const input = { origin, institutionCode, nonce };
  try {
    return buildCardAuthTbs(input) === tbs ? input : null;
  } catch {
    return null;
  }
}
