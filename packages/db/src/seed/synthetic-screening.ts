/**
 * Synthetic people with preventive-service histories, for the demo and the benchmarks: ages,
 * habits and family histories drawn at plausible rates, services taken at plausible uptakes
 * and intervals, about one in twenty screening results abnormal with its follow-up. Pure and
 * seeded: the same arguments give the same people on every machine.
 */
import {
  addMonths,
  addTaipeiDays,
  makeTaiwanIdWithChecksum,
  RULE_TABLE,
  SCREENING_SERVICE_INFO,
  UNKNOWN_RISK_FACTORS,
  yearOf,
  type ChildVisitWindow,
  type FollowUpState,
  type RiskFactors,
  type ScreeningResult,
  type ScreeningService,
  type Sex,
} from '@portal/shared';
import { pick, seededRandom } from './deterministic.ts';

export interface SyntheticRecord {
  service: ScreeningService;
  visitNumber: number | null;
  serviceDate: string;
  institutionCode: string;
  result: ScreeningResult;
  followUpState: FollowUpState | null;
  referredOn: string | null;
  diagnosedOn: string | null;
  closedOn: string | null;
  sourceSubsystem: string;
  sourceRecordId: string;
}

export interface SyntheticPerson {
  nationalId: string;
  birthDate: string;
  sex: Sex;
  indigenous: boolean;
  risk: RiskFactors;
  records: SyntheticRecord[];
}

/** A screening taken again and again: who, how often, how many take it, how often it is abnormal. */
interface RepeatedService {
  service: ScreeningService;
  minAge: number;
  maxAge?: number;
  sex?: Sex;
  everyYears: number;
  uptake: number;
  abnormal: number;
  /** The result word of a normal test. */
  normal: ScreeningResult;
  abnormalResult: ScreeningResult;
  needs?: (risk: RiskFactors) => boolean;
}

const REPEATED: readonly RepeatedService[] = [
  { service: 'ADULT_PREVENTIVE', minAge: 40, maxAge: 64, everyYears: 3, uptake: 0.75, abnormal: 0.15, normal: 'NORMAL', abnormalResult: 'ABNORMAL' },
  { service: 'ADULT_PREVENTIVE', minAge: 65, everyYears: 1, uptake: 0.75, abnormal: 0.2, normal: 'NORMAL', abnormalResult: 'ABNORMAL' },
  { service: 'CERVICAL_PAP', minAge: 30, sex: 'F', everyYears: 1, uptake: 0.6, abnormal: 0.03, normal: 'NORMAL', abnormalResult: 'ABNORMAL' },
  { service: 'MAMMOGRAPHY', minAge: 45, maxAge: 69, sex: 'F', everyYears: 2, uptake: 0.6, abnormal: 0.08, normal: 'NORMAL', abnormalResult: 'ABNORMAL' },
  { service: 'FIT', minAge: 50, maxAge: 74, everyYears: 2, uptake: 0.6, abnormal: 0.07, normal: 'NEGATIVE', abnormalResult: 'POSITIVE' },
  {
    service: 'ORAL_MUCOSA', minAge: 30, everyYears: 2, uptake: 0.4, abnormal: 0.05, normal: 'NORMAL', abnormalResult: 'ABNORMAL',
    needs: (risk) => risk.smokingStatus === 'CURRENT' || (risk.betelNutStatus !== null && risk.betelNutStatus !== 'NEVER'),
  },
  {
    service: 'LDCT', minAge: 50, maxAge: 74, everyYears: 2, uptake: 0.3, abnormal: 0.1, normal: 'NORMAL', abnormalResult: 'ABNORMAL',
    needs: (risk) => risk.familyHistoryLung === true || (risk.packYears ?? 0) >= 20,
  },
];

const CHILD_WINDOWS: readonly ChildVisitWindow[] = (() => {
  const rule = RULE_TABLE.find((version) => version.service === 'CHILD_PREVENTIVE' && version.effectiveTo === null)!;
  return rule.frequency.kind === 'childVisits' ? rule.frequency.windows : [];
})();

