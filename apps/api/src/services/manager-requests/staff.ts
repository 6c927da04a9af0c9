import {
  type ManagerRequestDecision,
  type StaffManagerRequestDetail,
  type StaffManagerRequestList,
  type StaffManagerRequestQuery,
  type StaffManagerRequestListItem,
} from '@portal/shared';
import type { Prisma } from '@portal/db';
import type { RequestOrigin } from '../audit/record-audit.js';
import type { WithMail } from '../mail/outbox.js';
import { countManagers } from '../institutions/managers.js';
import { applyEffect, audit, leavesWithoutManager, lockRequestInstitution, mailDecision, nowOf, type ManagerRequestDeps } from './core.js';
import { refuseRequest } from './errors.js';
import { maskNationalId } from './paper.js';
import { isOverdue, managerRequestSelect, OPEN_STATUSES, staffScanUrl, toManagerRequest, type ManagerRequestRow } from './view.js';
import { readPage } from '../../lib/page.js';

type Query = Omit<StaffManagerRequestQuery, 'overdue' | 'page' | 'pageSize'> & { overdue?: boolean | undefined; page: number; pageSize: number };

const toItem = (row: ManagerRequestRow, now: Date): StaffManagerRequestListItem => ({
  ...toManagerRequest(row, staffScanUrl),
  overdue: isOverdue(row, now),
});

/**
 * The review queue: by due date, earliest first, so overdue requests (due before now) lead;
 * requests without a due date (not yet on the paper path) last.
 */
export async function listForStaff(deps: ManagerRequestDeps, query: Query): Promise<StaffManagerRequestList> {
  const now = nowOf(deps);
  const status =
    query.status === 'ALL' ? undefined : query.status === 'OPEN' ? { in: [...OPEN_STATUSES] } : (query.status ?? 'PENDING_REVIEW');
  const where: Prisma.ManagerRequestWhereInput = {
    ...(status && { status }),
    ...(query.kind && { kind: query.kind }),
    ...(query.institutionCode && { institution: { code: query.institutionCode } }),
    ...(query.q && {
      OR: [
        { requestNo: { contains: query.q, mode: 'insensitive' } },
        { account: { accountNameKey: { contains: query.q.toLowerCase() } } },
      ],
    }),
    ...(query.overdue === true && { status: { in: [...OPEN_STATUSES] }, dueAt: { lt: now } }),
    ...(query.overdue === false && { OR: [{ dueAt: null }, { dueAt: { gte: now } }] }),
  };
  return readPage(
    query,
    {
      count: () => deps.prisma.managerRequest.count({ where }),
      rows: (window) =>
        deps.prisma.managerRequest.findMany({
          where,
          orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { submittedAt: 'asc' }, { id: 'asc' }],
          ...window,
          select: managerRequestSelect,
        }),
    },
    (row) => toItem(row, now),
  );
}

/** Any request (staff see every one). */
export async function findRequest(deps: Pick<ManagerRequestDeps, 'prisma'>, id: string): Promise<ManagerRequestRow> {
  const row = await deps.prisma.managerRequest.findUnique({ where: { id }, select: managerRequestSelect });
  if (!row) throw refuseRequest('MANAGER_REQUEST_NOT_FOUND');
  return row;
}

export async function staffDetail(deps: ManagerRequestDeps, id: string): Promise<StaffManagerRequestDetail> {
  const row = await deps.prisma.managerRequest.findUnique({
    where: { id },
    select: { ...managerRequestSelect, decidedBy: { select: { accountName: true, name: true } } },
  });
  if (!row) throw refuseRequest('MANAGER_REQUEST_NOT_FOUND');
  const account = await deps.prisma.account.findUniqueOrThrow({
    where: { id: row.accountId },
    select: { id: true, accountName: true, name: true, nationalIdCipher: true, phone: true, mobile: true, email: true, department: true, role: true, status: true, institutionId: true },
  });
  const now = nowOf(deps);
  return {
    ...toItem(row, now),
    applicant: {
      accountName: account.accountName,
      name: account.name,
      nationalIdMasked: maskNationalId(deps.crypto.decrypt(account.nationalIdCipher)),
      phone: account.phone,
      mobile: account.mobile,
      email: account.email,
      department: account.department,
      role: account.role,
      status: account.status,
    },
    activeManagerCount: await countManagers(deps.prisma, row.institutionId),
    leavesInstitutionWithoutManager: await leavesWithoutManager(deps.prisma, row.kind, account),
    formUrl: `/api/staff/manager-requests/${row.id}/form.pdf`,
    decidedBy: row.decidedBy,
  };
}

/**
 * A staff decision, in one transaction under the institution lock: a conditional status update
 * (so of two staff deciding at once exactly one wins; the other gets 409), the effect on the
 * account, the audit event and the mail.
 */
export async function decide(
  deps: ManagerRequestDeps,
  staffId: string,
  id: string,
  body: { decision: ManagerRequestDecision['decision']; reason?: string | undefined },
  origin: RequestOrigin,
): Promise<WithMail<void>> {
  await deps.prisma.$transaction(async (tx) => {
    const request = await tx.managerRequest.findUnique({ where: { id }, select: managerRequestSelect });
    if (!request) throw refuseRequest('MANAGER_REQUEST_NOT_FOUND');
    await lockRequestInstitution(tx, request.institutionId);
    const approve = body.decision === 'APPROVE';
    if (approve && !request.scanFile) throw refuseRequest('MANAGER_REQUEST_SCAN_MISSING');
    const now = nowOf(deps);
    const decided = await tx.managerRequest.updateMany({
      where: { id, status: 'PENDING_REVIEW' },
      data: {
        status: approve ? 'APPROVED' : 'REJECTED',
        decidedAt: now,
        decidedById: staffId,
        reason: body.reason ?? null,
        openAccountId: null,
      },
    });
    if (decided.count === 0) {
      const current = await tx.managerRequest.findUniqueOrThrow({ where: { id }, select: { status: true } });
      throw refuseRequest(current.status === 'AWAITING_VERIFICATION' ? 'MANAGER_REQUEST_NOT_REVIEWABLE' : 'MANAGER_REQUEST_ALREADY_DECIDED');
    }
    let effect: { sessionsRevoked: boolean } = { sessionsRevoked: false };
    if (approve) effect = await applyEffect(tx, request, 'PAPER', now);
    else if (request.kind === 'A') {
      // The application itself is refused; 申請進度查詢 shows the reason.
      await tx.account.updateMany({ where: { id: request.accountId, status: 'PENDING_VERIFICATION' }, data: { status: 'REJECTED' } });
    }
    await audit(
      tx,
      { id: staffId },
      approve ? 'manager-request.approved' : 'manager-request.rejected',
      id,
      { kind: request.kind, requestNo: request.requestNo, reason: body.reason ?? null, ...effect },
      origin,
    );
    await mailDecision(
      tx,
      deps,
      request,
      approve ? { decision: 'APPROVED', reason: body.reason ?? null } : { decision: 'REJECTED', reason: body.reason ?? '' },
    );
  });
  return { result: undefined, mailQueued: true };
}
