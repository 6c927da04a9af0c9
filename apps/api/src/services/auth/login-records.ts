import { randomUUID } from 'node:crypto';
import type { SqlRunner } from '@portal/db';
import type { AccountStatus } from '@portal/shared';
import type { RequestOrigin } from '../audit/record-audit.js';
import { newOpaqueToken, sha256Hex, type IssuedRefreshToken } from './sessions.js';
import { deadlinesOfLogin, type SessionLifetime } from './session-lifetime.js';
import { SESSION_ACCOUNT_COLUMNS, SESSION_ACCOUNT_FROM, type SessionAccount } from './session-body.js';

/**
 * The two statements of a successful login, in plain SQL beside Prisma (as the per-request
 * session check is): login is the one endpoint that runs at the argon2 ceiling, and each
 * Prisma query costs the API's event loop far more than the SQL it sends. Measured with
 * `bench/login-benchmark.ts`; see docs/decisions/007-login-hot-path.md.
 */

export type LoginAccount = SessionAccount & { passwordHash: string; status: AccountStatus; sessionVersion: number };

/** The account with everything the session body shows, in one round trip. */
export async function findLoginAccount(sql: SqlRunner, accountNameKey: string): Promise<LoginAccount | undefined> {
  const rows = await sql.query<LoginAccount>(
    `SELECT ${SESSION_ACCOUNT_COLUMNS}, a.status::text AS status, a.password_hash AS "passwordHash", a.session_version AS "sessionVersion"
       FROM ${SESSION_ACCOUNT_FROM} WHERE a.account_name_key = $1`,
    [accountNameKey],
    { prepared: true },
  );
  const row = rows[0];
  return row && { ...row, sessionVersion: Number(row.sessionVersion) };
}

/**
 * Records a successful login in one statement (so atomically): stamps last_login_at, starts the
 * refresh-token family and writes the audit event. Only while the account is still active at the
 * session version read before the password check: if it was deactivated, had its role changed
 * or its password reset in between, nothing is written and the answer is undefined.
 */
export async function recordLogin(
  sql: SqlRunner,
  account: Pick<LoginAccount, 'id' | 'accountName' | 'sessionVersion'>,
  lifetime: SessionLifetime,
  origin: RequestOrigin & { userAgent?: string | undefined },
): Promise<IssuedRefreshToken | undefined> {
  const token = newOpaqueToken();
  const familyId = randomUUID();
  const now = new Date();
  const deadlines = deadlinesOfLogin(lifetime, now);
  const rows = await sql.query(
    `WITH touched AS (
       UPDATE accounts SET last_login_at = $3, updated_at = $3
        WHERE id = $1::uuid AND session_version = $2 AND status = 'ACTIVE'
       RETURNING id
     ), started AS (
       INSERT INTO sessions (id, account_id, family_id, token_hash, expires_at, absolute_expires_at, ip, user_agent, created_at)
       SELECT $4::uuid, id, $5::uuid, $6, $7, $12, $8, $9, $3 FROM touched
       RETURNING family_id
     )
     INSERT INTO audit_events (at, actor_id, action, entity_type, entity_id, after, ip, request_id)
     SELECT $3, $1::uuid, 'auth.login.succeeded', 'session', family_id::text, $10::jsonb, $8, $11 FROM started
     RETURNING id`,
    [
      account.id,
      account.sessionVersion,
      now,
      randomUUID(),
      familyId,
      sha256Hex(token),
      deadlines.idleExpiresAt,
      origin.ip?.slice(0, 45) ?? null,
      origin.userAgent?.slice(0, 300) ?? null,
      JSON.stringify({ accountName: account.accountName }),
      origin.requestId ?? null,
      deadlines.absoluteExpiresAt,
    ],
    { prepared: true },
  );
  return rows.length === 1 ? { token, familyId, ...deadlines } : undefined;
}
