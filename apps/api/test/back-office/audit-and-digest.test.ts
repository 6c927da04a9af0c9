/** 稽核紀錄 (search, CSV, append-only) and the approvers' daily digest (once only). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../helpers/test-app.js';
import { createTestAppWith, login, type TestSession } from '../helpers/auth.js';
import { createAccount } from '../helpers/accounts.js';
import { CSV_EXPORT_BROKEN, csvCell, openAuditEventsCsv } from '../../src/services/audit/audit-log.js';
import { runApproverDigest } from '../../src/jobs/daily-digest.js';

let ctx: TestContext;
let staff: TestSession;

beforeAll(async () => {
  ({ ctx, sessions: [staff] } = await createTestAppWith('demostaff'));
});
afterAll(() => ctx.close());

describe('audit log', () => {
  it('searches by actor, action prefix and date, newest first, with keyset pages', async () => {
    await login(ctx.app, 'demomanager');
    await login(ctx.app, 'demomanager');
    const first = await ctx.app.inject({ method: 'GET', url: '/api/audit-events?actor=DemoManager&action=auth.&limit=1', headers: staff.headers() });
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items).toHaveLength(1);
    expect(page1.items[0]).toMatchObject({ actorAccountName: 'demomanager', action: 'auth.login.succeeded' });
    expect(page1.nextCursor).toBe(page1.items[0].id);
    const second = await ctx.app.inject({ method: 'GET', url: `/api/audit-events?actor=demomanager&action=auth.&limit=1&cursor=${page1.nextCursor}`, headers: staff.headers() });
    expect(BigInt(second.json().items[0].id)).toBeLessThan(BigInt(page1.items[0].id));
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const window = await ctx.app.inject({ method: 'GET', url: `/api/audit-events?actor=demomanager&from=${today}&to=${today}&limit=100`, headers: staff.headers() });
    expect(window.json().items.filter((e: { action: string }) => e.action === 'auth.login.succeeded')).toHaveLength(2);
    expect(window.json().items.map((e: { id: string }) => BigInt(e.id))).toEqual(window.json().items.map((e: { id: string }) => BigInt(e.id)).sort((x: bigint, y: bigint) => (x > y ? -1 : 1)));
    const future = await ctx.app.inject({ method: 'GET', url: '/api/audit-events?from=2099-01-01', headers: staff.headers() });
    expect(future.json()).toEqual({ items: [], nextCursor: null });
    const badCursor = await ctx.app.inject({ method: 'GET', url: '/api/audit-events?cursor=abc', headers: staff.headers() });
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().message).toBe('分頁參數不正確，請重新查詢。');
  });

  it('exports CSV with a BOM, RFC 4180 quoting and a formula guard', async () => {
    await ctx.db.prisma.auditEvent.create({
      data: { actorLabel: 'test', action: 'test.csv', entityType: 'test', entityId: '=HYPERLINK("x")', after: { note: 'a,"b"\nc' }, ip: '10.0.0.1' },
    });
    const response = await ctx.app.inject({ method: 'GET', url: '/api/audit-events.csv?action=test.csv', headers: staff.headers() });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="audit-events-\d{8}\.csv"$/);
    expect(response.body.startsWith('\uFEFF編號,時間,操作者帳號,')).toBe(true);
    const lines = response.body.split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`,test,test.csv,test,"'=HYPERLINK(""x"")",,"{""note"":""a,\\""b\\""\\nc""}",10.0.0.1,`);
  });

  it('a CSV export that breaks off ends with an error row; one that cannot start is an error answer', async () => {
    for (let i = 0; i < 5; i++) await ctx.db.prisma.auditEvent.create({ data: { actorLabel: 'test', action: 'test.broken', entityType: 'test' } });
    const failingAfter = (calls: number) => {
      let made = 0;
      return new Proxy(ctx.db.prisma, {
        get(target, property, receiver) {
          if (property !== '$queryRaw') return Reflect.get(target, property, receiver);
          return (...args: Parameters<typeof target.$queryRaw>) => (++made > calls ? Promise.reject(new Error('connection lost')) : target.$queryRaw(...args));
        },
      });
    };
    const errors: unknown[] = [];
    const csv = await openAuditEventsCsv(failingAfter(1), { action: 'test.broken' }, (error) => errors.push(error), 2);
    const chunks: string[] = [];
    for await (const chunk of csv) chunks.push(chunk);
    const lines = chunks.join('').split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(4);
    expect(lines.at(-1)).toBe(CSV_EXPORT_BROKEN);
    expect(errors).toHaveLength(1);
    await expect(openAuditEventsCsv(failingAfter(0), { action: 'test.broken' }, () => {}, 2)).rejects.toThrow('connection lost');
  });

  it('refuses a cursor beyond bigint and dates outside what a filter may name, with a 400', async () => {
    for (const query of ['cursor=9999999999999999999', 'cursor=9223372036854775808', 'from=0001-01-01', 'to=9999-12-31', 'from=2026-02-30']) {
      const response = await ctx.app.inject({ method: 'GET', url: `/api/audit-events?${query}`, headers: staff.headers() });
      expect(response.statusCode, query).toBe(400);
    }
    const csv = await ctx.app.inject({ method: 'GET', url: '/api/audit-events.csv?from=0001-01-01', headers: staff.headers() });
    expect(csv.statusCode).toBe(400);
    const largest = await ctx.app.inject({ method: 'GET', url: '/api/audit-events?cursor=9223372036854775807&limit=1', headers: staff.headers() });
    expect(largest.statusCode).toBe(200);
  });

  it('csvCell guards every formula prefix', () => {
    expect(['=1', '+1', '-1', '@x', '\tx'].map(csvCell)).toEqual(["'=1", "'+1", "'-1", "'@x", "'\tx"]);
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a"b')).toBe('"a""b"');
  });

  it('is append-only in the database: UPDATE and DELETE are refused', async () => {
    const event = await ctx.db.prisma.auditEvent.findFirstOrThrow();
    await expect(ctx.db.sql.query(`UPDATE audit_events SET action = 'x' WHERE id = $1`, [event.id.toString()])).rejects.toThrow();
    await expect(ctx.db.sql.query(`DELETE FROM audit_events WHERE id = $1`, [event.id.toString()])).rejects.toThrow();
    expect((await ctx.db.prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).action).toBe(event.action);
  });
});

describe('daily digest', () => {
  it('two concurrent runs for the same Taipei date send one set of mails', async () => {
    await createAccount(ctx, { accountName: 'digestuser', role: 'GENERAL_USER', status: 'PENDING_APPROVAL', verificationMethod: 'MANAGER_APPROVAL' });
    await createAccount(ctx, { accountName: 'digestaccess', role: 'GENERAL_USER', status: 'ACTIVE', subsystems: [{ code: 'lung-cancer', status: 'PENDING' }] });
    const now = new Date('2027-01-05T01:00:00Z'); // 09:00 in Taipei
    const results = await Promise.all([runApproverDigest(ctx.db.prisma, 'http://portal.test', now), runApproverDigest(ctx.db.prisma, 'http://portal.test', now)]);
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    const mails = await ctx.db.prisma.mailMessage.findMany({ where: { template: 'approver-digest' } });
    expect(mails.length).toBe(results.find((r) => r.ran)!.mails);
    const recipients = mails.map((m) => m.to).sort();
    const lung = await ctx.db.prisma.account.findUniqueOrThrow({ where: { accountNameKey: 'demosublung' } });
    const manager = await ctx.db.prisma.account.findUniqueOrThrow({ where: { accountNameKey: 'demomanager' } });
    expect(recipients).toContain(lung.email);
    expect(recipients).toContain(manager.email);
    expect(new Set(recipients).size).toBe(recipients.length);
    const lungMail = mails.find((m) => m.to === lung.email)!;
    expect(lungMail.subject).toContain('待審核案件通知（2027/01/05）');
    expect(lungMail.text).toContain('子系統：肺癌篩檢：待審核 1 件（逾期 1 件）');

    const later = await runApproverDigest(ctx.db.prisma, 'http://portal.test', new Date('2027-01-05T10:00:00Z'));
    expect(later).toEqual({ ran: false, mails: 0 });
    expect(await ctx.db.prisma.jobRun.count({ where: { job: 'approver-digest' } })).toBe(1);
  });
});
