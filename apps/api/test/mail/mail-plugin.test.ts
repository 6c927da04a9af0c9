import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { parseEnv } from '../../src/env.js';
import { MAIL_TEMPLATE_NAMES } from '../../src/services/mail/templates.js';
import { createTestApp, testCrypto, testJwtSecret, type TestContext } from '../helpers/test-app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { parseMail, startSmtpTestServer, type SmtpTestServer } from './smtp-test-server.js';
import { productionEnv } from '../helpers/production-env.js';

const RESET = { accountName: 'clinic.wang', link: 'http://localhost:3000/reset-password?token=t1', expiresMinutes: 30 };

describe('app.mail over SMTP (SMTP_URL)', () => {
  let server: SmtpTestServer;
  let ctx: TestContext;
  beforeAll(async () => {
    server = await startSmtpTestServer();
    ctx = await createTestApp({ env: { SMTP_URL: server.url, MAIL_FROM: '"國健署單一入口" <noreply@hpa.example.tw>' } });
  });
  afterAll(async () => {
    await ctx?.close();
    await server?.close();
  });

  it('enqueues inside a transaction and delivers on dispatchNow', async () => {
    const { app } = ctx;
    expect(app.mail.origin).toBe('http://localhost:3000');
    const { id } = await app.db.prisma.$transaction((tx) =>
      app.mail.enqueue(tx, { template: 'password-reset', to: 'wang@example.tw', data: RESET }),
    );
    expect(server.received).toEqual([]);

    expect(await app.mail.dispatchNow()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(server.received.map((message) => message.rcptTo)).toEqual([['wang@example.tw']]);
    const parsed = parseMail(server.received[0]!.raw);
    expect(parsed.subject).toBe('【醫療院所預防保健暨戒菸服務單一入口系統】重設密碼');
    expect(parsed.headers.get('message-id')).toBe(`<${id}@hpa.example.tw>`);
    expect(parsed.text).toContain('http://localhost:3000/reset-password?token=t1');
    expect(await app.db.prisma.mailMessage.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({
      status: 'SENT',
    });
  });

  it('has no mail viewer when mail goes to a real SMTP server', async () => {
    const res = await ctx.app.inject({ url: '/dev/mail' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'NOT_FOUND', message: '查無此頁面或功能。' });
  });
});

describe('sending right after the response', () => {
  let server: SmtpTestServer;
  let database: TestDatabase;
  afterEach(async () => {
    await server?.close();
    await database?.drop();
  });

  it('dispatches once a request that enqueued mail has been answered', async () => {
    server = await startSmtpTestServer();
    database = await createTestDatabase();
    // A long interval: only the after-response kick can send within the test.
    const env = parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SMTP_URL: server.url, MAIL_DISPATCH_INTERVAL_MS: '600000' });
    const app = await buildApp({ env, db: database.db, nationalIdCrypto: testCrypto, jwtSecret: testJwtSecret, logger: false });
    app.post('/test/promise-mail', async (request) => {
      await app.db.prisma.$transaction((tx) =>
        app.mail.enqueue(tx, { template: 'password-reset', to: 'kick@example.tw', data: RESET }, request),
      );
      return { ok: true };
    });
    app.get('/test/no-mail', async (request) => ({ mailEnqueued: request.mailEnqueued }));
    await app.ready();
    try {
      expect((await app.inject({ url: '/test/no-mail' })).json()).toEqual({ mailEnqueued: false });
      const res = await app.inject({ method: 'POST', url: '/test/promise-mail' });
      expect(res.statusCode).toBe(200);
      const [message] = await server.waitFor(1, 1000);
      expect(message!.rcptTo).toEqual(['kick@example.tw']);
    } finally {
      await app.close();
    }
    expect(await database.db.prisma.mailMessage.count({ where: { status: 'SENT' } })).toBe(1);
  });
});

