/**
 * Back office: the queues and screens of 單位業務管理者, 子系統管理者 and 系統人員, and
 * the audit log. Bodies of /api/institution-manager/*, /api/subsystem-manager/*, /api/staff/*
 * and /api/audit-events*.
 *
 * Dates travel as ISO 8601 timestamps; date filters (`from`, `to`) are Taipei calendar dates
 * (YYYY-MM-DD, both ends inclusive).
 */
import { z } from 'zod';
import { DOWNLOAD_MAX_BYTES, megabytes } from '../upload-limits.js';
import { text } from './text.js';
import { messages } from '../messages.js';
import { AccessStatusSchema, AccountStatusSchema } from './application.js';
import { AccountRoleSchema, InstitutionRefSchema, SubsystemRefSchema } from './auth.js';
import { CITIES, INSTITUTION_KINDS, InstitutionKindSchema } from './institution.js';
import { cappedPageOf, keysetPageOf, keysetQueryFields, PageQuerySchema, pageOf } from './pagination.js';

export const BACK_OFFICE_MESSAGES = {
  decisionRequired: '請選擇核准或駁回',
  reasonRequired: '駁回時請填寫原因',
  revokeReasonRequired: '停用時請填寫原因',
  reasonTooLong: '原因不得超過 500 個字。',
  alreadyDecided: '此申請已被處理，請重新整理頁面。',
  accountNotActive: '此帳號目前非啟用狀態，無法審核其子系統申請。',
  accountStateChanged: '此帳號狀態已變更，請重新整理頁面。',
  cannotChangeManager: '單位業務管理者帳號的停用請依「管理者帳號申請、異動」流程辦理。',
  cannotChangeSelf: '不可變更自己的帳號狀態。',
  approved: '已核准。',
  rejected: '已駁回。',
  revoked: '已停用此子系統權限。',
  deactivated: '已停用此帳號，該帳號的登入已全部登出。',
  reactivated: '已重新啟用此帳號。',
  bulkIdsRequired: '請至少選擇一筆申請。',
  bulkTooMany: '一次最多核准 1000 筆。',
  bulkDuplicate: '選取的申請不可重複。',
  bulkSkippedNotPending: '此申請已被處理',
  bulkSkippedAccountNotActive: '帳號非啟用狀態',
  bulkSkippedNotFound: '查無此申請或非您管理的子系統',
  invalidId: '查無此資料。',
  invalidDate: '日期格式須為 YYYY-MM-DD。',
  dateOutOfRange: '日期須介於 1911-01-01 與 2199-12-31 之間。',
  invalidDateRange: '起始日期不可晚於結束日期。',
  invalidCity: '請選擇有效的縣市。',
  queryTooLong: '查詢字串不得超過 50 個字。',
  // institutions
  institutionCodeTaken: '此機構代碼已存在。',
  institutionNameRequired: '請輸入機構名稱',
  institutionNameTooLong: '機構名稱不得超過 100 個字。',
  institutionKindRequired: '請選擇機構類別',
  addressTooLong: '地址不得超過 200 個字。',
  phoneTooLong: '電話不得超過 30 個字。',
  institutionAlreadyClosed: '此機構已關閉。',
  institutionNotClosed: '此機構未關閉。',
  institutionClosed: '已關閉此機構。',
  institutionReopened: '已重新開放此機構。',
  // subsystems
  subsystemNameRequired: '請輸入子系統名稱',
  subsystemNameTooLong: '子系統名稱不得超過 50 個字。',
  subsystemNameTaken: '此子系統名稱已存在。',
  descriptionTooLong: '說明不得超過 500 個字。',
  urlInvalid: '請輸入有效的網址（http:// 或 https://）。',
  managerAccountNotEligible: '只有未隸屬醫事機構的帳號（子系統管理者）可指派為子系統管理者。',
  managerAccountNotActive: '此帳號目前非啟用狀態，無法指派。',
  managerAlreadyAssigned: '此帳號已是該子系統的管理者。',
  managerNotAssigned: '此帳號不是該子系統的管理者。',
  managerAssigned: '已指派子系統管理者。',
  managerRemoved: '已移除子系統管理者。',
  // announcements
  categoryRequired: '請輸入分類',
  categoryTooLong: '分類不得超過 20 個字。',
  systemRequired: '請選擇系統',
  systemTooLong: '系統名稱不得超過 50 個字。',
  titleRequired: '請輸入標題',
  titleTooLong: '標題不得超過 200 個字。',
  bodyTooLong: '內容不得超過 20000 個字。',
  publishedAtInvalid: '發佈日期格式不正確。',
  announcementStateInvalid: '此公告目前的狀態不可執行此操作，請重新整理頁面。',
  // downloads
  fileRequired: '請選擇要上傳的檔案',
  fileTooLarge: `檔案大小不得超過 ${megabytes(DOWNLOAD_MAX_BYTES)}。`,
  fileTypeNotAllowed: '僅接受 PDF、DOCX、XLSX、ODT 檔案。',
  filenameTooLong: '檔名不得超過 200 個字。',
  downloadStateInvalid: '此檔案目前的狀態不可執行此操作，請重新整理頁面。',
  // account search
  searchCriteriaRequired: '請輸入至少一項查詢條件。',
  // audit
  ipInvalid: 'IP 格式不正確。',
} as const;

