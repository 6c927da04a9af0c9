import {
  accountNameKey,
  MANAGER_REQUEST_MESSAGES as M,
  type CardSignature,
  type CreateManagerRequest,
  type ManagerRequestKind,
  type OnlineManagerRequestKind,
} from '@portal/shared';
import type { Prisma } from '@portal/db';
import { recordAudit, type RequestOrigin } from '../audit/record-audit.js';
import type { WithMail } from '../mail/outbox.js';
import { addWorkingDays } from '../../lib/working-days.js';
import { withNewApplicationNumber } from '../../lib/application-number.js';
import { isUniqueViolation } from '../../lib/unique-violation.js';
import { cardFacts, consumeAndVerify } from './card.js';
import {
  applyEffect,
  audit,
  leavesWithoutManager,
  lockRequestInstitution,
  mailAccountActivated,
  mailDecision,
  mailReceived,
  nowOf,
  type ManagerRequestDeps,
} from './core.js';
import { refuseRequest } from './errors.js';
import { managerRequestSelect, OPEN_STATUSES, type ManagerRequestRow } from './view.js';

/** Three working days: the administration's guide promises 系統人員將在三個工作天內協助開通完成. */
export const REVIEW_WORKING_DAYS = 3;

const actorSelect = { id: true, accountName: true, role: true, status: true, institutionId: true } as const;
type ActorRow = Prisma.AccountGetPayload<{ select: typeof actorSelect }>;

/**
 * Who may start what (the target of the request, or a refusal):
 * B by a manager for themself, or by another ACTIVE manager of the same institution for a
 * colleague; C-a by a 一般使用者 for themself; C-b by a manager for themself.
 */
async function resolveTarget(
  tx: Prisma.TransactionClient,
  actorId: string,
  input: { kind: OnlineManagerRequestKind; targetAccountName?: string | undefined },
): Promise<{ actor: ActorRow; target: ActorRow & { institutionId: string } }> {
  const actor = await tx.account.findUniqueOrThrow({ where: { id: actorId }, select: actorSelect });
  if (actor.status !== 'ACTIVE' || !actor.institutionId) throw refuseRequest('MANAGER_REQUEST_NOT_ALLOWED');
  const forColleague =
    input.targetAccountName !== undefined && accountNameKey(input.targetAccountName) !== accountNameKey(actor.accountName);
  if (forColleague && input.kind !== 'B') throw refuseRequest('MANAGER_REQUEST_NOT_ALLOWED');

  let target: ActorRow = actor;
  if (forColleague) {
    if (actor.role !== 'INSTITUTION_MANAGER') throw refuseRequest('MANAGER_REQUEST_NOT_ALLOWED');
    const colleague = await tx.account.findUnique({ where: { accountNameKey: accountNameKey(input.targetAccountName!) }, select: actorSelect });
    if (!colleague || colleague.institutionId !== actor.institutionId) throw refuseRequest('MANAGER_REQUEST_TARGET_NOT_FOUND');
    target = colleague;
  }
  switch (input.kind) {
    case 'B':
      if (target.role !== 'INSTITUTION_MANAGER') throw refuseRequest('MANAGER_REQUEST_WRONG_ROLE', M.targetNotManager);
      break;
    case 'C_A':
      if (target.role !== 'GENERAL_USER') throw refuseRequest('MANAGER_REQUEST_WRONG_ROLE', M.onlyGeneralUserCanUpgrade);
      break;
    case 'C_B':
      if (target.role !== 'INSTITUTION_MANAGER') throw refuseRequest('MANAGER_REQUEST_WRONG_ROLE', M.onlyManagerCanDowngrade);
      break;
  }
  if (target.status !== 'ACTIVE') throw refuseRequest('MANAGER_REQUEST_ACCOUNT_NOT_ACTIVE');
  return { actor, target: target as ActorRow & { institutionId: string } };
}

export async function previewManagerRequest(deps: ManagerRequestDeps, actorId: string, input: CreateManagerRequest) {
  return deps.prisma.$transaction(async (tx) => {
    const { target } = await resolveTarget(tx, actorId, input as { kind: OnlineManagerRequestKind; targetAccountName?: string });
    const leaves = await leavesWithoutManager(tx, input.kind, target);
    return { leavesInstitutionWithoutManager: leaves, warning: leaves ? M.noManagerLeftWarning : null };
  });
}

