/**
 * Bodies of the 篩檢結果查詢 endpoints:
 * - POST /api/screening/lookups                    the lookup screen (institution accounts)
 * - POST /api/screening/lookup-log/search              lookups of everyone (系統人員, 稽核紀錄)
 * - POST /api/screening/institution-lookup-log/search  lookups by the caller's institution (單位業務管理者)
 * - GET  /api/screening/alerts, POST …/:id/acknowledge, GET …/alerts/summary   unusual lookup volumes (系統人員)
 * - POST /api/staff/screening-imports              CSV back-fill with dry run (系統人員)
 * - POST /api/screening/ingest, POST /api/screening/eligibility   subsystems (OAuth client credentials)
 */
import { z } from 'zod';
import { CSV_IMPORT_MAX_CHARS, megabytes } from '../upload-limits.js';
import { messages } from '../messages.js';
import { text } from '../schemas/text.js';
import { NationalIdSchema } from '../rules/national-id.js';
import { DateFilterSchema, optionalText, refineDateRange } from '../schemas/back-office.js';
import { keysetPageOf, keysetQueryFields } from '../schemas/pagination.js';
import { isPlainDate } from './dates.js';
import { ELIGIBILITY_STATUSES } from './eligibility.js';
import {
  BETEL_NUT_STATUSES,
  FOLLOW_UP_STATES,
  LOOKUP_PURPOSES,
  SCREENING_RESULTS,
  SCREENING_SERVICE_INFO,
  SCREENING_SERVICES,
  SEXES,
  SMOKING_STATUSES,
} from './services.js';

/** The smallest non-zero fraction a screening number (e.g. 吸菸包年) may hold. */
export const SMALLEST_FRACTION = 0.01;

export const SCREENING_MESSAGES = {
  dateFormat: '日期格式須為 YYYY-MM-DD（西元年）。',
  birthDateRequired: '請輸入出生日期',
  birthDateInFuture: '出生日期不可晚於今天。',
  purposeRequired: '請選擇查詢目的',
  lookupNotFound: '查無符合的資料，請確認身分證字號及出生日期是否正確。',
  dailyLimitReached: (limit: number) =>
    `您今日的篩檢結果查詢已達 ${limit} 次上限，請於明日再查詢；如因業務需要須提高上限，請洽諮詢窗口。`,
  institutionAccountsOnly: '篩檢結果查詢僅供醫事機構帳號（單位業務管理者、一般使用者）使用。',
  personRequired: '請提供受檢者資料（person）。',
  recordIdRequired: '請填寫子系統紀錄編號',
  recordIdFormat: '子系統紀錄編號須為 1 至 64 個英數字或 - _ . : / 符號。',
  serviceInvalid: '服務項目代碼不正確。',
  resultInvalid: '檢查結果代碼不正確。',
  sexInvalid: '性別須為 F（女）或 M（男）。',
  followUpStateInvalid: '追蹤狀態代碼不正確。',
  institutionCodeFormat: '醫事機構代碼須為 10 位數字。',
  institutionUnknown: '查無此醫事機構代碼。',
  subsystemUnknown: '查無此子系統代碼。',
  serviceDateInFuture: '服務日期不可晚於今天。',
  serviceDateBeforeBirth: '服務日期不可早於出生日期。',
  visitNumberRequired: (label: string, max: number) => `「${label}」須填寫次別（1 至 ${max}）。`,
  visitNumberNotAllowed: (label: string) => `「${label}」不需填寫次別。`,
  followUpOnlyWhenAbnormal: '檢查結果為正常、陰性或已完成時，不需填寫追蹤狀態。',
  followUpDateBeforeService: '追蹤日期不可早於服務日期。',
  referredOnRequired: '追蹤狀態為已轉介時，須填寫轉介日期。',
  diagnosedOnRequired: '追蹤狀態為已確診時，須填寫確診日期。',
  closedOnRequired: '追蹤狀態為已結案時，須填寫結案日期。',
  notOwnService: (subsystem: string, service: string) => `子系統「${subsystem}」不可登錄「${service}」紀錄。`,
  birthDateMismatch: '出生日期與本系統既有資料不符，請確認身分證字號及出生日期。',
  duplicateInBatch: '同一批次內有重複的子系統紀錄編號。',
  batchEmpty: '請至少提供 1 筆紀錄。',
  recordNotObject: '每筆紀錄須為 JSON 物件。',
  batchTooLarge: '每批次最多 1,000 筆紀錄。',
  numberRange: (min: number, max: number) => `須為 ${min} 至 ${max} 的數字。`,
  numberTooSmall: `須為 0，或不小於 ${SMALLEST_FRACTION} 的數字。`,
  yesNo: '須為「是」或「否」。',
  smokingStatusInvalid: '吸菸狀況須為 NEVER（從未吸菸）、CURRENT（目前吸菸）或 FORMER（已戒菸）。',
  betelNutStatusInvalid: '嚼檳榔狀況須為 NEVER（從未）、CURRENT（目前）或 FORMER（已戒）。',
  csvEmpty: 'CSV 檔案沒有資料列。',
  csvTooManyRows: (max: number) => `CSV 檔案最多 ${max.toLocaleString('en-US')} 筆資料列，請分檔匯入。`,
  csvUnreadable: 'CSV 檔案無法解析，請確認為 UTF-8 編碼、以逗號分隔的檔案。',
  csvMissingColumns: (columns: string[]) => `CSV 檔案缺少欄位：${columns.join('、')}。`,
  csvHasErrors: (count: number) => `有 ${count} 筆資料列有誤，未匯入任何資料；請修正後重新上傳（可先以「試匹配」檢查）。`,
  csvFilenameRequired: '請選擇 CSV 檔案。',
  csvTooLarge: `CSV 檔案不得超過 ${megabytes(CSV_IMPORT_MAX_CHARS)}。`,
  alertAlreadyAcknowledged: '此警示已有人處理。',
} as const;