/** Masks a 身分證 for display: A123456789 → A12****789. */
export function maskNationalId(nationalId: string): string {
  if (nationalId.length <= 6) return '*'.repeat(nationalId.length);
  return `${nationalId.slice(0, 3)}${'*'.repeat(nationalId.length - 6)}${nationalId.slice(-3)}`;
}

// ───────────────────────── building blocks ─────────────────────────

export const BackOfficeIdParamsSchema = z.object({ id: z.uuid({ error: BACK_OFFICE_MESSAGES.invalidId }) });
export type BackOfficeIdParams = z.infer<typeof BackOfficeIdParamsSchema>;

const ReasonSchema = text().trim().max(500, BACK_OFFICE_MESSAGES.reasonTooLong);

/**
 * The dates a filter may name: wide enough for any record of the portal, narrow enough that the
 * day's bounds (a day before and after, in Taipei time) stay inside what the columns can hold.
 */
export const DATE_FILTER_RANGE = { min: '1911-01-01', max: '2199-12-31' } as const;

/** A Taipei calendar date, YYYY-MM-DD, within DATE_FILTER_RANGE. */
export const DateFilterSchema = z.iso
  .date({ error: BACK_OFFICE_MESSAGES.invalidDate })
  .refine((date) => date >= DATE_FILTER_RANGE.min && date <= DATE_FILTER_RANGE.max, BACK_OFFICE_MESSAGES.dateOutOfRange);

export const optionalText = (max: number, message: string = BACK_OFFICE_MESSAGES.queryTooLong) =>
  text()
    .trim()
    .max(max, message)
    .optional()
    .transform((value) => (value === '' ? undefined : value));

export function refineDateRange<T extends { from?: string | undefined; to?: string | undefined }>(query: T, ctx: z.RefinementCtx) {
  if (query.from && query.to && query.from > query.to) {
    ctx.addIssue({ code: 'custom', path: ['from'], message: BACK_OFFICE_MESSAGES.invalidDateRange });
  }
}

/**
 * 核准 / 駁回 of one request (the SPA confirms before it sends). `reason` is required for
 * REJECT (「駁回時請填寫原因」) and optional for APPROVE.
 */
export const DecisionRequestSchema = z
  .object({
    decision: z.enum(['APPROVE', 'REJECT'], { error: BACK_OFFICE_MESSAGES.decisionRequired }),
    reason: ReasonSchema.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.decision === 'REJECT' && !body.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: BACK_OFFICE_MESSAGES.reasonRequired });
    }
  });
export type DecisionRequest = z.input<typeof DecisionRequestSchema>;

/** Labels of the two decisions, as every queue shows them. */
export const DECISION_LABELS = { APPROVE: '核准', REJECT: '駁回' } as const;

