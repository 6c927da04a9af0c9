import type { FastifyBaseLogger } from 'fastify';
import type { PrismaClient } from '@portal/db';
import type Provider from 'oidc-provider';

/**
 * Sends the queued back-channel logouts (services/sso/sign-in-revocation.ts queues them in the
 * transaction of the change). Like mail: rows are claimed with FOR UPDATE SKIP LOCKED, so that
 * instances never send one twice at once; a failure is retried with growing delays and given up
 * after MAX_ATTEMPTS, the last error kept for 系統人員. A logout token with only `sub` asks the
 * subsystem to end every session of that user, so sending it twice does no harm.
 */
export const MAX_ATTEMPTS = 8;
const BATCH = 50;

/** 30 s, 1 min, 2 min … capped at 1 hour. */
export const retryDelayMs = (attempts: number) => Math.min(30_000 * 2 ** (attempts - 1), 3_600_000);

interface ClaimedRow {
  id: string;
  client_id: string;
  account_id: string;
  attempts: number;
}

type LogoutCapableClient = { backchannelLogoutUri?: string; backchannelLogout(sub: string, sid?: string): Promise<void> };

export async function dispatchBackchannelLogouts(deps: { prisma: PrismaClient; provider: Provider; log: FastifyBaseLogger }): Promise<number> {
  const { prisma, provider, log } = deps;
  // Claimed rows are pushed out a minute, so that a crash mid-send retries them, not loses them.
  const claimed = await prisma.$queryRaw<ClaimedRow[]>`
    UPDATE backchannel_logouts SET attempts = attempts + 1, next_attempt_at = now() + interval '1 minute'
     WHERE id IN (SELECT id FROM backchannel_logouts
                   WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now()
                   ORDER BY next_attempt_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
    RETURNING id, client_id, account_id::text AS account_id, attempts`;
  let delivered = 0;
  for (const row of claimed) {
    const client = (await provider.Client.find(row.client_id)) as unknown as LogoutCapableClient | undefined;
    try {
      if (!client?.backchannelLogoutUri) throw new Error('the client is disabled or has no back-channel logout URI');
      await client.backchannelLogout(row.account_id);
      await prisma.backchannelLogout.update({ where: { id: row.id }, data: { deliveredAt: new Date(), lastError: null } });
      delivered += 1;
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const givenUp = row.attempts >= MAX_ATTEMPTS;
      await prisma.backchannelLogout.update({
        where: { id: row.id },
        data: givenUp ? { failedAt: new Date(), lastError: message } : { lastError: message, nextAttemptAt: new Date(Date.now() + retryDelayMs(row.attempts)) },
      });
      log.warn({ clientId: row.client_id, attempts: row.attempts, givenUp, err: message }, 'back-channel logout not delivered');
    }
  }
  return delivered;
}
