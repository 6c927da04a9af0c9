import type { Prisma } from '@portal/db';
import { SCAN_UPLOADS_PER_DAY, SCAN_UPLOADS_PER_REQUEST, tooManyScanUploadsMessage, type AuditAction } from '@portal/shared';
import { TooManyAttemptsError } from '../../errors/http-error.js';
import type { Actor } from './core.js';
import { refuseRequest } from './errors.js';

/** The audit actions that record a scan stored on a request: the trail is the count of uploads. */
export const SCAN_UPLOAD_ACTIONS = ['manager-request.scan-attached', 'manager-request.scan-replaced'] as const satisfies readonly AuditAction[];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Refuses a scan beyond the caps of its request: SCAN_UPLOADS_PER_DAY in any 24 hours (429 with
 * the wait) and SCAN_UPLOADS_PER_REQUEST in all (409). Only the request's own people are
 * counted and capped — its account and whoever started it, including the pending applicant who
 * uploads without a session; staff attaching a scan received by mail are not. The caller holds
 * the request's row lock, so parallel uploads are counted one after the other.
 */
export async function checkScanUploadAllowance(
  tx: Prisma.TransactionClient,
  request: { id: string; accountId: string; requestedById: string },
  actor: Actor,
  now: Date,
): Promise<void> {
  const ownPeople = [request.accountId, request.requestedById];
  if (!actor.id || !ownPeople.includes(actor.id)) return;
  const uploads = await tx.auditEvent.findMany({
    where: { entityType: 'manager_request', entityId: request.id, action: { in: [...SCAN_UPLOAD_ACTIONS] }, actorId: { in: ownPeople } },
    select: { at: true },
    orderBy: { at: 'desc' },
    take: SCAN_UPLOADS_PER_REQUEST,
  });
  if (uploads.length >= SCAN_UPLOADS_PER_REQUEST) throw refuseRequest('SCAN_UPLOADS_EXHAUSTED');
  const recent = uploads.filter((upload) => now.getTime() - upload.at.getTime() < DAY_MS);
  if (recent.length < SCAN_UPLOADS_PER_DAY) return;
  // The window has room again when the oldest of the last SCAN_UPLOADS_PER_DAY leaves it.
  const freesAt = recent[SCAN_UPLOADS_PER_DAY - 1]!.at.getTime() + DAY_MS;
  const seconds = Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000));
  throw new TooManyAttemptsError(seconds, tooManyScanUploadsMessage(seconds), 'TOO_MANY_SCAN_UPLOADS');
}