/** Body of every single-record decision (approve, reject, revoke, deactivate, reactivate). */
export const DecisionResultSchema = z.object({
  id: text(),
  /** The record's new status (AccountStatus or AccessStatus). */
  status: text(),
  statusLabel: text(),
  message: text(),
});
export type DecisionResult = z.infer<typeof DecisionResultSchema>;

export const InstitutionSummarySchema = InstitutionRefSchema.extend({ city: text() });

// ───────────────────────── 單位業務管理者 ─────────────────────────

/**
 * GET /api/institution-manager/applications → 200 PendingUserApplicationPage: the 一般使用者
 * applications (status PENDING_APPROVAL) of the caller's own institution, oldest first.
 */
export const PendingUserApplicationQuerySchema = PageQuerySchema;
export type PendingUserApplicationQuery = z.infer<typeof PendingUserApplicationQuerySchema>;

export const PendingUserApplicationSchema = z.object({
  id: text(),
  /** 帳號 */
  accountName: text(),
  name: text(),
  email: text(),
  phone: text(),
  mobile: text().nullable(),
  department: text().nullable(),
  applicationNo: text().nullable(),
  submittedAt: z.iso.datetime(),
  /** Subsystems asked for in the application (each decided later by its own manager). */
  subsystems: z.array(SubsystemRefSchema),
});
export type PendingUserApplication = z.infer<typeof PendingUserApplicationSchema>;
export const PendingUserApplicationPageSchema = pageOf(PendingUserApplicationSchema);
export type PendingUserApplicationPage = z.infer<typeof PendingUserApplicationPageSchema>;

/**
 * POST /api/institution-manager/applications/:id/decision (DecisionRequest) → 200 DecisionResult;
 * 404 for an id not of this institution; 409 already decided.
 */

/** GET /api/institution-manager/accounts → 200 InstitutionAccountPage (the caller's institution). */
export const InstitutionAccountQuerySchema = PageQuerySchema.extend({
  status: AccountStatusSchema.optional(),
  role: z.enum(['INSTITUTION_MANAGER', 'GENERAL_USER']).optional(),
  /** 帳號 prefix or part of 姓名. */
  q: optionalText(50),
});
export type InstitutionAccountQuery = z.input<typeof InstitutionAccountQuerySchema>;

export const InstitutionAccountSchema = z.object({
  id: text(),
  accountName: text(),
  name: text(),
  email: text(),
  role: AccountRoleSchema,
  roleLabel: text(),
  status: AccountStatusSchema,
  statusLabel: text(),
  createdAt: z.iso.datetime(),
  activatedAt: z.iso.datetime().nullable(),
  deactivatedAt: z.iso.datetime().nullable(),
  lastLoginAt: z.iso.datetime().nullable(),
  /** Whether the caller may deactivate / reactivate it here (general users only, not oneself). */
  canChangeStatus: z.boolean(),
});
export type InstitutionAccount = z.infer<typeof InstitutionAccountSchema>;
export const InstitutionAccountPageSchema = pageOf(InstitutionAccountSchema);
export type InstitutionAccountPage = z.infer<typeof InstitutionAccountPageSchema>;

/**
 * POST /api/institution-manager/accounts/:id/deactivate (AccountStatusChangeRequest) and
 * …/reactivate → 200 DecisionResult; 404 other institution; 409 wrong state; 403 a manager.
 */
export const AccountStatusChangeRequestSchema = z.object({ reason: ReasonSchema.optional() });
export type AccountStatusChangeRequest = z.infer<typeof AccountStatusChangeRequestSchema>;

// ───────────────────────── 子系統管理者 ─────────────────────────

/** GET /api/subsystem-manager/subsystems → 200: the subsystems the caller manages, with counts. */
export const ManagedSubsystemSchema = SubsystemRefSchema.extend({
  pendingCount: z.number().int(),
  /** Pending for more than 3 days. */
  overdueCount: z.number().int(),
});
export type ManagedSubsystem = z.infer<typeof ManagedSubsystemSchema>;
export const ManagedSubsystemListSchema = z.object({ items: z.array(ManagedSubsystemSchema) });
export type ManagedSubsystemList = z.infer<typeof ManagedSubsystemListSchema>;

