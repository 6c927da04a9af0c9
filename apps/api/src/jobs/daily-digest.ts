/**
 * 待審核案件每日通知: once per Taipei date, at or after DIGEST_HOUR, every approver with
 * something waiting gets one mail with their pending and overdue (> 3 days) counts. Once across
 * all instances: see daily-job.ts (the mails are enqueued in the transaction of the day's claim).
 */
import { portalPaths } from '@portal/shared';
import type { Prisma, PrismaClient } from '@portal/db';
import { enqueueTemplate } from '../services/mail/outbox.js';
import type { ApproverDigestData } from '../services/mail/templates.js';
import { overdueBefore } from '../services/back-office/overdue.js';
import { dailyJobPlugin, runOncePerDay } from './daily-job.js';

export const DIGEST_JOB = 'approver-digest';

export interface DigestResult {
  /** False when another run (another instance, or earlier today) already did it. */
  ran: boolean;
  mails: number;
}

interface Approver {
  email: string;
  name: string;
  queues: ApproverDigestData['queues'];
}

async function collectApprovers(tx: Prisma.TransactionClient, now: Date): Promise<Approver[]> {
  const overdueCutoff = overdueBefore(now);
  const approvers = new Map<string, Approver>();
  const add = (row: { id: string; email: string; name: string }, queue: ApproverDigestData['queues'][number]) => {
    const approver = approvers.get(row.id) ?? { email: row.email, name: row.name, queues: [] };
    approver.queues.push(queue);
    approvers.set(row.id, approver);
  };

  // 單位業務管理者: 一般使用者 applications of their institution.
  const institutionQueues = await tx.$queryRaw<{ id: string; email: string; name: string; pending: bigint; overdue: bigint }[]>`
    SELECT m.id, m.email, m.name, q.pending, q.overdue
      FROM (SELECT institution_id, count(*) AS pending, count(*) FILTER (WHERE created_at < ${overdueCutoff}) AS overdue
              FROM accounts WHERE role = 'GENERAL_USER' AND status = 'PENDING_APPROVAL' GROUP BY institution_id) q
      JOIN accounts m ON m.institution_id = q.institution_id AND m.role = 'INSTITUTION_MANAGER' AND m.status = 'ACTIVE'
     ORDER BY m.id`;
  for (const row of institutionQueues) {
    add(row, { label: '一般使用者帳號申請', pending: Number(row.pending), overdue: Number(row.overdue), path: portalPaths.institutionApplications });
  }

  // 子系統管理者: access requests of each subsystem they manage.
  const subsystemQueues = await tx.$queryRaw<{ id: string; email: string; name: string; subsystem: string; pending: bigint; overdue: bigint }[]>`
    SELECT a.id, a.email, a.name, s.name AS subsystem, q.pending, q.overdue
      FROM (SELECT subsystem_id, count(*) AS pending, count(*) FILTER (WHERE requested_at < ${overdueCutoff}) AS overdue
              FROM subsystem_accesses WHERE status = 'PENDING' GROUP BY subsystem_id) q
      JOIN subsystems s ON s.id = q.subsystem_id
      JOIN subsystem_managers sm ON sm.subsystem_id = q.subsystem_id
      JOIN accounts a ON a.id = sm.account_id AND a.status = 'ACTIVE'
     ORDER BY a.id, s.sort_order`;
  for (const row of subsystemQueues) {
    add(row, { label: `子系統：${row.subsystem}`, pending: Number(row.pending), overdue: Number(row.overdue), path: portalPaths.subsystemAccessRequests });
  }

  // 系統人員: paper-reviewed manager requests (overdue = past their 3-working-day due date).
  const [review] = await tx.$queryRaw<{ pending: bigint; overdue: bigint }[]>`
    SELECT count(*) AS pending, count(*) FILTER (WHERE due_at < ${now}) AS overdue
      FROM manager_requests WHERE status = 'PENDING_REVIEW'`;
  if (review && Number(review.pending) > 0) {
    const staff = await tx.account.findMany({ where: { role: 'SYSTEM_STAFF', status: 'ACTIVE' }, select: { id: true, email: true, name: true } });
    for (const row of staff) {
      add(row, { label: '管理者帳號申請、異動', pending: Number(review.pending), overdue: Number(review.overdue), path: portalPaths.managerRequestQueue });
    }
  }
  return [...approvers.values()];
}

/** Runs the digest for `now`'s Taipei date unless some instance already has. */
export async function runApproverDigest(prisma: PrismaClient, origin: string, now = new Date()): Promise<DigestResult> {
  const run = await runOncePerDay(prisma, DIGEST_JOB, now, async (tx, date) => {
    const approvers = await collectApprovers(tx, now);
    const shownDate = date.replaceAll('-', '/');
    for (const approver of approvers) {
      await enqueueTemplate(tx, 'approver-digest', approver.email, { origin, name: approver.name, date: shownDate, queues: approver.queues });
    }
    return { mails: approvers.length };
  });
  return run.ran ? { ran: true, mails: run.result.mails } : { ran: false, mails: 0 };
}

export const dailyDigestPlugin = dailyJobPlugin('daily-digest', async (app, now) => {
  const result = await runApproverDigest(app.db.prisma, app.mail.origin, now);
  if (result.ran) {
    app.log.info({ mails: result.mails }, 'approver digest enqueued');
    await app.mail.dispatchNow();
  }
});
