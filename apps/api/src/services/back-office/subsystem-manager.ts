/**
 * 子系統管理者: the access requests of the subsystems the caller manages (SubsystemManager rows).
 * A request of a subsystem the caller does not manage is not found (404), whatever its id.
 */
import { Prisma, type PrismaClient } from '@portal/db';
import {
  ACCOUNT_STATUS_LABELS,
  accessStatusLabels,
  BACK_OFFICE_MESSAGES,
  BULK_SKIP_LABELS,
  type AccessRequestPage,
  type AccessStatus,
  type AccountStatus,
  type BulkApproveResult,
  type BulkSkipReason,
  type DecisionRequest,
  type DecisionResult,
  type ManagedSubsystemList,
  taipeiDayEnd,
  taipeiDayStart,
} from '@portal/shared';
import { HttpError, notFound } from '../../errors/http-error.js';
import type { RequestOrigin } from '../audit/record-audit.js';
import { enqueueTemplate, enqueueTemplates, type WithMail } from '../mail/outbox.js';
import { ACCESS_TRANSITIONS, alreadyDecided, applyTransition, canTransition } from './transitions.js';
import { overdueBefore } from './overdue.js';
import { endSsoSignIns } from '../sso/sign-in-revocation.js';

interface Deps {
  prisma: PrismaClient;
  publicOrigin: string;
}

export interface AccessQueueQuery {
  page: number;
  pageSize: number;
  subsystem?: string | undefined;
  status: AccessStatus;
  institution?: string | undefined;
  city?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
}

async function managedSubsystemIds(prisma: PrismaClient | Prisma.TransactionClient, callerId: string) {
  const rows = await prisma.subsystemManager.findMany({ where: { accountId: callerId }, select: { subsystemId: true } });
  return rows.map((row) => row.subsystemId);
}

export async function listManagedSubsystems(prisma: PrismaClient, callerId: string): Promise<ManagedSubsystemList> {
  const rows = await prisma.$queryRaw<{ code: string; name: string; pending: bigint; overdue: bigint }[]>`
    SELECT s.code, s.name,
           (SELECT count(*) FROM subsystem_accesses sa WHERE sa.subsystem_id = s.id AND sa.status = 'PENDING') AS pending,
           (SELECT count(*) FROM subsystem_accesses sa WHERE sa.subsystem_id = s.id AND sa.status = 'PENDING'
               AND sa.requested_at < ${overdueBefore(new Date())}) AS overdue
      FROM subsystem_managers m JOIN subsystems s ON s.id = m.subsystem_id
     WHERE m.account_id = ${callerId}::uuid
     ORDER BY s.sort_order, s.code`;
  return { items: rows.map((row) => ({ code: row.code, name: row.name, pendingCount: Number(row.pending), overdueCount: Number(row.overdue) })) };
}

interface QueueRow {
  id: string;
  status: AccessStatus;
  requested_at: Date;
  decided_at: Date | null;
  reason: string | null;
  account_name: string;
  applicant_name: string;
  email: string;
  account_status: AccountStatus;
  institution_code: string | null;
  institution_name: string | null;
  city: string | null;
  subsystem_code: string;
  subsystem_name: string;
  decided_by: string | null;
}

/**
 * The queue. Raw SQL so that the plan is the one we measured (bench/queue-benchmark.ts): the
 * (subsystem_id, status, requested_at) index gives the page in order, and the count skips the
 * joins unless a filter needs them.
 */