/** POST /api/manager-requests: B / C-a / C-b, AWAITING_VERIFICATION; one open request per account. */
export async function createManagerRequest(
  deps: ManagerRequestDeps,
  actorId: string,
  input: { kind: OnlineManagerRequestKind; targetAccountName?: string | undefined },
  origin: RequestOrigin,
): Promise<{ row: ManagerRequestRow; leavesInstitutionWithoutManager: boolean }> {
  try {
    return await withNewApplicationNumber('MR', 'request_no', () => nowOf(deps), (requestNo) => deps.prisma.$transaction(async (tx) => {
      const { target } = await resolveTarget(tx, actorId, input);
      if (await tx.managerRequest.findUnique({ where: { openAccountId: target.id }, select: { id: true } })) {
        throw refuseRequest('MANAGER_REQUEST_ALREADY_OPEN');
      }
      const now = nowOf(deps);
      const row = await tx.managerRequest.create({
        data: {
          requestNo,
          kind: input.kind,
          status: 'AWAITING_VERIFICATION',
          accountId: target.id,
          openAccountId: target.id,
          requestedById: actorId,
          institutionId: target.institutionId,
          submittedAt: now,
        },
        select: managerRequestSelect,
      });
      const leaves = await leavesWithoutManager(tx, input.kind, target);
      await audit(tx, { id: actorId }, 'manager-request.created', row.id, { kind: row.kind, requestNo: row.requestNo, accountId: target.id, leavesInstitutionWithoutManager: leaves }, origin);
      return { row, leavesInstitutionWithoutManager: leaves };
    }));
  } catch (error) {
    // The unique index on open_account_id settles two concurrent creations.
    if (isUniqueViolation(error, 'open_account_id')) throw refuseRequest('MANAGER_REQUEST_ALREADY_OPEN');
    throw error;
  }
}

/** A request the actor started or that concerns them; anything else is "not found". */
export async function findOwnRequest(deps: ManagerRequestDeps, actorId: string, id: string) {
  const row = await deps.prisma.managerRequest.findUnique({ where: { id }, select: managerRequestSelect });
  if (!row || (row.accountId !== actorId && row.requestedById !== actorId)) throw refuseRequest('MANAGER_REQUEST_NOT_FOUND');
  return row;
}

/** The actor's own request, still waiting for a card or paper (the card steps need one). */
export async function findOwnOpenRequest(deps: ManagerRequestDeps, actorId: string, id: string) {
  const row = await findOwnRequest(deps, actorId, id);
  if (!(OPEN_STATUSES as readonly string[]).includes(row.status)) throw refuseRequest('MANAGER_REQUEST_NOT_AWAITING_VERIFICATION');
  return row;
}

export async function listOwnRequests(deps: ManagerRequestDeps, actorId: string) {
  const rows = await deps.prisma.managerRequest.findMany({
    where: { OR: [{ accountId: actorId }, { requestedById: actorId }] },
    orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
    take: 50,
    select: managerRequestSelect,
  });
  const actor = await deps.prisma.account.findUniqueOrThrow({ where: { id: actorId }, select: { role: true } });
  const open = rows.find((row) => row.accountId === actorId && (OPEN_STATUSES as readonly string[]).includes(row.status)) ?? null;
  const availableKinds: OnlineManagerRequestKind[] = open
    ? []
    : actor.role === 'INSTITUTION_MANAGER'
      ? ['B', 'C_B']
      : actor.role === 'GENERAL_USER'
        ? ['C_A']
        : [];
  return { rows, open, availableKinds };
}

/**
 * Card verification of a B / C-a / C-b request: the request (open) becomes APPROVED by CARD and
 * its effect applies, in one transaction under the institution lock.
 */
export async function applyRequestByCard(
  deps: ManagerRequestDeps,
  actorId: string,
  requestId: string,
  signature: CardSignature,
  origin: RequestOrigin,
): Promise<WithMail<ManagerRequestRow>> {
  const { card } = await consumeAndVerify(deps, signature, { accountId: actorId, managerRequestId: requestId }, origin);
  return deps.prisma.$transaction(async (tx) => {
    const request = await tx.managerRequest.findUniqueOrThrow({ where: { id: requestId }, select: managerRequestSelect });
    await lockRequestInstitution(tx, request.institutionId);
    const now = nowOf(deps);
    const closed = await tx.managerRequest.updateMany({
      where: { id: requestId, status: { in: [...OPEN_STATUSES] } },
      data: { status: 'APPROVED', verificationMethod: 'CARD', decidedAt: now, openAccountId: null },
    });
    if (closed.count === 0) throw refuseRequest('MANAGER_REQUEST_NOT_AWAITING_VERIFICATION');
    const effect = await applyEffect(tx, request, 'CARD', now);
    await audit(tx, { id: actorId }, 'manager-request.applied', requestId, { kind: request.kind, method: 'CARD', card: cardFacts(card), ...effect }, origin);
    await mailDecision(tx, deps, request, { decision: 'APPROVED' });
    return { result: await tx.managerRequest.findUniqueOrThrow({ where: { id: requestId }, select: managerRequestSelect }), mailQueued: true };
  });
}

/**
 * A pending 單位業務管理者 verified by card: the account is active at once; an open A request
 * (the paper path chosen earlier) is closed as approved by card. Only challenges issued for a
 * pending application (not bound to a B / C request) are accepted.
 */
