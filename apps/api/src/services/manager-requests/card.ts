import { createHash, timingSafeEqual } from 'node:crypto';
import { buildCardAuthTbs, type CardChallenge, type CardSignature } from '@portal/shared';
import {
  CardVerificationError,
  challengeExpiry,
  checkChallenge,
  createCardChallengeNonce,
  refuse,
  verifyCardSignature,
  type VerifiedCard,
} from '../card-verification/index.js';
import type { RequestOrigin } from '../audit/record-audit.js';
import { audit, nowOf, type ManagerRequestDeps } from './core.js';

const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');

/** Issues a single-use nonce, bound to an account and (for B / C) to a request. */
export async function issueCardChallenge(
  deps: ManagerRequestDeps,
  binding: { institutionCode: string; accountId: string; managerRequestId: string | null },
): Promise<CardChallenge> {
  // Without a configured health-care CA no card can pass: say so before the card is used.
  if (!deps.trustStore.configured) throw new CardVerificationError('CARD_NOT_CONFIGURED', 'no trust anchors configured');
  const now = nowOf(deps);
  const nonce = createCardChallengeNonce();
  const expiresAt = challengeExpiry(now, deps.challengeTtlMs);
  const row = await deps.prisma.cardChallenge.create({
    data: {
      nonceHash: sha256Hex(nonce),
      institutionCode: binding.institutionCode,
      accountId: binding.accountId,
      managerRequestId: binding.managerRequestId,
      expiresAt,
    },
    select: { id: true },
  });
  return {
    challengeId: row.id,
    nonce,
    toBeSigned: buildCardAuthTbs({ origin: deps.publicOrigin, institutionCode: binding.institutionCode, nonce }),
    institutionCode: binding.institutionCode,
    expiresAt: expiresAt.toISOString(),
  };
}

export interface ConsumedChallenge {
  id: string;
  institutionCode: string;
  accountId: string | null;
  managerRequestId: string | null;
}

/**
 * Checks the challenge (known to this binding, unexpired, unused), burns it with a conditional
 * update before anything else (so a failed attempt cannot be retried on the same nonce), then
 * verifies the card's signature over the to-be-signed text rebuilt from the server's own record.
 * Every refusal of a challenge that exists is audited with its precise (English) detail. An id
 * that names no challenge is refused without an audit row: it concerns no request of anyone's,
 * and auditing it would let any anonymous caller grow the audit trail at will.
 */
export async function consumeAndVerify(
  deps: ManagerRequestDeps,
  body: CardSignature,
  binding: { accountId?: string; managerRequestId?: string | null },
  origin: RequestOrigin,
): Promise<{ challenge: ConsumedChallenge; card: VerifiedCard }> {
  const now = nowOf(deps);
  const row = await deps.prisma.cardChallenge.findUnique({
    where: { id: body.challengeId },
    select: { id: true, nonceHash: true, institutionCode: true, accountId: true, managerRequestId: true, expiresAt: true, usedAt: true },
  });
  try {
    const presented = Buffer.from(sha256Hex(body.nonce));
    const known =
      row !== null &&
      timingSafeEqual(presented, Buffer.from(row.nonceHash)) &&
      (binding.accountId === undefined || row.accountId === binding.accountId) &&
      (binding.managerRequestId === undefined || row.managerRequestId === binding.managerRequestId);
    const refusal = checkChallenge(known ? { nonce: body.nonce, institutionCode: row.institutionCode, expiresAt: row.expiresAt, usedAt: row.usedAt } : null, now);
    if (refusal) throw refusal;
    const burned = await deps.prisma.cardChallenge.updateMany({
      where: { id: row!.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (burned.count === 0) throw refuse('CARD_CHALLENGE_USED', 'lost the race to burn the nonce');
    const store = deps.trustStore;
    const card = await verifyCardSignature({
      tbs: buildCardAuthTbs({ origin: deps.publicOrigin, institutionCode: row!.institutionCode, nonce: body.nonce }),
      signature: body.signature,
      certificate: body.certificate,
      expectedInstitutionCode: row!.institutionCode,
      trustAnchors: store.trustAnchors,
      intermediates: store.intermediates,
      crls: store.crls,
      // A configured CRL source that has not (yet) delivered a CRL refuses cards, never skips the check.
      requireCrl: store.requiresCrl,
      profile: store.profile,
      now,
    });
    return {
      challenge: { id: row!.id, institutionCode: row!.institutionCode, accountId: row!.accountId, managerRequestId: row!.managerRequestId },
      card,
    };
  } catch (error) {
    if (error instanceof CardVerificationError && row !== null) {
      await audit(
        deps.prisma,
        { id: row?.accountId ?? binding.accountId ?? null, label: 'anonymous' },
        'card-verification.refused',
        row?.managerRequestId ?? binding.managerRequestId ?? undefined,
        { code: error.code, detail: error.detail, challengeId: body.challengeId },
        origin,
      );
    }
    throw error;
  }
}

/** What the audit trail keeps of a verified card (never the signature). */
export const cardFacts = (card: VerifiedCard) => ({
  institutionCode: card.institutionCode,
  subject: card.subject,
  issuer: card.issuer,
  serialNumber: card.serialNumber,
  fingerprintSha256: card.fingerprintSha256,
  revocationChecked: card.revocation,
});
