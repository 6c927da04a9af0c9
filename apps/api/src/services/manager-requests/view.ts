import {
  MANAGER_REQUEST_KIND_LABELS,
  MANAGER_REQUEST_STATUS_LABELS,
  MANAGER_VERIFICATION_METHOD_LABELS,
  OPEN_MANAGER_REQUEST_STATUSES,
  type ManagerRequest,
  type ScanContentType,
} from '@portal/shared';
import type { Prisma } from '@portal/db';

/** What every view of a request reads. */
export const managerRequestSelect = {
  id: true,
  requestNo: true,
  kind: true,
  status: true,
  accountId: true,
  requestedById: true,
  institutionId: true,
  verificationMethod: true,
  submittedAt: true,
  dueAt: true,
  decidedAt: true,
  reason: true,
  account: { select: { accountName: true, name: true, role: true } },
  requestedBy: { select: { accountName: true, name: true } },
  institution: { select: { code: true, name: true } },
  scanFile: { select: { filename: true, contentType: true, size: true, createdAt: true } },
} satisfies Prisma.ManagerRequestSelect;

export type ManagerRequestRow = Prisma.ManagerRequestGetPayload<{ select: typeof managerRequestSelect }>;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The body shown to the applicant; `scanUrl` depends on who asks (owner or staff). */
export function toManagerRequest(row: ManagerRequestRow, scanUrl: (id: string) => string): ManagerRequest {
  const method = row.verificationMethod === 'CARD' || row.verificationMethod === 'PAPER' ? row.verificationMethod : null;
  return {
    id: row.id,
    requestNo: row.requestNo,
    kind: row.kind,
    kindLabel: MANAGER_REQUEST_KIND_LABELS[row.kind],
    status: row.status,
    statusLabel: MANAGER_REQUEST_STATUS_LABELS[row.status],
    account: row.account,
    requestedBy: row.requestedBy,
    institution: row.institution,
    verificationMethod: method,
    verificationMethodLabel: method ? MANAGER_VERIFICATION_METHOD_LABELS[method] : null,
    submittedAt: row.submittedAt.toISOString(),
    dueAt: iso(row.dueAt),
    decidedAt: iso(row.decidedAt),
    reason: row.reason,
    scan: row.scanFile
      ? {
          filename: row.scanFile.filename,
          contentType: row.scanFile.contentType as ScanContentType,
          size: row.scanFile.size,
          uploadedAt: row.scanFile.createdAt.toISOString(),
          url: scanUrl(row.id),
        }
      : null,
  };
}

export const ownerScanUrl = (id: string) => `/api/manager-requests/${id}/scan`;
export const staffScanUrl = (id: string) => `/api/staff/manager-requests/${id}/scan`;
/** A request still waiting for its card or its paper review (at most one per account). */
export const OPEN_STATUSES = OPEN_MANAGER_REQUEST_STATUSES;

export function isOverdue(row: { status: string; dueAt: Date | null }, now: Date): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(row.status) && row.dueAt !== null && row.dueAt.getTime() < now.getTime();
}
