import { MANAGER_REQUEST_MESSAGES as M, type ManagerRequestErrorCode } from '@portal/shared';
import { HttpError } from '../../errors/http-error.js';

const REFUSALS: Record<ManagerRequestErrorCode, [status: number, message: string]> = {
  MANAGER_REQUEST_NOT_FOUND: [404, M.notFound],
  MANAGER_REQUEST_ALREADY_OPEN: [409, M.alreadyOpen],
  MANAGER_REQUEST_NOT_ALLOWED: [403, M.notAllowed],
  MANAGER_REQUEST_TARGET_NOT_FOUND: [404, M.targetNotFound],
  MANAGER_REQUEST_WRONG_ROLE: [422, M.notAllowed],
  MANAGER_REQUEST_ACCOUNT_NOT_ACTIVE: [422, M.accountNotActive],
  MANAGER_REQUEST_NOT_AWAITING_VERIFICATION: [409, M.notAwaitingVerification],
  MANAGER_REQUEST_NOT_REVIEWABLE: [409, M.notReviewable],
  MANAGER_REQUEST_ALREADY_DECIDED: [409, M.alreadyDecided],
  MANAGER_REQUEST_NOT_APPLICABLE: [409, M.notApplicable],
  MANAGER_REQUEST_SCAN_MISSING: [422, M.scanMissingForApproval],
  PENDING_APPLICATION_NOT_FOUND: [401, M.notPendingApplication],
  SCAN_REQUIRED: [400, M.scanRequired],
  SCAN_TOO_LARGE: [413, M.scanTooLarge],
  SCAN_UNSUPPORTED_TYPE: [415, M.scanType],
  SCAN_NOT_FOUND: [404, M.scanNotFound],
  SCAN_UPLOADS_EXHAUSTED: [409, M.scanUploadsExhausted],
};

/** A refusal of the manager-request flows; `message` overrides the default wording. */
export function refuseRequest(code: ManagerRequestErrorCode, message?: string): HttpError {
  const [status, text] = REFUSALS[code];
  return new HttpError(status, code, message ?? text);
}
