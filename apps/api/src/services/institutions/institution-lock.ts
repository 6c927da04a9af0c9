import { Prisma } from '@portal/db';

export interface LockedInstitution {
  id: string;
  code: string;
  name: string;
  closedAt: Date | null;
}

/**
 * The institution-row lock (SELECT … FOR UPDATE) that the role rule relies on. Every change to
 * "does this institution have a 單位業務管理者" takes it inside its transaction before it reads
 * or writes: an application deciding whether 一般使用者 may be applied for, the activation of a
 * manager, the effects of B / C-a / C-b, and 系統人員's edits and closing of the institution.
 * So the rule is always checked against committed state, whichever transaction comes first.
 * Undefined when there is no such institution.
 */
export async function lockInstitution(
  tx: Prisma.TransactionClient,
  where: { id: string } | { code: string },
): Promise<LockedInstitution | undefined> {
  const condition = 'id' in where ? Prisma.sql`id = ${where.id}::uuid` : Prisma.sql`code = ${where.code}`;
  const [row] = await tx.$queryRaw<LockedInstitution[]>`
    SELECT id, code, name, closed_at AS "closedAt" FROM institutions WHERE ${condition} FOR UPDATE`;
  return row;
}
