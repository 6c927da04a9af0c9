/** Staff CSV back-fill (dry run, all-or-nothing import, audit) and the subsystems' eligibility question. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENING_CSV_COLUMNS, SCREENING_CSV_HEADER_LINE, taipeiToday } from '@portal/shared';
import { testCrypto, type TestContext } from '../helpers/test-app.js';
import { createTestAppWith, type TestSession } from '../helpers/auth.js';
import { checkSubsystemEligibility } from '../../src/services/screening/eligibility-query.js';
import { ingestAs, newNationalId, origin, recordInput } from './screening-fixtures.js';

let ctx: TestContext;
let staff: TestSession;
beforeAll(async () => {
  ({ ctx, sessions: [staff] } = await createTestAppWith('demostaff'));
});
afterAll(() => ctx.close());

function csvLine(cells: Record<string, string>): string {
  return SCREENING_CSV_COLUMNS.map((column) => cells[column.header] ?? '').join(',');
}

const upload = (content: string, dryRun: boolean) =>
  ctx.app.inject({ method: 'POST', url: '/api/staff/screening-imports', headers: staff.headers(), payload: { filename: 'backfill.csv', content, dryRun } });

describe('CSV import', () => {
  const idA = newNationalId('F');
  const idB = newNationalId('M');
  const good = [
    csvLine({ 子系統代碼: 'breast-cancer', 子系統紀錄編號: 'CSV-1', 服務項目: '乳房X光攝影', 服務日期: '2025-06-01', 醫事機構代碼: '9900000001', 檢查結果: '異常', 追蹤狀態: '已轉介', 轉介日期: '2025-06-20', 身分證: idA, 出生日期: '1970-03-03', 性別: '女' }),
    csvLine({ 子系統代碼: 'colorectal-cancer', 子系統紀錄編號: 'CSV-2', 服務項目: 'FIT', 服務日期: '2025-07-01', 醫事機構代碼: '9900000002', 檢查結果: 'NEGATIVE', 身分證: idB, 出生日期: '1960-01-01', 性別: 'M', 吸菸狀況: '目前吸菸', 吸菸包年: '30' }),
  ];
  const bad = [
    csvLine({ 子系統代碼: 'adult-preventive', 子系統紀錄編號: 'CSV-3', 服務項目: '乳房X光攝影', 服務日期: '2025-06-01', 醫事機構代碼: '9900000001', 檢查結果: '正常', 身分證: idA, 出生日期: '1970-03-03', 性別: '女' }),
    csvLine({ 子系統代碼: 'breast-cancer', 子系統紀錄編號: 'CSV-4', 服務項目: '乳房X光攝影', 服務日期: '2025/06/01', 醫事機構代碼: '99', 檢查結果: '正常', 身分證: idA, 出生日期: '1970-03-03', 性別: '女' }),
  ];
  const file = (lines: string[]) => `\uFEFF${SCREENING_CSV_HEADER_LINE}\r\n${lines.join('\r\n')}\r\n`;

  it('a dry run reports every bad row with its line and column, and writes nothing', async () => {
    const response = await upload(file([...good, ...bad]), true);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      dryRun: true,
      rows: 4,
      valid: 2,
      created: 0,
      updated: 0,
      unchanged: 0,
      message: '4 筆資料列中有 2 筆有誤，請修正後再匯入。',
      errors: [
        { line: 4, recordId: 'CSV-3', messages: ['服務項目：子系統「adult-preventive」不可登錄「乳房X光攝影」紀錄。'] },
        { line: 5, recordId: 'CSV-4', messages: ['服務日期：日期格式須為 YYYY-MM-DD（西元年）。', '醫事機構代碼：醫事機構代碼須為 10 位數字。'] },
      ],
    });
    expect(await ctx.db.prisma.screeningRecord.count({ where: { sourceRecordId: { startsWith: 'CSV-' } } })).toBe(0);
    expect(await ctx.db.prisma.auditEvent.count({ where: { action: 'screening.import.checked' } })).toBe(1);
  });

  it('an import with a bad row writes nothing and lists the rows', async () => {
    const response = await upload(file([...good, ...bad]), false);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'CSV_HAS_ERRORS', message: '有 2 筆資料列有誤，未匯入任何資料；請修正後重新上傳（可先以「試匹配」檢查）。', fieldErrors: { 4: expect.any(Array), 5: expect.any(Array) } });
    expect(await ctx.db.prisma.screeningRecord.count({ where: { sourceRecordId: { startsWith: 'CSV-' } } })).toBe(0);
    expect(await ctx.db.prisma.screeningPerson.count({ where: { nationalIdHash: testCrypto.lookupHash(idB) } })).toBe(0);
  });

  it('imports a clean file once, audited with the file’s hash; importing it again changes nothing', async () => {
    const response = await upload(file(good), false);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ dryRun: false, rows: 2, created: 2, updated: 0, unchanged: 0, errors: [], message: '已匯入 2 筆：新增 2 筆、更新 0 筆、未變動 0 筆。' });
    const stored = await ctx.db.prisma.screeningRecord.findFirstOrThrow({ where: { sourceSubsystem: 'breast-cancer', sourceRecordId: 'CSV-1' } });
    expect(stored).toMatchObject({ service: 'MAMMOGRAPHY', result: 'ABNORMAL', followUpState: 'REFERRED' });
    const event = await ctx.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'screening.import.applied' } });
    expect(event.after).toMatchObject({ filename: 'backfill.csv', rows: 2, created: 2, subsystems: ['breast-cancer', 'colorectal-cancer'] });
    expect((event.after as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await upload(file(good), false)).json()).toMatchObject({ created: 0, unchanged: 2 });
  });

  it.each([
    ['a file without a required column', 'A,B\r\n1,2\r\n', 'CSV 檔案缺少欄位：子系統代碼、子系統紀錄編號、服務項目、服務日期、醫事機構代碼、檢查結果、身分證、出生日期、性別。'],
    ['an empty file', `${SCREENING_CSV_HEADER_LINE}\r\n`, 'CSV 檔案沒有資料列。'],
    ['a broken file', `${SCREENING_CSV_HEADER_LINE}\r\n"unterminated,1\r\n`, 'CSV 檔案無法解析，請確認為 UTF-8 編碼、以逗號分隔的檔案。'],
  ])('refuses %s', async (_name, content, message) => {
    const response = await upload(content, true);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ code: 'CSV_INVALID', message });
  });
});

describe('subsystem eligibility question', () => {
  const deps = () => ({ db: ctx.db, crypto: testCrypto });
  const year = Number(taipeiToday().slice(0, 4));

  it('answers the subsystem’s own services from the stored records, and logs the question', async () => {
    const person = { nationalId: newNationalId('F'), birthDate: `${year - 50}-01-01`, sex: 'F' as const };
    await ingestAs(ctx, 'colorectal-cancer', [recordInput(person, 'FIT', `${year}-01-02`, { result: 'NEGATIVE' })]);
    const answer = await checkSubsystemEligibility(deps(), 'colorectal-cancer', { ...person }, origin);
    expect(answer.knownPerson).toBe(true);
    expect(answer.services.map((service) => service.service)).toEqual(['FIT', 'H_PYLORI']);
    expect(answer.services[0]).toMatchObject({ status: 'NOT_YET_DUE', nextDate: `${year + 2}-01-01`, ruleVersion: 'FIT@2025-01-01' });
    const logged = await ctx.db.prisma.screeningLookup.findFirstOrThrow({ where: { subsystemCode: 'colorectal-cancer' }, orderBy: { id: 'desc' } });
    expect(logged).toMatchObject({ accountId: null, purpose: 'SUBSYSTEM_CHECK', outcome: 'FOUND', personHash: testCrypto.lookupHash(person.nationalId) });
  });

  it('a wrong birth date is answered as an unknown person, from the data sent', async () => {
    const person = { nationalId: newNationalId('M'), birthDate: `${year - 60}-01-01`, sex: 'M' as const };
    await ingestAs(ctx, 'lung-cancer', [recordInput({ ...person, familyHistoryLung: true }, 'LDCT', `${year}-01-02`)]);
    const answer = await checkSubsystemEligibility(deps(), 'lung-cancer', { ...person, birthDate: `${year - 60}-01-02`, familyHistoryLung: true }, origin);
    expect(answer.knownPerson).toBe(false);
    expect(answer.services).toEqual([expect.objectContaining({ service: 'LDCT', status: 'ELIGIBLE' })]);
  });
});