/** A calendar date, YYYY-MM-DD (Gregorian), checked to exist. */
export const PlainDateSchema = text({ error: SCREENING_MESSAGES.dateFormat }).trim().refine(isPlainDate, SCREENING_MESSAGES.dateFormat);

const optionalNumber = (min: number, max: number, integer = true) =>
  (integer
    ? z.number({ error: SCREENING_MESSAGES.numberRange(min, max) }).int(SCREENING_MESSAGES.numberRange(min, max))
    : // A fraction is stored as a PostgreSQL real, which refuses magnitudes below ~1e-38
      // (underflow); nothing measured in these units is finer than a hundredth anyway.
      z.number({ error: SCREENING_MESSAGES.numberRange(min, max) }).refine((value) => value === 0 || Math.abs(value) >= SMALLEST_FRACTION, SCREENING_MESSAGES.numberTooSmall))
    .min(min, SCREENING_MESSAGES.numberRange(min, max))
    .max(max, SCREENING_MESSAGES.numberRange(min, max))
    .nullable()
    .optional();

/**
 * What the rules may ask about a person; absent = leave what the portal has, null = unknown.
 * Subsystems send what they recorded (e.g. the oral-cancer subsystem the betel-nut history).
 */
const optionalYesNo = () => z.boolean({ error: SCREENING_MESSAGES.yesNo }).nullable().optional();

export const RiskFactorsInputSchema = z.object({
  familyHistoryBreast: optionalYesNo(),
  familyHistoryColorectal: optionalYesNo(),
  familyHistoryLung: optionalYesNo(),
  smokingStatus: z.enum(SMOKING_STATUSES, { error: SCREENING_MESSAGES.smokingStatusInvalid }).nullable().optional(),
  packYears: optionalNumber(0, 200, false),
  quitYear: optionalNumber(1900, 2100),
  betelNutStatus: z.enum(BETEL_NUT_STATUSES, { error: SCREENING_MESSAGES.betelNutStatusInvalid }).nullable().optional(),
  cigarettesPerDay: optionalNumber(0, 200),
  ftndScore: optionalNumber(0, 10),
  polio: optionalYesNo(),
  expectedDeliveryDate: PlainDateSchema.nullable().optional(),
});
export type RiskFactorsInput = z.infer<typeof RiskFactorsInputSchema>;

