import type { Prisma } from '@portal/db';

/**
 * Ends every link still waiting in the account's mailbox: password-reset links and pending
 * e-mail-change confirmations. Called, inside the caller's transaction, whenever the password
 * changes or is reset: whoever knew the old password (or read the mailbox) must not keep a way
 * back in through a link mailed before.
 */
export async function retireMailedLinks(tx: Prisma.TransactionClient, accountId: string): Promise<void> {
  const now = new Date();
  await tx.passwordResetToken.updateMany({ where: { accountId, usedAt: null }, data: { usedAt: now } });
  await tx.emailChangeToken.updateMany({ where: { accountId, usedAt: null }, data: { usedAt: now } });
}