/**
 * GET /api/subsystem-manager/access-requests → 200 AccessRequestPage. Only subsystems the
 * caller manages; `subsystem` narrows to one of them (another code → 404). Default status
 * PENDING, oldest first; other statuses newest decision first.
 */
export const AccessRequestQuerySchema = PageQuerySchema.extend({
  subsystem: optionalText(40),
  status: AccessStatusSchema.default('PENDING'),
  /** 機構代碼 prefix (digits) or part of the institution name. */
  institution: optionalText(50),
  city: z.enum(CITIES, { error: BACK_OFFICE_MESSAGES.invalidCity }).optional(),
  /** 申請日期 range (Taipei dates). */
  from: DateFilterSchema.optional(),
  to: DateFilterSchema.optional(),
  /** 帳號 prefix or part of 姓名. */
  q: optionalText(50),
}).superRefine(refineDateRange);
export type AccessRequestQuery = z.input<typeof AccessRequestQuerySchema>;

export const AccessRequestSchema = z.object({
  id: text(),
  /** 帳號 of the applicant. */
  accountName: text(),
  applicantName: text(),
  email: text(),
  accountStatus: AccountStatusSchema,
  accountStatusLabel: text(),
  /** False while the account is not ACTIVE: the request cannot be decided yet. */
  decidable: z.boolean(),
  institution: InstitutionSummarySchema.nullable(),
  subsystem: SubsystemRefSchema,
  status: AccessStatusSchema,
  statusLabel: text(),
  requestedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  decidedBy: text().nullable(),
  reason: text().nullable(),
});
export type AccessRequest = z.infer<typeof AccessRequestSchema>;
export const AccessRequestPageSchema = pageOf(AccessRequestSchema);
export type AccessRequestPage = z.infer<typeof AccessRequestPageSchema>;

/**
 * POST /api/subsystem-manager/access-requests/:id/decision (DecisionRequest) → 200 DecisionResult;
 * 404 not yours; 409 already decided or account not active.
 * POST /api/subsystem-manager/access-requests/:id/revoke (RevokeAccessRequest) → 200 DecisionResult.
 */
export const RevokeAccessRequestSchema = z.object({
  reason: text({ error: BACK_OFFICE_MESSAGES.revokeReasonRequired })
    .trim()
    .min(1, BACK_OFFICE_MESSAGES.revokeReasonRequired)
    .max(500, BACK_OFFICE_MESSAGES.reasonTooLong),
});
export type RevokeAccessRequest = z.infer<typeof RevokeAccessRequestSchema>;

/** POST /api/subsystem-manager/access-requests/bulk-approve → 200 BulkApproveResult. */
export const BulkApproveRequestSchema = z.object({
  ids: z
    .array(z.uuid({ error: BACK_OFFICE_MESSAGES.invalidId }), { error: BACK_OFFICE_MESSAGES.bulkIdsRequired })
    .min(1, BACK_OFFICE_MESSAGES.bulkIdsRequired)
    .max(1000, BACK_OFFICE_MESSAGES.bulkTooMany)
    .refine((ids) => new Set(ids).size === ids.length, BACK_OFFICE_MESSAGES.bulkDuplicate),
});
export type BulkApproveRequest = z.infer<typeof BulkApproveRequestSchema>;

export const BulkSkipReasonSchema = z.enum(['NOT_PENDING', 'ACCOUNT_NOT_ACTIVE', 'NOT_FOUND']);
export type BulkSkipReason = z.infer<typeof BulkSkipReasonSchema>;
export const BULK_SKIP_LABELS: Readonly<Record<BulkSkipReason, string>> = {
  NOT_PENDING: BACK_OFFICE_MESSAGES.bulkSkippedNotPending,
  ACCOUNT_NOT_ACTIVE: BACK_OFFICE_MESSAGES.bulkSkippedAccountNotActive,
  NOT_FOUND: BACK_OFFICE_MESSAGES.bulkSkippedNotFound,
};
export const BulkApproveResultSchema = z.object({
  approved: z.number().int(),
  skipped: z.array(z.object({ id: text(), reason: BulkSkipReasonSchema, message: text() })),
  message: text(),
});
export type BulkApproveResult = z.infer<typeof BulkApproveResultSchema>;

