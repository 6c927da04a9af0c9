import { createHmac } from 'node:crypto';
import type { Database, Prisma, PrismaClient } from '@portal/db';
import type { AccountRole, SessionEndReason } from '@portal/shared';
import { sessionExpired } from '../../errors/http-error.js';
import { recordAudit, type RequestOrigin } from '../audit/record-audit.js';
import { endSsoSignIns } from '../sso/sign-in-revocation.js';
import { findSessionAccount, type SessionAccount } from './session-body.js';
import { endReasonAt, idleDeadlineAfterRefresh, type SessionLifetime } from './session-lifetime.js';
import { revokeFamily, revokeFamilyForReuse, sha256Hex, type IssuedRefreshToken } from './sessions.js';

/**
 * How a refresh token is replaced (decision 002). The successor of a token is derived from it
 * (an HMAC under a key of the server), not drawn at random: so a second presentation of a token
 * rotated moments ago — two tabs of one browser refreshing at once, each sending the same
 * cookie — can be answered with the very successor the first one got, without storing any
 * token in clear, on whichever API instance it reaches. Only the holder of a token can derive
 * its successor.
 */
export interface RefreshRotation {
  /** A token rotated less than this long ago still yields its successor; later, it is reuse. */
  graceMs: number;
  successorOf(token: string): string;
}

export function refreshRotation(secret: Buffer, graceMs: number): RefreshRotation {
  // A key of its own, so the successor never equals another HMAC made with the secret (CSRF tokens).
  const key = createHmac('sha256', secret).update('refresh-token-successor').digest();
  return { graceMs, successorOf: (token) => createHmac('sha256', key).update(token).digest('base64url') };
}

export interface RefreshPolicy {
  lifetime: SessionLifetime;
  rotation: RefreshRotation;
}

export type RotationResult =
  | { kind: 'rotated'; refresh: IssuedRefreshToken; account: { id: string; role: AccountRole; sessionVersion: number } }
  /** Unknown, expired, revoked, or the account can no longer log in. */
  | { kind: 'invalid' }
  /** A token rotated longer than the grace interval ago came back: someone holds a copy; the family is revoked. */
  | { kind: 'reuse'; accountId: string; familyId: string }
  /** The login was idle too long or reached its absolute end: it is over (revoked, audited). */
  | { kind: 'expired'; reason: SessionEndReason };

const INVALID = { kind: 'invalid' } as const;

/** A successor rotated within the grace interval is followed to its own successor, this many steps at most. */
const MAX_GRACE_STEPS = 3;

const presentedRowSelect = {
  id: true,
  familyId: true,
  accountId: true,
  expiresAt: true,
  absoluteExpiresAt: true,
  rotatedAt: true,
  revokedAt: true,
  account: { select: { id: true, role: true, status: true, sessionVersion: true } },
} satisfies Prisma.SessionSelect;

type PresentedRow = Prisma.SessionGetPayload<{ select: typeof presentedRowSelect }>;

const findRow = (prisma: PrismaClient, token: string) =>
  prisma.session.findUnique({ where: { tokenHash: sha256Hex(token) }, select: presentedRowSelect });

/**
 * POST /api/auth/refresh. The old row is marked rotated with a conditional update, so of two
 * concurrent uses of one token only one inserts the successor; the other (and any presentation
 * within the grace interval) gets that same successor. A login past its idle deadline or its
 * absolute end is ended here: the family is revoked and `auth.session.expired` audited.
 */
