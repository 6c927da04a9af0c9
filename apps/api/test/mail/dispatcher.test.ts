import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@portal/db';
import { dispatchPendingMail, MAX_ATTEMPTS, RETRY_DELAYS_MS } from '../../src/services/mail/dispatcher.js';
import { enqueueMail, enqueueTemplate } from '../../src/services/mail/outbox.js';
import { passwordResetLink, renderMail } from '../../src/services/mail/templates.js';
import { createMailTransport, type MailTransport } from '../../src/services/mail/transport.js';
import { createTestDatabase, TEST_DATABASE, type TestDatabase } from '../helpers/test-database.js';
import { parseMail, startSmtpTestServer, type SmtpTestServer } from './smtp-test-server.js';

const FROM = '"單一入口系統" <no-reply@portal.localhost>';
const LINK = passwordResetLink('http://localhost:3000', 'reset-token-1');

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});
beforeEach(async () => {
  await database.db.prisma.mailMessage.deleteMany();
});

function smtpTransport(server: SmtpTestServer): MailTransport {
  return createMailTransport({ smtpUrl: server.url, from: FROM, dataDir: '/nonexistent' });
}

function resetMail(accountName: string) {
  return { template: 'password-reset', ...renderMail('password-reset', { accountName, link: LINK, expiresMinutes: 30 }) };
}

