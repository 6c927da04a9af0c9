/** 系統人員: account search by 帳號 (prefix), 姓名 (contains), 機構代碼, 身分證 (keyed hash). */
import type { NationalIdCrypto, Prisma, PrismaClient } from '@portal/db';
import {
  ACCOUNT_ROLE_LABELS,
  ACCOUNT_STATUS_LABELS,
  BACK_OFFICE_MESSAGES,
  maskNationalId,
  type AccountRole,
  type AccountStatus,
  type StaffAccountPage,
} from '@portal/shared';
import { HttpError } from '../../errors/http-error.js';

export interface StaffAccountSearch {
  page: number;
  pageSize: number;
  accountName?: string | undefined;
  name?: string | undefined;
  institutionCode?: string | undefined;
  nationalId?: string | undefined;
  role?: AccountRole | undefined;
  status?: AccountStatus | undefined;
}

export async function searchAccounts(prisma: PrismaClient, crypto: NationalIdCrypto, query: StaffAccountSearch): Promise<StaffAccountPage> {
  if (!query.accountName && !query.name && !query.institutionCode && !query.nationalId && !query.role && !query.status) {
    throw new HttpError(400, 'SEARCH_CRITERIA_REQUIRED', BACK_OFFICE_MESSAGES.searchCriteriaRequired);
  }
  const where: Prisma.AccountWhereInput = {
    ...(query.accountName && { accountNameKey: { startsWith: query.accountName.toLowerCase() } }),
    ...(query.name && { name: { contains: query.name } }),
    ...(query.institutionCode && { institution: { code: query.institutionCode } }),
    // Never decrypted for the search: the keyed hash of the normalised value is an index probe.
    ...(query.nationalId && { nationalIdHash: crypto.lookupHash(query.nationalId) }),
    ...(query.role && { role: query.role }),
    ...(query.status && { status: query.status }),
  };
  const [total, rows] = await Promise.all([
    prisma.account.count({ where }),
    prisma.account.findMany({
      where,
      orderBy: { accountNameKey: 'asc' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        id: true, accountName: true, name: true, nationalIdCipher: true, email: true, phone: true, role: true, status: true,
        createdAt: true, lastLoginAt: true,
        institution: { select: { code: true, name: true } },
        managedSubsystems: { select: { subsystem: { select: { code: true, name: true } } } },
      },
    }),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      accountName: row.accountName,
      name: row.name,
      // Only the masked form leaves the server.
      nationalIdMasked: maskNationalId(crypto.decrypt(row.nationalIdCipher)),
      email: row.email,
      phone: row.phone,
      role: row.role,
      roleLabel: ACCOUNT_ROLE_LABELS[row.role],
      status: row.status,
      statusLabel: ACCOUNT_STATUS_LABELS[row.status],
      institution: row.institution,
      managedSubsystems: row.managedSubsystems.map((managed) => managed.subsystem),
      createdAt: row.createdAt.toISOString(),
      lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
