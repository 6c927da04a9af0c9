/**
 * The subsidy rules of each preventive service, one row per version with the dates it was in
 * force. A rule change is a new row (and an end date on the old one), never a code branch: the
 * engine answers for any date with the row in force that day. Ages are calendar-year ages
 * (visit year − birth year) and intervals are year differences, as the rules count them.
 *
 * Sources: HPA announcements as reported by the press, local health bureaus and hospital pages
 * (researched 2026-11-26). `source` on each row says what no source confirmed.
 */
import type { ChildVisitWindow, RiskCondition, RuleVersion } from './rule-types.js';

const RESEARCH = 'HPA announcements, health bureaus and hospital pages (researched 2026-11-26)';

const SMOKER: RiskCondition = { kind: 'currentSmoker', label: '吸菸' };
const BETEL_NUT: RiskCondition = { kind: 'betelNut', label: '嚼檳榔（含已戒）' };
const POLIO: RiskCondition = { kind: 'polio', label: '小兒麻痺' };
const BREAST_FAMILY: RiskCondition = { kind: 'familyHistory', cancer: 'BREAST', label: '乳癌家族史' };
const COLORECTAL_FAMILY: RiskCondition = { kind: 'familyHistory', cancer: 'COLORECTAL', label: '一等親大腸癌家族史' };
const LUNG_FAMILY: RiskCondition = { kind: 'familyHistory', cancer: 'LUNG', label: '一等親肺癌家族史' };
const heavySmoker = (minPackYears: number): RiskCondition => ({
  kind: 'heavySmoker',
  minPackYears,
  quitWithinYears: 15,
  label: `吸菸史 ${minPackYears} 包-年以上（仍吸菸或戒菸未滿 15 年）`,
});
const NICOTINE_DEPENDENCE: RiskCondition = {
  kind: 'nicotineDependence',
  minFtnd: 4,
  minCigarettesPerDay: 10,
  label: '尼古丁成癮度（FTND）4 分以上或每日吸菸 10 支以上',
};

const CHILD_WINDOWS: readonly ChildVisitWindow[] = [
  { visit: 1, fromMonth: 0, toMonth: 2, label: '出生至未滿 2 個月' },
  { visit: 2, fromMonth: 2, toMonth: 4, label: '2 個月至未滿 4 個月' },
  { visit: 3, fromMonth: 4, toMonth: 10, label: '4 個月至未滿 10 個月' },
  { visit: 4, fromMonth: 10, toMonth: 18, label: '10 個月至未滿 1 歲 6 個月' },
  { visit: 5, fromMonth: 18, toMonth: 24, label: '1 歲 6 個月至未滿 2 歲' },
  { visit: 6, fromMonth: 24, toMonth: 36, label: '2 歲至未滿 3 歲' },
  { visit: 7, fromMonth: 36, toMonth: 84, label: '3 歲至未滿 7 歲' },
];

/** Visits up to 42 completed weeks (two weeks past the due date). */
const TERM_END_WEEK = 43;

