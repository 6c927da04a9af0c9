import { randomBytes } from 'node:crypto';
import { refuse, type CardVerificationError } from './refusals.js';

/** How long an applicant has between 「驗證機構卡」 and the card's answer (PIN entry included). */
export const CARD_CHALLENGE_TTL_MS = 5 * 60_000;

/** What the caller stores per challenge (one row per nonce). */
export interface CardChallengeRecord {
  nonce: string;
  institutionCode: string;
  /** Exclusive: the challenge is expired at and after this instant. */
  expiresAt: Date;
  /** Set when the challenge was consumed (whatever the outcome of the verification). */
  usedAt: Date | null;
}

/** 32 random bytes, base64url without padding (43 characters; matches CARD_NONCE_PATTERN). */
export function createCardChallengeNonce(): string {
  return randomBytes(32).toString('base64url');
}

export function challengeExpiry(now: Date, ttlMs: number = CARD_CHALLENGE_TTL_MS): Date {
  return new Date(now.getTime() + ttlMs);
}

/**
 * The one place that says whether a challenge may still be answered: known, not used, not
 * expired. Returns the refusal, or `null` when the challenge is usable.
 *
 * This is the rule, not the lock: the caller must still burn the nonce atomically, e.g.
 * `UPDATE card_challenge SET used_at = $now WHERE nonce = $1 AND used_at IS NULL AND
 * expires_at > $now` and treat "0 rows" as CARD_CHALLENGE_USED. Burn it before verifying the
 * signature, so that a failed attempt cannot be retried against the same nonce.
 */
export function checkChallenge(
  record: CardChallengeRecord | null | undefined,
  now: Date,
): CardVerificationError | null {
  if (!record) return refuse('CARD_CHALLENGE_UNKNOWN', 'no challenge with this nonce');
  if (record.usedAt !== null) return refuse('CARD_CHALLENGE_USED', `challenge used at ${record.usedAt.toISOString()}`);
  if (now.getTime() >= record.expiresAt.getTime()) {
    return refuse('CARD_CHALLENGE_EXPIRED', `challenge expired at ${record.expiresAt.toISOString()}`);
  }
  return null;
}
