/** 篩檢結果查詢 over HTTP: results and eligibility, no existence leak, daily limit, lookup log, alerts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taipeiToday } from '@portal/shared';
import { createTestApp, testCrypto, type TestContext } from '../helpers/test-app.js';
import { login, type TestSession } from '../helpers/auth.js';
import { createAccount } from '../helpers/accounts.js';
import { ingestAs, newNationalId, recordInput, type PersonFixture } from './screening-fixtures.js';
import { expectInvalidFields } from '../helpers/refusals.js';

const LIMIT = 6;
const ALERT_AT = 4;
let ctx: TestContext;
let user: TestSession;
let manager: TestSession;
let staff: TestSession;
const year = Number(taipeiToday().slice(0, 4));
// 41 this year (calendar-year age): mammography every 2 years from 40, colorectal from 45.
const person: PersonFixture = { nationalId: newNationalId('F'), birthDate: `${year - 41}-04-10`, sex: 'F', smokingStatus: 'NEVER', betelNutStatus: 'NEVER' };

beforeAll(async () => {
  ctx = await createTestApp({ demoInstitutions: 0, env: { SCREENING_DAILY_LOOKUP_LIMIT: String(LIMIT), SCREENING_ALERT_DISTINCT_PERSONS: String(ALERT_AT) } });
  await ingestAs(ctx, 'breast-cancer', [recordInput(person, 'MAMMOGRAPHY', `${year - 1}-03-02`, { result: 'ABNORMAL', followUpState: 'PENDING' })]);
  await ingestAs(ctx, 'cervical-cancer', [recordInput(person, 'CERVICAL_PAP', `${year - 1}-05-06`, { institutionCode: '9900000002' })]);
  await ingestAs(ctx, 'hepatitis-bc', [recordInput(person, 'HEPATITIS_BC', `${year - 2}-05-06`, { result: 'NEGATIVE' })]);
  user = await login(ctx.app, 'demouser');
  manager = await login(ctx.app, 'demomanager');
  staff = await login(ctx.app, 'demostaff');
});
afterAll(() => ctx.close());

const lookUp = (session: TestSession, payload: Record<string, unknown>) =>
  ctx.app.inject({ method: 'POST', url: '/api/screening/lookups', headers: session.headers(), payload });

describe('lookup', () => {
  it('shows the person, the last record of every service and eligibility today, and logs the lookup', async () => {
    const response = await lookUp(user, { nationalId: person.nationalId.toLowerCase(), birthDate: person.birthDate, purpose: 'CARE' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json();
    expect(body.person).toEqual({
      maskedNationalId: `${person.nationalId.slice(0, 3)}****${person.nationalId.slice(-3)}`,
      birthDate: person.birthDate,
      sex: 'F',
      sexLabel: '女',
      indigenous: false,
      calendarAge: 41,
    });
    expect(body.purposeLabel).toBe('看診服務');
    expect(body.openFollowUps).toBe(1);
    const row = (service: string) => body.services.find((candidate: { service: string }) => candidate.service === service);
    expect(row('MAMMOGRAPHY')).toMatchObject({
      serviceLabel: '乳房X光攝影',
      recordCount: 1,
      last: { date: `${year - 1}-03-02`, institution: { code: '9900000001', name: '示範醫院' }, result: 'ABNORMAL', resultLabel: '異常', abnormal: true, followUp: { state: 'PENDING', stateLabel: '待追蹤', open: true } },
      openFollowUp: { date: `${year - 1}-03-02` },
      eligibility: { status: 'NOT_YET_DUE', statusLabel: '尚未到期', nextDate: `${year + 1}-01-01`, ruleVersion: 'MAMMOGRAPHY@2025-01-01' },
    });
    expect(row('CERVICAL_PAP')).toMatchObject({ last: { institution: { code: '9900000002', name: '示範診所' } }, eligibility: { status: 'ELIGIBLE', statusLabel: '可受檢' } });
    expect(row('HEPATITIS_BC').eligibility).toMatchObject({ status: 'LIFETIME_USED', statusLabel: '終身一次已使用' });
    expect(row('FIT')).toMatchObject({ last: null, eligibility: { status: 'INELIGIBLE', statusLabel: '不符資格' } });
    expect(body.services).toHaveLength(12);

    const logged = await ctx.db.prisma.screeningLookup.findFirstOrThrow({ orderBy: { id: 'desc' } });
    const demouser = await ctx.db.prisma.account.findUniqueOrThrow({ where: { accountNameKey: 'demouser' }, select: { id: true, institutionId: true } });
    expect(logged).toMatchObject({ accountId: demouser.id, institutionId: demouser.institutionId, personHash: testCrypto.lookupHash(person.nationalId), purpose: 'CARE', outcome: 'FOUND' });
    expect(logged.ip).toBeTruthy();
  });

  it('answers a wrong birth date exactly as an unknown person, and logs both', async () => {
    const wrongBirthDate = await lookUp(manager, { nationalId: person.nationalId, birthDate: `${year - 41}-04-11`, purpose: 'FOLLOW_UP' });
    const unknown = await lookUp(manager, { nationalId: newNationalId('M'), birthDate: '1980-01-01', purpose: 'FOLLOW_UP' });
    for (const response of [wrongBirthDate, unknown]) {
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ code: 'SCREENING_NOT_FOUND', message: '查無符合的資料，請確認身分證字號及出生日期是否正確。' });
    }
    expect(Object.keys(wrongBirthDate.headers).sort()).toEqual(Object.keys(unknown.headers).sort());
    const logged = await ctx.db.prisma.screeningLookup.findMany({ orderBy: { id: 'desc' }, take: 2 });
    expect(logged.map((entry) => entry.outcome)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
  });

  it('validates the form in zh-TW', async () => {
    const response = await lookUp(user, { nationalId: 'A123456788', birthDate: '1980-02-30', purpose: 'X' });
    expectInvalidFields(response, {
      nationalId: ['身分證字號（或居留證號）格式或檢查碼錯誤，請確認後再輸入'],
      birthDate: ['日期格式須為 YYYY-MM-DD（西元年）。'],
      purpose: ['請選擇查詢目的'],
    });
  });

  it('is for institution accounts only', async () => {
    for (const name of ['demostaff', 'demosubadult']) {
      const response = await lookUp(await login(ctx.app, name), { nationalId: person.nationalId, birthDate: person.birthDate, purpose: 'CARE' });
      expect(response.statusCode).toBe(403);
    }
  });
});

describe('daily limit and alert', () => {
  it('alerts staff once the account looked up unusually many people, then refuses past the daily limit', async () => {
    const { account } = await createAccount(ctx, { accountName: `busy${Date.now() % 100000}`, role: 'GENERAL_USER', status: 'ACTIVE', institutionCode: '9900000001' });
    const busy = await login(ctx.app, account.accountName);
    const mailsBefore = await ctx.db.prisma.mailMessage.count({ where: { template: 'screening-lookup-alert' } });
    for (let index = 0; index < LIMIT; index += 1) {
      const response = await lookUp(busy, { nationalId: newNationalId('F'), birthDate: '1970-01-01', purpose: 'CARE' });
      expect(response.statusCode).toBe(404);
    }
    const refused = await lookUp(busy, { nationalId: person.nationalId, birthDate: person.birthDate, purpose: 'CARE' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({
      code: 'SCREENING_DAILY_LIMIT',
      message: `您今日的篩檢結果查詢已達 ${LIMIT} 次上限，請於明日再查詢；如因業務需要須提高上限，請洽諮詢窗口。`,
    });
    const outcomes = await ctx.db.prisma.screeningLookup.findMany({ where: { accountId: account.id }, orderBy: { id: 'asc' }, select: { outcome: true } });
    expect(outcomes.map((entry) => entry.outcome)).toEqual([...Array(LIMIT).fill('NOT_FOUND'), 'LIMIT_REACHED']);

    // One alert for the day, mailed to every active 系統人員, counted on the back office.
    const alerts = await ctx.db.prisma.screeningLookupAlert.findMany({ where: { accountId: account.id } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.distinctPersons).toBe(ALERT_AT);
    const staffCount = await ctx.db.prisma.account.count({ where: { role: 'SYSTEM_STAFF', status: 'ACTIVE' } });
    expect(await ctx.db.prisma.mailMessage.count({ where: { template: 'screening-lookup-alert' } })).toBe(mailsBefore + staffCount);
    const summary = await ctx.app.inject({ method: 'GET', url: '/api/screening/alerts/summary', headers: staff.headers() });
    expect(summary.json().open).toBeGreaterThanOrEqual(1);
    const list = await ctx.app.inject({ method: 'GET', url: '/api/screening/alerts', headers: staff.headers() });
    const listed = list.json().items.find((item: { account: { id: string } }) => item.account.id === account.id);
    expect(listed).toMatchObject({ day: taipeiToday(), distinctPersons: ALERT_AT, acknowledgedAt: null, institution: { code: '9900000001' } });

    const acknowledge = () => ctx.app.inject({ method: 'POST', url: `/api/screening/alerts/${listed.id}/acknowledge`, headers: staff.headers() });
    const first = await acknowledge();
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ acknowledgedBy: 'demostaff' });
    const second = await acknowledge();
    expect(second.statusCode).toBe(409);
    expect(second.json()).toEqual({ code: 'ALREADY_ACKNOWLEDGED', message: '此警示已有人處理。' });
    expect(await ctx.db.prisma.auditEvent.count({ where: { action: 'screening.alert.acknowledged', entityId: listed.id } })).toBe(1);
  });
});

describe('lookup log', () => {
  it('staff see every lookup, and can find the lookups of a person by 身分證', async () => {
    const response = await ctx.app.inject({ method: 'POST', url: '/api/screening/lookup-log/search', headers: staff.headers(), payload: { nationalId: person.nationalId, limit: 100 } });
    expect(response.statusCode).toBe(200);
    const items = response.json().items;
    expect(items.length).toBeGreaterThanOrEqual(2);
    for (const item of items) expect(item.personHash).toBe(testCrypto.lookupHash(person.nationalId));
    expect(items.at(-1)).toMatchObject({ account: { accountName: 'demouser' }, institution: { code: '9900000001', name: '示範醫院' }, purposeLabel: '看診服務', outcomeLabel: '查得資料' });
  });

  it('a manager sees the lookups of their institution’s accounts only', async () => {
    const { account } = await createAccount(ctx, { accountName: `clinic${Date.now() % 100000}`, role: 'INSTITUTION_MANAGER', status: 'ACTIVE', institutionCode: '9900000002' });
    const clinic = await login(ctx.app, account.accountName);
    await lookUp(clinic, { nationalId: person.nationalId, birthDate: person.birthDate, purpose: 'FOLLOW_UP' });
    const own = await ctx.app.inject({ method: 'POST', url: '/api/screening/institution-lookup-log/search', headers: clinic.headers(), payload: { limit: 100 } });
    expect(own.json().items.map((item: { account: { accountName: string } }) => item.account.accountName)).toEqual([account.accountName]);
    const hospital = await ctx.app.inject({ method: 'POST', url: '/api/screening/institution-lookup-log/search', headers: manager.headers(), payload: { limit: 100 } });
    const names = new Set(hospital.json().items.map((item: { account: { accountName: string } }) => item.account.accountName));
    expect(names.has(account.accountName)).toBe(false);
    expect(names.has('demouser')).toBe(true);
  });

  it('the log cannot be changed, even by a direct UPDATE', async () => {
    await expect(ctx.db.sql.exec('UPDATE screening_lookups SET purpose = \'CARE\'')).rejects.toThrow(/append-only/);
  });
});
