import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Prisma, PrismaClient, SqlRunner } from '@portal/db';
import type { AccountRole } from '@portal/shared';
import type { RequestOrigin } from '../audit/record-audit.js';
import { recordAudit } from '../audit/record-audit.js';
import { endSsoSignIns, type SsoEndReason } from '../sso/sign-in-revocation.js';
import type { SessionDeadlines } from './session-lifetime.js';
import { retireMailedLinks } from './mailed-links.js';

export const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');
/** 32 random bytes, base64url: refresh tokens and e-mailed one-time tokens. */
export const newOpaqueToken = () => randomBytes(32).toString('base64url');

/** A one-time token for a mailed link: the token for the link, and the hash and expiry to store. */
export function newMailedToken(ttlMinutes: number, now = new Date()) {
  const token = newOpaqueToken();
  return { token, stored: { tokenHash: sha256Hex(token), expiresAt: new Date(now.getTime() + ttlMinutes * 60_000) } };
}

/** The CSRF token of a session: bound to its family, so it survives rotation and dies with logout. */
export function csrfTokenFor(jwtSecret: Buffer, familyId: string): string {
  return createHmac('sha256', jwtSecret).update(`csrf:${familyId}`).digest('base64url');
}

export function csrfTokenMatches(jwtSecret: Buffer, familyId: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(csrfTokenFor(jwtSecret, familyId));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface IssuedRefreshToken extends SessionDeadlines {
  token: string;
  familyId: string;
}

/**
 * 登出: ends the login that `session` names (found by the route from the refresh token or,
 * failing that, the access token). `beforeEnd` runs first (the CSRF check) and may throw.
 */
export async function endSession(
  prisma: PrismaClient,
  session: { refreshToken?: string | undefined; fromAccessToken?: { accountId: string; familyId: string } | undefined },
  origin: RequestOrigin & { beforeEnd?: (familyId: string) => void },
): Promise<void> {
  const found =
    (session.refreshToken &&
      (await prisma.session.findUnique({ where: { tokenHash: sha256Hex(session.refreshToken) }, select: { accountId: true, familyId: true } }))) ||
    session.fromAccessToken;
  if (!found) return;
  origin.beforeEnd?.(found.familyId);
  const { accountId, familyId } = found;
  await prisma.$transaction(async (tx) => {
    await revokeFamily(tx, familyId);
    // Logging out of the portal logs out of the subsystems too.
    await endSsoSignIns(tx, accountId, 'logout');
    await recordAudit(tx, { actorId: accountId, action: 'auth.logout', entityType: 'session', entityId: familyId }, origin);
  });
}

export async function revokeFamilyForReuse(
  tx: Prisma.TransactionClient,
  accountId: string,
  familyId: string,
  origin: RequestOrigin,
) {
  await revokeFamily(tx, familyId);
  await recordAudit(
    tx,
    { actorId: accountId, action: 'auth.refresh.reuse-detected', entityType: 'session', entityId: familyId },
    origin,
  );
}

/** Ends one login (logout, reuse): every row of the family, so neither token works again. */
export async function revokeFamily(tx: Prisma.TransactionClient, familyId: string) {
  await tx.session.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * Ends every login of an account at once, on every API instance: the bump makes every access
 * token's `sv` stale (checked on each request), and revoking the rows kills the refresh tokens.
 * Call it inside the transaction of the change that requires it (deactivation, role change,
 * password reset); it also ends the account's sign-ins at the subsystems and retires every
 * link still waiting in its mailbox (a pending E-mail change or reset link must not outlive the
 * sessions it was asked from). Returns the new session version.
 */
export async function revokeAllSessions(
  tx: Prisma.TransactionClient,
  accountId: string,
  options: { exceptFamilyId?: string; reason?: SsoEndReason } = {},
): Promise<number> {
  const account = await tx.account.update({
    where: { id: accountId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  await tx.session.updateMany({
    where: {
      accountId,
      revokedAt: null,
      ...(options.exceptFamilyId && { familyId: { not: options.exceptFamilyId } }),
    },
    data: { revokedAt: new Date() },
  });
  // The subsystems' sign-ins go with the portal's (they would outlive it otherwise).
  await endSsoSignIns(tx, accountId, options.reason ?? 'sessions-revoked');
  await retireMailedLinks(tx, accountId);
  return account.sessionVersion;
}

export interface LiveSessionState {
  sessionVersion: number;
  status: string;
  role: AccountRole;
  familyRevoked: boolean;
}

/**
 * The check made on every authenticated request: one round trip, a primary-key read of the
 * account and an index probe of the family (sessions.family_id).
 */
export async function readLiveSessionState(
  sql: SqlRunner,
  accountId: string,
  familyId: string,
): Promise<LiveSessionState | undefined> {
  const rows = await sql.query<{ session_version: number; status: string; role: AccountRole; family_revoked: boolean }>(
    `SELECT a.session_version, a.status::text AS status, a.role::text AS role,
            EXISTS (SELECT 1 FROM sessions s WHERE s.family_id = $2::uuid AND s.revoked_at IS NOT NULL) AS family_revoked
       FROM accounts a WHERE a.id = $1::uuid`,
    [accountId, familyId],
    { prepared: true },
  );
  const row = rows[0];
  return (
    row && {
      sessionVersion: Number(row.session_version),
      status: row.status,
      role: row.role,
      familyRevoked: Boolean(row.family_revoked),
    }
  );
}
