/**
 * Alerts to staff when an account looks up unusually many people in a day: raised once per
 * account and Taipei day (a unique key), mailed to every active 系統人員 through the outbox in
 * the same transaction, counted on the back office until a staff member acknowledges it.
 */
import { Prisma, type PrismaClient } from '@portal/db';
import { SCREENING_MESSAGES, type ScreeningAlert, type ScreeningAlertList } from '@portal/shared';
import { HttpError, notFound } from '../../errors/http-error.js';
import { recordAudit, type RequestOrigin } from '../audit/record-audit.js';
import { enqueueTemplate } from '../mail/outbox.js';

interface AlertDeps {
  db: { prisma: PrismaClient };
  /** Where the link in the alert mail points (PUBLIC_ORIGIN). */
  publicOrigin: string;
  alertThreshold: number;
}

/** Raises the day's alert for the account unless it already was; true when mail was queued. */
export async function raiseLookupAlert(
  deps: AlertDeps,
  alert: { accountId: string; day: string; distinctPersons: number },
  origin: RequestOrigin,
): Promise<boolean> {
  return deps.db.prisma.$transaction(async (tx) => {
    const [raised] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO screening_lookup_alerts (account_id, day, distinct_persons)
      VALUES (${alert.accountId}::uuid, ${alert.day}::date, ${alert.distinctPersons})
      ON CONFLICT (account_id, day) DO NOTHING
      RETURNING id`;
    if (!raised) return false;
    const account = await tx.account.findUniqueOrThrow({
      where: { id: alert.accountId },
      select: { accountName: true, name: true, institution: { select: { code: true, name: true } } },
    });
    const staff = await tx.account.findMany({ where: { role: 'SYSTEM_STAFF', status: 'ACTIVE' }, select: { email: true, name: true } });
    for (const member of staff) {
      await enqueueTemplate(tx, 'screening-lookup-alert', member.email, {
        origin: deps.publicOrigin,
        name: member.name,
        accountName: account.accountName,
        accountHolder: account.name,
        institution: account.institution ? `${account.institution.name}（${account.institution.code}）` : '—',
        day: alert.day,
        distinctPersons: alert.distinctPersons,
        threshold: deps.alertThreshold,
      });
    }
    await recordAudit(
      tx,
      { actorLabel: 'system', action: 'screening.alert.raised', entityType: 'screening-alert', entityId: raised.id, after: { accountId: alert.accountId, day: alert.day, distinctPersons: alert.distinctPersons, mailed: staff.length } },
      origin,
    );
    return staff.length > 0;
  });
}

interface AlertRow {
  id: string;
  day: string;
  distinct_persons: number;
  created_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  account_id: string;
  account_name: string;
  name: string;
  institution_code: string | null;
  institution_name: string | null;
}

const SELECT_ALERTS = Prisma.sql`
  SELECT al.id, to_char(al.day, 'YYYY-MM-DD') AS day, al.distinct_persons, al.created_at, al.acknowledged_at, ack.account_name AS acknowledged_by,
         a.id AS account_id, a.account_name, a.name, i.code AS institution_code, i.name AS institution_name
    FROM screening_lookup_alerts al
    JOIN accounts a ON a.id = al.account_id
    LEFT JOIN institutions i ON i.id = a.institution_id
    LEFT JOIN accounts ack ON ack.id = al.acknowledged_by_id`;

const toAlert = (row: AlertRow): ScreeningAlert => ({
  id: row.id,
  day: row.day,
  account: { id: row.account_id, accountName: row.account_name, name: row.name },
  institution: row.institution_code ? { code: row.institution_code, name: row.institution_name ?? '' } : null,
  distinctPersons: row.distinct_persons,
  createdAt: new Date(row.created_at).toISOString(),
  acknowledgedAt: row.acknowledged_at ? new Date(row.acknowledged_at).toISOString() : null,
  acknowledgedBy: row.acknowledged_by,
});

/** Open alerts first, newest first; at most 200 (an alert is per account and day). */
export async function listLookupAlerts(prisma: PrismaClient, status: 'OPEN' | 'ALL'): Promise<ScreeningAlertList> {
  const rows = await prisma.$queryRaw<AlertRow[]>`
    ${SELECT_ALERTS}
     WHERE ${status === 'OPEN'} = false OR al.acknowledged_at IS NULL
     ORDER BY al.acknowledged_at IS NOT NULL, al.created_at DESC
     LIMIT 200`;
  return { items: rows.map(toAlert) };
}

export async function countOpenLookupAlerts(prisma: PrismaClient): Promise<number> {
  return prisma.screeningLookupAlert.count({ where: { acknowledgedAt: null } });
}

/** 已處理: one staff member takes the alert; a second gets 409. */
export async function acknowledgeLookupAlert(prisma: PrismaClient, caller: { id: string }, id: string, origin: RequestOrigin): Promise<ScreeningAlert> {
  return prisma.$transaction(async (tx) => {
    const now = new Date();
    const updated = await tx.screeningLookupAlert.updateMany({ where: { id, acknowledgedAt: null }, data: { acknowledgedAt: now, acknowledgedById: caller.id } });
    if (updated.count === 0) {
      const exists = await tx.screeningLookupAlert.findUnique({ where: { id }, select: { id: true } });
      if (!exists) throw notFound();
      throw new HttpError(409, 'ALREADY_ACKNOWLEDGED', SCREENING_MESSAGES.alertAlreadyAcknowledged);
    }
    await recordAudit(tx, { actorId: caller.id, action: 'screening.alert.acknowledged', entityType: 'screening-alert', entityId: id, before: { acknowledgedAt: null }, after: { acknowledgedAt: now.toISOString() } }, origin);
    const [row] = await tx.$queryRaw<AlertRow[]>`${SELECT_ALERTS} WHERE al.id = ${id}::uuid`;
    return toAlert(row!);
  });
}
