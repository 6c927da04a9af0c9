import type { Prisma } from '@portal/db';

/**
 * Ends every link still waiting in the account's mailbox: password-reset links and pending
 * e-mail-change confirmations. Called by revokeAllSessions, inside the caller's transaction,
 * whenever the password changes or is reset and whenever every session of the account ends:
 * whoever knew the old password (or held a session) must not keep a way back in through a link
 * mailed before. Conditional updates: a link being used at the same moment either was used
 * first (and its effect stands, as if before this change) or is dead.
 */
export async function retireMailedLinks(tx: Prisma.TransactionClient, accountId: string): Promise<void> {
  const now = new Date();
  await tx.passwordResetToken.updateMany({ where: { accountId, usedAt: null }, data: { usedAt: now } });
  await tx.emailChangeToken.updateMany({ where: { accountId, usedAt: null }, data: { usedAt: now } });
}
