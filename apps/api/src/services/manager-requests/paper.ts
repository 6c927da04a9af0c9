import type { ManagerFormData } from '@portal/forms';
import { SCAN_MAX_BYTES, type ScanContentType } from '@portal/shared';
import { detectFileType, type UploadedFile } from '../../lib/file-type.js';
import type { RequestOrigin } from '../audit/record-audit.js';
import { storeFile } from '../files/stored-files.js';
import type { WithMail } from '../mail/outbox.js';
import { addWorkingDays } from '../../lib/working-days.js';
import { REVIEW_WORKING_DAYS } from './applicant.js';
import { audit, mailReceived, nowOf, type Actor, type ManagerRequestDeps } from './core.js';
import { refuseRequest } from './errors.js';
import { checkScanUploadAllowance } from './scan-uploads.js';
import { managerRequestSelect, OPEN_STATUSES, type ManagerRequestRow } from './view.js';

/** Masks a 身分證 for anyone but its holder: A12****789. */
export const maskNationalId = (id: string) => (id.length === 10 ? `${id.slice(0, 3)}****${id.slice(7)}` : '**********');

/**
 * The 管理者帳號申請、異動表 filled in for a request. The 身分證 is printed in full only when
 * the holder asks (or staff); a colleague who started a B for someone who left sees it masked.
 */
export async function renderRequestForm(
  deps: ManagerRequestDeps,
  request: ManagerRequestRow,
  viewer: { id: string } | 'staff',
): Promise<{ filename: string; contentType: 'application/pdf'; data: Uint8Array }> {
  const account = await deps.prisma.account.findUniqueOrThrow({
    where: { id: request.accountId },
    select: { accountName: true, name: true, nationalIdCipher: true, phone: true, email: true, department: true },
  });
  const nationalId = deps.crypto.decrypt(account.nationalIdCipher);
  const data: ManagerFormData = {
    kind: request.kind,
    appliedAt: request.submittedAt,
    institutionName: request.institution.name,
    institutionCode: request.institution.code,
    accountName: account.accountName,
    applicantName: account.name,
    nationalId: viewer === 'staff' || viewer.id === request.accountId ? nationalId : maskNationalId(nationalId),
    ...(account.department ? { department: account.department } : {}),
    phone: account.phone,
    email: account.email,
  };
  // pdf-lib and the 7 MB font are loaded with the first form asked for, not at start.
  const { renderFilledManagerForm } = await import('@portal/forms');
  return { filename: `管理者帳號申請異動表_${request.requestNo}.pdf`, contentType: 'application/pdf', data: await renderFilledManagerForm(data) };
}

/** The scan types accepted, by the extension they are stored with. */
const SCAN_TYPES = { pdf: 'application/pdf', jpg: 'image/jpeg', png: 'image/png' } as const satisfies Record<string, ScanContentType>;

/** A safe stored name: the uploaded base name without odd characters, with the sniffed extension. */
function storedName(original: string, extension: keyof typeof SCAN_TYPES, requestNo: string): string {
  const base = original
    .replace(/\.[^.]*$/, '')
    .replace(/[^\p{L}\p{N}_-]+/gu, '_')
    .slice(0, 80);
  return `${base || requestNo}.${extension}`;
}

/**
 * Stores a stamped scan on an open request. An AWAITING_VERIFICATION request moves to
 * PENDING_REVIEW (with its due date): uploading the stamped form is choosing paper. A scan
 * already there is replaced: the request points at the new file and the old one is deleted in
 * the same transaction, so the request never points at nothing and no old scan is left behind.
 * The request's row is locked first, so the upload caps (scan-uploads.ts) hold under parallel
 * uploads.
 */
export async function attachScan(
  deps: ManagerRequestDeps,
  actor: Actor,
  requestId: string,
  file: UploadedFile,
  origin: RequestOrigin,
): Promise<WithMail<ManagerRequestRow>> {
  if (file.data.length === 0) throw refuseRequest('SCAN_REQUIRED');
  if (file.data.length > SCAN_MAX_BYTES) throw refuseRequest('SCAN_TOO_LARGE');
  const type = await detectFileType(file.data, SCAN_TYPES);
  if (!type) throw refuseRequest('SCAN_UNSUPPORTED_TYPE');
  return deps.prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ scan_file_id: string | null }[]>`SELECT scan_file_id FROM manager_requests WHERE id = ${requestId}::uuid FOR UPDATE`;
    const request = locked && (await tx.managerRequest.findUnique({ where: { id: requestId }, select: managerRequestSelect }));
    if (!request) throw refuseRequest('MANAGER_REQUEST_NOT_FOUND');
    if (!(OPEN_STATUSES as readonly string[]).includes(request.status)) throw refuseRequest('MANAGER_REQUEST_NOT_AWAITING_VERIFICATION');
    const now = nowOf(deps);
    await checkScanUploadAllowance(tx, request, actor, now);
    const previous = locked.scan_file_id
      ? await tx.storedFile.findUniqueOrThrow({ where: { id: locked.scan_file_id }, select: { id: true, filename: true, size: true, sha256: true } })
      : null;
    const stored = await storeFile(tx, { filename: storedName(file.filename, type.extension, request.requestNo), contentType: type.mediaType, data: file.data });
    const toReview = request.status === 'AWAITING_VERIFICATION';
    const dueAt = toReview ? addWorkingDays(now, REVIEW_WORKING_DAYS, deps.calendar) : request.dueAt;
    await tx.managerRequest.update({
      where: { id: requestId },
      data: {
        scanFileId: stored.id,
        ...(toReview && { status: 'PENDING_REVIEW' as const, verificationMethod: 'PAPER' as const, submittedAt: now, dueAt }),
      },
    });
    if (previous) await tx.storedFile.delete({ where: { id: previous.id } });
    if (request.kind === 'A' && toReview) await tx.account.update({ where: { id: request.accountId }, data: { verificationMethod: 'PAPER' } });
    const scan = { fileId: stored.id, contentType: type.mediaType, size: file.data.length, filename: stored.filename };
    if (previous) {
      await audit(tx, actor, 'manager-request.scan-replaced', requestId, { ...scan, replaced: { fileId: previous.id, filename: previous.filename, size: previous.size, sha256: previous.sha256 } }, origin);
    } else {
      await audit(tx, actor, 'manager-request.scan-attached', requestId, scan, origin);
    }
    const mailQueued = toReview && dueAt !== null;
    if (mailQueued) await mailReceived(tx, { ...request, dueAt });
    return { result: await tx.managerRequest.findUniqueOrThrow({ where: { id: requestId }, select: managerRequestSelect }), mailQueued };
  });
}

export async function readScan(deps: ManagerRequestDeps, request: { scanFile: unknown; id: string }) {
  const row = await deps.prisma.managerRequest.findUnique({
    where: { id: request.id },
    select: { scanFile: { select: { filename: true, contentType: true, data: true } } },
  });
  if (!row?.scanFile) throw refuseRequest('SCAN_NOT_FOUND');
  return row.scanFile;
}
