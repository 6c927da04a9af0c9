/**
 * The preventive services whose records the portal keeps, which subsystem records each one, and
 * the labels of results, follow-up states and lookup purposes. One place for every code.
 */
export const SCREENING_SERVICES = [
  'ADULT_PREVENTIVE',
  'HEPATITIS_BC',
  'CERVICAL_PAP',
  'CERVICAL_HPV',
  'MAMMOGRAPHY',
  'FIT',
  'H_PYLORI',
  'ORAL_MUCOSA',
  'LDCT',
  'CHILD_PREVENTIVE',
  'PRENATAL',
  'CESSATION',
] as const;
export type ScreeningService = (typeof SCREENING_SERVICES)[number];

export interface ScreeningServiceInfo {
  label: string;
  /** The subsystem (code) that records this service: only it may write such records. */
  subsystem: string;
  /** Records carry the visit (兒童預防保健 第 n 次, 產前檢查 第 n 次) and must say which. */
  visitNumbered: boolean;
  /** Highest visit number any rule version has. */
  maxVisit?: number;
}

export const SCREENING_SERVICE_INFO: Readonly<Record<ScreeningService, ScreeningServiceInfo>> = {
  ADULT_PREVENTIVE: { label: '成人預防保健', subsystem: 'adult-preventive', visitNumbered: false },
  HEPATITIS_BC: { label: 'B、C型肝炎篩檢', subsystem: 'hepatitis-bc', visitNumbered: false },
  CERVICAL_PAP: { label: '子宮頸抹片檢查', subsystem: 'cervical-cancer', visitNumbered: false },
  CERVICAL_HPV: { label: '子宮頸癌 HPV 檢測', subsystem: 'cervical-cancer', visitNumbered: false },
  MAMMOGRAPHY: { label: '乳房X光攝影', subsystem: 'breast-cancer', visitNumbered: false },
  FIT: { label: '糞便潛血檢查', subsystem: 'colorectal-cancer', visitNumbered: false },
  // Collected with the FIT sample, so the colorectal subsystem records it.
  H_PYLORI: { label: '幽門桿菌糞便抗原檢測', subsystem: 'colorectal-cancer', visitNumbered: false },
  ORAL_MUCOSA: { label: '口腔黏膜檢查', subsystem: 'oral-cancer', visitNumbered: false },
  LDCT: { label: '低劑量電腦斷層', subsystem: 'lung-cancer', visitNumbered: false },
  CHILD_PREVENTIVE: { label: '兒童預防保健', subsystem: 'child-preventive', visitNumbered: true, maxVisit: 7 },
  PRENATAL: { label: '孕婦產前檢查', subsystem: 'prenatal', visitNumbered: true, maxVisit: 14 },
  CESSATION: { label: '戒菸治療', subsystem: 'smoking-cessation', visitNumbered: false },
};

/** The services a subsystem may write (and ask eligibility for). */
export function servicesOfSubsystem(subsystemCode: string): ScreeningService[] {
  return SCREENING_SERVICES.filter((service) => SCREENING_SERVICE_INFO[service].subsystem === subsystemCode);
}

export const SCREENING_RESULTS = ['NORMAL', 'ABNORMAL', 'POSITIVE', 'NEGATIVE', 'COMPLETED'] as const;
export type ScreeningResult = (typeof SCREENING_RESULTS)[number];
export const SCREENING_RESULT_LABELS: Readonly<Record<ScreeningResult, string>> = {
  NORMAL: '正常',
  ABNORMAL: '異常',
  POSITIVE: '陽性',
  NEGATIVE: '陰性',
  // A visit or a cessation week with no test result of its own.
  COMPLETED: '已完成',
};
/** Results that call for follow-up. */
export const ABNORMAL_RESULTS: ReadonlySet<ScreeningResult> = new Set(['ABNORMAL', 'POSITIVE']);

export const FOLLOW_UP_STATES = ['PENDING', 'REFERRED', 'DIAGNOSED', 'CLOSED'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];
export const FOLLOW_UP_STATE_LABELS: Readonly<Record<FollowUpState, string>> = {
  PENDING: '待追蹤',
  REFERRED: '已轉介',
  DIAGNOSED: '已確診',
  CLOSED: '已結案',
};
/** Follow-up still open: the person needs someone to act. */
export const OPEN_FOLLOW_UP: ReadonlySet<FollowUpState> = new Set(['PENDING', 'REFERRED']);

export const SEXES = ['F', 'M'] as const;
export type Sex = (typeof SEXES)[number];
export const SEX_LABELS: Readonly<Record<Sex, string>> = { F: '女', M: '男' };

export const SMOKING_STATUSES = ['NEVER', 'CURRENT', 'FORMER'] as const;
export type SmokingStatus = (typeof SMOKING_STATUSES)[number];
export const SMOKING_STATUS_LABELS: Readonly<Record<SmokingStatus, string>> = { NEVER: '從未吸菸', CURRENT: '目前吸菸', FORMER: '已戒菸' };

export const BETEL_NUT_STATUSES = ['NEVER', 'CURRENT', 'FORMER'] as const;
export type BetelNutStatus = (typeof BETEL_NUT_STATUSES)[number];
export const BETEL_NUT_STATUS_LABELS: Readonly<Record<BetelNutStatus, string>> = { NEVER: '從未嚼檳榔', CURRENT: '目前嚼檳榔', FORMER: '已戒檳榔' };

export const FAMILY_HISTORY_CANCERS = ['BREAST', 'COLORECTAL', 'LUNG'] as const;
export type FamilyHistoryCancer = (typeof FAMILY_HISTORY_CANCERS)[number];
export const FAMILY_HISTORY_LABELS: Readonly<Record<FamilyHistoryCancer, string>> = { BREAST: '乳癌', COLORECTAL: '大腸癌', LUNG: '肺癌' };

/** Why a person was looked up (asked on every lookup, kept in the lookup log). */
export const LOOKUP_PURPOSES = ['CARE', 'FOLLOW_UP'] as const;
export type LookupPurpose = (typeof LOOKUP_PURPOSES)[number];
export const LOOKUP_PURPOSE_LABELS: Readonly<Record<LookupPurpose | 'SUBSYSTEM_CHECK', string>> = {
  CARE: '看診服務',
  FOLLOW_UP: '追蹤管理',
  SUBSYSTEM_CHECK: '子系統服務前資格確認',
};
