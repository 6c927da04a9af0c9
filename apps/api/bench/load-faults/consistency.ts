/**
 * What the database holds after the load-and-fault run, against what the clients were told:
 * every 帳號申請 answered 201 must be there with its audit row, and no application may be half
 * written (an account without its audit row, its subsystem requests or its mail; an audit row
 * without its account) — whatever was cut off by a kill -9 or a database restart.
 */
import pg from 'pg';
import type { Applied } from './clients.js';

export interface Consistency {
  /** 201 answers received. */
  answered201: number;
  /** Of those, not in the database. */
  missing: number;
  /** Of those, in the database without their audit row. */
  withoutAudit: number;
  /** Applications in the database missing their audit row, subsystem requests or mail. */
  halfWritten: number;
  /** account.applied audit rows whose account does not exist. */
  orphanAuditRows: number;
  /** Applications stored whose client never got the answer (cut off mid-request): whole, but unanswered. */
  storedButUnanswered: number;
}

export async function consistencyOf(url: string, applied: Applied[]): Promise<Consistency> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: found } = await client.query<{ application_no: string; account_name: string; audited: boolean }>(
      `SELECT a.application_no, a.account_name,
              EXISTS (SELECT 1 FROM audit_events e WHERE e.action = 'account.applied' AND e.entity_id = a.id::text) AS audited
         FROM accounts a WHERE a.application_no = ANY($1::text[])`,
      [applied.map((entry) => entry.applicationNo)],
    );
    const byNumber = new Map(found.map((row) => [row.application_no, row]));
    const missing = applied.filter((entry) => byNumber.get(entry.applicationNo)?.account_name !== entry.accountName).length;
    const [{ half_written, orphans, stored }] = (
      await client.query<{ half_written: number; orphans: number; stored: number }>(
        `SELECT
           (SELECT count(*)::int FROM accounts a
             WHERE a.application_no IS NOT NULL
               AND (NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.action = 'account.applied' AND e.entity_id = a.id::text)
                    OR NOT EXISTS (SELECT 1 FROM subsystem_accesses s WHERE s.account_id = a.id)
                    OR NOT EXISTS (SELECT 1 FROM mail_messages m WHERE m.template = 'application-received' AND m."to" = a.email))) AS half_written,
           (SELECT count(*)::int FROM audit_events e
             WHERE e.action = 'account.applied' AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id::text = e.entity_id)) AS orphans,
           (SELECT count(*)::int FROM accounts a WHERE a.application_no IS NOT NULL AND a.account_name LIKE 'lf%') AS stored`,
      )
    ).rows as [{ half_written: number; orphans: number; stored: number }];
    return {
      answered201: applied.length,
      missing,
      withoutAudit: found.filter((row) => !row.audited).length,
      halfWritten: half_written,
      orphanAuditRows: orphans,
      storedButUnanswered: stored - (applied.length - missing),
    };
  } finally {
    await client.end();
  }
}