export async function rotateRefreshToken(
  prisma: PrismaClient,
  presented: string,
  policy: RefreshPolicy,
  origin: RequestOrigin & {
    userAgent?: string | undefined;
    /** Seconds since the user's last activity, as the SPA reports it (0 when not told). */
    idleSeconds?: number | undefined;
    /** Runs once the family is known, before anything changes (the CSRF check); may throw. */
    beforeRotate?: (familyId: string) => void;
  },
): Promise<RotationResult> {
  const now = new Date();
  const row = await findRow(prisma, presented);
  if (!row) return INVALID;
  origin.beforeRotate?.(row.familyId);
  if (row.revokedAt) return INVALID;
  if (row.rotatedAt) return answerRotatedToken(prisma, row, row.rotatedAt, presented, policy, origin);
  const { lifetime } = policy;
  const idleExpiresAt = idleDeadlineAfterRefresh(lifetime, now, origin.idleSeconds ?? 0, row.absoluteExpiresAt);
  // Over when the stored deadline passed, or when the user has been away longer than the timeout.
  const ended =
    endReasonAt({ idleExpiresAt: row.expiresAt, absoluteExpiresAt: row.absoluteExpiresAt }, now) ??
    endReasonAt({ idleExpiresAt, absoluteExpiresAt: row.absoluteExpiresAt }, now);
  if (ended) {
    await endExpiredSession(prisma, row, ended, origin);
    return { kind: 'expired', reason: ended };
  }
  if (row.account.status !== 'ACTIVE') return INVALID;

  const token = policy.rotation.successorOf(presented);
  const won = await prisma.$transaction(async (tx) => {
    const claimed = await tx.session.updateMany({
      where: { id: row.id, rotatedAt: null, revokedAt: null },
      data: { rotatedAt: now },
    });
    if (claimed.count === 0) return false;
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
    return true;
  });
  if (!won) {
    // Rotated (or revoked) by a concurrent request between the read and the update: it has
    // committed by now (the update waited for its row lock), so read what it left.
    const after = await findRow(prisma, presented);
    if (!after?.rotatedAt || after.revokedAt) return INVALID;
    return answerRotatedToken(prisma, after, after.rotatedAt, presented, policy, origin);
  }
  return {
    kind: 'rotated',
    refresh: { token, familyId: row.familyId, idleExpiresAt, absoluteExpiresAt: row.absoluteExpiresAt },
    account: { id: row.account.id, role: row.account.role, sessionVersion: row.account.sessionVersion },
  };
}

/**
 * A token that was already rotated. Within the grace interval it is the same browser asking
 * twice (two tabs, a retried request): the answer is the successor the first request got, and
 * nothing is audited. After it, two parties hold the token: the family is revoked and
 * `auth.refresh.reuse-detected` audited — the legitimate user logs in again, the thief is out.
 */
async function answerRotatedToken(
  prisma: PrismaClient,
  row: PresentedRow,
  rotatedAt: Date,
  presented: string,
  policy: RefreshPolicy,
  origin: RequestOrigin,
): Promise<RotationResult> {
  const successor = await liveSuccessorWithinGrace(prisma, presented, rotatedAt, policy.rotation);
  if (successor === 'ended') return INVALID;
  if (!successor) {
    await prisma.$transaction((tx) => revokeFamilyForReuse(tx, row.accountId, row.familyId, origin));
    return { kind: 'reuse', accountId: row.accountId, familyId: row.familyId };
  }
  const { token, row: next } = successor;
  const deadlines = { idleExpiresAt: next.expiresAt, absoluteExpiresAt: next.absoluteExpiresAt };
  if (next.account.status !== 'ACTIVE' || endReasonAt(deadlines, new Date())) return INVALID;
  return {
    kind: 'rotated',
    refresh: { token, familyId: next.familyId, ...deadlines },
    account: { id: next.account.id, role: next.account.role, sessionVersion: next.account.sessionVersion },
  };
}

/**
 * The newest token of the chain that starts at `presented`, if every link of it was rotated
 * within the grace interval; 'ended' when the family has been revoked meanwhile (a logout, a
 * detected reuse: no new event); undefined when the grace is over (reuse).
 */
async function liveSuccessorWithinGrace(
  prisma: PrismaClient,
  presented: string,
  rotatedAt: Date,
  rotation: RefreshRotation,
): Promise<{ token: string; row: PresentedRow } | 'ended' | undefined> {
  let token = presented;
  let rotated = rotatedAt;
  for (let step = 0; step < MAX_GRACE_STEPS; step += 1) {
    if (Date.now() - rotated.getTime() >= rotation.graceMs) return undefined;
    token = rotation.successorOf(token);
    const next = await findRow(prisma, token);
    // No derived successor: a row rotated before successors were derived. Treated as reuse.
    if (!next) return undefined;
    if (next.revokedAt) return 'ended';
    if (!next.rotatedAt) return { token, row: next };
    rotated = next.rotatedAt;
  }
  return undefined;
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
  policy: RefreshPolicy,
  origin: Parameters<typeof rotateRefreshToken>[3],
): Promise<
  | { kind: 'rotated'; refresh: IssuedRefreshToken; account: SessionAccount & { sessionVersion: number } }
  | Exclude<RotationResult, { kind: 'rotated' }>
> {
  const result = await rotateRefreshToken(db.prisma, presented, policy, origin);
  if (result.kind !== 'rotated') return result;
  const account = await findSessionAccount(db.sql, result.account.id);
  if (!account) throw sessionExpired();
  return { kind: 'rotated', refresh: result.refresh, account: { ...account, sessionVersion: result.account.sessionVersion } };
}