export const ScreeningPersonInputSchema = z.object(
  {
    ...RiskFactorsInputSchema.shape,
    nationalId: NationalIdSchema,
    birthDate: PlainDateSchema,
    sex: z.enum(SEXES, { error: SCREENING_MESSAGES.sexInvalid }),
    indigenous: z.boolean({ error: SCREENING_MESSAGES.yesNo }).optional(),
  },
  { error: SCREENING_MESSAGES.personRequired },
);
export type ScreeningPersonInput = z.infer<typeof ScreeningPersonInputSchema>;

/** One preventive-service record as a subsystem reports it (ingest API and CSV import). */
export const ScreeningRecordInputSchema = z
  .object({
    /** The subsystem's own id of the record: a retry with the same id never duplicates it. */
    recordId: text({ error: SCREENING_MESSAGES.recordIdRequired })
      .trim()
      .min(1, SCREENING_MESSAGES.recordIdRequired)
      .max(64, SCREENING_MESSAGES.recordIdFormat)
      .regex(/^[A-Za-z0-9_.:/-]+$/, SCREENING_MESSAGES.recordIdFormat),
    service: z.enum(SCREENING_SERVICES, { error: SCREENING_MESSAGES.serviceInvalid }),
    visitNumber: z.number({ error: SCREENING_MESSAGES.numberRange(1, 20) }).int(SCREENING_MESSAGES.numberRange(1, 20)).min(1, SCREENING_MESSAGES.numberRange(1, 20)).max(20, SCREENING_MESSAGES.numberRange(1, 20)).nullable().optional(),
    serviceDate: PlainDateSchema,
    institutionCode: text({ error: SCREENING_MESSAGES.institutionCodeFormat }).regex(/^\d{10}$/, SCREENING_MESSAGES.institutionCodeFormat),
    result: z.enum(SCREENING_RESULTS, { error: SCREENING_MESSAGES.resultInvalid }),
    followUpState: z.enum(FOLLOW_UP_STATES, { error: SCREENING_MESSAGES.followUpStateInvalid }).nullable().optional(),
    referredOn: PlainDateSchema.nullable().optional(),
    diagnosedOn: PlainDateSchema.nullable().optional(),
    closedOn: PlainDateSchema.nullable().optional(),
    person: ScreeningPersonInputSchema,
  })
  .superRefine((record, ctx) => {
    const info = SCREENING_SERVICE_INFO[record.service];
    if (info.visitNumbered && (record.visitNumber == null || record.visitNumber > (info.maxVisit ?? 20))) {
      ctx.addIssue({ code: 'custom', path: ['visitNumber'], message: SCREENING_MESSAGES.visitNumberRequired(info.label, info.maxVisit ?? 20) });
    }
    if (!info.visitNumbered && record.visitNumber != null) {
      ctx.addIssue({ code: 'custom', path: ['visitNumber'], message: SCREENING_MESSAGES.visitNumberNotAllowed(info.label) });
    }
    if (record.serviceDate < record.person.birthDate) {
      ctx.addIssue({ code: 'custom', path: ['serviceDate'], message: SCREENING_MESSAGES.serviceDateBeforeBirth });
    }
    const abnormal = record.result === 'ABNORMAL' || record.result === 'POSITIVE';
    if (!abnormal && (record.followUpState || record.referredOn || record.diagnosedOn || record.closedOn)) {
      ctx.addIssue({ code: 'custom', path: ['followUpState'], message: SCREENING_MESSAGES.followUpOnlyWhenAbnormal });
    }
    const required = { REFERRED: 'referredOn', DIAGNOSED: 'diagnosedOn', CLOSED: 'closedOn' } as const;
    const missing = record.followUpState && record.followUpState !== 'PENDING' ? required[record.followUpState] : null;
    if (missing && !record[missing]) {
      const message = { referredOn: SCREENING_MESSAGES.referredOnRequired, diagnosedOn: SCREENING_MESSAGES.diagnosedOnRequired, closedOn: SCREENING_MESSAGES.closedOnRequired }[missing];
      ctx.addIssue({ code: 'custom', path: [missing], message });
    }
    for (const field of ['referredOn', 'diagnosedOn', 'closedOn'] as const) {
      const value = record[field];
      if (value && value < record.serviceDate) ctx.addIssue({ code: 'custom', path: [field], message: SCREENING_MESSAGES.followUpDateBeforeService });
    }
  });
