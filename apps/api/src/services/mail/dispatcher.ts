import type { PrismaClient } from '@portal/db';
import type { MailTransport } from './transport.js';

/** Waits after the 1st, 2nd … failed attempt; the last one repeats. */
export const RETRY_DELAYS_MS = [
  60_000, // 1 min
  5 * 60_000, // 5 min
  30 * 60_000, // 30 min
  2 * 3_600_000, // 2 h
  6 * 3_600_000, // 6 h
  12 * 3_600_000, // 12 h
  24 * 3_600_000, // 24 h
] as const;
/** After this many failed attempts a message is FAILED and no longer retried. */
export const MAX_ATTEMPTS = 8;
const LAST_ERROR_MAX = 1000;

export interface DispatchOptions {
  batchSize?: number;
  /** At most this many batches per call, so one call cannot run for ever. */
  maxBatches?: number;
  /**
   * How long a claimed batch stays invisible to other dispatchers. It must outlast sending
   * the batch (the SMTP transport bounds each message to about a minute); if this process dies
   * mid-batch, the unsent rest is picked up again once it runs out.
   */
  leaseMs?: number;
  now?: () => Date;
  onError?: (error: unknown, message: { id: string; attempts: number }) => void;
}

export interface DispatchResult {
  /** Delivered and marked SENT. */
  sent: number;
  /** Failed this time; will be retried at nextAttemptAt. */
  retrying: number;
  /** Failed for the last time: marked FAILED. */
  failed: number;
}

interface ClaimedMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attempts: number;
}

export function retryDelayMs(attempts: number): number {
  return RETRY_DELAYS_MS[Math.min(attempts, RETRY_DELAYS_MS.length) - 1]!;
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > LAST_ERROR_MAX ? `${text.slice(0, LAST_ERROR_MAX - 1)}…` : text;
}

/**
 * Claims due PENDING rows with FOR UPDATE SKIP LOCKED and pushes their nextAttemptAt past the
 * lease, in one short transaction: concurrent dispatchers (several API instances) skip rows
 * another has locked, and after the commit those rows are no longer due, so each message is
 * claimed by one dispatcher only. Sending happens outside the transaction, so no connection or
 * lock is held while talking to the SMTP server.
 */
async function claimBatch(prisma: PrismaClient, now: Date, batchSize: number, leaseMs: number): Promise<ClaimedMail[]> {
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<ClaimedMail[]>`
      SELECT id::text AS id, "to", subject, text, html, attempts
      FROM mail_messages
      WHERE status = 'PENDING' AND next_attempt_at <= ${now}
      ORDER BY next_attempt_at, created_at
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED`;
    if (rows.length > 0) {
      await tx.mailMessage.updateMany({
        where: { id: { in: rows.map((row) => row.id) } },
        data: { nextAttemptAt: new Date(now.getTime() + leaseMs) },
      });
    }
    return rows;
  });
}

/**
 * Delivers due outbox messages: SENT on success; on failure attempts + 1, lastError and a
 * later nextAttemptAt (1 min, 5 min, 30 min, 2 h …), FAILED after MAX_ATTEMPTS.
 * Delivery is at-least-once: a crash between the SMTP server's OK and the SENT update sends the
 * message again when the lease runs out.
 */
export async function dispatchPendingMail(
  prisma: PrismaClient,
  transport: MailTransport,
  options: DispatchOptions = {},
): Promise<DispatchResult> {
  const { batchSize = 10, maxBatches = 10, leaseMs = 15 * 60_000, now = () => new Date() } = options;
  const result: DispatchResult = { sent: 0, retrying: 0, failed: 0 };
  for (let batch = 0; batch < maxBatches; batch++) {
    const claimed = await claimBatch(prisma, now(), batchSize, leaseMs);
    for (const mail of claimed) {
      try {
        await transport.send(mail);
      } catch (error) {
        options.onError?.(error, { id: mail.id, attempts: mail.attempts + 1 });
        const attempts = mail.attempts + 1;
        const final = attempts >= MAX_ATTEMPTS;
        await prisma.mailMessage.updateMany({
          where: { id: mail.id, status: 'PENDING' },
          data: {
            attempts,
            lastError: describeError(error),
            ...(final ? { status: 'FAILED' } : { nextAttemptAt: new Date(now().getTime() + retryDelayMs(attempts)) }),
          },
        });
        if (final) result.failed++;
        else result.retrying++;
        continue;
      }
      await prisma.mailMessage.updateMany({
        where: { id: mail.id, status: 'PENDING' },
        data: { status: 'SENT', sentAt: now(), attempts: mail.attempts + 1, lastError: null },
      });
      result.sent++;
    }
    if (claimed.length < batchSize) break;
  }
  return result;
}
