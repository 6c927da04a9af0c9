/**
 * Every rule of the table at its edges: the day before and after each age band (calendar-year
 * age changes on 1 January), each interval and each effective date.
 */
import { describe, expect, it } from 'vitest';
import {
  evaluateService,
  UNKNOWN_RISK_FACTORS,
  type EligibilityPerson,
  type EligibilityRecord,
  type EligibilityStatus,
  type RiskFactors,
  type ScreeningService,
} from '../../src/index.js';

function person(birthDate: string, sex: 'F' | 'M', extra: Partial<RiskFactors & { indigenous: boolean }> = {}): EligibilityPerson {
  return { ...UNKNOWN_RISK_FACTORS, birthDate, sex, indigenous: false, ...extra };
}
const record = (service: ScreeningService, date: string, visitNumber: number | null = null, institutionCode = '0101010101'): EligibilityRecord => ({
  service,
  date,
  visitNumber,
  institutionCode,
});

interface Case {
  name: string;
  service: ScreeningService;
  who: EligibilityPerson;
  records?: EligibilityRecord[];
  on: string;
  status: EligibilityStatus;
  rule: string | null;
  nextDate?: string | null;
  reason?: RegExp;
  visitNumber?: number;
}

const woman = (birthDate: string, extra?: Partial<RiskFactors & { indigenous: boolean }>) => person(birthDate, 'F', extra);
const man = (birthDate: string, extra?: Partial<RiskFactors & { indigenous: boolean }>) => person(birthDate, 'M', extra);
/** A dependent smoker (FTND 6), the subject of most 戒菸 cases. */
const smoker = () => man('1980-01-01', { smokingStatus: 'CURRENT', ftndScore: 6 });
/** Three visits of one course begun on New Year's Day 2026: it runs until its day 90, 2026-04-01. */
const courseFromNewYear = () => [record('CESSATION', '2026-01-01'), record('CESSATION', '2026-01-08'), record('CESSATION', '2026-01-15')];

