import {
  CardChallengeSchema,
  CardVerificationResultSchema,
  MANAGER_REQUEST_ROUTES,
  type CardChallenge,
  type CardSignature,
  type CardVerificationResult,
} from '@portal/shared';
import { apiPost } from '../../../lib/api-client';
import type { VerificationTarget } from './verification-target';

/** POST …/challenges (pending: 帳號 + 密碼) or …/:id/card-challenge (logged in) → 201 CardChallenge. */
export function createCardChallenge(target: VerificationTarget): Promise<CardChallenge> {
  return target.kind === 'pending'
    ? apiPost(MANAGER_REQUEST_ROUTES.pendingChallenge, target.credentials, CardChallengeSchema)
    : apiPost(MANAGER_REQUEST_ROUTES.cardChallenge(target.requestId), undefined, CardChallengeSchema);
}

/** POST the card's signature and certificate (never the PIN) → 200 CardVerificationResult. */
export function submitCardSignature(target: VerificationTarget, signature: CardSignature): Promise<CardVerificationResult> {
  return target.kind === 'pending'
    ? apiPost(MANAGER_REQUEST_ROUTES.pendingVerification, signature, CardVerificationResultSchema)
    : apiPost(MANAGER_REQUEST_ROUTES.cardVerification(target.requestId), signature, CardVerificationResultSchema);
}