export type ScreeningRecordInput = z.infer<typeof ScreeningRecordInputSchema>;

/** OAuth scopes a subsystem's client needs for the two subsystem endpoints. */
export const SCREENING_SCOPES = { ingest: 'screening:ingest', eligibility: 'screening:eligibility' } as const;

export const INGEST_BATCH_LIMIT = 1000;

/**
 * POST /api/screening/ingest (a subsystem, client credentials). Each record is validated on its
 * own (ScreeningRecordInputSchema): good records are stored, bad ones come back with their errors.
 */
export const ScreeningIngestRequestSchema = z.object({
  records: z
    .array(
      // A key the database could not store is named as such (not zod's English "Invalid key").
      z.record(text(), z.unknown(), { error: (issue) => (issue.code === 'invalid_key' ? messages.unstorableText : SCREENING_MESSAGES.recordNotObject) }),
      { error: SCREENING_MESSAGES.batchEmpty },
    )
    .min(1, SCREENING_MESSAGES.batchEmpty)
    .max(INGEST_BATCH_LIMIT, SCREENING_MESSAGES.batchTooLarge)
    .describe('每筆為 ScreeningRecordInput'),
});
export type ScreeningIngestRequest = z.infer<typeof ScreeningIngestRequestSchema>;

export const INGEST_OUTCOMES = ['CREATED', 'UPDATED', 'UNCHANGED', 'REJECTED'] as const;
export type IngestOutcome = (typeof INGEST_OUTCOMES)[number];

export const IngestRecordResultSchema = z.object({
  /** Position in the batch (0-based). */
  index: z.number().int(),
  recordId: text().nullable(),
  outcome: z.enum(INGEST_OUTCOMES),
  /** Field path → zh-TW messages (REJECTED only). */
  errors: z.record(text(), z.array(text())).optional(),
});
export type IngestRecordResult = z.infer<typeof IngestRecordResultSchema>;

export const ScreeningIngestResponseSchema = z.object({
  received: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  results: z.array(IngestRecordResultSchema),
});
export type ScreeningIngestResponse = z.infer<typeof ScreeningIngestResponseSchema>;

export const EligibilitySchema = z.object({
  service: z.enum(SCREENING_SERVICES),
  serviceLabel: text(),
  status: z.enum(ELIGIBILITY_STATUSES),
  statusLabel: text(),
  reason: text(),
  nextDate: text().nullable(),
  visitNumber: z.number().int().nullable(),
  ruleVersion: text().nullable(),
});
export type EligibilityView = z.infer<typeof EligibilitySchema>;

/**
 * POST /api/screening/eligibility (a subsystem, client credentials): may this person have the
 * subsystem's services on `date` (default today)? Sex and birth date are sent, so a person the
 * portal has no record of is answered as well; a stored person whose birth date differs is
 * answered as unknown (no records), which reveals nothing.
 */
