/** The ingest service (the subsystems' API): idempotent, per-record errors, own services only, audited. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testCrypto, type TestContext } from '../helpers/test-app.js';
import { DEMO_CLINIC, ingestAs, newNationalId, recordInput, type PersonFixture } from './screening-fixtures.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ demoInstitutions: 0 });
});
afterAll(() => ctx.close());

const woman = (birthDate = '1976-05-05'): PersonFixture => ({ nationalId: newNationalId('F'), birthDate, sex: 'F' });
const recordsOf = (nationalId: string) =>
  ctx.db.prisma.screeningRecord.findMany({ where: { person: { nationalIdHash: testCrypto.lookupHash(nationalId) } }, orderBy: { serviceDate: 'asc' } });

describe('ingest', () => {
  it('stores a record and its person (身分證 encrypted, keyed hash), and a retry changes nothing', async () => {
    const person = woman();
    const record = recordInput(person, 'MAMMOGRAPHY', '2026-03-02', { result: 'ABNORMAL', followUpState: 'PENDING' });
    const first = await ingestAs(ctx, 'breast-cancer', [record]);
    expect(first).toMatchObject({ received: 1, created: 1, updated: 0, unchanged: 0, rejected: 0, results: [{ index: 0, recordId: record.recordId, outcome: 'CREATED' }] });
    const again = await ingestAs(ctx, 'breast-cancer', [record]);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1, results: [{ outcome: 'UNCHANGED' }] });
    expect(await recordsOf(person.nationalId)).toHaveLength(1);
    const stored = await ctx.db.prisma.screeningPerson.findUniqueOrThrow({ where: { nationalIdHash: testCrypto.lookupHash(person.nationalId) } });
    expect(testCrypto.decrypt(stored.nationalIdCipher)).toBe(person.nationalId);
    expect(Buffer.from(stored.nationalIdCipher).includes(Buffer.from(person.nationalId))).toBe(false);
  });

  it('a re-sent record with a new follow-up state updates it', async () => {
    const person = woman();
    const record = recordInput(person, 'MAMMOGRAPHY', '2026-03-02', { result: 'ABNORMAL', followUpState: 'PENDING' });
    await ingestAs(ctx, 'breast-cancer', [record]);
    const moved = await ingestAs(ctx, 'breast-cancer', [{ ...record, followUpState: 'REFERRED', referredOn: '2026-03-20' }]);
    expect(moved.results[0]!.outcome).toBe('UPDATED');
    const [stored] = await recordsOf(person.nationalId);
    expect(stored).toMatchObject({ followUpState: 'REFERRED', referredOn: new Date('2026-03-20T00:00:00Z') });
  });

  it('a subsystem cannot write another subsystem’s service', async () => {
    const person = woman();
    const response = await ingestAs(ctx, 'adult-preventive', [recordInput(person, 'MAMMOGRAPHY', '2026-03-02')]);
    expect(response.results[0]).toMatchObject({ outcome: 'REJECTED', errors: { service: ['子系統「adult-preventive」不可登錄「乳房X光攝影」紀錄。'] } });
    expect(await recordsOf(person.nationalId)).toHaveLength(0);
    expect(await ctx.db.prisma.screeningPerson.count({ where: { nationalIdHash: testCrypto.lookupHash(person.nationalId) } })).toBe(0);
  });

  it('the same record id from two subsystems is two records', async () => {
    const person = { ...woman(), smokingStatus: 'CURRENT' };
    const recordId = `SHARED-${Date.now()}`;
    await ingestAs(ctx, 'adult-preventive', [{ ...recordInput(person, 'ADULT_PREVENTIVE', '2026-01-05'), recordId }]);
    await ingestAs(ctx, 'oral-cancer', [{ ...recordInput(person, 'ORAL_MUCOSA', '2026-01-05'), recordId }]);
    expect((await recordsOf(person.nationalId)).map((record) => record.service).sort()).toEqual(['ADULT_PREVENTIVE', 'ORAL_MUCOSA']);
  });

  it('refuses a birth date that disagrees with the stored person, and keeps what was stored', async () => {
    const person = woman('1970-01-01');
    await ingestAs(ctx, 'adult-preventive', [recordInput(person, 'ADULT_PREVENTIVE', '2025-01-05')]);
    const response = await ingestAs(ctx, 'adult-preventive', [recordInput({ ...person, birthDate: '1971-01-01' }, 'ADULT_PREVENTIVE', '2026-01-05')]);
    expect(response.results[0]).toMatchObject({ outcome: 'REJECTED', errors: { 'person.birthDate': ['出生日期與本系統既有資料不符，請確認身分證字號及出生日期。'] } });
    expect(await recordsOf(person.nationalId)).toHaveLength(1);
  });

  it('updates risk factors a subsystem reports and keeps those it leaves out', async () => {
    const person = { ...woman(), familyHistoryBreast: true, smokingStatus: 'NEVER' };
    await ingestAs(ctx, 'breast-cancer', [recordInput(person, 'MAMMOGRAPHY', '2025-03-02')]);
    const { familyHistoryBreast: _left, ...withoutFamily } = person;
    await ingestAs(ctx, 'oral-cancer', [recordInput({ ...withoutFamily, betelNutStatus: 'FORMER' }, 'ORAL_MUCOSA', '2025-04-02')]);
    const stored = await ctx.db.prisma.screeningPerson.findUniqueOrThrow({ where: { nationalIdHash: testCrypto.lookupHash(person.nationalId) } });
    expect(stored).toMatchObject({ familyHistoryBreast: true, smokingStatus: 'NEVER', betelNutStatus: 'FORMER' });
  });

  it('takes a batch of 1,000 with some bad rows: stores the good ones, reports each bad one in zh-TW, audits the batch', async () => {
    const records: Record<string, unknown>[] = Array.from({ length: 1000 }, (_, index) =>
      recordInput({ nationalId: newNationalId(index % 2 ? 'M' : 'F'), birthDate: '1960-02-02', sex: index % 2 ? 'M' : 'F' }, 'FIT', '2026-02-02', {
        result: index % 10 === 0 ? 'POSITIVE' : 'NEGATIVE',
        institutionCode: index % 3 ? '9900000001' : DEMO_CLINIC,
      }),
    );
    records[10] = { ...records[10], serviceDate: '2026-13-01' };
    records[20] = { ...records[20], institutionCode: '1234567890' };
    records[30] = { ...records[30], service: 'MAMMOGRAPHY' };
    records[40] = { ...records[40], recordId: records[41]!.recordId };
    records[50] = { ...records[50], person: { ...(records[50]!.person as PersonFixture), nationalId: 'A123456788' } };
    records[60] = { ...records[60], result: 'NEGATIVE', followUpState: 'PENDING' };
    const before = await ctx.db.prisma.auditEvent.count({ where: { action: 'screening.records.ingested' } });
    const response = await ingestAs(ctx, 'colorectal-cancer', records);
    expect(response).toMatchObject({ received: 1000, created: 994, updated: 0, unchanged: 0, rejected: 6 });
    const rejected = Object.fromEntries(response.results.filter((result) => result.outcome === 'REJECTED').map((result) => [result.index, result.errors]));
    expect(rejected).toEqual({
      10: { serviceDate: ['日期格式須為 YYYY-MM-DD（西元年）。'] },
      20: { institutionCode: ['查無此醫事機構代碼。'] },
      30: { service: ['子系統「colorectal-cancer」不可登錄「乳房X光攝影」紀錄。'] },
      41: { recordId: ['同一批次內有重複的子系統紀錄編號。'] },
      50: { 'person.nationalId': ['身分證字號（或居留證號）格式或檢查碼錯誤，請確認後再輸入'] },
      60: { followUpState: ['檢查結果為正常、陰性或已完成時，不需填寫追蹤狀態。'] },
    });
    const event = await ctx.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'screening.records.ingested' }, orderBy: { id: 'desc' } });
    expect(await ctx.db.prisma.auditEvent.count({ where: { action: 'screening.records.ingested' } })).toBe(before + 1);
    expect(event).toMatchObject({ actorLabel: 'subsystem:colorectal-cancer', entityType: 'screening-batch', ip: '203.0.113.9', after: { subsystem: 'colorectal-cancer', received: 1000, created: 994, rejected: 6 } });

    const retry = await ingestAs(ctx, 'colorectal-cancer', records);
    expect(retry).toMatchObject({ created: 0, unchanged: 994, rejected: 6 });
  });

  it('refuses a service dated in the future', async () => {
    const response = await ingestAs(ctx, 'breast-cancer', [recordInput(woman(), 'MAMMOGRAPHY', '2999-01-01')]);
    expect(response.results[0]).toMatchObject({ outcome: 'REJECTED', errors: { serviceDate: ['服務日期不可晚於今天。'] } });
  });
});
