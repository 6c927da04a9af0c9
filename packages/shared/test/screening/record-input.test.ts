import { describe, expect, it } from 'vitest';
import { csvRowToRecordInput, makeTaiwanIdWithChecksum, SCREENING_CSV_COLUMNS, ScreeningRecordInputSchema } from '../../src/index.js';

const nationalId = makeTaiwanIdWithChecksum('A22000000');
const valid = {
  recordId: 'BC-2026-0001',
  service: 'MAMMOGRAPHY',
  serviceDate: '2026-03-02',
  institutionCode: '9900000001',
  result: 'ABNORMAL',
  followUpState: 'REFERRED',
  referredOn: '2026-03-10',
  person: { nationalId, birthDate: '1976-05-05', sex: 'F' },
};
const errorsOf = (input: unknown) => {
  const parsed = ScreeningRecordInputSchema.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
};

describe('ScreeningRecordInputSchema', () => {
  it('accepts a complete record', () => {
    expect(errorsOf(valid)).toEqual({});
  });

  it.each([
    ['a visit number for a visit-numbered service', { ...valid, service: 'PRENATAL' }, { visitNumber: '「孕婦產前檢查」須填寫次別（1 至 14）。' }],
    ['no visit number elsewhere', { ...valid, visitNumber: 2 }, { visitNumber: '「乳房X光攝影」不需填寫次別。' }],
    ['a referral date for 已轉介', { ...valid, referredOn: null }, { referredOn: '追蹤狀態為已轉介時，須填寫轉介日期。' }],
    ['no follow-up of a normal result', { ...valid, result: 'NORMAL' }, { followUpState: '檢查結果為正常、陰性或已完成時，不需填寫追蹤狀態。' }],
    ['follow-up not before the service', { ...valid, referredOn: '2026-03-01' }, { referredOn: '追蹤日期不可早於服務日期。' }],
    ['a real date', { ...valid, serviceDate: '2026-02-30' }, { serviceDate: '日期格式須為 YYYY-MM-DD（西元年）。' }],
    ['a service after birth', { ...valid, serviceDate: '1970-01-01', referredOn: '1970-02-01' }, { serviceDate: '服務日期不可早於出生日期。' }],
    ['a valid 身分證', { ...valid, person: { ...valid.person, nationalId: 'A123456788' } }, { 'person.nationalId': '身分證字號（或居留證號）格式或檢查碼錯誤，請確認後再輸入' }],
    ['the person', { ...valid, person: undefined }, { person: '請提供受檢者資料（person）。' }],
    ['a known service', { ...valid, service: 'XRAY' }, { service: '服務項目代碼不正確。' }],
    ['pack-years as a number', { ...valid, person: { ...valid.person, packYears: 'many' } }, { 'person.packYears': '須為 0 至 200 的數字。' }],
  ])('requires %s', (_name, input, expected) => {
    expect(errorsOf(input)).toEqual(expected);
  });
});

describe('CSV columns', () => {
  it('reads codes and zh-TW labels alike, and leaves empty cells out', () => {
    const row = Object.fromEntries(SCREENING_CSV_COLUMNS.map((column) => [column.header, '']));
    Object.assign(row, {
      子系統代碼: 'breast-cancer',
      子系統紀錄編號: 'BC-1',
      服務項目: '乳房X光攝影',
      服務日期: '2026-03-02',
      醫事機構代碼: '9900000001',
      檢查結果: '異常',
      追蹤狀態: 'pending',
      身分證: nationalId,
      出生日期: '1976-05-05',
      性別: '女',
      乳癌家族史: '是',
      吸菸包年: '12.5',
      每日吸菸支數: 'ten',
    });
    expect(csvRowToRecordInput(row)).toEqual({
      subsystemCode: 'breast-cancer',
      input: {
        recordId: 'BC-1',
        service: 'MAMMOGRAPHY',
        serviceDate: '2026-03-02',
        institutionCode: '9900000001',
        result: 'ABNORMAL',
        followUpState: 'PENDING',
        person: { nationalId, birthDate: '1976-05-05', sex: 'F', familyHistoryBreast: true, packYears: 12.5, cigarettesPerDay: 'ten' },
      },
    });
  });
});