describe('outbox + dispatcher over SMTP', () => {
  let server: SmtpTestServer;
  let transport: MailTransport;
  beforeEach(async () => {
    server = await startSmtpTestServer();
    transport = smtpTransport(server);
  });
  afterEach(async () => {
    transport.close();
    await server.close();
  });

  it('sends a mail enqueued inside a committed transaction', async () => {
    const { prisma } = database.db;
    const { id } = await prisma.$transaction(async (tx) =>
      enqueueTemplate(tx, 'password-reset', 'wang@example.tw', { accountName: 'clinic.wang', link: LINK, expiresMinutes: 30 }),
    );

    expect(await dispatchPendingMail(prisma, transport)).toEqual({ sent: 1, retrying: 0, failed: 0 });

    expect(server.received).toHaveLength(1);
    const [message] = server.received;
    expect(message!.rcptTo).toEqual(['wang@example.tw']);
    expect(message!.mailFrom).toBe('no-reply@portal.localhost');
    const parsed = parseMail(message!.raw);
    expect(parsed.subject).toBe('【醫療院所預防保健暨戒菸服務單一入口系統】重設密碼');
    expect(parsed.headers.get('message-id')).toBe(`<${id}@portal.localhost>`);
    expect(parsed.text).toContain(`重設密碼：\n${LINK}\n`);
    expect(parsed.text).toContain('本信件由系統自動發送，請勿直接回覆。');
    expect(parsed.html).toContain(`<a href="${LINK}"`);

    const row = await prisma.mailMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'SENT', attempts: 1, lastError: null, template: 'password-reset', to: 'wang@example.tw' });
    expect(row.sentAt).toBeInstanceOf(Date);

    // Nothing left to send.
    expect(await dispatchPendingMail(prisma, transport)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(server.received).toHaveLength(1);
  });

  it('leaves nothing behind when the transaction that enqueued the mail rolls back', async () => {
    const { prisma } = database.db;
    await expect(
      prisma.$transaction(async (tx) => {
        await enqueueMail(tx, { to: 'wang@example.tw', ...resetMail('clinic.wang') });
        throw new Error('state change refused');
      }),
    ).rejects.toThrow('state change refused');

    expect(await prisma.mailMessage.count()).toBe(0);
    expect(await dispatchPendingMail(prisma, transport)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(server.received).toEqual([]);
  });

  it('does not send a message before its nextAttemptAt', async () => {
    const { prisma } = database.db;
    const { id } = await enqueueMail(prisma, { to: 'later@example.tw', ...resetMail('later') });
    await prisma.mailMessage.update({ where: { id }, data: { nextAttemptAt: new Date(Date.now() + 60_000) } });
    expect(await dispatchPendingMail(prisma, transport)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(server.received).toEqual([]);
  });

  it('refuses a recipient with a line break (header injection)', async () => {
    await expect(
      enqueueMail(database.db.prisma, { to: 'a@example.tw\r\nBcc: b@example.tw', ...resetMail('x') }),
    ).rejects.toThrow('mail recipient and subject must be single-line');
  });

  it('sends each message exactly once when two dispatchers run at the same time', async () => {
    const { prisma } = database.db;
    const count = 30;
    for (let i = 0; i < count; i++) await enqueueMail(prisma, { to: `user${i}@example.tw`, ...resetMail(`user${i}`) });

    // On PostgreSQL the second dispatcher has its own connection pool, as another API instance would.
    const other: Database =
      TEST_DATABASE === 'postgresql' ? await openDatabase({ databaseUrl: database.url!, poolSize: 3 }) : database.db;
    const otherTransport = smtpTransport(server);
    try {
      const results = await Promise.all([
        dispatchPendingMail(prisma, transport, { batchSize: 3, maxBatches: 100 }),
        dispatchPendingMail(other.prisma, otherTransport, { batchSize: 3, maxBatches: 100 }),
      ]);
      expect(results[0]!.sent + results[1]!.sent).toBe(count);
      expect(results.map((result) => result.retrying + result.failed)).toEqual([0, 0]);
      // Both really took part (PGlite is one connection, so there they simply take turns).
      if (TEST_DATABASE === 'postgresql') expect(results.map((result) => result.sent > 0)).toEqual([true, true]);
    } finally {
      otherTransport.close();
      if (other !== database.db) await other.close();
    }

    const recipients = server.received.flatMap((message) => message.rcptTo).sort();
    expect(recipients).toEqual(Array.from({ length: count }, (_, i) => `user${i}@example.tw`).sort());
    expect(await prisma.mailMessage.count({ where: { status: 'SENT', attempts: 1 } })).toBe(count);
  });
});

describe('dispatcher when the SMTP server refuses the recipient', () => {
  let server: SmtpTestServer;
  let transport: MailTransport;
  beforeAll(async () => {
    server = await startSmtpTestServer({ rejectRecipients: true });
    transport = smtpTransport(server);
  });
  afterAll(async () => {
    transport.close();
    await server?.close();
  });

  it('retries with backoff (1 min, 5 min, 30 min, 2 h …) and gives up after 8 attempts', async () => {
    const { prisma } = database.db;
    const { id } = await enqueueMail(prisma, { to: 'nobody@example.tw', ...resetMail('nobody') });
    let clock = new Date(Date.now() + 1000);
    const now = () => clock;

    expect(await dispatchPendingMail(prisma, transport, { now })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    let row = await prisma.mailMessage.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe('PENDING');
    expect(row.attempts).toBe(1);
    expect(row.lastError).toMatch(/^Can't send mail - all recipients were rejected: 550 Mailbox unavailable: nobody@example\.tw/);
    expect(row.nextAttemptAt.getTime()).toBe(clock.getTime() + 60_000);
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    expect(row.sentAt).toBeNull();

    // Not yet due: nothing happens.
    expect(await dispatchPendingMail(prisma, transport, { now })).toEqual({ sent: 0, retrying: 0, failed: 0 });

    const delays: number[] = [row.nextAttemptAt.getTime() - clock.getTime()];
    for (let attempt = 2; attempt < MAX_ATTEMPTS; attempt++) {
      clock = row.nextAttemptAt;
      expect(await dispatchPendingMail(prisma, transport, { now })).toEqual({ sent: 0, retrying: 1, failed: 0 });
      row = await prisma.mailMessage.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: 'PENDING', attempts: attempt });
      delays.push(row.nextAttemptAt.getTime() - clock.getTime());
    }
    expect(delays).toEqual([...RETRY_DELAYS_MS]);
    expect(delays.slice(0, 4)).toEqual([60_000, 300_000, 1_800_000, 7_200_000]);

    clock = row.nextAttemptAt;
    expect(await dispatchPendingMail(prisma, transport, { now })).toEqual({ sent: 0, retrying: 0, failed: 1 });
    row = await prisma.mailMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'FAILED', attempts: 8, sentAt: null });
    expect(row.lastError).toContain('550 Mailbox unavailable');

    // A FAILED message is never picked up again.
    clock = new Date(clock.getTime() + 365 * 24 * 3_600_000);
    expect(await dispatchPendingMail(prisma, transport, { now })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(server.received).toEqual([]);
  });

  it('truncates a long error to the column size', async () => {
    const { prisma } = database.db;
    const { id } = await enqueueMail(prisma, { to: 'x@example.tw', ...resetMail('x') });
    const failing: MailTransport = {
      kind: 'smtp',
      send: () => Promise.reject(new Error('x'.repeat(5000))),
      close: () => undefined,
    };
    expect(await dispatchPendingMail(prisma, failing)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const row = await prisma.mailMessage.findUniqueOrThrow({ where: { id } });
    expect(row.lastError).toBe(`${'x'.repeat(999)}…`);
  });
});
