/**
 * The eligibility engine: for a person, their records and a date, what each preventive service
 * says today — 可受檢, 尚未到期 (and from when), 不符資格 (and why) or 終身一次已使用 — and which
 * rule version decided. Everything service-specific is in the rule table; this file only reads
 * its fields. Pure: the SPA, the API and the tests run the same code.
 */
import { addTaipeiDays } from '../taipei-time.js';
import {
  addMonths,
  completedMonths,
  daysBetween,
  januaryFirst,
  shownDate,
  yearOf,
} from './dates.js';
import { RULE_TABLE } from './rule-table.js';
import type { EligibilityGroup, Frequency, RiskCondition, RuleVersion } from './rule-types.js';
import {
  SCREENING_SERVICES,
  SEX_LABELS,
  type BetelNutStatus,
  type ScreeningService,
  type Sex,
  type SmokingStatus,
} from './services.js';

export const ELIGIBILITY_STATUSES = ['ELIGIBLE', 'NOT_YET_DUE', 'INELIGIBLE', 'LIFETIME_USED'] as const;
export type EligibilityStatus = (typeof ELIGIBILITY_STATUSES)[number];
export const ELIGIBILITY_STATUS_LABELS: Readonly<Record<EligibilityStatus, string>> = {
  ELIGIBLE: '可受檢',
  NOT_YET_DUE: '尚未到期',
  INELIGIBLE: '不符資格',
  LIFETIME_USED: '終身一次已使用',
};

/** What the rules may ask about a person beyond age and sex; null = not recorded. */
export interface RiskFactors {
  familyHistoryBreast: boolean | null;
  familyHistoryColorectal: boolean | null;
  familyHistoryLung: boolean | null;
  smokingStatus: SmokingStatus | null;
  packYears: number | null;
  /** The year a former smoker quit. */
  quitYear: number | null;
  betelNutStatus: BetelNutStatus | null;
  cigarettesPerDay: number | null;
  ftndScore: number | null;
  polio: boolean | null;
  /** 預產期 of the current pregnancy. */
  expectedDeliveryDate: string | null;
}

export const UNKNOWN_RISK_FACTORS: RiskFactors = {
  familyHistoryBreast: null,
  familyHistoryColorectal: null,
  familyHistoryLung: null,
  smokingStatus: null,
  packYears: null,
  quitYear: null,
  betelNutStatus: null,
  cigarettesPerDay: null,
  ftndScore: null,
  polio: null,
  expectedDeliveryDate: null,
};

export interface EligibilityPerson extends RiskFactors {
  birthDate: string;
  sex: Sex;
  indigenous: boolean;
}

export interface EligibilityRecord {
  service: ScreeningService;
  date: string;
  visitNumber: number | null;
  institutionCode: string;
}

export interface Eligibility {
  service: ScreeningService;
  status: EligibilityStatus;
  /** zh-TW, safe to show. */
  reason: string;
  /** When the service becomes available (尚未到期, or 不符資格 that age or a new rule will lift). */
  nextDate: string | null;
  /** The visit that is due now (兒童預防保健, 產前檢查). */
  visitNumber: number | null;
  /** The rule version that decided; null when no version covers the date. */
  ruleVersion: string | null;
}

type Verdict = Omit<Eligibility, 'service'>;
type Truth = 'yes' | 'no' | 'unknown';

/** Years ahead searched for the next date on which a service becomes available. */
const HORIZON_YEARS = 15;

/** Calendar-year age, as the rules count it: visit year − birth year. */
export const calendarAge = (birthDate: string, date: string) => yearOf(date) - yearOf(birthDate);

export function ruleVersionOn(service: ScreeningService, date: string, table: readonly RuleVersion[] = RULE_TABLE): RuleVersion | undefined {
  return table.find(
    (version) =>
      version.service === service &&
      (version.effectiveFrom === null || version.effectiveFrom <= date) &&
      (version.effectiveTo === null || date < version.effectiveTo),
  );
}

function fromBoolean(value: boolean | null): Truth {
  return value === null ? 'unknown' : value ? 'yes' : 'no';
}

