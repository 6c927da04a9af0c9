import type { PrismaClient } from '@portal/db';
import type { RequestOrigin } from '../audit/record-audit.js';
import { recordAudit } from '../audit/record-audit.js';
import { endSsoSignIns } from './sign-in-revocation.js';

/** A user entered a subsystem through the portal's login hand-over: on the record. */
export async function recordSsoSignIn(prisma: PrismaClient, accountId: string, clientId: string, origin: RequestOrigin): Promise<void> {
  await prisma.$transaction((tx) =>
    recordAudit(tx, { actorId: accountId, action: 'sso.sign-in', entityType: 'oidc_client', entityId: clientId, after: { acr: 'pwd' } }, origin),
  );
}

/** 登出 asked by a subsystem and confirmed by the user: every subsystem sign-in of the account ends. */
export async function endSsoLogout(prisma: PrismaClient, accountId: string, origin: RequestOrigin): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const { clientsNotified } = await endSsoSignIns(tx, accountId, 'logout');
    await recordAudit(tx, { actorId: accountId, action: 'sso.logout', entityType: 'account', entityId: accountId, after: { clientsNotified } }, origin);
  });
}