const CASES: Case[] = [
  // 乳房X光攝影: 45–69 (+40–44 family history) until 2024-12-31, 40–74 from 2025-01-01.
  { name: '44-year-old woman without family history on 2024-12-31', service: 'MAMMOGRAPHY', who: woman('1980-06-01', { familyHistoryBreast: false }), on: '2024-12-31', status: 'INELIGIBLE', rule: 'MAMMOGRAPHY@origin', nextDate: '2025-01-01', reason: /^不符補助對象/ },
  { name: '44-year-old woman with family history on 2024-12-31', service: 'MAMMOGRAPHY', who: woman('1980-06-01', { familyHistoryBreast: true }), on: '2024-12-31', status: 'ELIGIBLE', rule: 'MAMMOGRAPHY@origin', reason: /40–44 歲有乳癌家族史女性/ },
  { name: '44-year-old woman, family history not recorded, on 2024-12-31', service: 'MAMMOGRAPHY', who: woman('1980-06-01'), on: '2024-12-31', status: 'INELIGIBLE', rule: 'MAMMOGRAPHY@origin', reason: /^尚無「乳癌家族史」資料，請現場確認/ },
  { name: '39-year-old woman on 2024-12-31', service: 'MAMMOGRAPHY', who: woman('1985-06-01', { familyHistoryBreast: true }), on: '2024-12-31', status: 'INELIGIBLE', rule: 'MAMMOGRAPHY@origin', nextDate: '2025-01-01', reason: /^年齡不符/ },
  { name: '44-year-old woman on 2025-01-01', service: 'MAMMOGRAPHY', who: woman('1981-06-01'), on: '2025-01-01', status: 'ELIGIBLE', rule: 'MAMMOGRAPHY@2025-01-01' },
  { name: '69-year-old woman on 2024-12-31', service: 'MAMMOGRAPHY', who: woman('1955-01-01'), on: '2024-12-31', status: 'ELIGIBLE', rule: 'MAMMOGRAPHY@origin' },
  { name: '70-year-old woman on 2024-12-31, covered again from 2025-01-01', service: 'MAMMOGRAPHY', who: woman('1954-01-01'), on: '2024-12-31', status: 'INELIGIBLE', rule: 'MAMMOGRAPHY@origin', nextDate: '2025-01-01' },
  { name: '39-year-old woman on 2026-12-31', service: 'MAMMOGRAPHY', who: woman('1987-03-03'), on: '2026-12-31', status: 'INELIGIBLE', rule: 'MAMMOGRAPHY@2025-01-01', nextDate: '2027-01-01' },
  { name: '40-year-old woman on 2027-01-01', service: 'MAMMOGRAPHY', who: woman('1987-03-03'), on: '2027-01-01', status: 'ELIGIBLE', rule: 'MAMMOGRAPHY@2025-01-01' },
  { name: '74-year-old woman on 2026-12-31', service: 'MAMMOGRAPHY', who: woman('1952-12-31'), on: '2026-12-31', status: 'ELIGIBLE', rule: 'MAMMOGRAPHY@2025-01-01' },
  { name: '75-year-old woman on 2027-01-01', service: 'MAMMOGRAPHY', who: woman('1952-12-31'), on: '2027-01-01', status: 'INELIGIBLE', rule: 'MAMMOGRAPHY@2025-01-01', nextDate: null },
  { name: 'a man', service: 'MAMMOGRAPHY', who: man('1970-01-01'), on: '2026-05-01', status: 'INELIGIBLE', rule: 'MAMMOGRAPHY@2025-01-01', reason: /^限女性$/ },
  { name: '2-year interval: the last day of the year after', service: 'MAMMOGRAPHY', who: woman('1970-01-01'), records: [record('MAMMOGRAPHY', '2024-05-01')], on: '2025-12-31', status: 'NOT_YET_DUE', rule: 'MAMMOGRAPHY@2025-01-01', nextDate: '2026-01-01', reason: /未滿 2 年/ },
  { name: '2-year interval: 1 January two years on', service: 'MAMMOGRAPHY', who: woman('1970-01-01'), records: [record('MAMMOGRAPHY', '2024-05-01')], on: '2026-01-01', status: 'ELIGIBLE', rule: 'MAMMOGRAPHY@2025-01-01' },

  // 成人預防保健: 30–39 every 5 years from 2025-01-01.
  { name: '34-year-old on 2024-12-31', service: 'ADULT_PREVENTIVE', who: man('1990-05-05'), on: '2024-12-31', status: 'INELIGIBLE', rule: 'ADULT_PREVENTIVE@origin', nextDate: '2025-01-01' },
  { name: '35-year-old on 2025-01-01', service: 'ADULT_PREVENTIVE', who: man('1990-05-05'), on: '2025-01-01', status: 'ELIGIBLE', rule: 'ADULT_PREVENTIVE@2025-01-01', reason: /30–39 歲」，每 5 年 1 次/ },
  { name: '29-year-old on 2026-12-31', service: 'ADULT_PREVENTIVE', who: woman('1997-01-01'), on: '2026-12-31', status: 'INELIGIBLE', rule: 'ADULT_PREVENTIVE@2025-01-01', nextDate: '2027-01-01' },
  { name: '30-year-old on 2027-01-01', service: 'ADULT_PREVENTIVE', who: woman('1997-01-01'), on: '2027-01-01', status: 'ELIGIBLE', rule: 'ADULT_PREVENTIVE@2025-01-01' },
  { name: '5-year interval in the 30s: the year before', service: 'ADULT_PREVENTIVE', who: man('1992-01-01'), records: [record('ADULT_PREVENTIVE', '2025-03-01')], on: '2029-12-31', status: 'NOT_YET_DUE', rule: 'ADULT_PREVENTIVE@2025-01-01', nextDate: '2030-01-01' },
  { name: '5-year interval in the 30s: due', service: 'ADULT_PREVENTIVE', who: man('1992-01-01'), records: [record('ADULT_PREVENTIVE', '2025-03-01')], on: '2030-01-01', status: 'ELIGIBLE', rule: 'ADULT_PREVENTIVE@2025-01-01' },
  { name: 'turning 40 shortens the interval to 3 years', service: 'ADULT_PREVENTIVE', who: man('1988-01-01'), records: [record('ADULT_PREVENTIVE', '2025-03-01')], on: '2027-12-31', status: 'NOT_YET_DUE', rule: 'ADULT_PREVENTIVE@2025-01-01', nextDate: '2028-01-01' },
  { name: '3-year interval: the year before', service: 'ADULT_PREVENTIVE', who: man('1970-01-01'), records: [record('ADULT_PREVENTIVE', '2023-08-01')], on: '2025-12-31', status: 'NOT_YET_DUE', rule: 'ADULT_PREVENTIVE@2025-01-01', nextDate: '2026-01-01' },
  { name: '3-year interval: due', service: 'ADULT_PREVENTIVE', who: man('1970-01-01'), records: [record('ADULT_PREVENTIVE', '2023-08-01')], on: '2026-01-01', status: 'ELIGIBLE', rule: 'ADULT_PREVENTIVE@2025-01-01' },
  { name: 'at 64 every 3 years, at 65 yearly', service: 'ADULT_PREVENTIVE', who: man('1961-07-01'), records: [record('ADULT_PREVENTIVE', '2025-06-01')], on: '2025-12-31', status: 'NOT_YET_DUE', rule: 'ADULT_PREVENTIVE@2025-01-01', nextDate: '2026-01-01' },
  { name: 'indigenous 55+ yearly', service: 'ADULT_PREVENTIVE', who: man('1970-01-01', { indigenous: true }), records: [record('ADULT_PREVENTIVE', '2025-02-01')], on: '2026-01-01', status: 'ELIGIBLE', rule: 'ADULT_PREVENTIVE@2025-01-01', reason: /55 歲以上原住民/ },
  { name: 'indigenous at 54: every 3 years', service: 'ADULT_PREVENTIVE', who: man('1971-01-01', { indigenous: true }), records: [record('ADULT_PREVENTIVE', '2024-02-01')], on: '2025-12-31', status: 'NOT_YET_DUE', rule: 'ADULT_PREVENTIVE@2025-01-01', nextDate: '2026-01-01' },
  { name: 'polio at 35 yearly (old rule)', service: 'ADULT_PREVENTIVE', who: man('1989-01-01', { polio: true }), records: [record('ADULT_PREVENTIVE', '2023-02-01')], on: '2024-01-01', status: 'ELIGIBLE', rule: 'ADULT_PREVENTIVE@origin', reason: /小兒麻痺/ },
  { name: 'polio not recorded at 35 (old rule): staff must ask', service: 'ADULT_PREVENTIVE', who: man('1989-01-01'), on: '2024-06-01', status: 'INELIGIBLE', rule: 'ADULT_PREVENTIVE@origin', reason: /尚無「小兒麻痺」資料/ },

  // B、C型肝炎: 45–79 (indigenous 40–79) from 2020-09-28; born ≤ 1986 up to 79 from 2025-08-01.
  { name: 'the day before the first recorded rule', service: 'HEPATITIS_BC', who: man('1970-01-01'), on: '2020-09-27', status: 'INELIGIBLE', rule: null, reason: /未收錄 2020\/09\/28 以前/ },
  { name: '45-year-old on 2020-09-28', service: 'HEPATITIS_BC', who: man('1975-01-01'), on: '2020-09-28', status: 'ELIGIBLE', rule: 'HEPATITIS_BC@2020-09-28' },
  { name: '44-year-old on 2020-12-31', service: 'HEPATITIS_BC', who: man('1976-01-01'), on: '2020-12-31', status: 'INELIGIBLE', rule: 'HEPATITIS_BC@2020-09-28', nextDate: '2021-01-01' },
  { name: 'indigenous 40-year-old on 2021-01-01', service: 'HEPATITIS_BC', who: woman('1981-01-01', { indigenous: true }), on: '2021-01-01', status: 'ELIGIBLE', rule: 'HEPATITIS_BC@2020-09-28' },
  { name: 'indigenous 39-year-old on 2020-12-31', service: 'HEPATITIS_BC', who: woman('1981-01-01', { indigenous: true }), on: '2020-12-31', status: 'INELIGIBLE', rule: 'HEPATITIS_BC@2020-09-28', nextDate: '2021-01-01' },
  { name: '79-year-old on 2024-12-31', service: 'HEPATITIS_BC', who: man('1945-01-01'), on: '2024-12-31', status: 'ELIGIBLE', rule: 'HEPATITIS_BC@2020-09-28' },
  { name: '80-year-old on 2025-01-01', service: 'HEPATITIS_BC', who: man('1945-01-01'), on: '2025-01-01', status: 'INELIGIBLE', rule: 'HEPATITIS_BC@2020-09-28', nextDate: null },
  { name: 'born 1986, 39 years old, on 2025-07-31', service: 'HEPATITIS_BC', who: man('1986-12-31'), on: '2025-07-31', status: 'INELIGIBLE', rule: 'HEPATITIS_BC@2020-09-28', nextDate: '2025-08-01' },
  { name: 'born 1986 on 2025-08-01', service: 'HEPATITIS_BC', who: man('1986-12-31'), on: '2025-08-01', status: 'ELIGIBLE', rule: 'HEPATITIS_BC@2025-08-01' },
  { name: 'born 1987 on 2025-08-01', service: 'HEPATITIS_BC', who: man('1987-01-01'), on: '2025-08-01', status: 'INELIGIBLE', rule: 'HEPATITIS_BC@2025-08-01' },
  { name: 'once in a lifetime, used', service: 'HEPATITIS_BC', who: man('1970-01-01'), records: [record('HEPATITIS_BC', '2021-03-03')], on: '2030-01-01', status: 'LIFETIME_USED', rule: 'HEPATITIS_BC@2025-08-01', reason: /2021\/03\/03/ },

  // 子宮頸抹片: 30+ yearly; from 2025-01-01 also 25–29 every 3 years.
  { name: '25-year-old woman on 2024-12-31', service: 'CERVICAL_PAP', who: woman('1999-01-01'), on: '2024-12-31', status: 'INELIGIBLE', rule: 'CERVICAL_PAP@origin', nextDate: '2025-01-01' },
  { name: '26-year-old woman on 2025-01-01', service: 'CERVICAL_PAP', who: woman('1999-01-01'), on: '2025-01-01', status: 'ELIGIBLE', rule: 'CERVICAL_PAP@2025-01-01', reason: /每 3 年 1 次/ },
  { name: '24-year-old woman on 2026-12-31', service: 'CERVICAL_PAP', who: woman('2002-01-01'), on: '2026-12-31', status: 'INELIGIBLE', rule: 'CERVICAL_PAP@2025-01-01', nextDate: '2027-01-01' },
  { name: '3-year interval in the late 20s ends at 30', service: 'CERVICAL_PAP', who: woman('1997-01-01'), records: [record('CERVICAL_PAP', '2025-04-01')], on: '2026-12-31', status: 'NOT_YET_DUE', rule: 'CERVICAL_PAP@2025-01-01', nextDate: '2027-01-01' },
  { name: 'yearly at 30+: same year', service: 'CERVICAL_PAP', who: woman('1980-01-01'), records: [record('CERVICAL_PAP', '2026-03-01')], on: '2026-12-31', status: 'NOT_YET_DUE', rule: 'CERVICAL_PAP@2025-01-01', nextDate: '2027-01-01', reason: /本年度已受檢/ },
  { name: 'yearly at 30+ (old rule): next year', service: 'CERVICAL_PAP', who: woman('1980-01-01'), records: [record('CERVICAL_PAP', '2023-03-01')], on: '2024-01-01', status: 'ELIGIBLE', rule: 'CERVICAL_PAP@origin' },

  // HPV: women at 35, 45 and 65, from 2025-01-01.
  { name: '35-year-old woman on 2024-12-31', service: 'CERVICAL_HPV', who: woman('1989-01-01'), on: '2024-12-31', status: 'INELIGIBLE', rule: null, reason: /自 2025\/01\/01 起提供/, nextDate: '2034-01-01' },
  { name: '35-year-old woman on 2025-01-01', service: 'CERVICAL_HPV', who: woman('1990-01-01'), on: '2025-01-01', status: 'ELIGIBLE', rule: 'CERVICAL_HPV@2025-01-01' },
  { name: '36-year-old woman', service: 'CERVICAL_HPV', who: woman('1990-01-01'), on: '2026-01-01', status: 'INELIGIBLE', rule: 'CERVICAL_HPV@2025-01-01', nextDate: '2035-01-01' },
  { name: 'used at 35', service: 'CERVICAL_HPV', who: woman('1990-01-01'), records: [record('CERVICAL_HPV', '2025-02-02')], on: '2025-12-31', status: 'NOT_YET_DUE', rule: 'CERVICAL_HPV@2025-01-01', nextDate: '2035-01-01' },
  { name: 'at 45 after the test at 35', service: 'CERVICAL_HPV', who: woman('1990-01-01'), records: [record('CERVICAL_HPV', '2025-02-02')], on: '2035-01-01', status: 'ELIGIBLE', rule: 'CERVICAL_HPV@2025-01-01' },

  // 糞便潛血: 50–74 until 2024-12-31; 45–74 and 40–44 with family history from 2025-01-01.
  { name: '49-year-old on 2024-12-31', service: 'FIT', who: man('1975-01-01'), on: '2024-12-31', status: 'INELIGIBLE', rule: 'FIT@origin', nextDate: '2025-01-01' },
  { name: '44-year-old on 2024-12-31, 45 on 2025-01-01', service: 'FIT', who: man('1980-01-01'), on: '2024-12-31', status: 'INELIGIBLE', rule: 'FIT@origin', nextDate: '2025-01-01' },
  { name: '45-year-old on 2025-01-01', service: 'FIT', who: man('1980-01-01'), on: '2025-01-01', status: 'ELIGIBLE', rule: 'FIT@2025-01-01' },
  { name: '42-year-old with family history', service: 'FIT', who: woman('1984-01-01', { familyHistoryColorectal: true }), on: '2026-01-01', status: 'ELIGIBLE', rule: 'FIT@2025-01-01', reason: /家族史/ },
  { name: '42-year-old without family history', service: 'FIT', who: woman('1984-01-01', { familyHistoryColorectal: false }), on: '2026-01-01', status: 'INELIGIBLE', rule: 'FIT@2025-01-01', nextDate: '2029-01-01' },
  { name: '39-year-old with family history', service: 'FIT', who: woman('1987-01-01', { familyHistoryColorectal: true }), on: '2026-12-31', status: 'INELIGIBLE', rule: 'FIT@2025-01-01', nextDate: '2027-01-01' },
  { name: '74-year-old', service: 'FIT', who: man('1952-01-01'), on: '2026-12-31', status: 'ELIGIBLE', rule: 'FIT@2025-01-01' },
  { name: '75-year-old', service: 'FIT', who: man('1952-01-01'), on: '2027-01-01', status: 'INELIGIBLE', rule: 'FIT@2025-01-01', nextDate: null },

  // 幽門桿菌: 45–74 once, from 2026-01-01.
  { name: '50-year-old on 2025-12-31', service: 'H_PYLORI', who: man('1975-01-01'), on: '2025-12-31', status: 'INELIGIBLE', rule: null, nextDate: '2026-01-01', reason: /自 2026\/01\/01 起提供/ },
  { name: '51-year-old on 2026-01-01', service: 'H_PYLORI', who: man('1975-01-01'), on: '2026-01-01', status: 'ELIGIBLE', rule: 'H_PYLORI@2026-01-01' },
  { name: '44-year-old', service: 'H_PYLORI', who: man('1982-01-01'), on: '2026-12-31', status: 'INELIGIBLE', rule: 'H_PYLORI@2026-01-01', nextDate: '2027-01-01' },
  { name: 'used', service: 'H_PYLORI', who: man('1975-01-01'), records: [record('H_PYLORI', '2026-02-01')], on: '2026-02-02', status: 'LIFETIME_USED', rule: 'H_PYLORI@2026-01-01' },

  // 口腔黏膜: 30+ smoking or betel nut; indigenous 18–29 betel nut.
  { name: '29-year-old smoker', service: 'ORAL_MUCOSA', who: man('1997-01-01', { smokingStatus: 'CURRENT' }), on: '2026-12-31', status: 'INELIGIBLE', rule: 'ORAL_MUCOSA@origin', nextDate: '2027-01-01' },
  { name: '30-year-old smoker', service: 'ORAL_MUCOSA', who: man('1997-01-01', { smokingStatus: 'CURRENT' }), on: '2027-01-01', status: 'ELIGIBLE', rule: 'ORAL_MUCOSA@origin' },
  { name: '40-year-old former betel-nut chewer', service: 'ORAL_MUCOSA', who: man('1986-01-01', { smokingStatus: 'NEVER', betelNutStatus: 'FORMER' }), on: '2026-01-01', status: 'ELIGIBLE', rule: 'ORAL_MUCOSA@origin' },
  { name: '40-year-old who never smoked nor chewed', service: 'ORAL_MUCOSA', who: man('1986-01-01', { smokingStatus: 'NEVER', betelNutStatus: 'NEVER' }), on: '2026-01-01', status: 'INELIGIBLE', rule: 'ORAL_MUCOSA@origin', reason: /^不符補助對象/ },
  { name: 'indigenous 18-year-old chewer', service: 'ORAL_MUCOSA', who: man('2008-01-01', { indigenous: true, betelNutStatus: 'CURRENT' }), on: '2026-01-01', status: 'ELIGIBLE', rule: 'ORAL_MUCOSA@origin' },
  { name: 'indigenous 17-year-old chewer', service: 'ORAL_MUCOSA', who: man('2009-01-01', { indigenous: true, betelNutStatus: 'CURRENT' }), on: '2026-12-31', status: 'INELIGIBLE', rule: 'ORAL_MUCOSA@origin', nextDate: '2027-01-01' },
  { name: '2-year interval', service: 'ORAL_MUCOSA', who: man('1970-01-01', { smokingStatus: 'CURRENT' }), records: [record('ORAL_MUCOSA', '2025-01-01')], on: '2026-12-31', status: 'NOT_YET_DUE', rule: 'ORAL_MUCOSA@origin', nextDate: '2027-01-01' },

  // 低劑量電腦斷層: from 2022-07-01; wider from 2025-01-01.
  { name: 'the day before the programme', service: 'LDCT', who: man('1960-01-01', { familyHistoryLung: true }), on: '2022-06-30', status: 'INELIGIBLE', rule: null, nextDate: '2022-07-01' },
  { name: 'family history, man 50, on 2022-07-01', service: 'LDCT', who: man('1972-01-01', { familyHistoryLung: true }), on: '2022-07-01', status: 'ELIGIBLE', rule: 'LDCT@2022-07-01' },
  { name: 'family history, woman 44, on 2024-12-31', service: 'LDCT', who: woman('1980-01-01', { familyHistoryLung: true }), on: '2024-12-31', status: 'INELIGIBLE', rule: 'LDCT@2022-07-01', nextDate: '2025-01-01' },
  { name: 'family history, woman 40, on 2025-01-01', service: 'LDCT', who: woman('1985-01-01', { familyHistoryLung: true }), on: '2025-01-01', status: 'ELIGIBLE', rule: 'LDCT@2025-01-01' },
  { name: 'family history, man 44', service: 'LDCT', who: man('1982-01-01', { familyHistoryLung: true }), on: '2026-12-31', status: 'INELIGIBLE', rule: 'LDCT@2025-01-01', nextDate: '2027-01-01' },
  { name: 'family history, man 45', service: 'LDCT', who: man('1982-01-01', { familyHistoryLung: true }), on: '2027-01-01', status: 'ELIGIBLE', rule: 'LDCT@2025-01-01' },
  { name: '25 pack-years on 2024-12-31', service: 'LDCT', who: man('1965-01-01', { smokingStatus: 'CURRENT', packYears: 25, familyHistoryLung: false }), on: '2024-12-31', status: 'INELIGIBLE', rule: 'LDCT@2022-07-01', nextDate: '2025-01-01' },
  { name: '25 pack-years on 2025-01-01', service: 'LDCT', who: man('1965-01-01', { smokingStatus: 'CURRENT', packYears: 25, familyHistoryLung: false }), on: '2025-01-01', status: 'ELIGIBLE', rule: 'LDCT@2025-01-01', reason: /重度吸菸者/ },
  { name: 'quit 14 years ago', service: 'LDCT', who: man('1965-01-01', { smokingStatus: 'FORMER', packYears: 40, quitYear: 2012, familyHistoryLung: false }), on: '2026-12-31', status: 'ELIGIBLE', rule: 'LDCT@2025-01-01' },
  { name: 'quit 15 years ago', service: 'LDCT', who: man('1965-01-01', { smokingStatus: 'FORMER', packYears: 40, quitYear: 2012, familyHistoryLung: false }), on: '2027-01-01', status: 'INELIGIBLE', rule: 'LDCT@2025-01-01', reason: /^不符補助對象/ },
  { name: 'heavy smoker at 49', service: 'LDCT', who: man('1977-01-01', { smokingStatus: 'CURRENT', packYears: 30, familyHistoryLung: false }), on: '2026-12-31', status: 'INELIGIBLE', rule: 'LDCT@2025-01-01', nextDate: '2027-01-01' },

  // 兒童預防保健: age windows in completed months.
  { name: 'first window, the last day', service: 'CHILD_PREVENTIVE', who: woman('2026-01-15'), on: '2026-03-14', status: 'ELIGIBLE', rule: 'CHILD_PREVENTIVE@origin', visitNumber: 1 },
  { name: 'second window, the first day', service: 'CHILD_PREVENTIVE', who: woman('2026-01-15'), on: '2026-03-15', status: 'ELIGIBLE', rule: 'CHILD_PREVENTIVE@origin', visitNumber: 2 },
  { name: 'visit 1 used: next window', service: 'CHILD_PREVENTIVE', who: woman('2026-01-15'), records: [record('CHILD_PREVENTIVE', '2026-02-01', 1)], on: '2026-03-01', status: 'NOT_YET_DUE', rule: 'CHILD_PREVENTIVE@origin', nextDate: '2026-03-15' },
  { name: '3 to under 7 years, the last day', service: 'CHILD_PREVENTIVE', who: man('2019-01-15'), on: '2026-01-14', status: 'ELIGIBLE', rule: 'CHILD_PREVENTIVE@origin', visitNumber: 7 },
  { name: '7 years old', service: 'CHILD_PREVENTIVE', who: man('2019-01-15'), on: '2026-01-15', status: 'INELIGIBLE', rule: 'CHILD_PREVENTIVE@origin' },
  { name: 'the last visit used', service: 'CHILD_PREVENTIVE', who: man('2020-01-15'), records: [record('CHILD_PREVENTIVE', '2024-01-20', 7)], on: '2025-01-01', status: 'INELIGIBLE', rule: 'CHILD_PREVENTIVE@origin', reason: /最後 1 次/ },

  // 孕婦產前檢查: due 2026-10-08 → week 0 starts 2026-01-01.
  { name: 'no pregnancy recorded', service: 'PRENATAL', who: woman('1995-01-01'), on: '2026-03-01', status: 'INELIGIBLE', rule: 'PRENATAL@2021-07-01' },
  { name: 'the day before the pregnancy', service: 'PRENATAL', who: woman('1995-01-01', { expectedDeliveryDate: '2026-10-08' }), on: '2025-12-31', status: 'INELIGIBLE', rule: 'PRENATAL@2021-07-01' },
  { name: 'week 12: first trimester', service: 'PRENATAL', who: woman('1995-01-01', { expectedDeliveryDate: '2026-10-08' }), records: [record('PRENATAL', '2026-02-26', 1)], on: '2026-04-01', status: 'ELIGIBLE', rule: 'PRENATAL@2021-07-01', visitNumber: 2 },
  { name: 'first trimester used', service: 'PRENATAL', who: woman('1995-01-01', { expectedDeliveryDate: '2026-10-08' }), records: [record('PRENATAL', '2026-02-26', 1), record('PRENATAL', '2026-03-20', 2)], on: '2026-04-01', status: 'NOT_YET_DUE', rule: 'PRENATAL@2021-07-01', nextDate: '2026-04-02' },
  { name: 'week 13: second trimester', service: 'PRENATAL', who: woman('1995-01-01', { expectedDeliveryDate: '2026-10-08' }), records: [record('PRENATAL', '2026-02-26', 1), record('PRENATAL', '2026-03-20', 2)], on: '2026-04-02', status: 'ELIGIBLE', rule: 'PRENATAL@2021-07-01', visitNumber: 3 },
  { name: 'week 15 on 2021-06-30 (10 visits: first window until week 17)', service: 'PRENATAL', who: woman('1990-01-01', { expectedDeliveryDate: '2021-12-17' }), records: [record('PRENATAL', '2021-04-01', 1), record('PRENATAL', '2021-05-01', 2)], on: '2021-06-30', status: 'NOT_YET_DUE', rule: 'PRENATAL@origin', nextDate: '2021-07-09' },
  { name: 'week 15 on 2021-07-01 (14 visits: second trimester from week 13)', service: 'PRENATAL', who: woman('1990-01-01', { expectedDeliveryDate: '2021-12-18' }), records: [record('PRENATAL', '2021-04-01', 1), record('PRENATAL', '2021-05-01', 2)], on: '2021-07-01', status: 'ELIGIBLE', rule: 'PRENATAL@2021-07-01', visitNumber: 3 },
  { name: 'a man', service: 'PRENATAL', who: man('1990-01-01'), on: '2026-01-01', status: 'INELIGIBLE', rule: 'PRENATAL@2021-07-01', reason: /^限女性$/ },

  // 戒菸: from 2012-03-01, 18+, dependent smokers, 2 courses a year.
  { name: 'the day before 二代戒菸', service: 'CESSATION', who: smoker(), on: '2012-02-29', status: 'INELIGIBLE', rule: null, nextDate: '2012-03-01' },
  { name: '17-year-old smoker', service: 'CESSATION', who: man('2009-01-01', { smokingStatus: 'CURRENT', ftndScore: 6 }), on: '2026-12-31', status: 'INELIGIBLE', rule: 'CESSATION@2012-03-01', nextDate: '2027-01-01' },
  { name: '18-year-old smoker, FTND 4', service: 'CESSATION', who: man('2009-01-01', { smokingStatus: 'CURRENT', ftndScore: 4 }), on: '2027-01-01', status: 'ELIGIBLE', rule: 'CESSATION@2012-03-01' },
  { name: 'FTND 3 and 9 a day', service: 'CESSATION', who: man('1980-01-01', { smokingStatus: 'CURRENT', ftndScore: 3, cigarettesPerDay: 9 }), on: '2026-01-01', status: 'INELIGIBLE', rule: 'CESSATION@2012-03-01' },
  { name: '10 a day', service: 'CESSATION', who: man('1980-01-01', { smokingStatus: 'CURRENT', ftndScore: 3, cigarettesPerDay: 10 }), on: '2026-01-01', status: 'ELIGIBLE', rule: 'CESSATION@2012-03-01' },
  { name: 'dependence not assessed', service: 'CESSATION', who: man('1980-01-01', { smokingStatus: 'CURRENT' }), on: '2026-01-01', status: 'INELIGIBLE', rule: 'CESSATION@2012-03-01', reason: /尚無「尼古丁成癮度/ },
  {
    name: 'course open on its day 89',
    service: 'CESSATION',
    who: smoker(),
    records: courseFromNewYear(),
    on: '2026-03-31',
    status: 'ELIGIBLE',
    rule: 'CESSATION@2012-03-01',
    reason: /療程進行中/,
  },
  {
    name: 'course closed on its day 90: the second course of the year',
    service: 'CESSATION',
    who: smoker(),
    records: courseFromNewYear(),
    on: '2026-04-01',
    status: 'ELIGIBLE',
    rule: 'CESSATION@2012-03-01',
    reason: /本年度已使用 1 個療程/,
  },
  {
    name: 'switching institution started course 2; both closed: next year',
    service: 'CESSATION',
    who: smoker(),
    records: [record('CESSATION', '2026-01-05', null, '0101010101'), record('CESSATION', '2026-01-12', null, '0202020202')],
    on: '2026-06-01',
    status: 'NOT_YET_DUE',
    rule: 'CESSATION@2012-03-01',
    nextDate: '2027-01-01',
  },
  {
    name: 'eight weeks end a course',
    service: 'CESSATION',
    who: smoker(),
    records: Array.from({ length: 8 }, (_, week) => record('CESSATION', `2026-02-${String(2 + week * 3).padStart(2, '0')}`)),
    on: '2026-03-01',
    status: 'ELIGIBLE',
    rule: 'CESSATION@2012-03-01',
    reason: /本年度已使用 1 個療程/,
  },
];

describe.each(CASES)('$service: $name', ({ service, who, records = [], on, status, rule, nextDate, reason, visitNumber }) => {
  it(`is ${status} under ${rule ?? 'no rule'}`, () => {
    const answer = evaluateService(service, who, records, on);
    expect(answer.status).toBe(status);
    expect(answer.ruleVersion).toBe(rule);
    if (nextDate !== undefined) expect(answer.nextDate).toBe(nextDate);
    if (reason) expect(answer.reason).toMatch(reason);
    if (visitNumber !== undefined) expect(answer.visitNumber).toBe(visitNumber);
  });
});