export async function listAccessRequests(prisma: PrismaClient, callerId: string, query: AccessQueueQuery): Promise<AccessRequestPage> {
  let subsystemIds = await managedSubsystemIds(prisma, callerId);
  if (query.subsystem) {
    const wanted = await prisma.subsystem.findUnique({ where: { code: query.subsystem }, select: { id: true } });
    if (!wanted || !subsystemIds.includes(wanted.id)) throw notFound();
    subsystemIds = [wanted.id];
  }
  const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  if (subsystemIds.length === 0) return empty;

  const conditions: Prisma.Sql[] = [
    // One subsystem (the usual case): plain equality, so that the index also yields the order.
    subsystemIds.length === 1
      ? Prisma.sql`sa.subsystem_id = ${subsystemIds[0]}::uuid`
      : Prisma.sql`sa.subsystem_id = ANY(${subsystemIds}::uuid[])`,
    Prisma.sql`sa.status = ${query.status}::"AccessStatus"`,
  ];
  if (query.from) conditions.push(Prisma.sql`sa.requested_at >= ${taipeiDayStart(query.from)}`);
  if (query.to) conditions.push(Prisma.sql`sa.requested_at < ${taipeiDayEnd(query.to)}`);
  const joinConditions: Prisma.Sql[] = [];
  if (query.city) joinConditions.push(Prisma.sql`i.city = ${query.city}`);
  if (query.institution) {
    joinConditions.push(
      /^\d+$/.test(query.institution)
        ? Prisma.sql`i.code LIKE ${`${query.institution}%`}`
        : Prisma.sql`i.name LIKE ${`%${escapeLike(query.institution)}%`}`,
    );
  }
  if (query.q) {
    joinConditions.push(
      Prisma.sql`(a.account_name_key LIKE ${`${escapeLike(query.q.toLowerCase())}%`} OR a.name LIKE ${`%${escapeLike(query.q)}%`})`,
    );
  }
  const where = Prisma.join([...conditions, ...joinConditions], ' AND ');
  const joins = Prisma.sql`JOIN accounts a ON a.id = sa.account_id LEFT JOIN institutions i ON i.id = a.institution_id`;
  // Pending: oldest first (first come, first served); decided: latest decision first.
  const order =
    query.status === 'PENDING'
      ? Prisma.sql`ORDER BY sa.requested_at ASC, sa.id ASC`
      : Prisma.sql`ORDER BY sa.decided_at DESC NULLS LAST, sa.id DESC`;
  const offset = (query.page - 1) * query.pageSize;

  const baseWhere = Prisma.join(conditions, ' AND ');
  // The page is chosen on subsystem_accesses alone when no filter needs the joins, so that a deep
  // OFFSET skips index entries rather than joined rows; only the 20 rows of the page are joined.
  const page =
    joinConditions.length > 0
      ? Prisma.sql`SELECT sa.* FROM subsystem_accesses sa ${joins} WHERE ${where} ${order} LIMIT ${query.pageSize} OFFSET ${offset}`
      : Prisma.sql`SELECT sa.* FROM subsystem_accesses sa WHERE ${baseWhere} ${order} LIMIT ${query.pageSize} OFFSET ${offset}`;
  const [counted, rows] = await Promise.all([
    joinConditions.length > 0
      ? prisma.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM subsystem_accesses sa ${joins} WHERE ${where}`
      : prisma.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM subsystem_accesses sa WHERE ${baseWhere}`,
    prisma.$queryRaw<QueueRow[]>`
      SELECT sa.id, sa.status::text AS status, sa.requested_at, sa.decided_at, sa.reason,
             a.account_name, a.name AS applicant_name, a.email, a.status::text AS account_status,
             i.code AS institution_code, i.name AS institution_name, i.city,
             s.code AS subsystem_code, s.name AS subsystem_name, d.account_name AS decided_by
        FROM (${page}) sa
        JOIN accounts a ON a.id = sa.account_id
        LEFT JOIN institutions i ON i.id = a.institution_id
        JOIN subsystems s ON s.id = sa.subsystem_id
        LEFT JOIN accounts d ON d.id = sa.decided_by_id
       ${order}`,
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      accountName: row.account_name,
      applicantName: row.applicant_name,
      email: row.email,
      accountStatus: row.account_status,
      accountStatusLabel: ACCOUNT_STATUS_LABELS[row.account_status],
      decidable: row.status === 'PENDING' && row.account_status === 'ACTIVE',
      institution: row.institution_code ? { code: row.institution_code, name: row.institution_name ?? '', city: row.city ?? '' } : null,
      subsystem: { code: row.subsystem_code, name: row.subsystem_name },
      status: row.status,
      statusLabel: accessStatusLabels[row.status],
      requestedAt: new Date(row.requested_at).toISOString(),
      decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
      decidedBy: row.decided_by,
      reason: row.reason,
    })),
    total: Number(counted[0]?.total ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}

