import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEEP_AFTER_EXPIRY_MS, PURGE_JOB, purgeExpiredCredentials } from '../../src/jobs/purge-expired-credentials.js';
import { KEEP_UNREFERENCED_FILE_MS } from '../../src/jobs/purge-unreferenced-files.js';
import { createTestApp, type TestContext } from '../helpers/test-app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ demoInstitutions: 0 });
});
afterAll(() => ctx.close());

const now = new Date('2027-03-10T20:00:00Z'); // 04:00 on 3/11 in Taipei
const ago = (ms: number) => new Date(now.getTime() - ms);
const HOUR = 60 * 60 * 1000;
const hash = () => randomBytes(32).toString('hex');

describe('the daily purge of expired credentials', () => {
  it('deletes what expired over a day ago, keeps the rest and every live session family whole, once a day', async () => {
    const prisma = ctx.db.prisma;
    const { id: accountId } = await prisma.account.findUniqueOrThrow({ where: { accountNameKey: 'demouser' } });
    const deadFamily = randomUUID();
    const liveFamily = randomUUID();
    await prisma.session.createMany({
      data: [
        { accountId, familyId: deadFamily, tokenHash: hash(), expiresAt: ago(KEEP_AFTER_EXPIRY_MS + 3 * HOUR), absoluteExpiresAt: ago(KEEP_AFTER_EXPIRY_MS + 3 * HOUR), rotatedAt: ago(40 * HOUR) },
        { accountId, familyId: deadFamily, tokenHash: hash(), expiresAt: ago(KEEP_AFTER_EXPIRY_MS + HOUR), absoluteExpiresAt: ago(KEEP_AFTER_EXPIRY_MS + HOUR) },
        // An old, long-expired rotated token of a family that is still in use: kept, so that its
        // reuse still revokes the family.
        { accountId, familyId: liveFamily, tokenHash: hash(), expiresAt: ago(3 * KEEP_AFTER_EXPIRY_MS), absoluteExpiresAt: new Date(now.getTime() + HOUR), rotatedAt: ago(80 * HOUR) },
        { accountId, familyId: liveFamily, tokenHash: hash(), expiresAt: new Date(now.getTime() + HOUR), absoluteExpiresAt: new Date(now.getTime() + HOUR) },
      ],
    });
    await prisma.passwordResetToken.createMany({
      data: [
        { accountId, tokenHash: hash(), expiresAt: ago(KEEP_AFTER_EXPIRY_MS + HOUR), usedAt: ago(KEEP_AFTER_EXPIRY_MS + 2 * HOUR) },
        { accountId, tokenHash: hash(), expiresAt: ago(HOUR) },
      ],
    });
    await prisma.emailChangeToken.createMany({
      data: [
        { accountId, newEmail: 'old@example.tw', tokenHash: hash(), expiresAt: ago(KEEP_AFTER_EXPIRY_MS + HOUR) },
        { accountId, newEmail: 'new@example.tw', tokenHash: hash(), expiresAt: new Date(now.getTime() + HOUR) },
      ],
    });
    await prisma.cardChallenge.createMany({
      data: [
        { nonceHash: hash(), institutionCode: '9900000001', accountId, expiresAt: ago(KEEP_AFTER_EXPIRY_MS + HOUR) },
        { nonceHash: hash(), institutionCode: '9900000001', accountId, expiresAt: ago(HOUR) },
      ],
    });

    await prisma.oidcPayload.createMany({
      data: [
        { kind: 'AccessToken', id: 'expired-token', payload: {}, accountId, expiresAt: ago(KEEP_AFTER_EXPIRY_MS + HOUR) },
        { kind: 'Session', id: 'live-session', payload: {}, accountId, expiresAt: new Date(now.getTime() + HOUR) },
      ],
    });
    await prisma.backchannelLogout.createMany({
      data: [
        { clientId: 'demo', accountId, reason: 'logout', createdAt: ago(KEEP_AFTER_EXPIRY_MS + HOUR), deliveredAt: ago(KEEP_AFTER_EXPIRY_MS + HOUR) },
        { clientId: 'demo', accountId, reason: 'logout', createdAt: ago(KEEP_AFTER_EXPIRY_MS + HOUR) },
      ],
    });

    const [first, second] = await Promise.all([purgeExpiredCredentials(prisma, now), purgeExpiredCredentials(prisma, now)]);
    const counts = first ?? second;
    expect([first, second].filter(Boolean)).toHaveLength(1);
    expect(counts).toEqual({ sessions: 2, passwordResetTokens: 1, emailChangeTokens: 1, cardChallenges: 1, oidcPayloads: 1, backchannelLogouts: 1, unreferencedFiles: 0, unreferencedFileBytes: 0 });
    expect(await prisma.oidcPayload.findMany({ select: { id: true } })).toEqual([{ id: 'live-session' }]);
    // A logout still to be delivered stays, however old.
    expect(await prisma.backchannelLogout.count({ where: { deliveredAt: null } })).toBe(1);

    expect(await prisma.session.count({ where: { familyId: deadFamily } })).toBe(0);
    expect(await prisma.session.count({ where: { familyId: liveFamily } })).toBe(2);
    expect(await prisma.passwordResetToken.count({ where: { accountId } })).toBe(1);
    expect(await prisma.emailChangeToken.findMany({ where: { accountId }, select: { newEmail: true } })).toEqual([{ newEmail: 'new@example.tw' }]);
    expect(await prisma.cardChallenge.count({ where: { accountId } })).toBe(1);

    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'system.credentials.purged' } });
    const { unreferencedFiles: _files, unreferencedFileBytes: _bytes, ...credentials } = counts!;
    expect(audit).toMatchObject({ actorLabel: 'system', entityType: 'job', entityId: `${PURGE_JOB}:2027-03-11`, after: credentials });
    expect(await prisma.jobRun.findUnique({ where: { job_runKey: { job: PURGE_JOB, runKey: '2027-03-11' } } })).toMatchObject({ result: counts });

    // Later the same Taipei day: already done. The next day: runs again, and now takes what had
    // only just expired the day before; the live family's token is still within its day.
    expect(await purgeExpiredCredentials(prisma, new Date(now.getTime() + 2 * HOUR))).toBeUndefined();
    expect(await purgeExpiredCredentials(prisma, new Date(now.getTime() + 24 * HOUR))).toEqual({
      sessions: 0,
      passwordResetTokens: 1,
      emailChangeTokens: 0,
      cardChallenges: 1,
      oidcPayloads: 0,
      backchannelLogouts: 0,
      unreferencedFiles: 0,
      unreferencedFileBytes: 0,
    });
  });

  it('deletes stored files nothing points at once they are a day old, keeps young ones and every used file, and audits the count', async () => {
    const prisma = ctx.db.prisma;
    const day = new Date('2027-04-01T20:00:00Z');
    const before = (ms: number) => new Date(day.getTime() - ms);
    const file = (name: string, createdAt: Date) =>
      prisma.storedFile.create({ data: { filename: name, contentType: 'application/pdf', size: 4, sha256: 'a'.repeat(64), data: new Uint8Array([37, 80, 68, 70]), createdAt }, select: { id: true } });
    const orphan = await file('orphan.pdf', before(KEEP_UNREFERENCED_FILE_MS + HOUR));
    const inFlight = await file('in-flight.pdf', before(HOUR));
    const usedByDownload = await file('download.pdf', before(30 * KEEP_UNREFERENCED_FILE_MS));
    await prisma.download.create({ data: { system: '單一入口系統', category: '表格範例', title: 'purge test', fileId: usedByDownload.id, publishedAt: day } });
    const usedByRequest = await file('scan.pdf', before(30 * KEEP_UNREFERENCED_FILE_MS));
    const { id: accountId, institutionId } = await prisma.account.findUniqueOrThrow({ where: { accountNameKey: 'demomanager' } });
    await prisma.managerRequest.create({
      data: { requestNo: 'M-PURGE-TEST', kind: 'C_B', status: 'PENDING_REVIEW', accountId, requestedById: accountId, institutionId: institutionId!, scanFileId: usedByRequest.id },
    });
    const filesBefore = await prisma.storedFile.count();

    const counts = await purgeExpiredCredentials(prisma, day);
    expect(counts).toMatchObject({ unreferencedFiles: 1, unreferencedFileBytes: 4 });
    expect(await prisma.storedFile.count()).toBe(filesBefore - 1);
    expect(await prisma.storedFile.findUnique({ where: { id: orphan.id } })).toBeNull();
    for (const kept of [inFlight, usedByDownload, usedByRequest]) expect(await prisma.storedFile.findUnique({ where: { id: kept.id }, select: { id: true } })).toEqual(kept);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'system.files.purged' } });
    expect(audit).toMatchObject({ actorLabel: 'system', entityType: 'job', entityId: `${PURGE_JOB}:2027-04-02`, after: { files: 1, bytes: 4, olderThan: before(KEEP_UNREFERENCED_FILE_MS).toISOString() } });
  });
});
