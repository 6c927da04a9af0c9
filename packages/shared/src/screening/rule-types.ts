/**
 * The shape of the versioned rule table (rule-table.ts): what a subsidy rule says, as data.
 * The engine (eligibility.ts) reads these fields and knows nothing about any particular service.
 */
import type { BetelNutStatus, FamilyHistoryCancer, ScreeningService, Sex, SmokingStatus } from './services.js';

/** A risk condition a group may require; `label` is the zh-TW wording used in reasons. */
export type RiskCondition =
  | { kind: 'familyHistory'; cancer: FamilyHistoryCancer; label: string }
  | { kind: 'currentSmoker'; label: string }
  /** Chews betel nut now or did before (the rules say 「含已戒」). */
  | { kind: 'betelNut'; label: string }
  /** Pack-years at least `minPackYears`, still smoking or quit fewer than `quitWithinYears` years ago. */
  | { kind: 'heavySmoker'; minPackYears: number; quitWithinYears: number; label: string }
  | { kind: 'polio'; label: string }
  /** Still smoking and dependent: FTND score or cigarettes a day at or above the bar. */
  | { kind: 'nicotineDependence'; minFtnd: number; minCigarettesPerDay: number; label: string };

/**
 * Who a rule covers. Ages are calendar-year ages (visit year − birth year), bounds inclusive.
 * A person is covered when they match every demographic field and, if `anyOf` is given, at
 * least one of its conditions.
 */
export interface EligibilityGroup {
  /** zh-TW, e.g. 「40–74 歲女性」. */
  label: string;
  sex?: Sex;
  minAge?: number;
  maxAge?: number;
  /** Born in this year or earlier (e.g. 民國75年 = 1986). */
  bornByYear?: number;
  indigenous?: boolean;
  anyOf?: readonly RiskCondition[];
  /** For interval rules: whole years between two services (by year difference). */
  intervalYears?: number;
}

export interface ChildVisitWindow {
  visit: number;
  /** Completed months of age, from inclusive, to exclusive. */
  fromMonth: number;
  toMonth: number;
  label: string;
}

export interface PregnancyVisitWindow {
  /** Completed weeks of gestation, from inclusive, to exclusive. */
  fromWeek: number;
  toWeek: number;
  firstVisit: number;
  lastVisit: number;
  label: string;
}

export type Frequency =
  /** Again after the matching group's `intervalYears` (the shortest when several match). */
  | { kind: 'interval' }
  | { kind: 'lifetime' }
  /** Once at each of these calendar-year ages. */
  | { kind: 'atAges'; ages: readonly number[] }
  /** One visit per window of the child's age. */
  | { kind: 'childVisits'; windows: readonly ChildVisitWindow[] }
  /** Visits per window of the current pregnancy (from the expected delivery date). */
  | { kind: 'pregnancyVisits'; windows: readonly PregnancyVisitWindow[] }
  /** Treatment courses: a course is up to `weeksPerCourse` weekly supplies at one institution within `courseDays`. */
  | { kind: 'courses'; perYear: number; weeksPerCourse: number; courseDays: number };

export interface RuleVersion {
  /** Stable id shown with every answer, e.g. 'MAMMOGRAPHY@2025-01-01'. */
  id: string;
  service: ScreeningService;
  /** First day in force; null: in force before the earliest change this table records. */
  effectiveFrom: string | null;
  /** The rule before `effectiveFrom` existed but is not in this table (dates before it get no answer). */
  earlierRuleUnrecorded?: boolean;
  /** First day no longer in force; null: in force now. */
  effectiveTo: string | null;
  /** zh-TW one line, e.g. 「40–74 歲女性，每 2 年 1 次」. */
  summary: string;
  groups: readonly EligibilityGroup[];
  frequency: Frequency;
  /** Where the rule comes from and what no source confirmed. */
  source: string;
}

export type { BetelNutStatus, SmokingStatus };