export const RULE_TABLE: readonly RuleVersion[] = [
  // ─── 成人預防保健 ───
  {
    id: 'ADULT_PREVENTIVE@origin',
    service: 'ADULT_PREVENTIVE',
    effectiveFrom: null,
    effectiveTo: '2025-01-01',
    summary: '40–64 歲每 3 年 1 次；65 歲以上、55 歲以上原住民、35 歲以上小兒麻痺者每年 1 次',
    groups: [
      { label: '40–64 歲', minAge: 40, maxAge: 64, intervalYears: 3 },
      { label: '65 歲以上', minAge: 65, intervalYears: 1 },
      { label: '55 歲以上原住民', minAge: 55, indigenous: true, intervalYears: 1 },
      { label: '35 歲以上小兒麻痺者', minAge: 35, anyOf: [POLIO], intervalYears: 1 },
    ],
    frequency: { kind: 'interval' },
    source: `${RESEARCH}; the start of this version is before the table's history.`,
  },
  {
    id: 'ADULT_PREVENTIVE@2025-01-01',
    service: 'ADULT_PREVENTIVE',
    effectiveFrom: '2025-01-01',
    effectiveTo: null,
    summary: '30–39 歲每 5 年 1 次；40–64 歲每 3 年 1 次；65 歲以上、55 歲以上原住民、35 歲以上小兒麻痺者每年 1 次',
    groups: [
      { label: '30–39 歲', minAge: 30, maxAge: 39, intervalYears: 5 },
      { label: '40–64 歲', minAge: 40, maxAge: 64, intervalYears: 3 },
      { label: '65 歲以上', minAge: 65, intervalYears: 1 },
      { label: '55 歲以上原住民', minAge: 55, indigenous: true, intervalYears: 1 },
      { label: '35 歲以上小兒麻痺者', minAge: 35, anyOf: [POLIO], intervalYears: 1 },
    ],
    frequency: { kind: 'interval' },
    source: RESEARCH,
  },
  // ─── B、C型肝炎篩檢 (with the adult check) ───
  {
    id: 'HEPATITIS_BC@2020-09-28',
    service: 'HEPATITIS_BC',
    effectiveFrom: '2020-09-28',
    earlierRuleUnrecorded: true,
    effectiveTo: '2025-08-01',
    summary: '45–79 歲（原住民 40–79 歲）終身 1 次',
    groups: [
      { label: '45–79 歲', minAge: 45, maxAge: 79 },
      { label: '40–79 歲原住民', minAge: 40, maxAge: 79, indigenous: true },
    ],
    frequency: { kind: 'lifetime' },
    source: `${RESEARCH}; the portal's own announcement of 2020-09-26. The rule before 2020-09-28 is not recorded.`,
  },
  {
    id: 'HEPATITIS_BC@2025-08-01',
    service: 'HEPATITIS_BC',
    effectiveFrom: '2025-08-01',
    effectiveTo: null,
    summary: '民國 75 年（含）以前出生、79 歲以下（原住民 40–79 歲）終身 1 次',
    groups: [
      { label: '民國 75 年以前出生、79 歲以下', bornByYear: 1986, maxAge: 79 },
      // The change widened the rule; no source says the indigenous band was dropped.
      { label: '40–79 歲原住民', minAge: 40, maxAge: 79, indigenous: true },
    ],
    frequency: { kind: 'lifetime' },
    source: `${RESEARCH}; the indigenous band is kept from the 2020 rule (unconfirmed).`,
  },
  // ─── 子宮頸癌 ───
  {
    id: 'CERVICAL_PAP@origin',
    service: 'CERVICAL_PAP',
    effectiveFrom: null,
    effectiveTo: '2025-01-01',
    summary: '30 歲以上女性每年 1 次',
    groups: [{ label: '30 歲以上女性', sex: 'F', minAge: 30, intervalYears: 1 }],
    frequency: { kind: 'interval' },
    source: `${RESEARCH}; the start of this version is before the table's history.`,
  },
  {
    id: 'CERVICAL_PAP@2025-01-01',
    service: 'CERVICAL_PAP',
    effectiveFrom: '2025-01-01',
    effectiveTo: null,
    summary: '25–29 歲女性每 3 年 1 次；30 歲以上女性每年 1 次',
    groups: [
      { label: '25–29 歲女性', sex: 'F', minAge: 25, maxAge: 29, intervalYears: 3 },
      { label: '30 歲以上女性', sex: 'F', minAge: 30, intervalYears: 1 },
    ],
    frequency: { kind: 'interval' },
    source: RESEARCH,
  },
  {
    id: 'CERVICAL_HPV@2025-01-01',
    service: 'CERVICAL_HPV',
    effectiveFrom: '2025-01-01',
    effectiveTo: null,
    summary: '女性於 35、45、65 歲各 1 次',
    groups: [{ label: '35、45、65 歲女性', sex: 'F' }],
    frequency: { kind: 'atAges', ages: [35, 45, 65] },
    source: RESEARCH,
  },
  // ─── 乳癌 ───
  {
    id: 'MAMMOGRAPHY@origin',
    service: 'MAMMOGRAPHY',
    effectiveFrom: null,
    effectiveTo: '2025-01-01',
    summary: '45–69 歲女性、40–44 歲有乳癌家族史女性，每 2 年 1 次',
    groups: [
      { label: '45–69 歲女性', sex: 'F', minAge: 45, maxAge: 69, intervalYears: 2 },
      { label: '40–44 歲有乳癌家族史女性', sex: 'F', minAge: 40, maxAge: 44, anyOf: [BREAST_FAMILY], intervalYears: 2 },
    ],
    frequency: { kind: 'interval' },
    source: `${RESEARCH}; the start of this version is before the table's history.`,
  },
  {
    id: 'MAMMOGRAPHY@2025-01-01',
    service: 'MAMMOGRAPHY',
    effectiveFrom: '2025-01-01',
    effectiveTo: null,
    summary: '40–74 歲女性每 2 年 1 次',
    groups: [{ label: '40–74 歲女性', sex: 'F', minAge: 40, maxAge: 74, intervalYears: 2 }],
    frequency: { kind: 'interval' },
    source: RESEARCH,
  },
  // ─── 大腸癌 ───
  {
    id: 'FIT@origin',
    service: 'FIT',
    effectiveFrom: null,
    effectiveTo: '2025-01-01',
    summary: '50–74 歲每 2 年 1 次',
    groups: [{ label: '50–74 歲', minAge: 50, maxAge: 74, intervalYears: 2 }],
    frequency: { kind: 'interval' },
    source: `${RESEARCH}; the start of this version is before the table's history.`,
  },
  {
    id: 'FIT@2025-01-01',
    service: 'FIT',
    effectiveFrom: '2025-01-01',
    effectiveTo: null,
    summary: '45–74 歲、40–44 歲有一等親大腸癌家族史者，每 2 年 1 次',
    groups: [
      { label: '45–74 歲', minAge: 45, maxAge: 74, intervalYears: 2 },
      { label: '40–44 歲有一等親大腸癌家族史', minAge: 40, maxAge: 44, anyOf: [COLORECTAL_FAMILY], intervalYears: 2 },
    ],
    frequency: { kind: 'interval' },
    source: RESEARCH,
  },
  // ─── 胃癌 (H. pylori stool antigen, with the FIT sample) ───
  {
    id: 'H_PYLORI@2026-01-01',
    service: 'H_PYLORI',
    effectiveFrom: '2026-01-01',
    effectiveTo: null,
    summary: '45–74 歲終身 1 次（與糞便潛血檢查同時採檢）',
    groups: [{ label: '45–74 歲', minAge: 45, maxAge: 74 }],
    frequency: { kind: 'lifetime' },
    source: RESEARCH,
  },
  // ─── 口腔癌 ───
  {
    id: 'ORAL_MUCOSA@origin',
    service: 'ORAL_MUCOSA',
    effectiveFrom: null,
    effectiveTo: null,
    summary: '30 歲以上吸菸或嚼檳榔（含已戒）者、18–29 歲嚼檳榔（含已戒）原住民，每 2 年 1 次',
    groups: [
      { label: '30 歲以上吸菸或嚼檳榔者', minAge: 30, anyOf: [SMOKER, BETEL_NUT], intervalYears: 2 },
      { label: '18–29 歲嚼檳榔原住民', minAge: 18, maxAge: 29, indigenous: true, anyOf: [BETEL_NUT], intervalYears: 2 },
    ],
    frequency: { kind: 'interval' },
    source: `${RESEARCH}; unchanged as far as the sources go.`,
  },
  // ─── 肺癌 (LDCT) ───
  {
    id: 'LDCT@2022-07-01',
    service: 'LDCT',
    effectiveFrom: '2022-07-01',
    effectiveTo: '2025-01-01',
    summary: '一等親肺癌家族史之 50–74 歲男性、45–74 歲女性；50–74 歲吸菸史 30 包-年以上者，每 2 年 1 次',
    groups: [
      { label: '50–74 歲有肺癌家族史男性', sex: 'M', minAge: 50, maxAge: 74, anyOf: [LUNG_FAMILY], intervalYears: 2 },
      { label: '45–74 歲有肺癌家族史女性', sex: 'F', minAge: 45, maxAge: 74, anyOf: [LUNG_FAMILY], intervalYears: 2 },
      { label: '50–74 歲重度吸菸者', minAge: 50, maxAge: 74, anyOf: [heavySmoker(30)], intervalYears: 2 },
    ],
    frequency: { kind: 'interval' },
    source: "HPA's 2022-07-01 programme launch as reported by the press; not in the researched table (unconfirmed).",
  },
  {
    id: 'LDCT@2025-01-01',
    service: 'LDCT',
    effectiveFrom: '2025-01-01',
    effectiveTo: null,
    summary: '一等親肺癌家族史之 45–74 歲男性、40–74 歲女性；50–74 歲吸菸史 20 包-年以上者，每 2 年 1 次（吸菸者須同意戒菸）',
    groups: [
      { label: '45–74 歲有肺癌家族史男性', sex: 'M', minAge: 45, maxAge: 74, anyOf: [LUNG_FAMILY], intervalYears: 2 },
      { label: '40–74 歲有肺癌家族史女性', sex: 'F', minAge: 40, maxAge: 74, anyOf: [LUNG_FAMILY], intervalYears: 2 },
      { label: '50–74 歲重度吸菸者', minAge: 50, maxAge: 74, anyOf: [heavySmoker(20)], intervalYears: 2 },
    ],
    frequency: { kind: 'interval' },
    source: `${RESEARCH}; exclusions (pregnancy, a chest CT within 12 months) unconfirmed and not applied.`,
  },
  // ─── 兒童預防保健 ───
  {
    id: 'CHILD_PREVENTIVE@origin',
    service: 'CHILD_PREVENTIVE',
    effectiveFrom: null,
    effectiveTo: null,
    summary: '未滿 7 歲兒童 7 次，依年齡時程各 1 次',
    // Age is decided by the visit windows (completed months), not by calendar-year age.
    groups: [{ label: '未滿 7 歲兒童' }],
    frequency: { kind: 'childVisits', windows: CHILD_WINDOWS },
    source: `${RESEARCH}; a change dated 2024-07-01 is reported without its content, and a 9-visit schedule is planned (unconfirmed).`,
  },
  // ─── 孕婦產前檢查 ───
  {
    id: 'PRENATAL@origin',
    service: 'PRENATAL',
    effectiveFrom: null,
    effectiveTo: '2021-07-01',
    summary: '孕婦 10 次：妊娠未滿 17 週 2 次、17 至未滿 29 週 2 次、29 週以上 6 次',
    groups: [{ label: '孕婦', sex: 'F' }],
    frequency: {
      kind: 'pregnancyVisits',
      windows: [
        { fromWeek: 0, toWeek: 17, firstVisit: 1, lastVisit: 2, label: '妊娠未滿 17 週' },
        { fromWeek: 17, toWeek: 29, firstVisit: 3, lastVisit: 4, label: '妊娠 17 至未滿 29 週' },
        { fromWeek: 29, toWeek: TERM_END_WEEK, firstVisit: 5, lastVisit: 10, label: '妊娠 29 週以上' },
      ],
    },
    source: 'The 10-visit schedule replaced on 2021-07-01, as hospital pages describe it (unconfirmed).',
  },
  {
    id: 'PRENATAL@2021-07-01',
    service: 'PRENATAL',
    effectiveFrom: '2021-07-01',
    effectiveTo: null,
    summary: '孕婦 14 次：妊娠未滿 13 週 2 次、13 至未滿 29 週 4 次、29 週以上 8 次',
    groups: [{ label: '孕婦', sex: 'F' }],
    frequency: {
      kind: 'pregnancyVisits',
      windows: [
        { fromWeek: 0, toWeek: 13, firstVisit: 1, lastVisit: 2, label: '妊娠第 1 期（未滿 13 週）' },
        { fromWeek: 13, toWeek: 29, firstVisit: 3, lastVisit: 6, label: '妊娠第 2 期（13 至未滿 29 週）' },
        { fromWeek: 29, toWeek: TERM_END_WEEK, firstVisit: 7, lastVisit: 14, label: '妊娠第 3 期（29 週以上）' },
      ],
    },
    source:
      "HPA health99 page on the 14 visits from 2021-07-01. The 3 ultrasounds, gestational diabetes and anemia tests are items of these visits; the 2 postpartum assessments (2025-05-01) are not in this table (no windows found).",
  },
  // ─── 二代戒菸 ───
  {
    id: 'CESSATION@2012-03-01',
    service: 'CESSATION',
    effectiveFrom: '2012-03-01',
    effectiveTo: null,
    summary: '18 歲以上吸菸者（FTND 4 分以上或每日 10 支以上），每年 2 個療程，每療程 90 天內同一機構至多 8 週',
    groups: [{ label: '18 歲以上吸菸者', minAge: 18, anyOf: [NICOTINE_DEPENDENCE] }],
    frequency: { kind: 'courses', perYear: 2, weeksPerCourse: 8, courseDays: 90 },
    source: `${RESEARCH}; start day of 二代戒菸 in March 2012.`,
  },
];