describe('file transport and the development mail viewer (no SMTP_URL)', () => {
  let dataDir: string;
  let ctx: TestContext;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'portal-mail-'));
    ctx = await createTestApp({ env: { DATA_DIR: dataDir } });
  });
  afterAll(async () => {
    await ctx?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes each sent message as an .eml file under DATA_DIR/mail', async () => {
    const { app } = ctx;
    const { id } = await app.db.prisma.$transaction((tx) =>
      app.mail.enqueue(tx, { template: 'password-reset', to: 'file@example.tw', data: RESET }),
    );
    expect(await app.mail.dispatchNow()).toEqual({ sent: 1, retrying: 0, failed: 0 });

    const files = readdirSync(path.join(dataDir, 'mail'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^\\d{8}T\\d{6}\\.\\d{3}Z-${id}\\.eml$`));
    const parsed = parseMail(readFileSync(path.join(dataDir, 'mail', files[0]!), 'utf8'));
    expect(parsed.headers.get('to')).toBe('file@example.tw');
    expect(parsed.headers.get('from')).toBe('=?UTF-8?B?5Zau5LiA5YWl5Y+j57O757Wx?= <no-reply@portal.localhost>');
    expect(parsed.subject).toBe('【醫療院所預防保健暨戒菸服務單一入口系統】重設密碼');
    expect(parsed.text).toContain('http://localhost:3000/reset-password?token=t1');
  });

  it('lists the outbox at /dev/mail and shows one message in a sandboxed frame', async () => {
    const { app } = ctx;
    const { id } = await app.db.prisma.$transaction((tx) =>
      app.mail.enqueue(tx, {
        template: 'account-rejected',
        to: 'evil@example.tw',
        data: { origin: app.mail.origin, name: '<script>alert(1)</script>', accountName: 'evil', applicationNo: 'A9', reason: '資料不符' },
      }),
    );

    const list = await app.inject({ url: '/dev/mail' });
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(list.headers['cache-control']).toBe('no-store');
    expect(list.headers['content-security-policy']).toContain("script-src 'self'");
    expect(list.body).not.toMatch(/<script/i);
    expect(list.body).toContain(
      `<td>evil@example.tw</td><td><a href="/dev/mail/${id}">【醫療院所預防保健暨戒菸服務單一入口系統】帳號申請未通過</a></td><td class="status-PENDING">待寄送</td></tr>`,
    );
    // The message sent by the previous test, listed after the newer one.
    expect(list.body.indexOf('evil@example.tw')).toBeLessThan(list.body.indexOf('file@example.tw'));
    expect(list.body).toContain('<td class="status-SENT">已寄送</td>');

    const one = await app.inject({ url: `/dev/mail/${id}` });
    expect(one.statusCode).toBe(200);
    expect(one.body).not.toMatch(/<script/i);
    expect(one.body).toContain('<iframe sandbox="" title="【醫療院所預防保健暨戒菸服務單一入口系統】帳號申請未通過" srcdoc="&lt;!doctype html&gt;');
    // The mail's own escaping, escaped once more for the attribute.
    expect(one.body).toContain('&lt;p&gt;&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; 您好：&lt;/p&gt;');
    expect(one.body).toContain('<pre>&lt;script&gt;alert(1)&lt;/script&gt; 您好：\n');
    expect(one.body).toContain('<dt>範本</dt><dd>account-rejected</dd>');
  });

  it('shows every template with its links at /dev/mail/samples', async () => {
    const res = await ctx.app.inject({ url: '/dev/mail/samples' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/<script/i);
    for (const name of MAIL_TEMPLATE_NAMES) expect(res.body).toContain(`<h2>${name}：`);
    expect(res.body).toContain(`<li><a href="${ctx.app.mail.origin}/apply/card-verification">`);
    expect(res.body).toContain(`<li><a href="${ctx.app.mail.origin}/manage/manager-requests">`);
  });

  it('answers 404 for an unknown or malformed id', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const res = await ctx.app.inject({ url: `/dev/mail/${id}` });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ code: 'NOT_FOUND', message: '查無此資料。' });
    }
  });
});

describe('MAIL_VIEWER switched off', () => {
  it.each([
    ['MAIL_VIEWER=false', { MAIL_VIEWER: 'false' }],
    ['production', productionEnv()],
  ])('/dev/mail does not exist (%s)', async (_label, env) => {
    const ctx = await createTestApp({ env });
    try {
      for (const url of ['/dev/mail', '/dev/mail/samples', '/dev/mail/00000000-0000-4000-8000-000000000000']) {
        const res = await ctx.app.inject({ url });
        expect(res.statusCode).toBe(404);
        expect(res.json()).toEqual({ code: 'NOT_FOUND', message: '查無此頁面或功能。' });
      }
    } finally {
      await ctx.close();
    }
  });
});

describe('mail environment', () => {
  it('turns the viewer on only outside production without SMTP', () => {
    expect(parseEnv({ NODE_ENV: 'development' }).MAIL_VIEWER).toBe(true);
    expect(parseEnv({ NODE_ENV: 'development', SMTP_URL: 'smtp://mail:25' }).MAIL_VIEWER).toBe(false);
    expect(parseEnv({ NODE_ENV: 'development', SMTP_URL: 'smtp://mail:25', MAIL_VIEWER: 'true' }).MAIL_VIEWER).toBe(true);
    expect(parseEnv(productionEnv()).MAIL_VIEWER).toBe(false);
    expect(() => parseEnv(productionEnv({ MAIL_VIEWER: 'true' }))).toThrow(
      'Invalid environment:\n  MAIL_VIEWER: refused with NODE_ENV=production',
    );
  });

  it('has defaults for the sender and the dispatch interval', () => {
    const env = parseEnv({ NODE_ENV: 'development' });
    expect(env.MAIL_FROM).toBe('"單一入口系統" <no-reply@portal.localhost>');
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.MAIL_DISPATCH_INTERVAL_MS).toBe(2000);
    expect(parseEnv({ NODE_ENV: 'test' }).MAIL_DISPATCH_INTERVAL_MS).toBe(0);
    expect(parseEnv({ MAIL_DISPATCH_INTERVAL_MS: '500' }).MAIL_DISPATCH_INTERVAL_MS).toBe(500);
    expect(parseEnv({ SMTP_URL: 'smtps://u:p@mail.example.tw:465' }).SMTP_URL).toBe('smtps://u:p@mail.example.tw:465');
    expect(() => parseEnv({ SMTP_URL: 'http://mail' })).toThrow('SMTP_URL must be an smtp:// or smtps:// URL');
  });
});