function conditionHolds(condition: RiskCondition, person: EligibilityPerson, date: string): Truth {
  switch (condition.kind) {
    case 'familyHistory':
      return fromBoolean({ BREAST: person.familyHistoryBreast, COLORECTAL: person.familyHistoryColorectal, LUNG: person.familyHistoryLung }[condition.cancer]);
    case 'currentSmoker':
      return person.smokingStatus === null ? 'unknown' : person.smokingStatus === 'CURRENT' ? 'yes' : 'no';
    case 'betelNut':
      return person.betelNutStatus === null ? 'unknown' : person.betelNutStatus === 'NEVER' ? 'no' : 'yes';
    case 'polio':
      return fromBoolean(person.polio);
    case 'heavySmoker': {
      if (person.smokingStatus === 'NEVER') return 'no';
      if (person.smokingStatus === null || person.packYears === null) return 'unknown';
      if (person.packYears < condition.minPackYears) return 'no';
      if (person.smokingStatus === 'CURRENT') return 'yes';
      if (person.quitYear === null) return 'unknown';
      return yearOf(date) - person.quitYear < condition.quitWithinYears ? 'yes' : 'no';
    }
    case 'nicotineDependence': {
      if (person.smokingStatus === null) return 'unknown';
      if (person.smokingStatus !== 'CURRENT') return 'no';
      const ftnd = person.ftndScore === null ? 'unknown' : person.ftndScore >= condition.minFtnd ? 'yes' : 'no';
      const cigarettes = person.cigarettesPerDay === null ? 'unknown' : person.cigarettesPerDay >= condition.minCigarettesPerDay ? 'yes' : 'no';
      if (ftnd === 'yes' || cigarettes === 'yes') return 'yes';
      return ftnd === 'unknown' || cigarettes === 'unknown' ? 'unknown' : 'no';
    }
  }
}

type GroupCheck =
  | { group: EligibilityGroup; outcome: 'match' }
  | { group: EligibilityGroup; outcome: 'unknown'; unknown: RiskCondition[] }
  | { group: EligibilityGroup; outcome: 'fail'; why: 'sex' | 'age' | 'indigenous' | 'condition' };

function checkGroup(group: EligibilityGroup, person: EligibilityPerson, date: string): GroupCheck {
  const age = calendarAge(person.birthDate, date);
  if (group.sex && group.sex !== person.sex) return { group, outcome: 'fail', why: 'sex' };
  if ((group.minAge !== undefined && age < group.minAge) || (group.maxAge !== undefined && age > group.maxAge)) return { group, outcome: 'fail', why: 'age' };
  if (group.bornByYear !== undefined && yearOf(person.birthDate) > group.bornByYear) return { group, outcome: 'fail', why: 'age' };
  if (group.indigenous && !person.indigenous) return { group, outcome: 'fail', why: 'indigenous' };
  if (!group.anyOf) return { group, outcome: 'match' };
  const truths = group.anyOf.map((condition) => conditionHolds(condition, person, date));
  if (truths.includes('yes')) return { group, outcome: 'match' };
  const unknown = group.anyOf.filter((_, index) => truths[index] === 'unknown');
  return unknown.length > 0 ? { group, outcome: 'unknown', unknown } : { group, outcome: 'fail', why: 'condition' };
}

const everyYears = (years: number) => (years === 1 ? '每年 1 次' : `每 ${years} 年 1 次`);

/** Records of one service in a fixed order, whatever order they came in. */
function inServiceOrder(records: readonly EligibilityRecord[]): EligibilityRecord[] {
  return [...records].sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      a.institutionCode.localeCompare(b.institutionCode) ||
      (a.visitNumber ?? 0) - (b.visitNumber ?? 0),
  );
}

interface Context {
  service: ScreeningService;
  person: EligibilityPerson;
  /** This service's records up to the date, in service order. */
  records: EligibilityRecord[];
  table: readonly RuleVersion[];
}

/** The first date after `date` on which the service would be available with the same records. */
function firstAvailableDate(context: Context, date: string): string | null {
  const candidates = new Set<string>();
  for (let year = yearOf(date) + 1; year <= yearOf(date) + HORIZON_YEARS; year += 1) candidates.add(januaryFirst(year));
  for (const version of context.table) {
    if (version.service === context.service && version.effectiveFrom !== null && version.effectiveFrom > date) candidates.add(version.effectiveFrom);
  }
  for (const candidate of [...candidates].sort()) {
    if (decide(context, candidate, false).status === 'ELIGIBLE') return candidate;
  }
  return null;
}

const verdict = (status: EligibilityStatus, reason: string, version: RuleVersion | undefined, extra: Partial<Verdict> = {}): Verdict => ({
  status,
  reason,
  nextDate: null,
  visitNumber: null,
  ruleVersion: version?.id ?? null,
  ...extra,
});

