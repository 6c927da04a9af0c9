import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTaiwanIdWithChecksum } from '@portal/shared';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createAccount } from '../helpers/accounts.js';
import { login } from '../helpers/auth.js';
import { recordingPrisma } from '../helpers/recording-prisma.js';
import { expectFieldRefusal } from '../helpers/refusals.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ demoInstitutions: 0, env: { TRUST_PROXY_HOPS: '1' } });
});
afterAll(() => ctx.close());

const query = (payload: unknown, ip = '192.0.2.1') =>
  ctx.app.inject({ method: 'POST', url: '/api/application-status', payload: payload as object, headers: { 'x-forwarded-for': ip } });
const NOT_FOUND = { code: 'APPLICATION_NOT_FOUND', message: '查無符合的申請資料，請確認帳號及身分證字號。' };

describe('POST /api/application-status', () => {
  it('shows a manager waiting for 紙本審核 with its subsystems not started yet', async () => {
    const { account, nationalId } = await createAccount(ctx, {
      accountName: 'PaperWang',
      verificationMethod: 'PAPER',
      subsystems: [{ code: 'adult-preventive', status: 'PENDING' }],
    });
    const response = await query({ accountName: 'paperwang', nationalId: nationalId.toLowerCase() });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      applicationNo: account.applicationNo,
      accountName: 'PaperWang',
      role: 'INSTITUTION_MANAGER',
      roleLabel: '單位業務管理者',
      status: 'PENDING_VERIFICATION',
      statusLabel: '待驗證',
      institution: { code: '9900000001', name: '示範醫院' },
      submittedAt: account.createdAt.toISOString(),
      steps: [
        { key: 'submitted', label: '帳號申請', state: 'DONE', date: account.createdAt.toISOString(), note: null },
        {
          key: 'verification',
          label: '紙本審核',
          state: 'WAITING',
          date: null,
          note: '請列印申請表並蓋妥機構關防後上傳或寄送服務信箱，系統人員將於三個工作天內完成審核。',
        },
        { key: 'subsystem:adult-preventive', label: '子系統申請：成人預防保健', state: 'NOT_STARTED', date: null, note: '帳號開通後，由子系統管理者審核。' },
      ],
    });
  });

  it('shows an active general user with approved, rejected and pending subsystems', async () => {
    const { account, nationalId } = await createAccount(ctx, {
      accountName: 'generalLin',
      role: 'GENERAL_USER',
      status: 'ACTIVE',
      verificationMethod: 'MANAGER_APPROVAL',
      subsystems: [
        { code: 'adult-preventive', status: 'APPROVED' },
        { code: 'child-preventive', status: 'REJECTED', reason: '非本院業務範圍' },
        { code: 'smoking-cessation', status: 'PENDING' },
      ],
    });
    const response = await query({ accountName: 'GeneralLin', nationalId });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.steps).toEqual([
      { key: 'submitted', label: '帳號申請', state: 'DONE', date: account.createdAt.toISOString(), note: null },
      { key: 'verification', label: '單位業務管理者核准', state: 'DONE', date: account.activatedAt!.toISOString(), note: null },
      { key: 'subsystem:adult-preventive', label: '子系統申請：成人預防保健', state: 'DONE', date: '2026-11-20T02:00:00.000Z', note: null },
      { key: 'subsystem:child-preventive', label: '子系統申請：兒童預防保健', state: 'REJECTED', date: '2026-11-20T02:00:00.000Z', note: '非本院業務範圍' },
      { key: 'subsystem:smoking-cessation', label: '子系統申請：戒菸服務', state: 'WAITING', date: null, note: '待子系統管理者審核。' },
    ]);
  });

  it('answers the same 404 for a wrong 身分證 and an unknown account', async () => {
    const wrongId = await query({ accountName: 'demomanager', nationalId: makeTaiwanIdWithChecksum('B22345678') });
    const unknown = await query({ accountName: 'nobody-at-all', nationalId: makeTaiwanIdWithChecksum('A12345678') });
    for (const response of [wrongId, unknown]) {
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual(NOT_FOUND);
    }
  });

  it('validates the 身分證 checksum (400)', async () => {
    const response = await query({ accountName: 'demomanager', nationalId: 'A123456780' });
    expectFieldRefusal(response, 400, 'VALIDATION_FAILED', 'nationalId', '身分證字號（或居留證號）格式或檢查碼錯誤，請確認後再輸入');
  });

  it('is rate-limited per IP (20 per 10 minutes → 429)', async () => {
    const payload = (i: number) => ({ accountName: `nobody-at-all-${i}`, nationalId: makeTaiwanIdWithChecksum('A12345678') });
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) statuses.push((await query(payload(i), '203.0.113.50')).statusCode);
    expect(statuses.slice(0, 20).every((status) => status === 404)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('is limited per 帳號 too, from any address: the 11th failed query within 15 minutes is a 429 with Retry-After', async () => {
    const { nationalId } = await createAccount(ctx, { accountName: 'guessedId' });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      statuses.push((await query({ accountName: 'guessedid', nationalId: makeTaiwanIdWithChecksum(`B2234567${i}`) }, `198.51.100.${i + 1}`)).statusCode);
    }
    expect(statuses).toEqual(Array(10).fill(404));
    // Even the right 身分證 now waits: the guesses must not be able to go on.
    const locked = await query({ accountName: 'GuessedId', nationalId }, '198.51.100.99');
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(locked.json()).toEqual({ code: 'TOO_MANY_ATTEMPTS', message: '此帳號的申請進度查詢失敗次數過多，請於 15 分鐘後再試。' });
    // An unknown name is limited the same way, so the limit tells nothing either.
    for (let i = 0; i < 10; i += 1) await query({ accountName: 'no-such-name', nationalId }, `198.51.101.${i + 1}`);
    expect((await query({ accountName: 'no-such-name', nationalId }, '198.51.101.99')).statusCode).toBe(429);
  });

  it('clears the count of a name when both keys match', async () => {
    const { nationalId } = await createAccount(ctx, { accountName: 'forgetfulId' });
    for (let round = 0; round < 3; round += 1) {
      for (let i = 0; i < 9; i += 1) await query({ accountName: 'forgetfulid', nationalId: makeTaiwanIdWithChecksum(`C1234567${i}`) }, `198.51.102.${i + 1}`);
      expect((await query({ accountName: 'forgetfulid', nationalId }, '198.51.102.99')).statusCode).toBe(200);
    }
  });

  it("shows the manager's reason when a 一般使用者's application was rejected", async () => {
    const { account, nationalId } = await createAccount(ctx, { accountName: 'rejectedLee', role: 'GENERAL_USER', status: 'PENDING_APPROVAL', verificationMethod: 'MANAGER_APPROVAL' });
    const manager = await login(ctx.app, 'demomanager');
    const url = `/api/institution-manager/applications/${account.id}/decision`;
    const decided = await ctx.app.inject({ method: 'POST', url, headers: manager.headers(url), payload: { decision: 'REJECT', reason: '非本院員工' } });
    expect(decided.statusCode).toBe(200);
    const response = await query({ accountName: 'rejectedlee', nationalId });
    expect(response.statusCode).toBe(200);
    const verification = (response.json() as { steps: { key: string }[] }).steps.find((step) => step.key === 'verification');
    expect(verification).toMatchObject({ label: '單位業務管理者核准', state: 'REJECTED', note: '非本院員工', date: expect.any(String) });
  });
});

