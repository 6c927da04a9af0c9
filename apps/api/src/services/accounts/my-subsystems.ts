import {
  ACCOUNT_MESSAGES,
  accessStatusLabels,
  type MySubsystem,
  type MySubsystemList,
} from '@portal/shared';
import type { Prisma, PrismaClient } from '@portal/db';
import { HttpError } from '../../errors/http-error.js';
import { isUniqueViolation } from '../../lib/unique-violation.js';
import { recordAudit, type RequestOrigin } from '../audit/record-audit.js';

const accessSelect = {
  status: true,
  reason: true,
  requestedAt: true,
  decidedAt: true,
  subsystem: { select: { code: true, name: true, sortOrder: true, url: true, active: true, oidcClient: { select: { active: true } } } },
} satisfies Prisma.SubsystemAccessSelect;

type AccessRow = Prisma.SubsystemAccessGetPayload<{ select: typeof accessSelect }>;

/**
 * 進入系統 opens the subsystem's own address, which starts its login at the provider: only for
 * an approved access to an active subsystem whose client is registered and active, and only an
 * absolute http(s) address (a subsystem not yet connected keeps a placeholder path).
 */
function launchUrlOf({ status, subsystem }: AccessRow): string | null {
  const connected = subsystem.active && subsystem.oidcClient?.active === true && /^https?:\/\//.test(subsystem.url);
  return status === 'APPROVED' && connected ? subsystem.url : null;
}

function toMySubsystem(row: AccessRow): MySubsystem {
  return {
    code: row.subsystem.code,
    name: row.subsystem.name,
    status: row.status,
    statusLabel: accessStatusLabels[row.status],
    reason: row.reason,
    requestedAt: row.requestedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    launchUrl: launchUrlOf(row),
  };
}

/** Institution staff request subsystems; 子系統管理者 and 系統人員 have none. */
const canRequestSubsystems = (account: { institutionId: string | null; role: string }) =>
  account.institutionId !== null && (account.role === 'INSTITUTION_MANAGER' || account.role === 'GENERAL_USER');

export async function listMySubsystems(prisma: PrismaClient, accountId: string): Promise<MySubsystemList> {
  const account = await prisma.account.findUniqueOrThrow({
    where: { id: accountId },
    select: {
      role: true,
      institutionId: true,
      subsystemAccesses: { select: accessSelect, orderBy: { subsystem: { sortOrder: 'asc' } } },
    },
  });
  const canRequest = canRequestSubsystems(account);
  return { items: canRequest ? account.subsystemAccesses.map(toMySubsystem) : [], canRequest };
}

/**
 * 申請其他子系統: a new PENDING request, or a REJECTED one asked again (back to PENDING, the old
 * decision cleared). Pending / approved / revoked ones are refused with 409. Decided inside
 * one transaction; the unique (account, subsystem) index settles a double click.
 */
export async function requestSubsystem(
  prisma: PrismaClient,
  accountId: string,
  code: string,
  origin: RequestOrigin,
): Promise<MySubsystem> {
  try {
    return await requestSubsystemInTransaction(prisma, accountId, code, origin);
  } catch (error) {
    // Two concurrent first requests: the unique (account, subsystem) index lets one through.
    if (isUniqueViolation(error, 'subsystem_id')) {
      throw new HttpError(409, 'SUBSYSTEM_PENDING', ACCOUNT_MESSAGES.subsystemAlreadyPending);
    }
    throw error;
  }
}

function requestSubsystemInTransaction(prisma: PrismaClient, accountId: string, code: string, origin: RequestOrigin) {
  return prisma.$transaction(async (tx) => {
    const account = await tx.account.findUniqueOrThrow({ where: { id: accountId }, select: { role: true, institutionId: true } });
    if (!canRequestSubsystems(account)) throw new HttpError(403, 'FORBIDDEN', ACCOUNT_MESSAGES.subsystemNotForRole);
    const subsystem = await tx.subsystem.findFirst({ where: { code, active: true }, select: { id: true } });
    if (!subsystem) throw new HttpError(404, 'SUBSYSTEM_NOT_FOUND', ACCOUNT_MESSAGES.subsystemUnknown, { code: [ACCOUNT_MESSAGES.subsystemUnknown] });
    const existing = await tx.subsystemAccess.findUnique({
      where: { accountId_subsystemId: { accountId, subsystemId: subsystem.id } },
      select: { id: true, status: true, reason: true },
    });
    const conflict = {
      PENDING: ACCOUNT_MESSAGES.subsystemAlreadyPending,
      APPROVED: ACCOUNT_MESSAGES.subsystemAlreadyApproved,
      REVOKED: ACCOUNT_MESSAGES.subsystemRevoked,
    } as const;
    if (existing && existing.status !== 'REJECTED') {
      throw new HttpError(409, `SUBSYSTEM_${existing.status}`, conflict[existing.status]);
    }
    let row;
    if (existing) {
      const reopened = await tx.subsystemAccess.updateMany({
        where: { id: existing.id, status: 'REJECTED' },
        data: { status: 'PENDING', requestedAt: new Date(), decidedAt: null, decidedById: null, reason: null },
      });
      if (reopened.count === 0) throw new HttpError(409, 'SUBSYSTEM_PENDING', ACCOUNT_MESSAGES.subsystemAlreadyPending);
      row = await tx.subsystemAccess.findUniqueOrThrow({ where: { id: existing.id }, select: accessSelect });
    } else {
      row = await tx.subsystemAccess.create({ data: { accountId, subsystemId: subsystem.id }, select: accessSelect });
    }
    await recordAudit(
      tx,
      {
        actorId: accountId,
        action: 'subsystem-access.requested',
        entityType: 'subsystem-access',
        entityId: `${accountId}:${code}`,
        ...(existing && { before: { status: existing.status, reason: existing.reason } }),
        after: { status: 'PENDING', subsystem: code },
      },
      origin,
    );
    return toMySubsystem(row);
  });
}

