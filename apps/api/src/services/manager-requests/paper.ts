import { createHash } from 'node:crypto';
import { renderFilledManagerForm, type ManagerFormData } from '@portal/forms';
import { SCAN_MAX_BYTES, type ScanContentType } from '@portal/shared';
import type { RequestOrigin } from '../audit/record-audit.js';
import { addWorkingDays } from '../../lib/working-days.js';
import { REVIEW_WORKING_DAYS } from './applicant.js';
import { audit, mailReceived, nowOf, type Actor, type ManagerRequestDeps } from './core.js';
import { refuseRequest } from './errors.js';
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
  return { filename: `管理者帳號申請異動表_${request.requestNo}.pdf`, contentType: 'application/pdf', data: await renderFilledManagerForm(data) };
}

/** The type of a scan, from its first bytes (never from its name or the browser's claim). */
export function sniffScanType(bytes: Uint8Array): ScanContentType | null {
  const starts = (...magic: number[]) => magic.every((byte, index) => bytes[index] === byte);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  return null;
}

const EXTENSIONS: Record<ScanContentType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/** A safe stored name: the uploaded base name without odd characters, with the sniffed extension. */
function storedName(original: string | undefined, type: ScanContentType, requestNo: string): string {
  const base = (original ?? '')
    .replace(/\.[^.]*$/, '')
    .replace(/[^\p{L}\p{N}_-]+/gu, '_')
    .slice(0, 80);
  return `${base || requestNo}.${EXTENSIONS[type]}`;
}

/**
 * Stores a stamped scan on an open request. An AWAITING_VERIFICATION request moves to
 * PENDING_REVIEW (with its due date): uploading the stamped form is choosing paper.
 */
export async function attachScan(
  deps: ManagerRequestDeps,
  actor: Actor,
  requestId: string,
  file: { bytes: Buffer; filename?: string | undefined },
  origin: RequestOrigin,
): Promise<ManagerRequestRow> {
  if (file.bytes.length === 0) throw refuseRequest('SCAN_REQUIRED');
  if (file.bytes.length > SCAN_MAX_BYTES) throw refuseRequest('SCAN_TOO_LARGE');
  const type = sniffScanType(file.bytes);
  if (!type) throw refuseRequest('SCAN_UNSUPPORTED_TYPE');
  return deps.prisma.$transaction(async (tx) => {
    const request = await tx.managerRequest.findUnique({ where: { id: requestId }, select: managerRequestSelect });
    if (!request) throw refuseRequest('MANAGER_REQUEST_NOT_FOUND');
    if (!(OPEN_STATUSES as readonly string[]).includes(request.status)) throw refuseRequest('MANAGER_REQUEST_NOT_AWAITING_VERIFICATION');
    const stored = await tx.storedFile.create({
      data: {
        filename: storedName(file.filename, type, request.requestNo),
        contentType: type,
        size: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        data: new Uint8Array(file.bytes),
      },
      select: { id: true, filename: true },
    });
    const now = nowOf(deps);
    const toReview = request.status === 'AWAITING_VERIFICATION';
    const dueAt = toReview ? addWorkingDays(now, REVIEW_WORKING_DAYS, deps.calendar) : request.dueAt;
    const updated = await tx.managerRequest.updateMany({
      where: { id: requestId, status: request.status },
      data: {
        scanFileId: stored.id,
        ...(toReview && { status: 'PENDING_REVIEW' as const, verificationMethod: 'PAPER' as const, submittedAt: now, dueAt }),
      },
    });
    if (updated.count === 0) throw refuseRequest('MANAGER_REQUEST_NOT_AWAITING_VERIFICATION');
    if (request.kind === 'A' && toReview) await tx.account.update({ where: { id: request.accountId }, data: { verificationMethod: 'PAPER' } });
    await audit(tx, actor, 'manager-request.scan-attached', requestId, { fileId: stored.id, contentType: type, size: file.bytes.length, filename: stored.filename }, origin);
    if (toReview && dueAt) await mailReceived(tx, { ...request, dueAt });
    return tx.managerRequest.findUniqueOrThrow({ where: { id: requestId }, select: managerRequestSelect });
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
