/** 系統人員: account search by 帳號 (prefix), 姓名 (contains), 機構代碼, 身分證 (keyed hash). */
import type { NationalIdCrypto, Prisma, PrismaClient } from '@portal/db';
import {
  BACK_OFFICE_MESSAGES,
  maskNationalId,
  type AccountRole,
  type AccountStatus,
  type StaffAccountPage,
} from '@portal/shared';
import { HttpError } from '../../errors/http-error.js';
import { readPage } from '../../lib/page.js';
import { labelledRoleAndStatus } from '../accounts/account-labels.js';

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
  const select = {
    id: true, accountName: true, name: true, nationalIdCipher: true, email: true, phone: true, role: true, status: true,
    createdAt: true, lastLoginAt: true,
    institution: { select: { code: true, name: true } },
    managedSubsystems: { select: { subsystem: { select: { code: true, name: true } } } },
  } satisfies Prisma.AccountSelect;
  return readPage(
    query,
    { count: () => prisma.account.count({ where }), rows: (window) => prisma.account.findMany({ where, orderBy: { accountNameKey: 'asc' }, ...window, select }) },
    (row) => ({
      id: row.id,
      accountName: row.accountName,
      name: row.name,
      // Only the masked form leaves the server.
      nationalIdMasked: maskNationalId(crypto.decrypt(row.nationalIdCipher)),
      email: row.email,
      phone: row.phone,
      ...labelledRoleAndStatus(row),
      institution: row.institution,
      managedSubsystems: row.managedSubsystems.map((managed) => managed.subsystem),
      createdAt: row.createdAt.toISOString(),
      lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    }),
  );
}