export const SubsystemEligibilityRequestSchema = RiskFactorsInputSchema.extend({
  nationalId: NationalIdSchema,
  birthDate: PlainDateSchema,
  sex: z.enum(SEXES, { error: SCREENING_MESSAGES.sexInvalid }),
  indigenous: z.boolean().optional(),
  date: PlainDateSchema.optional(),
});
export type SubsystemEligibilityRequest = z.infer<typeof SubsystemEligibilityRequestSchema>;

export const SubsystemEligibilityResponseSchema = z.object({
  date: text(),
  /** The portal holds records of this person (national id and birth date both match). */
  knownPerson: z.boolean(),
  services: z.array(EligibilitySchema),
});
export type SubsystemEligibilityResponse = z.infer<typeof SubsystemEligibilityResponseSchema>;

// ───────────────────────── the lookup screen ─────────────────────────

export const ScreeningLookupRequestSchema = z.object({
  nationalId: NationalIdSchema,
  birthDate: text({ error: SCREENING_MESSAGES.birthDateRequired })
    .trim()
    .min(1, { error: SCREENING_MESSAGES.birthDateRequired, abort: true })
    .refine(isPlainDate, SCREENING_MESSAGES.dateFormat),
  purpose: z.enum(LOOKUP_PURPOSES, { error: SCREENING_MESSAGES.purposeRequired }),
});
export type ScreeningLookupRequest = z.infer<typeof ScreeningLookupRequestSchema>;

export const FollowUpViewSchema = z.object({
  state: z.enum(FOLLOW_UP_STATES),
  stateLabel: text(),
  referredOn: text().nullable(),
  diagnosedOn: text().nullable(),
  closedOn: text().nullable(),
  /** Still to be acted on (待追蹤, 已轉介). */
  open: z.boolean(),
});

export const ScreeningRecordViewSchema = z.object({
  date: text(),
  visitNumber: z.number().int().nullable(),
  institution: z.object({ code: text(), name: text().nullable() }),
  result: z.enum(SCREENING_RESULTS),
  resultLabel: text(),
  abnormal: z.boolean(),
  followUp: FollowUpViewSchema.nullable(),
});
export type ScreeningRecordView = z.infer<typeof ScreeningRecordViewSchema>;

export const ScreeningServiceRowSchema = z.object({
  service: z.enum(SCREENING_SERVICES),
  serviceLabel: text(),
  recordCount: z.number().int(),
  last: ScreeningRecordViewSchema.nullable(),
  /** The latest record whose abnormal result still awaits follow-up (may be older than `last`). */
  openFollowUp: ScreeningRecordViewSchema.nullable(),
  eligibility: EligibilitySchema,
});
export type ScreeningServiceRow = z.infer<typeof ScreeningServiceRowSchema>;

export const ScreeningLookupResultSchema = z.object({
  /** The Taipei date the eligibility is for. */
  asOf: text(),
  purposeLabel: text(),
  person: z.object({
    maskedNationalId: text(),
    birthDate: text(),
    sex: z.enum(SEXES),
    sexLabel: text(),
    indigenous: z.boolean(),
    /** Visit year − birth year, as the rules count age. */
    calendarAge: z.number().int(),
  }),
  services: z.array(ScreeningServiceRowSchema),
  openFollowUps: z.number().int(),
});
export type ScreeningLookupResult = z.infer<typeof ScreeningLookupResultSchema>;

// ───────────────────────── lookup log and alerts ─────────────────────────

export const LOOKUP_OUTCOMES = ['FOUND', 'NOT_FOUND', 'LIMIT_REACHED'] as const;
export type LookupOutcome = (typeof LOOKUP_OUTCOMES)[number];
export const LOOKUP_OUTCOME_LABELS: Readonly<Record<LookupOutcome, string>> = {
  FOUND: '查得資料',
  NOT_FOUND: '查無資料',
  LIMIT_REACHED: '已達每日上限',
};

