import { accountNameKey, type PendingApplicationCredentials } from '@portal/shared';
import { verifyPassword } from '@portal/db';
import type { RequestOrigin } from '../audit/record-audit.js';
import type { FailureCounter } from '../auth/failure-counter.js';
import { reserveLoginAttempt } from '../auth/login.js';
import { audit, type ManagerRequestDeps } from './core.js';
import { refuseRequest } from './errors.js';
import { managerRequestSelect } from './view.js';

export interface PendingApplicant {
  id: string;
  accountName: string;
  name: string;
  email: string;
  institution: { id: string; code: string; name: string };
}

/**
 * A pending 單位業務管理者 cannot log in; these endpoints take the account name and password
 * instead. Same cost and same answer for an unknown name, a wrong password and an account that
 * is not a pending manager application; failures count against the login's per-account limit,
 * so this is no side door for guessing passwords.
 */
export async function authenticatePendingApplicant(
  deps: Pick<ManagerRequestDeps, 'prisma'> & { failures: FailureCounter; dummyPasswordHash: string },
  input: PendingApplicationCredentials,
  origin: RequestOrigin,
): Promise<PendingApplicant> {
  const failureKey = await reserveLoginAttempt(deps.failures, input.accountName);
  const account = await deps.prisma.account.findUnique({
    where: { accountNameKey: accountNameKey(input.accountName) },
    select: {
      id: true,
      accountName: true,
      name: true,
      email: true,
      role: true,
      status: true,
      passwordHash: true,
      institution: { select: { id: true, code: true, name: true } },
    },
  });
  const passwordOk = await verifyPassword(account?.passwordHash ?? deps.dummyPasswordHash, input.password);
  if (!account || !passwordOk) {
    await audit(deps.prisma, { id: null, label: 'anonymous' }, 'manager-request.applicant-auth.failed', undefined, { accountName: input.accountName }, origin);
    throw refuseRequest('PENDING_APPLICATION_NOT_FOUND');
  }
  await deps.failures.reset(failureKey);
  if (account.role !== 'INSTITUTION_MANAGER' || account.status !== 'PENDING_VERIFICATION' || !account.institution) {
    throw refuseRequest('PENDING_APPLICATION_NOT_FOUND');
  }
  return { id: account.id, accountName: account.accountName, name: account.name, email: account.email, institution: account.institution };
}

/** The pending applicant's A request (the latest), as the paper-review page shows it. */
export async function findPendingRequestA(deps: Pick<ManagerRequestDeps, 'prisma'>, applicant: PendingApplicant) {
  const row = await deps.prisma.managerRequest.findFirst({
    where: { accountId: applicant.id, kind: 'A' },
    orderBy: { submittedAt: 'desc' },
    select: managerRequestSelect,
  });
  if (!row) throw refuseRequest('MANAGER_REQUEST_NOT_FOUND');
  return row;
}