/** How far back histories go. */
const HISTORY_YEARS = 20;

const ID_LETTERS = 'ABCDEFGHJKLMNPQRSTUVXYWZIO';

/** The n-th synthetic 身分證: unique for n below 26 × 10⁷, sex digit as the person's. */
export function syntheticNationalId(n: number, sex: Sex): string {
  const letter = ID_LETTERS[n % ID_LETTERS.length]!;
  const serial = String(Math.floor(n / ID_LETTERS.length)).padStart(7, '0');
  return makeTaiwanIdWithChecksum(`${letter}${sex === 'M' ? 1 : 2}${serial}`);
}

export interface SyntheticOptions {
  /** First person number (ids are numbered), so that several runs never collide. */
  from: number;
  count: number;
  seed: number;
  /** The Taipei date histories end on. */
  today: string;
  institutionCodes: readonly string[];
}

export function* syntheticScreeningPeople({ from, count, seed, today, institutionCodes }: SyntheticOptions): Generator<SyntheticPerson> {
  const random = seededRandom(seed);
  const chance = (p: number) => random() < p;
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const dayIn = (year: number) => {
    const date = addTaipeiDays(`${year}-01-01`, between(0, 364));
    return date > today ? today : date;
  };
  const thisYear = yearOf(today);

  for (let n = from; n < from + count; n += 1) {
    const sex: Sex = chance(0.5) ? 'F' : 'M';
    // Taiwan's population is old (median age about 45): most people with records are adults.
    const age = chance(0.72) ? between(30, 92) : between(0, 29);
    const birthDate = dayIn(thisYear - age);
    const adult = age >= 18;
    const smokingRoll = random();
    const smokingStatus = !adult ? 'NEVER' : smokingRoll < (sex === 'M' ? 0.22 : 0.04) ? 'CURRENT' : smokingRoll < (sex === 'M' ? 0.35 : 0.06) ? 'FORMER' : 'NEVER';
    const smoker = smokingStatus !== 'NEVER';
    const betelRoll = random();
    const familyHistory = () => (chance(0.35) ? null : chance(0.08));
    const risk: RiskFactors = {
      ...UNKNOWN_RISK_FACTORS,
      smokingStatus: chance(0.15) ? null : smokingStatus,
      packYears: smoker ? between(2, 50) : null,
      quitYear: smokingStatus === 'FORMER' ? thisYear - between(1, 25) : null,
      cigarettesPerDay: smokingStatus === 'CURRENT' ? between(3, 30) : null,
      ftndScore: smokingStatus === 'CURRENT' && chance(0.6) ? between(1, 10) : null,
      betelNutStatus: !adult ? 'NEVER' : sex === 'M' && betelRoll < 0.06 ? 'CURRENT' : sex === 'M' && betelRoll < 0.11 ? 'FORMER' : 'NEVER',
      familyHistoryBreast: sex === 'F' ? familyHistory() : null,
      familyHistoryColorectal: familyHistory(),
      familyHistoryLung: familyHistory(),
      polio: chance(0.003) ? true : null,
    };
    const usual = [pick(random, institutionCodes), pick(random, institutionCodes)] as const;
    const where = () => (chance(0.8) ? usual[0] : usual[1]);
    const records: SyntheticRecord[] = [];
    const add = (service: ScreeningService, serviceDate: string, result: ScreeningResult, visitNumber: number | null = null) => {
      const abnormal = result === 'ABNORMAL' || result === 'POSITIVE';
      const followUp = abnormal ? followUpOf(serviceDate) : null;
      records.push({
        service,
        visitNumber,
        serviceDate,
        institutionCode: where(),
        result,
        followUpState: followUp?.state ?? null,
        referredOn: followUp?.referredOn ?? null,
        diagnosedOn: followUp?.diagnosedOn ?? null,
        closedOn: followUp?.closedOn ?? null,
        sourceSubsystem: SCREENING_SERVICE_INFO[service].subsystem,
        sourceRecordId: `SYN-${n}-${records.length + 1}`,
      });
    };
    const followUpOf = (serviceDate: string) => {
      const days = (date: string) => Math.round((Date.parse(today) - Date.parse(date)) / 86_400_000);
      if (days(serviceDate) < 45 || chance(0.1)) return { state: 'PENDING' as const, referredOn: null, diagnosedOn: null, closedOn: null };
      const referredOn = addTaipeiDays(serviceDate, between(7, 30));
      const roll = random();
      if (roll < 0.2 || days(referredOn) < 30) return { state: 'REFERRED' as const, referredOn, diagnosedOn: null, closedOn: null };
      const diagnosedOn = addTaipeiDays(referredOn, between(7, 28));
      if (roll < 0.35) return { state: 'DIAGNOSED' as const, referredOn, diagnosedOn, closedOn: null };
      return { state: 'CLOSED' as const, referredOn, diagnosedOn: chance(0.3) ? diagnosedOn : null, closedOn: addTaipeiDays(diagnosedOn, between(1, 20)) };
    };

    const firstYear = Math.max(yearOf(birthDate), thisYear - HISTORY_YEARS + 1);
    for (const plan of REPEATED) {
      if ((plan.sex && plan.sex !== sex) || (plan.needs && !plan.needs(risk)) || !chance(plan.uptake)) continue;
      let due = firstYear;
      for (let year = firstYear; year <= thisYear; year += 1) {
        const ageThen = year - yearOf(birthDate);
        if (ageThen < plan.minAge || (plan.maxAge !== undefined && ageThen > plan.maxAge) || year < due || !chance(0.9)) continue;
        add(plan.service, dayIn(year), chance(plan.abnormal) ? plan.abnormalResult : plan.normal);
        due = year + plan.everyYears + (chance(0.3) ? 1 : 0);
      }
    }
    if (age >= 45 && chance(0.45)) add('HEPATITIS_BC', dayIn(between(Math.max(firstYear, yearOf(birthDate) + 45), thisYear)), chance(0.06) ? 'POSITIVE' : 'NEGATIVE');
    if (age >= 45 && age <= 74 && thisYear >= 2026 && chance(0.2)) add('H_PYLORI', dayIn(thisYear), chance(0.25) ? 'POSITIVE' : 'NEGATIVE');
    for (const window of CHILD_WINDOWS) {
      const start = addMonths(birthDate, window.fromMonth);
      if (start > today || yearOf(start) < firstYear || !chance(0.9)) continue;
      const date = addTaipeiDays(start, between(0, 20));
      if (date <= today) add('CHILD_PREVENTIVE', date, 'COMPLETED', window.visit);
    }
    if (sex === 'F' && age >= 22 && age <= 40 && chance(0.04)) {
      risk.expectedDeliveryDate = addTaipeiDays(today, between(1, 270));
      const conception = addTaipeiDays(risk.expectedDeliveryDate, -280);
      for (const [visit, week] of [[1, 8], [2, 12], [3, 16], [4, 20], [5, 24], [6, 28], [7, 30], [8, 32], [9, 34], [10, 36]] as const) {
        const date = addTaipeiDays(conception, week * 7 + between(0, 5));
        if (date <= today) add('PRENATAL', date, 'COMPLETED', visit);
      }
    }
    if (smokingStatus === 'CURRENT' && chance(0.12)) {
      let date = dayIn(between(Math.max(firstYear, thisYear - 3), thisYear));
      for (let week = 0, weeks = between(1, 8); week < weeks && date <= today; week += 1, date = addTaipeiDays(date, 7)) add('CESSATION', date, 'COMPLETED');
    }
    yield { nationalId: syntheticNationalId(n, sex), birthDate, sex, indigenous: chance(0.025), risk, records };
  }
}
