import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTaiwanIdWithChecksum } from '@portal/shared';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createAccount } from '../helpers/accounts.js';

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
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      code: 'VALIDATION_FAILED',
      message: '身分證字號（或居留證號）格式或檢查碼錯誤，請確認後再輸入',
      fieldErrors: { nationalId: ['身分證字號（或居留證號）格式或檢查碼錯誤，請確認後再輸入'] },
    });
  });

  it('is rate-limited per IP (20 per 10 minutes → 429)', async () => {
    const payload = { accountName: 'nobody-at-all', nationalId: makeTaiwanIdWithChecksum('A12345678') };
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) statuses.push((await query(payload, '203.0.113.50')).statusCode);
    expect(statuses.slice(0, 20).every((status) => status === 404)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});