export async function activatePendingManagerByCard(
  deps: ManagerRequestDeps,
  signature: CardSignature,
  origin: RequestOrigin,
): Promise<WithMail<void>> {
  const { challenge, card } = await consumeAndVerify(deps, signature, { managerRequestId: null }, origin);
  if (!challenge.accountId) throw refuseRequest('PENDING_APPLICATION_NOT_FOUND');
  const account = await deps.prisma.account.findUnique({
    where: { id: challenge.accountId },
    select: { id: true, institution: { select: { id: true } } },
  });
  if (!account?.institution) throw refuseRequest('PENDING_APPLICATION_NOT_FOUND');
  const institutionId = account.institution.id;
  await deps.prisma.$transaction(async (tx) => {
    await lockRequestInstitution(tx, institutionId);
    const now = nowOf(deps);
    await applyEffect(tx, { id: '', kind: 'A', accountId: account.id }, 'CARD', now);
    const open = await tx.managerRequest.findUnique({ where: { openAccountId: account.id }, select: { id: true, kind: true } });
    if (open?.kind === 'A') {
      await tx.managerRequest.update({
        where: { id: open.id },
        data: { status: 'APPROVED', verificationMethod: 'CARD', decidedAt: now, openAccountId: null },
      });
    }
    await recordAudit(
      tx,
      {
        actorId: account.id,
        action: 'account.activated',
        entityType: 'account',
        entityId: account.id,
        after: { method: 'CARD', card: cardFacts(card), ...(open && { managerRequestId: open.id }) },
      },
      origin,
    );
    await mailAccountActivated(tx, deps, account.id);
  });
  return { result: undefined, mailQueued: true };
}

/** 紙本審核 chosen: PENDING_REVIEW, due in three working days; the 已受理 mail. Idempotent. */
export async function choosePaper(
  deps: ManagerRequestDeps,
  actorId: string | null,
  requestId: string,
  origin: RequestOrigin,
): Promise<WithMail<ManagerRequestRow>> {
  return deps.prisma.$transaction(async (tx) => {
    const now = nowOf(deps);
    const dueAt = addWorkingDays(now, REVIEW_WORKING_DAYS, deps.calendar);
    const moved = await tx.managerRequest.updateMany({
      where: { id: requestId, status: 'AWAITING_VERIFICATION' },
      data: { status: 'PENDING_REVIEW', verificationMethod: 'PAPER', submittedAt: now, dueAt },
    });
    const row = await tx.managerRequest.findUniqueOrThrow({ where: { id: requestId }, select: managerRequestSelect });
    if (moved.count === 1) {
      await audit(tx, { id: actorId }, 'manager-request.paper-chosen', requestId, { dueAt: dueAt.toISOString() }, origin);
      await mailReceived(tx, { ...row, dueAt });
    } else if (row.status !== 'PENDING_REVIEW') {
      throw refuseRequest('MANAGER_REQUEST_NOT_AWAITING_VERIFICATION');
    }
    return { result: row, mailQueued: moved.count === 1 };
  });
}

/** The pending applicant's A request, made (or moved) to the paper path. */
export async function ensurePaperRequestA(
  deps: ManagerRequestDeps,
  applicant: { id: string; institution: { id: string } },
  origin: RequestOrigin,
): Promise<WithMail<ManagerRequestRow>> {
  let id: string;
  try {
    id = await withNewApplicationNumber('MR', 'request_no', () => nowOf(deps), (requestNo) => deps.prisma.$transaction(async (tx) => {
      const open = await tx.managerRequest.findUnique({ where: { openAccountId: applicant.id }, select: { id: true } });
      if (open) return open.id;
      const now = nowOf(deps);
      const created = await tx.managerRequest.create({
        data: {
          requestNo,
          kind: 'A',
          status: 'AWAITING_VERIFICATION',
          accountId: applicant.id,
          openAccountId: applicant.id,
          requestedById: applicant.id,
          institutionId: applicant.institution.id,
          submittedAt: now,
        },
        select: { id: true },
      });
      await tx.account.update({ where: { id: applicant.id }, data: { verificationMethod: 'PAPER' } });
      await audit(tx, { id: applicant.id }, 'manager-request.created', created.id, { kind: 'A' }, origin);
      return created.id;
    }));
  } catch (error) {
    if (!isUniqueViolation(error, 'open_account_id')) throw error;
    id = (await deps.prisma.managerRequest.findUniqueOrThrow({ where: { openAccountId: applicant.id }, select: { id: true } })).id;
  }
  return choosePaper(deps, applicant.id, id, origin);
}

export async function cancelRequest(deps: ManagerRequestDeps, actorId: string, requestId: string, origin: RequestOrigin) {
  return deps.prisma.$transaction(async (tx) => {
    const cancelled = await tx.managerRequest.updateMany({
      where: { id: requestId, status: { in: [...OPEN_STATUSES] } },
      data: { status: 'CANCELLED', openAccountId: null, decidedAt: nowOf(deps) },
    });
    if (cancelled.count === 0) throw refuseRequest('MANAGER_REQUEST_NOT_AWAITING_VERIFICATION');
    await audit(tx, { id: actorId }, 'manager-request.cancelled', requestId, {}, origin);
    return tx.managerRequest.findUniqueOrThrow({ where: { id: requestId }, select: managerRequestSelect });
  });
}

export type { ManagerRequestKind };