describe('申請進度查詢 does the same work whether or not the name exists (decision 010)', () => {
  it('one read keyed on both 帳號 and 身分證: an existing name with a wrong 身分證 reads what an unknown name reads', async () => {
    const recorder = recordingPrisma(ctx.db.prisma);
    const twin = await createTestApp({ database: { ...ctx, db: { ...ctx.db, prisma: recorder.prisma } }, env: { TRUST_PROXY_HOPS: '1' } });
    try {
      const { nationalId } = await createAccount(ctx, { accountName: 'sameWork' });
      recorder.take();
      const work = async (accountName: string, id: string) => {
        const response = await twin.app.inject({ method: 'POST', url: '/api/application-status', payload: { accountName, nationalId: id }, headers: { 'x-forwarded-for': '192.0.2.77' } });
        return { status: response.statusCode, body: response.body, calls: recorder.take() };
      };
      const wrongId = await work('samework', makeTaiwanIdWithChecksum('D12345678'));
      const unknown = await work('no-such-account', makeTaiwanIdWithChecksum('D12345678'));
      expect(wrongId).toEqual(unknown);
      expect(wrongId.calls).toEqual(['account.findFirst(accountNameKey,nationalIdHash)']);
      // Only a match reads further (the steps).
      const match = await work('samework', nationalId);
      expect(match.status).toBe(200);
      expect(match.calls.length).toBeGreaterThan(1);
    } finally {
      await twin.close();
    }
  });
});
