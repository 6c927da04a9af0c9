import type { SqlRunner } from '@portal/db';
import { ACCOUNT_ROLE_LABELS, type AccountRole, type Session } from '@portal/shared';

/** What the session body shows of an account; read with `findSessionAccount` (or at login). */
export type SessionAccount = {
  id: string;
  accountName: string;
  name: string;
  role: AccountRole;
  institution: { code: string; name: string } | null;
  managedSubsystems: { subsystem: { code: string; name: string; sortOrder: number } }[];
};

/**
 * The columns of a SessionAccount, institution and managed subsystems as JSON built by
 * PostgreSQL, so that one round trip answers them (alias `a` = accounts). Login reads them with
 * its own extra columns (login-records.ts).
 */
export const SESSION_ACCOUNT_COLUMNS = `a.id, a.account_name AS "accountName", a.name, a.role::text AS role,
  CASE WHEN i.id IS NULL THEN NULL ELSE json_build_object('code', i.code, 'name', i.name) END AS institution,
  COALESCE((SELECT json_agg(json_build_object('subsystem', json_build_object('code', s.code, 'name', s.name, 'sortOrder', s.sort_order)))
              FROM subsystem_managers m JOIN subsystems s ON s.id = m.subsystem_id
             WHERE m.account_id = a.id), '[]'::json) AS "managedSubsystems"`;

/** FROM clause for SESSION_ACCOUNT_COLUMNS. */
export const SESSION_ACCOUNT_FROM = 'accounts a LEFT JOIN institutions i ON i.id = a.institution_id';

/** The logged-in account for GET /api/auth/session and a refresh (one prepared round trip). */
export async function findSessionAccount(sql: SqlRunner, accountId: string): Promise<SessionAccount | undefined> {
  const rows = await sql.query<SessionAccount>(
    `SELECT ${SESSION_ACCOUNT_COLUMNS} FROM ${SESSION_ACCOUNT_FROM} WHERE a.id = $1::uuid`,
    [accountId],
    { prepared: true },
  );
  return rows[0];
}

/** What the session body tells of the cookies: the CSRF token and when things expire. */
export interface SessionBodyTimes {
  csrfToken: string;
  accessExpiresAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  idleTimeoutSeconds: number;
}

export function toSessionBody(account: SessionAccount, cookies: SessionBodyTimes): Session {
  return {
    id: account.id,
    accountName: account.accountName,
    name: account.name,
    role: account.role,
    roleLabel: ACCOUNT_ROLE_LABELS[account.role],
    institution: account.institution,
    managedSubsystems: account.managedSubsystems
      .map(({ subsystem }) => subsystem)
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map(({ code, name }) => ({ code, name })),
    csrfToken: cookies.csrfToken,
    accessExpiresAt: cookies.accessExpiresAt.toISOString(),
    idleExpiresAt: cookies.idleExpiresAt.toISOString(),
    absoluteExpiresAt: cookies.absoluteExpiresAt.toISOString(),
    idleTimeoutSeconds: cookies.idleTimeoutSeconds,
  };
}
