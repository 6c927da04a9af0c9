import type { Prisma, PrismaClient } from '@portal/db';

/** Statuses in which a 單位業務管理者 counts as existing for the role rule. */
export const MANAGER_HOLDING_STATUSES = ['ACTIVE', 'PENDING_VERIFICATION'] as const;

/** The accounts that count as an institution's managers for the role rule. */
export const COUNTED_MANAGERS = {
  role: 'INSTITUTION_MANAGER',
  status: { in: [...MANAGER_HOLDING_STATUSES] },
} as const satisfies Prisma.AccountWhereInput;

type Client = PrismaClient | Prisma.TransactionClient;

/** An institution's managers that count for the role rule, except `exceptAccountId`. */
export function countManagers(client: Client, institutionId: string, exceptAccountId?: string): Promise<number> {
  return client.account.count({
    where: { ...COUNTED_MANAGERS, institutionId, ...(exceptAccountId && { id: { not: exceptAccountId } }) },
  });
}

/** The same count for several institutions at once (institution id → count; absent = 0). */
export async function countManagersOf(client: Client, institutionIds: string[]): Promise<Map<string, number>> {
  if (institutionIds.length === 0) return new Map();
  const groups = await client.account.groupBy({
    by: ['institutionId'],
    where: { ...COUNTED_MANAGERS, institutionId: { in: institutionIds } },
    _count: { _all: true },
  });
  return new Map(groups.map((group) => [group.institutionId!, group._count._all]));
}