// ───────────────────────── 系統人員: institutions ─────────────────────────

/** GET /api/staff/institutions → 200 StaffInstitutionPage. */
export const StaffInstitutionQuerySchema = PageQuerySchema.extend({
  /** Digits: 機構代碼 prefix; otherwise part of the name. */
  q: optionalText(50),
  city: z.enum(CITIES, { error: BACK_OFFICE_MESSAGES.invalidCity }).optional(),
  kind: InstitutionKindSchema.optional(),
  /** open (default) | closed | all */
  state: z.enum(['open', 'closed', 'all']).default('open'),
});
export type StaffInstitutionQuery = z.input<typeof StaffInstitutionQuerySchema>;

export const StaffInstitutionSchema = z.object({
  id: text(),
  code: text(),
  name: text(),
  kind: InstitutionKindSchema,
  kindLabel: text(),
  city: text(),
  address: text().nullable(),
  phone: text().nullable(),
  closedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Active or pending 單位業務管理者 count. */
  managerCount: z.number().int(),
});
export type StaffInstitution = z.infer<typeof StaffInstitutionSchema>;
export const StaffInstitutionPageSchema = cappedPageOf(StaffInstitutionSchema);
export type StaffInstitutionPage = z.infer<typeof StaffInstitutionPageSchema>;

const InstitutionFields = {
  name: text({ error: BACK_OFFICE_MESSAGES.institutionNameRequired }).trim().min(1, BACK_OFFICE_MESSAGES.institutionNameRequired).max(100, BACK_OFFICE_MESSAGES.institutionNameTooLong),
  kind: z.enum(INSTITUTION_KINDS, { error: BACK_OFFICE_MESSAGES.institutionKindRequired }),
  city: z.enum(CITIES, { error: BACK_OFFICE_MESSAGES.invalidCity }),
  address: text().trim().max(200, BACK_OFFICE_MESSAGES.addressTooLong).nullable().optional(),
  phone: text().trim().max(30, BACK_OFFICE_MESSAGES.phoneTooLong).nullable().optional(),
};

/** POST /api/staff/institutions → 201 StaffInstitution; 409 code taken. */
export const CreateInstitutionRequestSchema = z.object({
  code: text({ error: messages.institutionCodeFormat }).trim().regex(/^\d{10}$/, messages.institutionCodeFormat),
  ...InstitutionFields,
});
export type CreateInstitutionRequest = z.input<typeof CreateInstitutionRequestSchema>;

/** PATCH /api/staff/institutions/:id → 200 StaffInstitution (the code never changes). */
export const UpdateInstitutionRequestSchema = z.object({
  name: InstitutionFields.name.optional(),
  kind: InstitutionKindSchema.optional(),
  city: InstitutionFields.city.optional(),
  address: InstitutionFields.address,
  phone: InstitutionFields.phone,
});
export type UpdateInstitutionRequest = z.input<typeof UpdateInstitutionRequestSchema>;

/** POST /api/staff/institutions/:id/close and …/reopen → 200 StaffInstitution; 409 wrong state. */

// ───────────────────────── 系統人員: subsystems and their managers ─────────────────────────

export const SubsystemManagerEntrySchema = z.object({
  accountId: text(),
  accountName: text(),
  name: text(),
  status: AccountStatusSchema,
  assignedAt: z.iso.datetime(),
});
export type SubsystemManagerEntry = z.infer<typeof SubsystemManagerEntrySchema>;

