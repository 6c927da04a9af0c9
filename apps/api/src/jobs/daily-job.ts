/**
 * Jobs that run once per Taipei date across all API instances (the approvers' digest, the purge
 * of expired credentials). Every instance checks hourly, in-process. "Only one instance runs it"
 * is a database invariant: the first to INSERT the job_runs (job, run_key = date) row proceeds,
 * in the same transaction as the job's work; the others hit the primary key and do nothing. If
 * the runner dies mid-way the transaction rolls back and the next check retries.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Prisma, type PrismaClient } from '@portal/db';
import { taipeiClock } from '@portal/shared';

export type DailyRun<T> = { ran: true; result: T; date: string } | { ran: false };

/** Runs `work` in one transaction with the claim of (job, `now`'s Taipei date), unless already claimed. */
export async function runOncePerDay<T extends Prisma.InputJsonObject>(
  prisma: PrismaClient,
  job: string,
  now: Date,
  work: (tx: Prisma.TransactionClient, date: string) => Promise<T>,
): Promise<DailyRun<T>> {
  const { date } = taipeiClock(now);
  try {
    return await prisma.$transaction(
      async (tx) => {
        const claimed = await tx.$queryRaw<{ run_key: string }[]>`
          INSERT INTO job_runs (job, run_key, started_at) VALUES (${job}, ${date}, ${now})
          ON CONFLICT (job, run_key) DO NOTHING RETURNING run_key`;
        if (claimed.length === 0) return { ran: false } as const;
        const result = await work(tx, date);
        await tx.jobRun.update({ where: { job_runKey: { job, runKey: date } }, data: { finishedAt: new Date(), result } });
        return { ran: true, result, date } as const;
      },
      { timeout: 120_000 },
    );
  } catch (error) {
    // The loser of a simultaneous INSERT on PostgreSQL waits for the winner and then sees the
    // row (ON CONFLICT DO NOTHING); a unique violation can still surface on some paths.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return { ran: false };
    throw error;
  }
}

export interface DailyJobOptions {
  enabled: boolean;
  /** Taipei hour (0–23) from which the day's run happens. */
  hour: number;
  /** How often to check (default hourly). */
  intervalMs?: number;
}

/**
 * The in-process scheduler of one daily job: checks every interval and calls `run` once the
 * Taipei hour is reached (`run` itself makes sure the day's work happens once).
 */
export function dailyJobPlugin(name: string, run: (app: FastifyInstance, now: Date) => Promise<void>) {
  return fp(
    async (app: FastifyInstance, options: DailyJobOptions) => {
      if (!options.enabled) return;
      const check = async () => {
        const now = new Date();
        if (taipeiClock(now).hour < options.hour) return;
        try {
          await run(app, now);
        } catch (err) {
          app.log.warn({ err, job: name }, 'daily job failed; retried at the next check');
        }
      };
      let timer: NodeJS.Timeout | undefined;
      app.addHook('onReady', async () => {
        timer = setInterval(() => void check(), options.intervalMs ?? 60 * 60 * 1000);
        timer.unref();
        void check();
      });
      app.addHook('onClose', async () => {
        if (timer) clearInterval(timer);
      });
    },
    { name, dependencies: ['database', 'mail'] },
  );
}
