/** 系統人員: the institution directory (create, edit, close / reopen). */
import type { Prisma, PrismaClient } from '@portal/db';
import {
  BACK_OFFICE_MESSAGES,
  institutionKindLabels,
  institutionSearchFields,
  type CreateInstitutionRequest,
  type StaffInstitution,
  type StaffInstitutionPage,
  type UpdateInstitutionRequest,
} from '@portal/shared';
import { HttpError, notFound } from '../../errors/http-error.js';
import { recordAudit, type RequestOrigin } from '../audit/record-audit.js';
import { lockInstitution } from '../institutions/institution-lock.js';
import { countManagersOf } from '../institutions/managers.js';
import { isUniqueViolation } from '../../lib/unique-violation.js';
import { findInstitutionIds, inPageOrder, type InstitutionFilter } from '../institutions/institution-search.js';

const SELECT = {
  id: true, code: true, name: true, kind: true, city: true, address: true, phone: true, closedAt: true, createdAt: true, updatedAt: true,
} as const;
type Row = Prisma.InstitutionGetPayload<{ select: typeof SELECT }>;

const toDto = (row: Row, managerCount: number): StaffInstitution => ({
  id: row.id,
  code: row.code,
  name: row.name,
  kind: row.kind,
  kindLabel: institutionKindLabels[row.kind],
  city: row.city,
  address: row.address,
  phone: row.phone,
  closedAt: row.closedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  managerCount,
});

const snapshot = (row: Row) => ({
  code: row.code, name: row.name, kind: row.kind, city: row.city, address: row.address, phone: row.phone,
  closedAt: row.closedAt?.toISOString() ?? null,
});

export async function listInstitutionsForStaff(
  prisma: PrismaClient,
  query: { page: number; pageSize: number } & InstitutionFilter,
): Promise<StaffInstitutionPage> {
  const { page, pageSize, ...filter } = query;
  const { ids, total, totalCapped } = await findInstitutionIds(prisma, filter, { page, pageSize });
  const [rows, counts] = await Promise.all([
    prisma.institution.findMany({ where: { id: { in: ids } }, select: SELECT }),
    countManagersOf(prisma, ids),
  ]);
  return { items: inPageOrder(ids, rows).map((row) => toDto(row, counts.get(row.id) ?? 0)), total, totalCapped, page, pageSize };
}

const codeTaken = () =>
  new HttpError(409, 'INSTITUTION_CODE_TAKEN', BACK_OFFICE_MESSAGES.institutionCodeTaken, { code: [BACK_OFFICE_MESSAGES.institutionCodeTaken] });

export async function createInstitution(prisma: PrismaClient, actorId: string, input: CreateInstitutionRequest, origin: RequestOrigin) {
  try {
    return await prisma.$transaction(async (tx) => {
      if (await tx.institution.findUnique({ where: { code: input.code }, select: { id: true } })) throw codeTaken();
      const row = await tx.institution.create({
        data: { code: input.code, name: input.name, ...institutionSearchFields(input.name), kind: input.kind, city: input.city, address: input.address ?? null, phone: input.phone ?? null },
        select: SELECT,
      });
      await recordAudit(tx, { actorId, action: 'institution.created', entityType: 'institution', entityId: row.id, after: snapshot(row) }, origin);
      return toDto(row, 0);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'code')) throw codeTaken();
    throw error;
  }
}

/** Every change takes the institution row lock (the one the role rule relies on). */
async function lockForChange(tx: Prisma.TransactionClient, id: string): Promise<Row> {
  if (!(await lockInstitution(tx, { id }))) throw notFound();
  return tx.institution.findUniqueOrThrow({ where: { id }, select: SELECT });
}

const managerCountOf = async (tx: Prisma.TransactionClient, id: string) => (await countManagersOf(tx, [id])).get(id) ?? 0;

export async function updateInstitution(prisma: PrismaClient, actorId: string, id: string, input: UpdateInstitutionRequest, origin: RequestOrigin) {
  return prisma.$transaction(async (tx) => {
    const before = await lockForChange(tx, id);
    const row = await tx.institution.update({
      where: { id },
      // A field left out of the request is undefined here, which Prisma leaves unchanged.
      data: {
        name: input.name,
        ...(input.name !== undefined && institutionSearchFields(input.name)),
        kind: input.kind, city: input.city, address: input.address, phone: input.phone,
      },
      select: SELECT,
    });
    await recordAudit(tx, { actorId, action: 'institution.updated', entityType: 'institution', entityId: id, before: snapshot(before), after: snapshot(row) }, origin);
    return toDto(row, await managerCountOf(tx, id));
  });
}

/**
 * 關閉 / 重新開放. A closed institution disappears from 機構查詢 and takes no new applications
 * (the application flow reads `closed_at IS NULL` under the same row lock); existing accounts
 * are left as they are (deactivating them is a separate, deliberate act).
 */
export async function setInstitutionClosed(prisma: PrismaClient, actorId: string, id: string, close: boolean, origin: RequestOrigin) {
  return prisma.$transaction(async (tx) => {
    const before = await lockForChange(tx, id);
    if (close === (before.closedAt !== null)) {
      const message = close ? BACK_OFFICE_MESSAGES.institutionAlreadyClosed : BACK_OFFICE_MESSAGES.institutionNotClosed;
      throw new HttpError(409, 'INVALID_STATE', message);
    }
    const row = await tx.institution.update({ where: { id }, data: { closedAt: close ? new Date() : null }, select: SELECT });
    await recordAudit(
      tx,
      { actorId, action: close ? 'institution.closed' : 'institution.reopened', entityType: 'institution', entityId: id, before: snapshot(before), after: snapshot(row) },
      origin,
    );
    return toDto(row, await managerCountOf(tx, id));
  });
}