const lookupLogFilter = {
  /** 帳號 of the account that looked up (exact, case-insensitive). */
  account: optionalText(30),
  institutionCode: optionalText(10),
  /** Whose records: the 身分證 is hashed on the server, never stored in the log. */
  nationalId: NationalIdSchema.optional().or(z.literal('').transform(() => undefined)),
  purpose: z.enum(LOOKUP_PURPOSES).optional().or(z.literal('').transform(() => undefined)),
  from: DateFilterSchema.optional().or(z.literal('').transform(() => undefined)),
  to: DateFilterSchema.optional().or(z.literal('').transform(() => undefined)),
  ...keysetQueryFields,
};

export const ScreeningLookupLogQuerySchema = z.object(lookupLogFilter).superRefine(refineDateRange);
export type ScreeningLookupLogQuery = z.input<typeof ScreeningLookupLogQuerySchema>;

export const ScreeningLookupLogEntrySchema = z.object({
  id: text(),
  at: z.iso.datetime(),
  account: z.object({ id: text(), accountName: text(), name: text() }).nullable(),
  institution: z.object({ code: text(), name: text() }).nullable(),
  subsystemCode: text().nullable(),
  /** The person's keyed hash (HMAC of the 身分證), never the 身分證 itself. */
  personHash: text(),
  purpose: text(),
  purposeLabel: text(),
  outcome: z.enum(LOOKUP_OUTCOMES),
  outcomeLabel: text(),
  ip: text().nullable(),
});
export type ScreeningLookupLogEntry = z.infer<typeof ScreeningLookupLogEntrySchema>;

export const ScreeningLookupLogPageSchema = keysetPageOf(ScreeningLookupLogEntrySchema);
export type ScreeningLookupLogPage = z.infer<typeof ScreeningLookupLogPageSchema>;

export const ScreeningAlertSchema = z.object({
  id: text(),
  /** The Taipei day of the lookups. */
  day: text(),
  account: z.object({ id: text(), accountName: text(), name: text() }),
  institution: z.object({ code: text(), name: text() }).nullable(),
  /** Distinct people looked up that day when the alert was raised. */
  distinctPersons: z.number().int(),
  createdAt: z.iso.datetime(),
  acknowledgedAt: z.iso.datetime().nullable(),
  acknowledgedBy: text().nullable(),
});
export type ScreeningAlert = z.infer<typeof ScreeningAlertSchema>;

export const ScreeningAlertQuerySchema = z.object({
  status: z.enum(['OPEN', 'ALL']).default('OPEN'),
});
export const ScreeningAlertListSchema = z.object({ items: z.array(ScreeningAlertSchema) });
export type ScreeningAlertList = z.infer<typeof ScreeningAlertListSchema>;
export const ScreeningAlertSummarySchema = z.object({ open: z.number().int() });
export type ScreeningAlertSummary = z.infer<typeof ScreeningAlertSummarySchema>;

// ───────────────────────── CSV import ─────────────────────────

export const CSV_IMPORT_MAX_ROWS = 20_000;

export const ScreeningImportRequestSchema = z.object({
  filename: text({ error: SCREENING_MESSAGES.csvFilenameRequired }).trim().min(1, SCREENING_MESSAGES.csvFilenameRequired).max(200),
  /** The file's text (UTF-8; a byte-order mark is ignored). */
  content: text().max(CSV_IMPORT_MAX_CHARS, SCREENING_MESSAGES.csvTooLarge),
  /** Check every row and report, write nothing. */
  dryRun: z.boolean(),
});
export type ScreeningImportRequest = z.infer<typeof ScreeningImportRequestSchema>;

export const ScreeningImportRowErrorSchema = z.object({
  /** Line of the file (the header is line 1). */
  line: z.number().int(),
  recordId: text().nullable(),
  messages: z.array(text()),
});
export type ScreeningImportRowError = z.infer<typeof ScreeningImportRowErrorSchema>;

export const ScreeningImportResultSchema = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  valid: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(ScreeningImportRowErrorSchema),
  message: text(),
});
export type ScreeningImportResult = z.infer<typeof ScreeningImportResultSchema>;