function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

interface LockedAccess {
  id: string;
  status: AccessStatus;
  account_id: string;
  account_status: AccountStatus;
  account_name: string;
  name: string;
  email: string;
  subsystem_name: string;
  subsystem_code: string;
}

/**
 * Reads the requests with the caller's scope, locking each access row (FOR UPDATE) and its
 * account (FOR SHARE: a concurrent deactivation waits for this decision, or this decision sees
 * the deactivation).
 */
async function lockAccesses(tx: Prisma.TransactionClient, callerId: string, ids: string[]) {
  return tx.$queryRaw<LockedAccess[]>`
    SELECT sa.id, sa.status::text AS status, sa.account_id, a.status::text AS account_status,
           a.account_name, a.name, a.email, s.name AS subsystem_name, s.code AS subsystem_code
      FROM subsystem_accesses sa
      JOIN subsystem_managers m ON m.subsystem_id = sa.subsystem_id AND m.account_id = ${callerId}::uuid
      JOIN accounts a ON a.id = sa.account_id
      JOIN subsystems s ON s.id = sa.subsystem_id
     WHERE sa.id = ANY(${ids}::uuid[])
     ORDER BY sa.id
       FOR UPDATE OF sa
       FOR SHARE OF a`;
}

const accountNotActive = () => new HttpError(409, 'ACCOUNT_NOT_ACTIVE', BACK_OFFICE_MESSAGES.accountNotActive);

/** 核准 / 駁回 one request. */
export async function decideAccessRequest(
  deps: Deps,
  callerId: string,
  accessId: string,
  body: DecisionRequest,
  origin: RequestOrigin,
): Promise<WithMail<DecisionResult>> {
  return deps.prisma.$transaction(async (tx) => {
    const [access] = await lockAccesses(tx, callerId, [accessId]);
    if (!access) throw notFound();
    const name = body.decision === 'APPROVE' ? 'approve' : 'reject';
    if (!canTransition('subsystem-access', name, access.status)) throw alreadyDecided();
    if (access.account_status !== 'ACTIVE') throw accountNotActive();
    const reason = body.reason?.trim() || null;
    const { to } = await applyTransition(tx, {
      type: 'subsystem-access',
      name,
      id: access.id,
      actorId: callerId,
      origin,
      data: { decidedAt: new Date(), decidedById: callerId, reason },
      auditAfter: { reason, accountId: access.account_id, subsystem: access.subsystem_name },
    });
    if (name === 'approve') {
      await enqueueTemplate(tx, 'subsystem-approved', access.email, {
        origin: deps.publicOrigin,
        name: access.name,
        accountName: access.account_name,
        subsystemName: access.subsystem_name,
      });
    } else {
      await enqueueTemplate(tx, 'subsystem-rejected', access.email, {
        name: access.name,
        accountName: access.account_name,
        subsystemName: access.subsystem_name,
        reason: reason ?? '',
      });
    }
    const result = {
      id: access.id,
      status: to,
      statusLabel: accessStatusLabels[to as AccessStatus],
      message: name === 'approve' ? BACK_OFFICE_MESSAGES.approved : BACK_OFFICE_MESSAGES.rejected,
    };
    return { result, mailQueued: true };
  });
}

