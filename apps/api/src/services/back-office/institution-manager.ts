/**
 * 單位業務管理者: the 一般使用者 applications and the accounts of the caller's own institution.
 * Every query is scoped by the caller's institutionId in its WHERE clause: an id of another
 * institution is simply not found (404), never "forbidden", so ids cannot be probed.
 */
import type { Prisma, PrismaClient } from '@portal/db';
import {
  ACCOUNT_STATUS_LABELS,
  BACK_OFFICE_MESSAGES,
  messages,
  type DecisionRequest,
  type DecisionResult,
  type InstitutionAccountPage,
  type InstitutionAccountQuery,
  type PageQuery,
  type PendingUserApplicationPage,
} from '@portal/shared';
import { HttpError, notFound } from '../../errors/http-error.js';
import type { RequestOrigin } from '../audit/record-audit.js';
import { enqueueTemplate, type WithMail } from '../mail/outbox.js';
import { revokeAllSessions } from '../auth/sessions.js';
import { alreadyDecided, applyTransition, canTransition } from './transitions.js';
import { readPage } from '../../lib/page.js';
import { labelledRoleAndStatus } from '../accounts/account-labels.js';

export interface Caller {
  id: string;
}

interface Deps {
  prisma: PrismaClient;
  publicOrigin: string;
}

/** The caller's institution (an active manager always has one). */
async function institutionOf(prisma: PrismaClient, caller: Caller): Promise<string> {
  const me = await prisma.account.findUnique({ where: { id: caller.id }, select: { institutionId: true, role: true } });
  if (!me?.institutionId || me.role !== 'INSTITUTION_MANAGER') throw new HttpError(403, 'FORBIDDEN', messages.forbidden);
  return me.institutionId;
}

export async function listPendingApplications(prisma: PrismaClient, caller: Caller, query: PageQuery): Promise<PendingUserApplicationPage> {
  const institutionId = await institutionOf(prisma, caller);
  const where = { institutionId, role: 'GENERAL_USER' as const, status: 'PENDING_APPROVAL' as const };
  const select = {
    id: true, accountName: true, name: true, email: true, phone: true, mobile: true, department: true, applicationNo: true, createdAt: true,
    subsystemAccesses: { select: { subsystem: { select: { code: true, name: true, sortOrder: true } } } },
  } satisfies Prisma.AccountSelect;
  return readPage(
    query,
    { count: () => prisma.account.count({ where }), rows: (window) => prisma.account.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], ...window, select }) },
    (row) => ({
      id: row.id,
      accountName: row.accountName,
      name: row.name,
      email: row.email,
      phone: row.phone,
      mobile: row.mobile,
      department: row.department,
      applicationNo: row.applicationNo,
      submittedAt: row.createdAt.toISOString(),
      subsystems: row.subsystemAccesses
        .map((access) => access.subsystem)
        .sort((a, b) => a.sortOrder - b.sortOrder)
        .map(({ code, name }) => ({ code, name })),
    }),
  );
}

/** 核准 / 駁回 of a 一般使用者 application of the caller's institution. */
export async function decideApplication(
  deps: Deps,
  caller: Caller,
  accountId: string,
  body: DecisionRequest,
  origin: RequestOrigin,
): Promise<WithMail<DecisionResult>> {
  const institutionId = await institutionOf(deps.prisma, caller);
  return deps.prisma.$transaction(async (tx) => {
    const target = await tx.account.findFirst({
      where: { id: accountId, institutionId, role: 'GENERAL_USER' },
      select: { id: true, status: true, name: true, accountName: true, email: true, applicationNo: true },
    });
    // PENDING_VERIFICATION etc. are not general-user applications: not in this queue.
    if (!target || !['PENDING_APPROVAL', 'ACTIVE', 'REJECTED', 'DEACTIVATED'].includes(target.status)) throw notFound();
    const approve = body.decision === 'APPROVE';
    if (!canTransition('account', approve ? 'approve' : 'reject', target.status)) throw alreadyDecided();
    const reason = body.reason?.trim() || null;
    const now = new Date();
    const { to } = await applyTransition(tx, {
      type: 'account',
      name: approve ? 'approve' : 'reject',
      id: target.id,
      actorId: caller.id,
      origin,
      data: approve ? { activatedAt: now } : {},
      auditAfter: { reason },
    });
    if (approve) {
      await enqueueTemplate(tx, 'account-activated', target.email, { origin: deps.publicOrigin, name: target.name, accountName: target.accountName });
    } else {
      await enqueueTemplate(tx, 'account-rejected', target.email, {
        origin: deps.publicOrigin,
        name: target.name,
        accountName: target.accountName,
        applicationNo: target.applicationNo ?? '',
        reason: reason ?? '',
      });
    }
    const result = {
      id: target.id,
      status: to,
      statusLabel: ACCOUNT_STATUS_LABELS[to as keyof typeof ACCOUNT_STATUS_LABELS],
      message: approve ? BACK_OFFICE_MESSAGES.approved : BACK_OFFICE_MESSAGES.rejected,
    };
    return { result, mailQueued: true };
  });
}