/** GET /api/staff/subsystems → 200 StaffSubsystemList (inactive ones too). */
export const StaffSubsystemSchema = z.object({
  id: text(),
  code: text(),
  name: text(),
  description: text(),
  url: text(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  managers: z.array(SubsystemManagerEntrySchema),
  pendingCount: z.number().int(),
});
export type StaffSubsystem = z.infer<typeof StaffSubsystemSchema>;
export const StaffSubsystemListSchema = z.object({ items: z.array(StaffSubsystemSchema) });
export type StaffSubsystemList = z.infer<typeof StaffSubsystemListSchema>;

/** PATCH /api/staff/subsystems/:id → 200 StaffSubsystem; 409 name taken. */
export const UpdateSubsystemRequestSchema = z.object({
  name: text().trim().min(1, BACK_OFFICE_MESSAGES.subsystemNameRequired).max(50, BACK_OFFICE_MESSAGES.subsystemNameTooLong).optional(),
  description: text().trim().max(500, BACK_OFFICE_MESSAGES.descriptionTooLong).optional(),
  url: text()
    .trim()
    .max(300, BACK_OFFICE_MESSAGES.urlInvalid)
    .refine((value) => /^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value), BACK_OFFICE_MESSAGES.urlInvalid)
    .optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
});
export type UpdateSubsystemRequest = z.input<typeof UpdateSubsystemRequestSchema>;

/**
 * POST /api/staff/subsystems/:id/managers → 201 StaffSubsystem; DELETE
 * /api/staff/subsystems/:id/managers/:accountId → 200 StaffSubsystem. Only accounts without an
 * institution (role SUBSYSTEM_MANAGER) can be assigned.
 */
export const AssignSubsystemManagerRequestSchema = z.object({
  accountId: z.uuid({ error: BACK_OFFICE_MESSAGES.invalidId }),
});
export type AssignSubsystemManagerRequest = z.infer<typeof AssignSubsystemManagerRequestSchema>;
export const SubsystemManagerParamsSchema = z.object({
  id: z.uuid({ error: BACK_OFFICE_MESSAGES.invalidId }),
  accountId: z.uuid({ error: BACK_OFFICE_MESSAGES.invalidId }),
});

// ───────────────────────── 系統人員: announcements ─────────────────────────

export const PublicationStatusSchema = z.enum(['DRAFT', 'PUBLISHED', 'UNPUBLISHED']);
export type PublicationStatus = z.infer<typeof PublicationStatusSchema>;
export const PUBLICATION_STATUS_LABELS: Readonly<Record<PublicationStatus, string>> = {
  DRAFT: '草稿',
  PUBLISHED: '已發佈',
  UNPUBLISHED: '已下架',
};

/** The 公告 and 下載專區 back-office lists filter alike: status, category, system, part of the title. */
const StaffPublicationQuerySchema = PageQuerySchema.extend({
  status: PublicationStatusSchema.optional(),
  category: optionalText(20, BACK_OFFICE_MESSAGES.categoryTooLong),
  system: optionalText(50, BACK_OFFICE_MESSAGES.systemTooLong),
  /** Part of the title. */
  q: optionalText(50),
});

