import type { SqlRunner } from '@portal/db';
import type { AccountRole } from '@portal/shared';

/** What the provider says about an account: the claims, and whether it may enter a subsystem. */
export interface SsoAccount {
  id: string;
  accountName: string;
  name: string;
  role: AccountRole;
  active: boolean;
  institutionCode: string | null;
  institutionName: string | null;
  /** Codes of the active subsystems whose access is APPROVED. */
  subsystems: string[];
}

/**
 * One read per call: the provider asks on every authorization, token, refresh and userinfo
 * call, so that a revoked access or a deactivation holds at once, whatever tokens exist.
 */
export async function readSsoAccount(sql: SqlRunner, accountId: string): Promise<SsoAccount | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(accountId)) return undefined;
  const rows = await sql.query<{
    id: string;
    account_name: string;
    name: string;
    role: AccountRole;
    status: string;
    institution_code: string | null;
    institution_name: string | null;
    subsystems: string[] | null;
  }>(
    `SELECT a.id, a.account_name, a.name, a.role::text AS role, a.status::text AS status,
            i.code AS institution_code, i.name AS institution_name,
            (SELECT array_agg(s.code ORDER BY s.sort_order, s.code) FROM subsystem_accesses sa JOIN subsystems s ON s.id = sa.subsystem_id
              WHERE sa.account_id = a.id AND sa.status = 'APPROVED' AND s.active) AS subsystems
       FROM accounts a LEFT JOIN institutions i ON i.id = a.institution_id
      WHERE a.id = $1::uuid`,
    [accountId],
    { prepared: true },
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    id: row.id,
    accountName: row.account_name,
    name: row.name,
    role: row.role,
    active: row.status === 'ACTIVE',
    institutionCode: row.institution_code,
    institutionName: row.institution_name,
    subsystems: row.subsystems ?? [],
  };
}

/** The one rule: an ACTIVE account with APPROVED access to that subsystem (client id = code). */
export function maySignInTo(account: SsoAccount | undefined, clientId: string): account is SsoAccount {
  return account !== undefined && account.active && account.subsystems.includes(clientId);
}
