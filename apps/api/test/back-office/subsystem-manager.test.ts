/** 子系統管理者: the access-request queue, bulk approve and the race. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../helpers/test-app.js';
import { createTestAppWith, type TestSession } from '../helpers/auth.js';
import { createAccount, uniqueName } from '../helpers/accounts.js';
import { expectInvalidFields } from '../helpers/refusals.js';

let ctx: TestContext;
let adult: TestSession;
let child: TestSession;

beforeAll(async () => {
  ({ ctx, sessions: [adult, child] } = await createTestAppWith('demosubadult', 'demosubchild'));
});
afterAll(() => ctx.close());

async function request(code = 'adult-preventive', status: 'ACTIVE' | 'PENDING_APPROVAL' | 'DEACTIVATED' = 'ACTIVE', institutionCode = '9900000001') {
  const { account } = await createAccount(ctx, {
    accountName: uniqueName('sa'),
    role: 'GENERAL_USER',
    status,
    institutionCode,
    subsystems: [{ code, status: 'PENDING' }],
  });
  const access = await ctx.db.prisma.subsystemAccess.findFirstOrThrow({ where: { accountId: account.id } });
  return { account, access };
}

const decide = (session: TestSession, id: string, payload: Record<string, unknown>) =>
  ctx.app.inject({ method: 'POST', url: `/api/subsystem-manager/access-requests/${id}/decision`, headers: session.headers(), payload });

describe('queue', () => {
  it('shows only the caller’s subsystems; filters by institution, city and date', async () => {
    const mine = await request('adult-preventive', 'ACTIVE', '9900000002');
    const theirs = await request('child-preventive');
    const list = await ctx.app.inject({ method: 'GET', url: '/api/subsystem-manager/access-requests?pageSize=100', headers: adult.headers() });
    expect(list.statusCode).toBe(200);
    const ids = list.json().items.map((item: { id: string }) => item.id);
    expect(ids).toContain(mine.access.id);
    expect(ids).not.toContain(theirs.access.id);
    const row = list.json().items.find((item: { id: string }) => item.id === mine.access.id);
    expect(row).toMatchObject({
      accountName: mine.account.accountName,
      status: 'PENDING',
      statusLabel: '待審核',
      decidable: true,
      institution: { code: '9900000002', name: '示範診所', city: '新北市' },
      subsystem: { code: 'adult-preventive', name: '成人預防保健' },
    });

    const byCity = await ctx.app.inject({ method: 'GET', url: `/api/subsystem-manager/access-requests?city=${encodeURIComponent('臺北市')}&pageSize=100`, headers: adult.headers() });
    expect(byCity.json().items.map((item: { id: string }) => item.id)).not.toContain(mine.access.id);
    const byInstitution = await ctx.app.inject({ method: 'GET', url: '/api/subsystem-manager/access-requests?institution=9900000002&pageSize=100', headers: adult.headers() });
    expect(byInstitution.json().items.map((item: { id: string }) => item.id)).toContain(mine.access.id);
    expect(byInstitution.json().total).toBe(byInstitution.json().items.length);
    const past = await ctx.app.inject({ method: 'GET', url: '/api/subsystem-manager/access-requests?from=2020-01-01&to=2020-01-31', headers: adult.headers() });
    expect(past.json()).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
    const backwards = await ctx.app.inject({ method: 'GET', url: '/api/subsystem-manager/access-requests?from=2020-02-01&to=2020-01-31', headers: adult.headers() });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().message).toBe('起始日期不可晚於結束日期。');
  });

  it('another subsystem’s queue is not found', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/subsystem-manager/access-requests?subsystem=child-preventive', headers: adult.headers() });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ code: 'NOT_FOUND', message: '查無此資料。' });
  });

  it('lists the managed subsystems with pending counts', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/subsystem-manager/subsystems', headers: adult.headers() });
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toHaveLength(1);
    expect(response.json().items[0]).toMatchObject({ code: 'adult-preventive', name: '成人預防保健' });
  });
});

describe('decisions', () => {
  it('核准 → APPROVED (decider recorded, mail, audit); the applicant then sees it approved', async () => {
    const { account, access } = await request();
    const response = await decide(adult, access.id, { decision: 'APPROVE' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: access.id, status: 'APPROVED', statusLabel: '已核准', message: '已核准。' });
    const row = await ctx.db.prisma.subsystemAccess.findUniqueOrThrow({ where: { id: access.id } });
    expect(row.decidedById).not.toBeNull();
    expect(await ctx.db.prisma.mailMessage.count({ where: { to: account.email, template: 'subsystem-approved' } })).toBe(1);
    expect(await ctx.db.prisma.auditEvent.findFirst({ where: { entityId: access.id, action: 'subsystem-access.approved' } })).toMatchObject({
      entityType: 'subsystem-access',
      before: { status: 'PENDING' },
      after: { status: 'APPROVED' },
    });
  });

  it('駁回 requires a reason; with one → REJECTED and mailed', async () => {
    const { account, access } = await request();
    const missing = await decide(adult, access.id, { decision: 'REJECT', reason: '   ' });
    expectInvalidFields(missing, { reason: ['駁回時請填寫原因'] });
    const response = await decide(adult, access.id, { decision: 'REJECT', reason: '非服務機構' });
    expect(response.json()).toEqual({ id: access.id, status: 'REJECTED', statusLabel: '已駁回', message: '已駁回。' });
    expect((await ctx.db.prisma.subsystemAccess.findUniqueOrThrow({ where: { id: access.id } })).reason).toBe('非服務機構');
    const mail = await ctx.db.prisma.mailMessage.findFirstOrThrow({ where: { to: account.email, template: 'subsystem-rejected' } });
    expect(mail.text).toContain('非服務機構');
  });

  it('a request whose account is not active cannot be decided (409, unchanged)', async () => {
    const { access } = await request('adult-preventive', 'PENDING_APPROVAL');
    const response = await decide(adult, access.id, { decision: 'APPROVE' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({ code: 'ACCOUNT_NOT_ACTIVE', message: '此帳號目前非啟用狀態，無法審核其子系統申請。' });
    expect((await ctx.db.prisma.subsystemAccess.findUniqueOrThrow({ where: { id: access.id } })).status).toBe('PENDING');
  });

  it('another subsystem’s request is not found, even by its exact id', async () => {
    const { access } = await request('child-preventive');
    const response = await decide(adult, access.id, { decision: 'APPROVE' });
    expect(response.statusCode).toBe(404);
    expect((await ctx.db.prisma.subsystemAccess.findUniqueOrThrow({ where: { id: access.id } })).status).toBe('PENDING');
    const revoke = await ctx.app.inject({ method: 'POST', url: `/api/subsystem-manager/access-requests/${access.id}/revoke`, headers: adult.headers(), payload: { reason: 'x' } });
    expect(revoke.statusCode).toBe(404);
  });

  it('already decided → 409', async () => {
    const { access } = await request();
    await decide(adult, access.id, { decision: 'APPROVE' });
    const again = await decide(adult, access.id, { decision: 'APPROVE' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ code: 'ALREADY_DECIDED', message: '此申請已被處理，請重新整理頁面。' });
  });

  it('two approvers at once: exactly one wins', async () => {
    const { account, access } = await request();
    const [a, b] = await Promise.all([
      decide(adult, access.id, { decision: 'APPROVE' }),
      decide(adult, access.id, { decision: 'REJECT', reason: '同時' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect(await ctx.db.prisma.auditEvent.count({ where: { entityId: access.id } })).toBe(1);
    expect(await ctx.db.prisma.mailMessage.count({ where: { to: account.email } })).toBe(1);
  });

  it('停用 an approved access needs a reason; only APPROVED can be revoked', async () => {
    const { account, access } = await request();
    const early = await ctx.app.inject({ method: 'POST', url: `/api/subsystem-manager/access-requests/${access.id}/revoke`, headers: adult.headers(), payload: { reason: '離職' } });
    expect(early.statusCode).toBe(409);
    await decide(adult, access.id, { decision: 'APPROVE' });
    const noReason = await ctx.app.inject({ method: 'POST', url: `/api/subsystem-manager/access-requests/${access.id}/revoke`, headers: adult.headers(), payload: {} });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toBe('停用時請填寫原因');
    const response = await ctx.app.inject({ method: 'POST', url: `/api/subsystem-manager/access-requests/${access.id}/revoke`, headers: adult.headers(), payload: { reason: '離職' } });
    expect(response.json()).toEqual({ id: access.id, status: 'REVOKED', statusLabel: '已停用', message: '已停用此子系統權限。' });
    expect(await ctx.db.prisma.mailMessage.count({ where: { to: account.email, template: 'subsystem-revoked' } })).toBe(1);
  });
});

describe('bulk approve', () => {
  it('approves the pending ones and reports the rest with reasons', async () => {
    const ok = await Promise.all([request(), request(), request()]);
    const inactive = await request('adult-preventive', 'DEACTIVATED');
    const decided = await request();
    await decide(adult, decided.access.id, { decision: 'APPROVE' });
    const foreign = await request('child-preventive');
    const ids = [...ok.map((r) => r.access.id), inactive.access.id, decided.access.id, foreign.access.id];

    const response = await ctx.app.inject({ method: 'POST', url: '/api/subsystem-manager/access-requests/bulk-approve', headers: adult.headers(), payload: { ids } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      approved: 3,
      skipped: [
        { id: inactive.access.id, reason: 'ACCOUNT_NOT_ACTIVE', message: '帳號非啟用狀態' },
        { id: decided.access.id, reason: 'NOT_PENDING', message: '此申請已被處理' },
        { id: foreign.access.id, reason: 'NOT_FOUND', message: '查無此申請或非您管理的子系統' },
      ],
      message: '已核准 3 筆，略過 3 筆。',
    });
    for (const { access, account } of ok) {
      expect((await ctx.db.prisma.subsystemAccess.findUniqueOrThrow({ where: { id: access.id } })).status).toBe('APPROVED');
      expect(await ctx.db.prisma.auditEvent.count({ where: { entityId: access.id, action: 'subsystem-access.approved' } })).toBe(1);
      expect(await ctx.db.prisma.mailMessage.count({ where: { to: account.email, template: 'subsystem-approved' } })).toBe(1);
    }
    expect((await ctx.db.prisma.subsystemAccess.findUniqueOrThrow({ where: { id: foreign.access.id } })).status).toBe('PENDING');
  });

  it('refuses an empty or oversized selection', async () => {
    const empty = await ctx.app.inject({ method: 'POST', url: '/api/subsystem-manager/access-requests/bulk-approve', headers: adult.headers(), payload: { ids: [] } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toBe('請至少選擇一筆申請。');
    const ids = Array.from({ length: 1001 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const big = await ctx.app.inject({ method: 'POST', url: '/api/subsystem-manager/access-requests/bulk-approve', headers: adult.headers(), payload: { ids } });
    expect(big.statusCode).toBe(400);
    expect(big.json().message).toBe('一次最多核准 1000 筆。');
  });

  it('the other subsystem’s manager sees none of these', async () => {
    const { access } = await request();
    const response = await decide(child, access.id, { decision: 'APPROVE' });
    expect(response.statusCode).toBe(404);
  });
});
