import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database, Prisma, PrismaClient, SqlRunner } from '@portal/db';
import type { AccountRole, SessionEndReason } from '@portal/shared';
import { sessionExpired } from '../../errors/http-error.js';
import { findSessionAccount, type SessionAccount } from './session-body.js';
import type { RequestOrigin } from '../audit/record-audit.js';
import { recordAudit } from '../audit/record-audit.js';
import { endSsoSignIns, type SsoEndReason } from '../sso/sign-in-revocation.js';
import { endReasonAt, idleDeadlineAfterRefresh, type SessionDeadlines, type SessionLifetime } from './session-lifetime.js';
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

export type RotationResult =
  | { kind: 'rotated'; refresh: IssuedRefreshToken; account: { id: string; role: AccountRole; sessionVersion: number } }
  /** Unknown, expired, revoked, or the account can no longer log in. */
  | { kind: 'invalid' }
  /** A token that was already rotated came back: someone holds a copy; the family is revoked. */
  | { kind: 'reuse'; accountId: string; familyId: string }
  /** The login was idle too long or reached its absolute end: it is over (revoked, audited). */
  | { kind: 'expired'; reason: SessionEndReason };

/**
 * POST /api/auth/refresh. The old row is marked rotated with a conditional update, so two
 * concurrent uses of one token cannot both succeed: the loser sees it as reuse. A login past its
 * idle deadline or its absolute end is ended here (decision 002): the family is revoked and
 * `auth.session.expired` audited.
 */
export async function rotateRefreshToken(
  prisma: PrismaClient,
  presented: string,
  lifetime: SessionLifetime,
  origin: RequestOrigin & {
    userAgent?: string | undefined;
    /** Seconds since the user's last activity, as the SPA reports it (0 when not told). */
    idleSeconds?: number | undefined;
    /** Runs once the family is known, before anything changes (the CSRF check); may throw. */
    beforeRotate?: (familyId: string) => void;
  },
): Promise<RotationResult> {
  const now = new Date();
  const row = await prisma.session.findUnique({
    where: { tokenHash: sha256Hex(presented) },
    select: {
      id: true,
      familyId: true,
      accountId: true,
      expiresAt: true,
      absoluteExpiresAt: true,
      rotatedAt: true,
      revokedAt: true,
      account: { select: { id: true, role: true, status: true, sessionVersion: true } },
    },
  });
  if (!row) return { kind: 'invalid' };
  origin.beforeRotate?.(row.familyId);
  if (row.revokedAt) return { kind: 'invalid' };
  if (row.rotatedAt) {
    await revokeFamilyForReuse(prisma, row.accountId, row.familyId, origin);
    return { kind: 'reuse', accountId: row.accountId, familyId: row.familyId };
  }
  const idleExpiresAt = idleDeadlineAfterRefresh(lifetime, now, origin.idleSeconds ?? 0, row.absoluteExpiresAt);
  // Over when the stored deadline passed, or when the user has been away longer than the timeout.
  const ended =
    endReasonAt({ idleExpiresAt: row.expiresAt, absoluteExpiresAt: row.absoluteExpiresAt }, now) ??
    endReasonAt({ idleExpiresAt, absoluteExpiresAt: row.absoluteExpiresAt }, now);
  if (ended) {
    await endExpiredSession(prisma, row, ended, origin);
    return { kind: 'expired', reason: ended };
  }
  if (row.account.status !== 'ACTIVE') return { kind: 'invalid' };

  return prisma.$transaction(async (tx) => {
    const claimed = await tx.session.updateMany({
      where: { id: row.id, rotatedAt: null, revokedAt: null },
      data: { rotatedAt: now },
    });
    if (claimed.count === 0) {
      await revokeFamilyForReuse(tx, row.accountId, row.familyId, origin);
      return { kind: 'reuse', accountId: row.accountId, familyId: row.familyId } as const;
    }
    const token = newOpaqueToken();
    await tx.session.create({
      data: {
        accountId: row.accountId,
        familyId: row.familyId,
        tokenHash: sha256Hex(token),
        expiresAt: idleExpiresAt,
        absoluteExpiresAt: row.absoluteExpiresAt,
        ip: origin.ip?.slice(0, 45),
        userAgent: origin.userAgent?.slice(0, 300),
      },
    });
    return {
      kind: 'rotated',
      refresh: { token, familyId: row.familyId, idleExpiresAt, absoluteExpiresAt: row.absoluteExpiresAt },
      account: { id: row.account.id, role: row.account.role, sessionVersion: row.account.sessionVersion },
    } as const;
  });
}

/** A login that timed out: ended like a logout (every token, the subsystems' sign-ins), and audited why. */
async function endExpiredSession(
  prisma: PrismaClient,
  row: { accountId: string; familyId: string; expiresAt: Date; absoluteExpiresAt: Date },
  reason: SessionEndReason,
  origin: RequestOrigin,
) {
  await prisma.$transaction(async (tx) => {
    await revokeFamily(tx, row.familyId);
    await endSsoSignIns(tx, row.accountId, 'session-expired');
    await recordAudit(
      tx,
      {
        actorId: row.accountId,
        action: 'auth.session.expired',
        entityType: 'session',
        entityId: row.familyId,
        after: { reason, idleExpiresAt: row.expiresAt.toISOString(), absoluteExpiresAt: row.absoluteExpiresAt.toISOString() },
      },
      origin,
    );
  });
}

/**
 * POST /api/auth/refresh: the rotation, then the account as the session body shows it. An
 * account deleted in between is as good as logged out (401).
 */
export async function refreshSession(
  db: Pick<Database, 'prisma' | 'sql'>,
  presented: string,
  lifetime: SessionLifetime,
  origin: Parameters<typeof rotateRefreshToken>[3],
): Promise<
  | { kind: 'rotated'; refresh: IssuedRefreshToken; account: SessionAccount & { sessionVersion: number } }
  | Exclude<RotationResult, { kind: 'rotated' }>
> {
  const result = await rotateRefreshToken(db.prisma, presented, lifetime, origin);
  if (result.kind !== 'rotated') return result;
  const account = await findSessionAccount(db.sql, result.account.id);
  if (!account) throw sessionExpired();
  return { kind: 'rotated', refresh: result.refresh, account: { ...account, sessionVersion: result.account.sessionVersion } };
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

async function revokeFamilyForReuse(
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
