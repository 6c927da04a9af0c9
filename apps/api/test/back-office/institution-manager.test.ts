/** 單位業務管理者: the 一般使用者 queue and the institution's accounts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../helpers/test-app.js';
import { createTestAppWith, login, type TestSession } from '../helpers/auth.js';
import { createAccount, uniqueName } from '../helpers/accounts.js';

let ctx: TestContext;
let manager: TestSession;
let otherManager: TestSession;

beforeAll(async () => {
  ({ ctx, sessions: [manager] } = await createTestAppWith('demomanager'));
  await createAccount(ctx, { accountName: 'clinicboss', role: 'INSTITUTION_MANAGER', status: 'ACTIVE', institutionCode: '9900000002' });
  otherManager = await login(ctx.app, 'clinicboss');
});
afterAll(() => ctx.close());

const pendingUser = (institutionCode = '9900000001') =>
  createAccount(ctx, { accountName: uniqueName('gu'), role: 'GENERAL_USER', status: 'PENDING_APPROVAL', verificationMethod: 'MANAGER_APPROVAL', institutionCode });

const decide = (session: TestSession, id: string, payload: Record<string, unknown>) =>
  ctx.app.inject({ method: 'POST', url: `/api/institution-manager/applications/${id}/decision`, headers: session.headers(), payload });

describe('queue', () => {
  it('lists only pending 一般使用者 applications of the caller’s institution, with 帳號', async () => {
    const { account: mine } = await pendingUser();
    const { account: theirs } = await pendingUser('9900000002');
    const response = await ctx.app.inject({ method: 'GET', url: '/api/institution-manager/applications?pageSize=100', headers: manager.headers() });
    expect(response.statusCode).toBe(200);
    const ids = response.json().items.map((item: { id: string }) => item.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect(response.json().items.find((item: { id: string }) => item.id === mine.id).accountName).toBe(mine.accountName);
  });
});

describe('decisions', () => {
  it('核准: PENDING_APPROVAL → ACTIVE, mails the applicant, writes the audit event', async () => {
    const { account } = await pendingUser();
    const response = await decide(manager, account.id, { decision: 'APPROVE' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: account.id, status: 'ACTIVE', statusLabel: '已開通', message: '已核准。' });
    const row = await ctx.db.prisma.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(row.status).toBe('ACTIVE');
    expect(row.activatedAt).not.toBeNull();
    const mail = await ctx.db.prisma.mailMessage.findFirst({ where: { to: account.email, template: 'account-activated' } });
    expect(mail).not.toBeNull();
    const event = await ctx.db.prisma.auditEvent.findFirst({ where: { entityId: account.id, action: 'account.approved' } });
    expect(event).toMatchObject({ entityType: 'account', before: { status: 'PENDING_APPROVAL' }, after: { status: 'ACTIVE', reason: null } });
  });

  it('駁回 needs a reason (400, nothing changes)', async () => {
    const { account } = await pendingUser();
    const response = await decide(manager, account.id, { decision: 'REJECT' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ code: 'VALIDATION_FAILED', message: '駁回時請填寫原因', fieldErrors: { reason: ['駁回時請填寫原因'] } });
    expect((await ctx.db.prisma.account.findUniqueOrThrow({ where: { id: account.id } })).status).toBe('PENDING_APPROVAL');
  });

  it('駁回 with a reason: → REJECTED and the reason is mailed', async () => {
    const { account } = await pendingUser();
    const response = await decide(manager, account.id, { decision: 'REJECT', reason: '非本院員工' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: account.id, status: 'REJECTED', statusLabel: '未通過', message: '已駁回。' });
    const mail = await ctx.db.prisma.mailMessage.findFirstOrThrow({ where: { to: account.email, template: 'account-rejected' } });
    expect(mail.text).toContain('非本院員工');
  });

  it('deciding an already-decided application → 409 and changes nothing', async () => {
    const { account } = await pendingUser();
    expect((await decide(manager, account.id, { decision: 'APPROVE' })).statusCode).toBe(200);
    const events = await ctx.db.prisma.auditEvent.count({ where: { entityId: account.id } });
    const again = await decide(manager, account.id, { decision: 'REJECT', reason: 'x' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ code: 'ALREADY_DECIDED', message: '此申請已被處理，請重新整理頁面。' });
    expect((await ctx.db.prisma.account.findUniqueOrThrow({ where: { id: account.id } })).status).toBe('ACTIVE');
    expect(await ctx.db.prisma.auditEvent.count({ where: { entityId: account.id } })).toBe(events);
  });

  it('two approvers at once: exactly one wins', async () => {
    const { account } = await pendingUser();
    const [a, b] = await Promise.all([
      decide(manager, account.id, { decision: 'APPROVE' }),
      decide(manager, account.id, { decision: 'REJECT', reason: '重複' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const decisions = await ctx.db.prisma.auditEvent.count({ where: { entityId: account.id, action: { in: ['account.approved', 'account.rejected'] } } });
    expect(decisions).toBe(1);
    expect(await ctx.db.prisma.mailMessage.count({ where: { to: account.email, template: { in: ['account-activated', 'account-rejected'] } } })).toBe(1);
  });

  it('an application of another institution is not found (guessed id → 404, unchanged)', async () => {
    const { account } = await pendingUser('9900000002');
    const response = await decide(manager, account.id, { decision: 'APPROVE' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ code: 'NOT_FOUND', message: '查無此資料。' });
    expect((await ctx.db.prisma.account.findUniqueOrThrow({ where: { id: account.id } })).status).toBe('PENDING_APPROVAL');
    expect((await decide(manager, '00000000-0000-4000-8000-000000000000', { decision: 'APPROVE' })).statusCode).toBe(404);
    expect((await decide(otherManager, account.id, { decision: 'APPROVE' })).statusCode).toBe(200);
  });

  it('a malformed id → 400 with the not-found message', async () => {
    const response = await decide(manager, 'not-a-uuid', { decision: 'APPROVE' });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toBe('查無此資料。');
  });
});

describe('accounts', () => {
  it('lists the institution’s accounts only', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/institution-manager/accounts?pageSize=100', headers: manager.headers() });
    expect(response.statusCode).toBe(200);
    const names = response.json().items.map((item: { accountName: string }) => item.accountName);
    expect(names).toContain('demomanager');
    expect(names).toContain('demouser');
    expect(names).not.toContain('clinicboss');
    const self = response.json().items.find((item: { accountName: string }) => item.accountName === 'demomanager');
    expect(self.canChangeStatus).toBe(false);
  });

  it('停用 revokes the user’s sessions at once; 重新啟用 lets them log in again', async () => {
    const { account } = await createAccount(ctx, { accountName: uniqueName('act'), role: 'GENERAL_USER', status: 'ACTIVE', institutionCode: '9900000001' });
    const user = await login(ctx.app, account.accountName);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/account/profile', headers: user.headers() })).statusCode).toBe(200);

    const off = await ctx.app.inject({ method: 'POST', url: `/api/institution-manager/accounts/${account.id}/deactivate`, headers: manager.headers(), payload: { reason: '離職' } });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toEqual({ id: account.id, status: 'DEACTIVATED', statusLabel: '已停用', message: '已停用此帳號，該帳號的登入已全部登出。' });
    expect((await ctx.app.inject({ method: 'GET', url: '/api/account/profile', headers: user.headers() })).statusCode).toBe(401);
    const row = await ctx.db.prisma.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(row.sessionVersion).toBe(account.sessionVersion + 1);

    const twice = await ctx.app.inject({ method: 'POST', url: `/api/institution-manager/accounts/${account.id}/deactivate`, headers: manager.headers(), payload: {} });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toEqual({ code: 'INVALID_STATE', message: '此帳號狀態已變更，請重新整理頁面。' });

    const on = await ctx.app.inject({ method: 'POST', url: `/api/institution-manager/accounts/${account.id}/reactivate`, headers: manager.headers(), payload: {} });
    expect(on.statusCode).toBe(200);
    expect(on.json().status).toBe('ACTIVE');
    await login(ctx.app, account.accountName);
    const actions = (await ctx.db.prisma.auditEvent.findMany({ where: { entityId: account.id }, orderBy: { id: 'asc' } })).map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['account.deactivated', 'account.reactivated']));
  });

  it('cannot deactivate a manager, itself, or another institution’s user', async () => {
    const { account: boss } = await createAccount(ctx, { accountName: uniqueName('mgr'), role: 'INSTITUTION_MANAGER', status: 'ACTIVE', institutionCode: '9900000001' });
    const managerTarget = await ctx.app.inject({ method: 'POST', url: `/api/institution-manager/accounts/${boss.id}/deactivate`, headers: manager.headers(), payload: {} });
    expect(managerTarget.statusCode).toBe(403);
    expect(managerTarget.json()).toEqual({ code: 'MANAGER_ACCOUNT', message: '單位業務管理者帳號的停用請依「管理者帳號申請、異動」流程辦理。' });

    const me = await ctx.db.prisma.account.findUniqueOrThrow({ where: { accountNameKey: 'demomanager' } });
    const self = await ctx.app.inject({ method: 'POST', url: `/api/institution-manager/accounts/${me.id}/deactivate`, headers: manager.headers(), payload: {} });
    expect(self.statusCode).toBe(403);

    const { account: foreign } = await createAccount(ctx, { accountName: uniqueName('fu'), role: 'GENERAL_USER', status: 'ACTIVE', institutionCode: '9900000002' });
    const guessed = await ctx.app.inject({ method: 'POST', url: `/api/institution-manager/accounts/${foreign.id}/deactivate`, headers: manager.headers(), payload: {} });
    expect(guessed.statusCode).toBe(404);
    expect((await ctx.db.prisma.account.findUniqueOrThrow({ where: { id: foreign.id } })).status).toBe('ACTIVE');
  });
});