/** What a 公告 and a 下載專區 file have in common on the back-office screens. */
const StaffPublicationFields = {
  id: text(),
  category: text(),
  system: text(),
  title: text(),
  status: PublicationStatusSchema,
  statusLabel: text(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
};

/** GET /api/staff/announcements → 200 StaffAnnouncementPage (every status, newest first). */
export const StaffAnnouncementQuerySchema = StaffPublicationQuerySchema;
export type StaffAnnouncementQuery = z.input<typeof StaffAnnouncementQuerySchema>;

export const StaffAnnouncementSchema = z.object({
  ...StaffPublicationFields,
  body: text(),
  /** 發佈日期 (may be set on a draft; set to now on publish when empty). */
  publishedAt: z.iso.datetime().nullable(),
});
export type StaffAnnouncement = z.infer<typeof StaffAnnouncementSchema>;
export const StaffAnnouncementPageSchema = pageOf(StaffAnnouncementSchema);
export type StaffAnnouncementPage = z.infer<typeof StaffAnnouncementPageSchema>;

const AnnouncementFields = {
  category: text({ error: BACK_OFFICE_MESSAGES.categoryRequired }).trim().min(1, BACK_OFFICE_MESSAGES.categoryRequired).max(20, BACK_OFFICE_MESSAGES.categoryTooLong),
  system: text({ error: BACK_OFFICE_MESSAGES.systemRequired }).trim().min(1, BACK_OFFICE_MESSAGES.systemRequired).max(50, BACK_OFFICE_MESSAGES.systemTooLong),
  title: text({ error: BACK_OFFICE_MESSAGES.titleRequired }).trim().min(1, BACK_OFFICE_MESSAGES.titleRequired).max(200, BACK_OFFICE_MESSAGES.titleTooLong),
  body: text().max(20_000, BACK_OFFICE_MESSAGES.bodyTooLong),
  publishedAt: z.iso.datetime({ error: BACK_OFFICE_MESSAGES.publishedAtInvalid, offset: true }).nullable(),
};

/** POST /api/staff/announcements → 201 StaffAnnouncement (a DRAFT). */
export const CreateAnnouncementRequestSchema = z.object({
  category: AnnouncementFields.category,
  system: AnnouncementFields.system,
  title: AnnouncementFields.title,
  body: AnnouncementFields.body.default(''),
  publishedAt: AnnouncementFields.publishedAt.optional(),
});
export type CreateAnnouncementRequest = z.input<typeof CreateAnnouncementRequestSchema>;

/** PATCH /api/staff/announcements/:id → 200 StaffAnnouncement (any status). */
export const UpdateAnnouncementRequestSchema = z.object({
  category: AnnouncementFields.category.optional(),
  system: AnnouncementFields.system.optional(),
  title: AnnouncementFields.title.optional(),
  body: AnnouncementFields.body.optional(),
  publishedAt: AnnouncementFields.publishedAt.optional(),
});
export type UpdateAnnouncementRequest = z.input<typeof UpdateAnnouncementRequestSchema>;

/**
 * POST /api/staff/announcements/:id/publish (PublishRequest) → 200; DRAFT|UNPUBLISHED → PUBLISHED.
 * POST /api/staff/announcements/:id/unpublish → 200; PUBLISHED → UNPUBLISHED. 409 otherwise.
 */
export const PublishRequestSchema = z.object({
  publishedAt: AnnouncementFields.publishedAt.optional(),
});
export type PublishRequest = z.infer<typeof PublishRequestSchema>;

// ───────────────────────── 系統人員: downloads ─────────────────────────

/** Accepted file types (the size limit is DOWNLOAD_MAX_BYTES in upload-limits). */
export const DOWNLOAD_CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
} as const;

/** GET /api/staff/downloads → 200 StaffDownloadPage (every status, newest first). */
export const StaffDownloadQuerySchema = StaffPublicationQuerySchema;
export type StaffDownloadQuery = z.input<typeof StaffDownloadQuerySchema>;

export const StaffDownloadSchema = z.object({
  ...StaffPublicationFields,
  publishedAt: z.iso.datetime(),
  file: z.object({
    id: text(),
    filename: text(),
    contentType: text(),
    size: z.number().int(),
    sha256: text(),
    uploadedAt: z.iso.datetime(),
  }),
  /** Path of the file itself, relative to the API root (the public link). */
  href: text(),
});
export type StaffDownload = z.infer<typeof StaffDownloadSchema>;
export const StaffDownloadPageSchema = pageOf(StaffDownloadSchema);
export type StaffDownloadPage = z.infer<typeof StaffDownloadPageSchema>;

/**
 * POST /api/staff/downloads — multipart/form-data: fields `system`, `category`, `title`, and the
 * part `file` (last) → 201 StaffDownload (PUBLISHED, 日期 = now). These are the text fields.
 */
export const CreateDownloadFieldsSchema = z.object({
  system: AnnouncementFields.system,
  category: AnnouncementFields.category,
  title: AnnouncementFields.title,
});
export type CreateDownloadFields = z.infer<typeof CreateDownloadFieldsSchema>;

