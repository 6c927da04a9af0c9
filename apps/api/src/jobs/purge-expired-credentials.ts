/**
 * Once a day, deletes the one-time credentials that can no longer be used: refresh-token
 * families whose newest token expired, password-reset and e-mail-change links, and 醫事機構卡
 * challenges, the OpenID provider's sessions, codes and tokens, each a day after it expired, and
 * back-channel logouts a day after they were delivered or given up on. Only hashes are stored, but a table that only grows
 * is a cost and a liability. The audit trail keeps what happened (logins, resets, card checks);
 * the purge itself is audited with its counts. The same run deletes the stored files nothing
 * points at any more (purge-unreferenced-files.ts).
 */
import type { PrismaClient } from '@portal/db';
import { recordAudit } from '../services/audit/record-audit.js';
import { dailyJobPlugin, runOncePerDay } from './daily-job.js';
import { purgeUnreferencedFiles } from './purge-unreferenced-files.js';

export const PURGE_JOB = 'purge-expired-credentials';

/**
 * How long an expired credential is kept. A day covers a support call about a link that "just"
 * expired; for sessions it keeps a family whole while any of its tokens is valid, so that reuse
 * of an old token is still recognised as reuse (and revokes the family) rather than as unknown.
 */
export const KEEP_AFTER_EXPIRY_MS = 24 * 60 * 60 * 1000;

export interface PurgeCounts {
  sessions: number;
  passwordResetTokens: number;
  emailChangeTokens: number;
  cardChallenges: number;
  /** The OpenID provider's sessions, codes, tokens and interactions. */
  oidcPayloads: number;
  /** Back-channel logouts delivered or given up on. */
  backchannelLogouts: number;
  /** Stored files nothing points at (old scans, earlier download versions), and their bytes. */
  unreferencedFiles: number;
  unreferencedFileBytes: number;
}

/** Purges for `now`'s Taipei date unless some instance already has; the counts when it ran. */
export async function purgeExpiredCredentials(prisma: PrismaClient, now = new Date()): Promise<PurgeCounts | undefined> {
  const run = await runOncePerDay(prisma, PURGE_JOB, now, async (tx, date) => {
    const before = new Date(now.getTime() - KEEP_AFTER_EXPIRY_MS);
    const sessions = await tx.$executeRaw`
      DELETE FROM sessions
       WHERE family_id IN (SELECT family_id FROM sessions GROUP BY family_id HAVING max(expires_at) < ${before})`;
    const expired = { expiresAt: { lt: before } };
    const counts = {
      sessions,
      passwordResetTokens: (await tx.passwordResetToken.deleteMany({ where: expired })).count,
      emailChangeTokens: (await tx.emailChangeToken.deleteMany({ where: expired })).count,
      cardChallenges: (await tx.cardChallenge.deleteMany({ where: expired })).count,
      oidcPayloads: (await tx.oidcPayload.deleteMany({ where: expired })).count,
      backchannelLogouts: (
        await tx.backchannelLogout.deleteMany({ where: { createdAt: { lt: before }, OR: [{ deliveredAt: { not: null } }, { failedAt: { not: null } }] } })
      ).count,
    };
    await recordAudit(tx, { actorLabel: 'system', action: 'system.credentials.purged', entityType: 'job', entityId: `${PURGE_JOB}:${date}`, after: counts }, {});
    // Audited on its own line (system.files.purged); the run's result holds both.
    const files = await purgeUnreferencedFiles(tx, now, `${PURGE_JOB}:${date}`);
    return { ...counts, unreferencedFiles: files.files, unreferencedFileBytes: files.bytes };
  });
  return run.ran ? run.result : undefined;
}

export const purgeExpiredCredentialsPlugin = dailyJobPlugin(PURGE_JOB, async (app, now) => {
  const counts = await purgeExpiredCredentials(app.db.prisma, now);
  if (counts) app.log.info(counts, 'expired credentials and unreferenced files purged');
});