/** 停用 an approved access (reason required); the applicant is mailed. */
export async function revokeAccess(deps: Deps, callerId: string, accessId: string, reason: string, origin: RequestOrigin): Promise<WithMail<DecisionResult>> {
  return deps.prisma.$transaction(async (tx) => {
    const [access] = await lockAccesses(tx, callerId, [accessId]);
    if (!access) throw notFound();
    if (!canTransition('subsystem-access', 'revoke', access.status)) throw alreadyDecided();
    const { to } = await applyTransition(tx, {
      type: 'subsystem-access',
      name: 'revoke',
      id: access.id,
      actorId: callerId,
      origin,
      data: { decidedAt: new Date(), decidedById: callerId, reason },
      auditBefore: {},
      auditAfter: { reason, accountId: access.account_id, subsystem: access.subsystem_name },
    });
    // At once: the subsystem's tokens die and it is told to log the user out.
    await endSsoSignIns(tx, access.account_id, 'access-revoked', { clientId: access.subsystem_code });
    await enqueueTemplate(tx, 'subsystem-revoked', access.email, {
      name: access.name,
      accountName: access.account_name,
      subsystemName: access.subsystem_name,
      reason,
    });
    return { result: { id: access.id, status: to, statusLabel: accessStatusLabels[to as AccessStatus], message: BACK_OFFICE_MESSAGES.revoked }, mailQueued: true };
  });
}

/**
 * 批次核准: one transaction over at most 1000 requests. Each is checked like a single decision
 * (scope, PENDING, account ACTIVE) and skipped with its reason if it fails; the rest are
 * approved by ACCESS_TRANSITIONS.approve with one audit event and one mail each, written in
 * bulk (createMany) so that 1000 approvals are a handful of statements.
 */
export async function bulkApprove(deps: Deps, callerId: string, ids: string[], origin: RequestOrigin): Promise<WithMail<BulkApproveResult>> {
  const transition = ACCESS_TRANSITIONS.approve;
  return deps.prisma.$transaction(
    async (tx) => {
      const locked = await lockAccesses(tx, callerId, ids);
      const byId = new Map(locked.map((row) => [row.id, row]));
      const skipped: BulkApproveResult['skipped'] = [];
      const eligible: LockedAccess[] = [];
      const skip = (id: string, reason: BulkSkipReason) => skipped.push({ id, reason, message: BULK_SKIP_LABELS[reason] });
      for (const id of ids) {
        const row = byId.get(id);
        if (!row) skip(id, 'NOT_FOUND');
        else if (row.status !== transition.from) skip(id, 'NOT_PENDING');
        else if (row.account_status !== 'ACTIVE') skip(id, 'ACCOUNT_NOT_ACTIVE');
        else eligible.push(row);
      }
      if (eligible.length > 0) {
        const now = new Date();
        const { count } = await tx.subsystemAccess.updateMany({
          where: { id: { in: eligible.map((row) => row.id) }, status: transition.from },
          data: { status: transition.to, decidedAt: now, decidedById: callerId, reason: null },
        });
        // The rows are locked FOR UPDATE above, so nothing can have moved them in between.
        if (count !== eligible.length) throw alreadyDecided();
        await tx.auditEvent.createMany({
          data: eligible.map((row) => ({
            actorId: callerId,
            action: transition.action,
            entityType: 'subsystem-access',
            entityId: row.id,
            before: { status: transition.from },
            after: { status: transition.to, reason: null, accountId: row.account_id, subsystem: row.subsystem_name, bulk: true },
            ip: origin.ip,
            requestId: origin.requestId,
          })),
        });
        await enqueueTemplates(
          tx,
          'subsystem-approved',
          eligible.map((row) => ({
            to: row.email,
            data: { origin: deps.publicOrigin, name: row.name, accountName: row.account_name, subsystemName: row.subsystem_name },
          })),
        );
      }
      const message = `已核准 ${eligible.length} 筆${skipped.length ? `，略過 ${skipped.length} 筆` : ''}。`;
      return { result: { approved: eligible.length, skipped, message }, mailQueued: eligible.length > 0 };
    },
    { timeout: 60_000 },
  );
}
