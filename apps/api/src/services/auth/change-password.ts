import type { ChangePasswordRequest, PasswordVerdict } from '@portal/shared';
import { hashPassword, type NationalIdCrypto, type PrismaClient } from '@portal/db';
import { recordAudit, type RequestOrigin } from '../audit/record-audit.js';
import { assertAcceptableNewPassword, passwordCheckSelect, rateNewPassword } from './password-reset.js';
import type { FailureCounter } from './failure-counter.js';
import { verifyCurrentPassword } from './login.js';
import { revokeAllSessions } from './sessions.js';

/**
 * 變更密碼: current password first, then the shared policy. A wrong current password counts
 * like a failed login of the account (a stolen session is no way to guess the password). Every
 * other login of the account ends (version bump + rows revoked, which also retires mailed links);
 * the caller re-issues the access token of this one with the returned version.
 */
export async function changePassword(
  deps: { prisma: PrismaClient; crypto: NationalIdCrypto; failures: FailureCounter },
  user: { id: string; familyId: string },
  input: ChangePasswordRequest,
  origin: RequestOrigin,
): Promise<{ sessionVersion: number }> {
  const account = await deps.prisma.account.findUniqueOrThrow({ where: { id: user.id }, select: passwordCheckSelect });
  await verifyCurrentPassword(deps.failures, account, input.currentPassword);
  await assertAcceptableNewPassword(account, deps.crypto, input.password);
  const passwordHash = await hashPassword(input.password);
  return deps.prisma.$transaction(async (tx) => {
    await tx.account.update({ where: { id: user.id }, data: { passwordHash } });
    const sessionVersion = await revokeAllSessions(tx, user.id, { exceptFamilyId: user.familyId, reason: 'password-changed' });
    await recordAudit(tx, { actorId: user.id, action: 'account.password.changed', entityType: 'account', entityId: user.id }, origin);
    return { sessionVersion };
  });
}

/** The meter of 變更密碼: the logged-in account's inputs rate the candidate. */
export async function ratePasswordForAccount(
  deps: { prisma: PrismaClient; crypto: NationalIdCrypto },
  accountId: string,
  password: string,
): Promise<PasswordVerdict> {
  const account = await deps.prisma.account.findUniqueOrThrow({ where: { id: accountId }, select: passwordCheckSelect });
  return rateNewPassword(account, deps.crypto, password);
}