function decide(context: Context, date: string, withNextDate: boolean): Verdict {
  const version = ruleVersionOn(context.service, date, context.table);
  const nextDate = () => (withNextDate ? firstAvailableDate(context, date) : null);
  if (!version) {
    const later = context.table.find((v) => v.service === context.service && v.effectiveFrom !== null && v.effectiveFrom > date);
    const from = shownDate(later?.effectiveFrom ?? '');
    const reason = !later ? `查無 ${shownDate(date)} 適用的補助規則` : later.earlierRuleUnrecorded ? `本系統未收錄 ${from} 以前的補助規則` : `本項服務自 ${from} 起提供`;
    return verdict('INELIGIBLE', reason, undefined, { nextDate: nextDate() });
  }
  const first = context.records[0];
  if (version.frequency.kind === 'lifetime' && first) {
    return verdict('LIFETIME_USED', `終身 1 次，已於 ${shownDate(first.date)} 使用`, version);
  }
  const checks = version.groups.map((group) => checkGroup(group, context.person, date));
  const matched = checks.filter((check) => check.outcome === 'match').map((check) => check.group);
  if (matched.length === 0) return notCovered(version, checks, nextDate);
  return byFrequency(version, version.frequency, matched, context, date, nextDate);
}

function notCovered(version: RuleVersion, checks: GroupCheck[], nextDate: () => string | null): Verdict {
  const unknown = checks.flatMap((check) => (check.outcome === 'unknown' ? check.unknown.map((condition) => condition.label) : []));
  if (unknown.length > 0) {
    return verdict('INELIGIBLE', `尚無「${[...new Set(unknown)].join('、')}」資料，請現場確認（補助對象：${version.summary}）`, version);
  }
  const reasons = checks.map((check) => (check.outcome === 'fail' ? check.why : null));
  const sex = version.groups[0]?.sex;
  if (sex && reasons.every((why) => why === 'sex')) return verdict('INELIGIBLE', `限${SEX_LABELS[sex]}性`, version);
  // Age changes every 1 January and rules widen: say when the person will be covered, if ever.
  const onlyAge = reasons.every((why) => why === 'sex' || why === 'age');
  return verdict('INELIGIBLE', `${onlyAge ? '年齡不符' : '不符補助對象'}（補助對象：${version.summary}）`, version, { nextDate: nextDate() });
}

function byFrequency(
  version: RuleVersion,
  frequency: Frequency,
  matched: EligibilityGroup[],
  context: Context,
  date: string,
  nextDate: () => string | null,
): Verdict {
  const { person, records } = context;
  switch (frequency.kind) {
    case 'lifetime':
      return verdict('ELIGIBLE', `符合「${matched[0]!.label}」，終身 1 次`, version);
    case 'interval': {
      const interval = Math.min(...matched.map((group) => group.intervalYears ?? 1));
      const group = matched.find((candidate) => (candidate.intervalYears ?? 1) === interval)!;
      const last = records.at(-1);
      if (!last || yearOf(date) - yearOf(last.date) >= interval) return verdict('ELIGIBLE', `符合「${group.label}」，${everyYears(interval)}`, version);
      const next = nextDate();
      const reason = interval === 1 ? `本年度已受檢（${shownDate(last.date)}）` : `距上次受檢（${shownDate(last.date)}）未滿 ${interval} 年`;
      return verdict('NOT_YET_DUE', next ? reason : `${reason}；之後已不在補助對象內`, version, { nextDate: next });
    }
    case 'atAges': {
      const age = calendarAge(person.birthDate, date);
      const ages = frequency.ages.join('、');
      if (!frequency.ages.includes(age)) return verdict('INELIGIBLE', `限 ${ages} 歲各 1 次（今年 ${age} 歲）`, version, { nextDate: nextDate() });
      if (records.some((record) => calendarAge(person.birthDate, record.date) === age)) {
        return verdict('NOT_YET_DUE', `${age} 歲之檢測已使用（${ages} 歲各 1 次）`, version, { nextDate: nextDate() });
      }
      return verdict('ELIGIBLE', `符合「${matched[0]!.label}」，${age} 歲 1 次`, version);
    }
    case 'childVisits': {
      const months = completedMonths(person.birthDate, date);
      const window = frequency.windows.find((candidate) => months >= candidate.fromMonth && months < candidate.toMonth);
      if (!window) return verdict('INELIGIBLE', `已逾兒童預防保健時程（最後 1 次為${frequency.windows.at(-1)!.label}）`, version);
      if (!records.some((record) => record.visitNumber === window.visit)) {
        return verdict('ELIGIBLE', `第 ${window.visit} 次（${window.label}）`, version, { visitNumber: window.visit });
      }
      const following = frequency.windows.find((candidate) => candidate.fromMonth >= window.toMonth);
      if (!following) return verdict('INELIGIBLE', `第 ${window.visit} 次（最後 1 次）已使用`, version);
      return verdict('NOT_YET_DUE', `第 ${window.visit} 次已使用；第 ${following.visit} 次為${following.label}`, version, {
        nextDate: addMonths(person.birthDate, following.fromMonth),
      });
    }
    case 'pregnancyVisits': {
      const due = person.expectedDeliveryDate;
      if (!due) return verdict('INELIGIBLE', '無懷孕資料（未登錄預產期）', version);
      const conception = addTaipeiDays(due, -280);
      const days = daysBetween(conception, date);
      const lastWindow = frequency.windows.at(-1)!;
      if (days < 0 || days >= lastWindow.toWeek * 7) return verdict('INELIGIBLE', `目前無懷孕中紀錄（預產期 ${due}）`, version);
      const week = Math.floor(days / 7);
      const window = frequency.windows.find((candidate) => week >= candidate.fromWeek && week < candidate.toWeek)!;
      const used = new Set(records.filter((record) => record.date >= conception).map((record) => record.visitNumber));
      for (let visit = window.firstVisit; visit <= window.lastVisit; visit += 1) {
        if (!used.has(visit)) return verdict('ELIGIBLE', `第 ${visit} 次（${window.label}，妊娠第 ${week} 週）`, version, { visitNumber: visit });
      }
      const following = frequency.windows.find((candidate) => candidate.fromWeek >= window.toWeek);
      if (!following) return verdict('INELIGIBLE', '本次懷孕之產前檢查已全部使用', version);
      return verdict('NOT_YET_DUE', `${window.label}之產前檢查已使用`, version, { nextDate: addTaipeiDays(conception, following.fromWeek * 7) });
    }
    case 'courses':
      return byCourses(version, frequency, records, date);
  }
}