/**
 * POST /api/staff/downloads/:id/file — multipart/form-data with the part `file` → 200
 * StaffDownload: a new version of the file (日期 = now; the old version stays in storage).
 * PATCH /api/staff/downloads/:id (UpdateDownloadRequest) → 200 StaffDownload.
 * Upload refusals: 400 fileRequired, 413 fileTooLarge, 415 fileTypeNotAllowed.
 */
export const UpdateDownloadRequestSchema = z.object({
  system: AnnouncementFields.system.optional(),
  category: AnnouncementFields.category.optional(),
  title: AnnouncementFields.title.optional(),
  status: z.enum(['PUBLISHED', 'UNPUBLISHED']).optional(),
});
export type UpdateDownloadRequest = z.infer<typeof UpdateDownloadRequestSchema>;

// ───────────────────────── 系統人員: account search ─────────────────────────

/**
 * GET /api/staff/accounts → 200 StaffAccountPage. At least one criterion: 帳號 (prefix),
 * 姓名 (contains), 機構代碼 (exact), 身分證 (exact; looked up by its keyed hash).
 */
export const StaffAccountQuerySchema = PageQuerySchema.extend({
  accountName: optionalText(30),
  name: optionalText(50),
  institutionCode: optionalText(10),
  nationalId: optionalText(10),
  role: AccountRoleSchema.optional(),
  status: AccountStatusSchema.optional(),
});
export type StaffAccountQuery = z.input<typeof StaffAccountQuerySchema>;

export const StaffAccountSchema = z.object({
  id: text(),
  accountName: text(),
  name: text(),
  /** A12****789 */
  nationalIdMasked: text(),
  email: text(),
  phone: text(),
  role: AccountRoleSchema,
  roleLabel: text(),
  status: AccountStatusSchema,
  statusLabel: text(),
  institution: InstitutionRefSchema.nullable(),
  managedSubsystems: z.array(SubsystemRefSchema),
  createdAt: z.iso.datetime(),
  lastLoginAt: z.iso.datetime().nullable(),
});
export type StaffAccount = z.infer<typeof StaffAccountSchema>;
export const StaffAccountPageSchema = pageOf(StaffAccountSchema);
export type StaffAccountPage = z.infer<typeof StaffAccountPageSchema>;

// ───────────────────────── 稽核紀錄 ─────────────────────────

/**
 * GET /api/audit-events → 200 AuditEventPage (newest first, keyset pagination: pass
 * `nextCursor` back as `cursor`). GET /api/audit-events.csv takes the same filters (without
 * cursor / limit) and streams every match as CSV (UTF-8 with BOM).
 */
const auditFilterFields = {
  /** 帳號 of the actor (exact, case-insensitive) or the actor's account id. */
  actor: optionalText(60),
  /** Exact action, or a prefix ending with '.' (e.g. `subsystem-access.`). */
  action: optionalText(60),
  entityType: optionalText(40),
  entityId: optionalText(60),
  ip: optionalText(45),
  from: DateFilterSchema.optional(),
  to: DateFilterSchema.optional(),
};
export const AuditEventFilterSchema = z.object(auditFilterFields).superRefine(refineDateRange);
export type AuditEventFilter = z.input<typeof AuditEventFilterSchema>;

export const AuditEventQuerySchema = z
  .object({
    ...auditFilterFields,
    ...keysetQueryFields,
  })
  .superRefine(refineDateRange);
export type AuditEventQuery = z.input<typeof AuditEventQuerySchema>;

export const AuditEventSchema = z.object({
  /** bigint as a string */
  id: text(),
  at: z.iso.datetime(),
  actorId: text().nullable(),
  /** 帳號 of the actor, when an account. */
  actorAccountName: text().nullable(),
  actorLabel: text().nullable(),
  action: text(),
  entityType: text(),
  entityId: text().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: text().nullable(),
  requestId: text().nullable(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;
export const AuditEventPageSchema = keysetPageOf(AuditEventSchema);
export type AuditEventPage = z.infer<typeof AuditEventPageSchema>;