export async function listInstitutionAccounts(
  prisma: PrismaClient,
  caller: Caller,
  query: InstitutionAccountQuery & { page: number; pageSize: number },
): Promise<InstitutionAccountPage> {
  const institutionId = await institutionOf(prisma, caller);
  const where = {
    institutionId,
    role: query.role ?? { in: ['INSTITUTION_MANAGER' as const, 'GENERAL_USER' as const] },
    ...(query.status && { status: query.status }),
    ...(query.q && {
      OR: [{ accountNameKey: { startsWith: query.q.toLowerCase() } }, { name: { contains: query.q } }],
    }),
  };
  const select = {
    id: true, accountName: true, name: true, email: true, role: true, status: true,
    createdAt: true, activatedAt: true, deactivatedAt: true, lastLoginAt: true,
  } satisfies Prisma.AccountSelect;
  return readPage(
    query,
    { count: () => prisma.account.count({ where }), rows: (window) => prisma.account.findMany({ where, orderBy: [{ role: 'asc' }, { accountNameKey: 'asc' }], ...window, select }) },
    (row) => ({
      id: row.id,
      accountName: row.accountName,
      name: row.name,
      email: row.email,
      ...labelledRoleAndStatus(row),
      createdAt: row.createdAt.toISOString(),
      activatedAt: row.activatedAt?.toISOString() ?? null,
      deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
      lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
      canChangeStatus: row.role === 'GENERAL_USER' && row.id !== caller.id && (row.status === 'ACTIVE' || row.status === 'DEACTIVATED'),
    }),
  );
}

/**
 * 停用 / 重新啟用 a 一般使用者 of the caller's institution. Deactivation revokes every session
 * of the account at once (sessionVersion bump, in the same transaction). Managers are changed
 * only by the 管理者帳號申請、異動 (B) flow, so they are refused here.
 */
export async function changeAccountStatus(
  prisma: PrismaClient,
  caller: Caller,
  accountId: string,
  change: 'deactivate' | 'reactivate',
  reason: string | undefined,
  origin: RequestOrigin,
): Promise<DecisionResult> {
  const institutionId = await institutionOf(prisma, caller);
  if (accountId === caller.id) throw new HttpError(403, 'CANNOT_CHANGE_SELF', BACK_OFFICE_MESSAGES.cannotChangeSelf);
  return prisma.$transaction(async (tx) => {
    const target = await tx.account.findFirst({
      where: { id: accountId, institutionId, role: { in: ['INSTITUTION_MANAGER', 'GENERAL_USER'] } },
      select: { id: true, role: true, status: true },
    });
    if (!target) throw notFound();
    if (target.role !== 'GENERAL_USER') throw new HttpError(403, 'MANAGER_ACCOUNT', BACK_OFFICE_MESSAGES.cannotChangeManager);
    if (!canTransition('account', change, target.status)) {
      throw new HttpError(409, 'INVALID_STATE', BACK_OFFICE_MESSAGES.accountStateChanged);
    }
    const now = new Date();
    const { to } = await applyTransition(tx, {
      type: 'account',
      name: change,
      id: target.id,
      actorId: caller.id,
      origin,
      data: change === 'deactivate' ? { deactivatedAt: now } : { deactivatedAt: null },
      auditAfter: { reason: reason?.trim() || null },
    });
    if (change === 'deactivate') await revokeAllSessions(tx, target.id, { reason: 'account-deactivated' });
    return {
      id: target.id,
      status: to,
      statusLabel: ACCOUNT_STATUS_LABELS[to as keyof typeof ACCOUNT_STATUS_LABELS],
      message: change === 'deactivate' ? BACK_OFFICE_MESSAGES.deactivated : BACK_OFFICE_MESSAGES.reactivated,
    };
  });
}