function byCourses(version: RuleVersion, frequency: Extract<Frequency, { kind: 'courses' }>, records: EligibilityRecord[], date: string): Verdict {
  // A course is a run of weekly supplies at one institution within courseDays of its first;
  // the next supply elsewhere, later or past the weekly limit starts a new course.
  const courses: { start: string; institutionCode: string; weeks: number }[] = [];
  for (const record of records) {
    const current = courses.at(-1);
    if (current && record.institutionCode === current.institutionCode && daysBetween(current.start, record.date) < frequency.courseDays && current.weeks < frequency.weeksPerCourse) {
      current.weeks += 1;
    } else courses.push({ start: record.date, institutionCode: record.institutionCode, weeks: 1 });
  }
  const thisYear = courses.filter((course) => yearOf(course.start) === yearOf(date)).length;
  const open = courses.at(-1);
  if (open && daysBetween(open.start, date) < frequency.courseDays && open.weeks < frequency.weeksPerCourse) {
    return verdict(
      'ELIGIBLE',
      `療程進行中（${open.start} 起於機構 ${open.institutionCode}，已用 ${open.weeks} 週，同一機構可用至 ${addTaipeiDays(open.start, frequency.courseDays - 1)}；改至他機構即開始新療程）`,
      version,
    );
  }
  if (thisYear < frequency.perYear) return verdict('ELIGIBLE', `本年度已使用 ${thisYear} 個療程（每年 ${frequency.perYear} 個）`, version);
  return verdict('NOT_YET_DUE', `本年度 ${frequency.perYear} 個療程已使用`, version, { nextDate: januaryFirst(yearOf(date) + 1) });
}

/** One service's answer on `date`; records of other services and after the date are ignored. */
export function evaluateService(
  service: ScreeningService,
  person: EligibilityPerson,
  records: readonly EligibilityRecord[],
  date: string,
  table: readonly RuleVersion[] = RULE_TABLE,
): Eligibility {
  const own = inServiceOrder(records.filter((record) => record.service === service && record.date <= date));
  return { service, ...decide({ service, person, records: own, table }, date, true) };
}

/** Every service's answer on `date`, in the order of SCREENING_SERVICES. */
export function evaluateEligibility(
  person: EligibilityPerson,
  records: readonly EligibilityRecord[],
  date: string,
  table: readonly RuleVersion[] = RULE_TABLE,
): Eligibility[] {
  return SCREENING_SERVICES.map((service) => evaluateService(service, person, records, date, table));
}
