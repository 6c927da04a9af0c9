import type { Prisma } from '@portal/db';
import { recordAudit } from '../audit/record-audit.js';

/** Why the subsystems are told to end a user's sign-ins (recorded on each back-channel logout). */
export type SsoEndReason =
  | 'logout'
  | 'logout-all'
  | 'session-expired'
  | 'logout-one'
  | 'access-revoked'
  | 'account-deactivated'
  | 'role-changed'
  | 'password-reset'
  | 'password-changed'
  | 'sessions-revoked'
  | 'client-disabled';

/**
 * Ends an account's sign-ins at the subsystems, inside the caller's transaction, so that it
 * holds exactly when the change that requires it commits: every revocation path calls it
 * (revokeAllSessions for deactivation, role change and password reset; logout; a revoked
 * subsystem access, with `clientId`).
 *
 * It deletes the provider's rows of the account (its provider sessions, grants, codes, access
 * and refresh tokens; with `clientId` only those of that subsystem), so that refresh and
 * userinfo fail at once and the next authorization starts afresh; and it queues a back-channel
 * logout for each subsystem that had a grant and takes one, sent after commit and retried by the
 * provider's dispatcher (oidc/backchannel.ts).
 */
export async function endSsoSignIns(
  tx: Prisma.TransactionClient,
  accountId: string,
  reason: SsoEndReason,
  options: { clientId?: string } = {},
): Promise<{ clientsNotified: string[] }> {
  const clientFilter = options.clientId ? { clientId: options.clientId } : {};
  const grants = await tx.oidcPayload.findMany({
    where: { kind: 'Grant', accountId, ...clientFilter },
    select: { id: true, clientId: true },
  });
  const grantIds = grants.map((grant) => grant.id);
  await tx.oidcPayload.deleteMany({
    where: {
      OR: [
        { accountId, ...clientFilter },
        ...(grantIds.length > 0 ? [{ grantId: { in: grantIds } }] : []),
      ],
      // A provider session spans every subsystem: it ends only when all of them do.
      ...(options.clientId && { NOT: { kind: 'Session' } }),
    },
  });
  const clientIds = [...new Set(grants.map((grant) => grant.clientId).filter((id): id is string => id !== null))].sort();
  if (clientIds.length === 0) return { clientsNotified: [] };
  // On the record as its own event: the change that caused it (logout, revocation …) has its own.
  await recordAudit(
    tx,
    { actorLabel: 'system', action: 'sso.grants.revoked', entityType: 'account', entityId: accountId, after: { reason, clients: clientIds } },
    {},
  );
  const listening = await tx.oidcClient.findMany({
    where: { clientId: { in: clientIds }, backchannelLogoutUri: { not: null }, active: true },
    select: { clientId: true },
  });
  const clientsNotified = listening.map((client) => client.clientId).sort();
  if (clientsNotified.length > 0) {
    await tx.backchannelLogout.createMany({ data: clientsNotified.map((clientId) => ({ clientId, accountId, reason })) });
  }
  return { clientsNotified };
}
