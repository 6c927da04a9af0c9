import { SSO_MESSAGES, ssoSessionEndedMessage, type EndSsoSessionsResult, type MySsoSessionList } from '@portal/shared';
import type { PrismaClient } from '@portal/db';
import { HttpError } from '../../errors/http-error.js';
import { recordAudit, type RequestOrigin } from '../audit/record-audit.js';
import { endSsoSignIns } from './sign-in-revocation.js';

interface GrantRow {
  client_id: string;
  subsystem_name: string;
  started_at: Date;
  count: number;
}

/**
 * 我的服務 → 子系統登入狀態: the subsystems the user is signed in to through the portal. A live
 * provider grant (oidc_payloads kind Grant) is one sign-in of one browser at one subsystem; the
 * grant's `iat` is when it began.
 */
export async function listMySsoSessions(prisma: PrismaClient, accountId: string): Promise<MySsoSessionList> {
  const rows = await prisma.$queryRaw<GrantRow[]>`
    SELECT p.client_id, s.name AS subsystem_name, to_timestamp(min((p.payload->>'iat')::bigint)) AS started_at, count(*)::int AS count
       FROM oidc_payloads p
       JOIN oidc_clients c ON c.client_id = p.client_id
       JOIN subsystems s ON s.id = c.subsystem_id
      WHERE p.kind = 'Grant' AND p.account_id = ${accountId} AND (p.expires_at IS NULL OR p.expires_at > now())
      GROUP BY p.client_id, s.name, s.sort_order
      ORDER BY s.sort_order`;
  return {
    items: rows.map((row) => ({ clientId: row.client_id, subsystemName: row.subsystem_name, startedAt: new Date(row.started_at).toISOString(), count: row.count })),
  };
}

/**
 * 登出全部 (no clientId) or 登出 of one subsystem: the same path as every revocation
 * (endSsoSignIns: the grants die, back-channel logouts are queued), audited as the user's own act.
 * 登出全部 also ends the provider session, so the next subsystem login goes through the portal.
 */
export async function endMySsoSessions(prisma: PrismaClient, accountId: string, clientId: string | undefined, origin: RequestOrigin): Promise<EndSsoSessionsResult> {
  const { items } = await listMySsoSessions(prisma, accountId);
  const ending = clientId ? items.filter((item) => item.clientId === clientId) : items;
  if (clientId && ending.length === 0) throw new HttpError(404, 'SSO_SESSION_NOT_FOUND', SSO_MESSAGES.sessionNotFound);
  await prisma.$transaction(async (tx) => {
    const { clientsNotified } = await endSsoSignIns(tx, accountId, clientId ? 'logout-one' : 'logout-all', clientId ? { clientId } : {});
    await recordAudit(
      tx,
      { actorId: accountId, action: 'sso.sessions.ended', entityType: 'account', entityId: accountId, after: { clients: ending.map((item) => item.clientId), clientsNotified } },
      origin,
    );
  });
  const message = clientId ? ssoSessionEndedMessage(ending[0]!.subsystemName) : ending.length > 0 ? SSO_MESSAGES.allSessionsEnded : SSO_MESSAGES.noSessions;
  return { message, ended: ending.map((item) => item.clientId) };
}
