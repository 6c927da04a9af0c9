/**
 * 系統人員: subsystems and their managers.
 *
 * Who can be a 子系統管理者: only an ACTIVE account that belongs to no institution and holds
 * the SUBSYSTEM_MANAGER role. Institution staff (單位業務管理者, 一般使用者) are never given it:
 * one account, one role, so that an institution role and a subsystem queue never mix and the
 * authorization of every route stays a plain role check. Removing an account's last assignment
 * keeps its SUBSYSTEM_MANAGER role with an empty queue (it sees no request); the account itself
 * is deactivated, if wanted, as a separate act. See docs/decisions/005.
 */
import type { Prisma, PrismaClient } from '@portal/db';
import { BACK_OFFICE_MESSAGES, type StaffSubsystem, type StaffSubsystemList, type UpdateSubsystemRequest } from '@portal/shared';
import { HttpError, notFound } from '../../errors/http-error.js';
import { recordAudit, type RequestOrigin } from '../audit/record-audit.js';
import { isUniqueViolation } from '../../lib/unique-violation.js';

type Client = PrismaClient | Prisma.TransactionClient;

async function loadSubsystems(prisma: Client, where: Prisma.SubsystemWhereInput): Promise<StaffSubsystem[]> {
  const rows = await prisma.subsystem.findMany({
    where,
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    include: {
      managers: {
        orderBy: { assignedAt: 'asc' },
        include: { account: { select: { id: true, accountName: true, name: true, status: true } } },
      },
      _count: { select: { accesses: { where: { status: 'PENDING' } } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    url: row.url,
    sortOrder: row.sortOrder,
    active: row.active,
    managers: row.managers.map((manager) => ({
      accountId: manager.account.id,
      accountName: manager.account.accountName,
      name: manager.account.name,
      status: manager.account.status,
      assignedAt: manager.assignedAt.toISOString(),
    })),
    pendingCount: row._count.accesses,
  }));
}

export async function listSubsystemsForStaff(prisma: PrismaClient): Promise<StaffSubsystemList> {
  return { items: await loadSubsystems(prisma, {}) };
}

async function oneSubsystem(prisma: Client, id: string) {
  const [row] = await loadSubsystems(prisma, { id });
  if (!row) throw notFound();
  return row;
}

const nameTaken = () => new HttpError(409, 'SUBSYSTEM_NAME_TAKEN', BACK_OFFICE_MESSAGES.subsystemNameTaken, { name: [BACK_OFFICE_MESSAGES.subsystemNameTaken] });

export async function updateSubsystem(prisma: PrismaClient, actorId: string, id: string, input: UpdateSubsystemRequest, origin: RequestOrigin) {
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await tx.subsystem.findUnique({ where: { id } });
      if (!before) throw notFound();
      if (input.name && input.name !== before.name && (await tx.subsystem.findUnique({ where: { name: input.name }, select: { id: true } }))) {
        throw nameTaken();
      }
      const after = await tx.subsystem.update({
        where: { id },
        // A field left out of the request is undefined here, which Prisma leaves unchanged.
        data: { name: input.name, description: input.description, url: input.url, sortOrder: input.sortOrder, active: input.active },
      });
      const pick = (row: typeof before) => ({ name: row.name, description: row.description, url: row.url, sortOrder: row.sortOrder, active: row.active });
      await recordAudit(tx, { actorId, action: 'subsystem.updated', entityType: 'subsystem', entityId: id, before: pick(before), after: pick(after) }, origin);
      return oneSubsystem(tx, id);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'name')) throw nameTaken();
    throw error;
  }
}

export async function assignSubsystemManager(prisma: PrismaClient, actorId: string, subsystemId: string, accountId: string, origin: RequestOrigin) {
  return prisma.$transaction(async (tx) => {
    const subsystem = await tx.subsystem.findUnique({ where: { id: subsystemId }, select: { id: true, code: true } });
    if (!subsystem) throw notFound();
    const account = await tx.account.findUnique({ where: { id: accountId }, select: { id: true, role: true, status: true, institutionId: true, accountName: true } });
    if (!account) throw notFound();
    if (account.role !== 'SUBSYSTEM_MANAGER' || account.institutionId !== null) {
      throw new HttpError(409, 'NOT_ELIGIBLE', BACK_OFFICE_MESSAGES.managerAccountNotEligible, { accountId: [BACK_OFFICE_MESSAGES.managerAccountNotEligible] });
    }
    if (account.status !== 'ACTIVE') throw new HttpError(409, 'ACCOUNT_NOT_ACTIVE', BACK_OFFICE_MESSAGES.managerAccountNotActive);
    const created = await tx.subsystemManager.createMany({ data: [{ accountId, subsystemId, assignedById: actorId }], skipDuplicates: true });
    if (created.count === 0) throw new HttpError(409, 'ALREADY_ASSIGNED', BACK_OFFICE_MESSAGES.managerAlreadyAssigned);
    await recordAudit(
      tx,
      { actorId, action: 'subsystem-manager.assigned', entityType: 'subsystem', entityId: subsystemId, before: { manager: null }, after: { manager: account.accountName, accountId, subsystem: subsystem.code } },
      origin,
    );
    return oneSubsystem(tx, subsystemId);
  });
}

export async function removeSubsystemManager(prisma: PrismaClient, actorId: string, subsystemId: string, accountId: string, origin: RequestOrigin) {
  return prisma.$transaction(async (tx) => {
    const subsystem = await tx.subsystem.findUnique({ where: { id: subsystemId }, select: { id: true, code: true } });
    if (!subsystem) throw notFound();
    const removed = await tx.subsystemManager.deleteMany({ where: { accountId, subsystemId } });
    if (removed.count === 0) throw new HttpError(404, 'NOT_ASSIGNED', BACK_OFFICE_MESSAGES.managerNotAssigned);
    const account = await tx.account.findUnique({ where: { id: accountId }, select: { accountName: true } });
    await recordAudit(
      tx,
      { actorId, action: 'subsystem-manager.removed', entityType: 'subsystem', entityId: subsystemId, before: { manager: account?.accountName ?? null, accountId, subsystem: subsystem.code }, after: { manager: null } },
      origin,
    );
    return oneSubsystem(tx, subsystemId);
  });
}
