/**
 * 管理者帳號申請、異動: the four requests of the administration's paper form (A 初次管理者帳號申請,
 * B 停用管理者帳號, C-a 升為管理者, C-b 降為一般使用者), their two ways of verification
 * (醫事機構卡驗證 or 紙本審核) and the system staff's review queue. Bodies of
 * /api/card-verification/*, /api/applications/paper-form*, /api/manager-requests/* and
 * /api/staff/manager-requests/*.
 *
 * Every error body is ErrorBody `{ code, message }`; the codes of each endpoint are listed at the
 * endpoint (card refusals: the CARD_* codes of MANAGER_REQUEST_ERROR_CODES' sibling
 * CARD_REFUSAL_CODES below; their zh-TW messages come from the API).
 */
import { z } from 'zod';
import { SCAN_MAX_BYTES, SCAN_UPLOADS_PER_DAY, SCAN_UPLOADS_PER_REQUEST, megabytes } from '../upload-limits.js';
import { text } from './text.js';
import { AccountRoleSchema, InstitutionRefSchema, LoginAccountNameSchema, PresentedPasswordSchema } from './auth.js';
import { PageQuerySchema, pageOf } from './pagination.js';

// ───────────────────────── kinds, statuses, labels ─────────────────────────

export const MANAGER_REQUEST_KINDS = ['A', 'B', 'C_A', 'C_B'] as const;
export const ManagerRequestKindSchema = z.enum(MANAGER_REQUEST_KINDS);
export type ManagerRequestKind = z.infer<typeof ManagerRequestKindSchema>;
/** As printed on the 管理者帳號申請、異動表. */
export const MANAGER_REQUEST_KIND_LABELS: Readonly<Record<ManagerRequestKind, string>> = {
  A: 'A.初次管理者帳號申請',
  B: 'B.停用管理者帳號',
  C_A: 'C-a.升為管理者',
  C_B: 'C-b.降為一般使用者',
};

/** The kinds started online from the account page (A is started by 帳號申請 itself). */
export const ONLINE_MANAGER_REQUEST_KINDS = ['B', 'C_A', 'C_B'] as const;
export const OnlineManagerRequestKindSchema = z.enum(ONLINE_MANAGER_REQUEST_KINDS, {
  error: '請選擇申請項目。',
});
export type OnlineManagerRequestKind = z.infer<typeof OnlineManagerRequestKindSchema>;

export const MANAGER_REQUEST_STATUSES = [
  'AWAITING_VERIFICATION',
  'PENDING_REVIEW',
  'APPROVED',
  'REJECTED',
  'CANCELLED',
] as const;
export const ManagerRequestStatusSchema = z.enum(MANAGER_REQUEST_STATUSES);
export type ManagerRequestStatus = z.infer<typeof ManagerRequestStatusSchema>;
export const MANAGER_REQUEST_STATUS_LABELS: Readonly<Record<ManagerRequestStatus, string>> = {
  AWAITING_VERIFICATION: '待驗證',
  PENDING_REVIEW: '待審核',
  APPROVED: '已核准',
  REJECTED: '已駁回',
  CANCELLED: '已取消',
};
/** Statuses of an open request (at most one per account). */
export const OPEN_MANAGER_REQUEST_STATUSES = ['AWAITING_VERIFICATION', 'PENDING_REVIEW'] as const;

export const MANAGER_VERIFICATION_METHODS = ['CARD', 'PAPER'] as const;
export const ManagerVerificationMethodSchema = z.enum(MANAGER_VERIFICATION_METHODS);
export type ManagerVerificationMethod = z.infer<typeof ManagerVerificationMethodSchema>;
export const MANAGER_VERIFICATION_METHOD_LABELS: Readonly<Record<ManagerVerificationMethod, string>> = {
  CARD: '醫事機構卡驗證',
  PAPER: '紙本審核',
};

/** Title of the filled form (PDF) and of the download. */
export const MANAGER_FORM_TITLE = '預防保健服務單一入口系統_管理者帳號申請、異動表';

// ───────────────────────── messages ─────────────────────────

export const MANAGER_REQUEST_MESSAGES = {
  /** Shown before sending B / C-b when the institution would be left with no active manager. */
  noManagerLeftWarning:
    '送出後貴機構將沒有單位業務管理者，在有新的管理者之前，將無法受理「一般使用者」的帳號申請。',
  /** Verbatim from the guide: the screen after a successful card verification. */
  cardSuccess: '成功！',
  /** Verbatim from the guide (醫事機構卡驗證 window). */
  cardIntro:
    '※親愛的使用者您好，您於申請帳號時選擇了[單位業務管理者]權限，如果您欲使用[醫事機構卡]驗證，則請插入卡片，輸入機構卡PIN碼，並點選[驗證機構卡]，驗證通過後，帳號即開通。',
  cardFallback: '※若沒有[醫事機構卡]可驗證或驗證失敗，則請選擇[紙本審核]。',
  /** Verbatim from the guide (下載專區 note). */
  paperInstructions:
    '請至「下載專區」，下載「預防保健服務系統單一入口-管理者帳號申請表」依所申請之功能填寫完成並蓋關防後，掃描回傳至指定信箱，系統人員將在三個工作天內協助開通完成。',
  paperSubmitted: '已送出紙本審核，請上傳蓋有機構關防的申請表掃描檔（或寄至諮詢窗口信箱），系統人員將在三個工作天內完成審核。',
  scanUploaded: '已收到申請表掃描檔，系統人員將在三個工作天內完成審核。',
  kindRequired: '請選擇申請項目。',
  targetAccountNameTooLong: '帳號不得超過 30 個字元',
  alreadyOpen: '此帳號已有處理中的申請',
  notFound: '查無此申請。',
  notAllowed: '您不能為此帳號提出這項申請。',
  targetNotFound: '查無此帳號，或此帳號不屬於貴機構。',
  targetNotManager: '此帳號不是單位業務管理者，無法申請停用管理者帳號。',
  onlyGeneralUserCanUpgrade: '只有「一般使用者」可以申請升為管理者。',
  onlyManagerCanDowngrade: '只有「單位業務管理者」可以申請降為一般使用者。',
  accountNotActive: '此帳號目前不是啟用狀態，無法提出申請。',
  notAwaitingVerification: '此申請已送出或已結案，無法再驗證。',
  notPendingApplication: '帳號或密碼錯誤，或此帳號不是待驗證的單位業務管理者申請。',
  credentialsAccepted: '帳號及密碼正確，請繼續帳號驗證。',
  alreadyDecided: '此申請已由其他人員處理，請重新整理頁面。',
  notReviewable: '此申請目前不在待審核狀態。',
  rejectReasonRequired: '駁回時請填寫原因。',
  reasonTooLong: '原因不得超過 500 個字。',
  decisionRequired: '請選擇核准或駁回。',
  approved: '已核准申請，並已寄送通知信給申請人。',
  rejected: '已駁回申請，並已寄送通知信給申請人。',
  cancelled: '已取消申請。',
  scanRequired: '請選擇要上傳的掃描檔。',
  scanTooLarge: `檔案大小不得超過 ${megabytes(SCAN_MAX_BYTES)}。`,
  scanType: '僅接受 PDF、JPEG 或 PNG 格式的掃描檔。',
  scanNotFound: '此申請尚未上傳掃描檔。',
  scanUploadsExhausted: `此申請已上傳 ${SCAN_UPLOADS_PER_REQUEST} 次掃描檔，無法再上傳；如需更換，請將申請表寄至諮詢窗口信箱。`,
  applied: '成功！申請已生效。',
  notApplicable: '此帳號的狀態已變更，申請無法執行，請重新整理頁面。',
  scanMissingForApproval: '尚未收到蓋有機構關防的申請表掃描檔，無法核准。',
} as const;

/** 429 after SCAN_UPLOADS_PER_DAY scans of one request in 24 hours: when the next one is taken. */
export function tooManyScanUploadsMessage(waitSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(waitSeconds / 60));
  const wait = minutes < 60 ? `${minutes} 分鐘` : `${Math.ceil(minutes / 60)} 小時`;
  return `此申請 24 小時內已上傳 ${SCAN_UPLOADS_PER_DAY} 次掃描檔，請於 ${wait}後再上傳。`;
}

/** Error codes of the manager-request endpoints (besides the generic ones and CARD_*). */
export const MANAGER_REQUEST_ERROR_CODES = [
  'MANAGER_REQUEST_NOT_FOUND', // 404
  'MANAGER_REQUEST_ALREADY_OPEN', // 409 此帳號已有處理中的申請
  'MANAGER_REQUEST_NOT_ALLOWED', // 403 who may start what
  'MANAGER_REQUEST_TARGET_NOT_FOUND', // 404 B for a colleague: no such account in the institution
  'MANAGER_REQUEST_WRONG_ROLE', // 422 C-a by a manager, C-b / B on a general user
  'MANAGER_REQUEST_ACCOUNT_NOT_ACTIVE', // 422
  'MANAGER_REQUEST_NOT_AWAITING_VERIFICATION', // 409 card / paper on a request already submitted or closed
  'MANAGER_REQUEST_NOT_REVIEWABLE', // 409 staff decision on a request that is not PENDING_REVIEW
  'MANAGER_REQUEST_ALREADY_DECIDED', // 409 a second decision (another staff member won)
  'MANAGER_REQUEST_NOT_APPLICABLE', // 409 the account changed meanwhile (e.g. already deactivated)
  'MANAGER_REQUEST_SCAN_MISSING', // 422 approve needs the stamped scan
  'PENDING_APPLICATION_NOT_FOUND', // 401 accountName + password of a pending manager application wrong
  'SCAN_REQUIRED', // 400
  'SCAN_TOO_LARGE', // 413
  'SCAN_UNSUPPORTED_TYPE', // 415
  'SCAN_NOT_FOUND', // 404
  'SCAN_UPLOADS_EXHAUSTED', // 409 SCAN_UPLOADS_PER_REQUEST reached (429 TOO_MANY_SCAN_UPLOADS for the daily cap)
] as const;
export type ManagerRequestErrorCode = (typeof MANAGER_REQUEST_ERROR_CODES)[number];

/**
 * Codes of a refused card verification (the messages are the API's; the SPA shows `message` and,
 * on any of these, offers 紙本審核).
 */
export const CARD_REFUSAL_CODES = [
  'CARD_CHALLENGE_UNKNOWN',
  'CARD_CHALLENGE_EXPIRED',
  'CARD_CHALLENGE_USED',
  'CARD_CERT_INVALID',
  'CARD_SIGNATURE_MALFORMED',
  'CARD_CERT_NOT_YET_VALID',
  'CARD_CERT_EXPIRED',
  'CARD_KEY_USAGE',
  'CARD_NOT_INSTITUTION_CARD',
  'CARD_INSTITUTION_MISMATCH',
  'CARD_UNSUPPORTED_KEY',
  'CARD_CHAIN_UNTRUSTED',
  'CARD_CHAIN_INVALID',
  'CARD_REVOKED',
  'CARD_REVOCATION_UNKNOWN',
  'CARD_NOT_CONFIGURED',
  'CARD_SIGNATURE_INVALID',
] as const;
export type CardRefusalCodeName = (typeof CARD_REFUSAL_CODES)[number];

// ───────────────────────── scans ─────────────────────────

/** Accepted scan types, recognised by their content (magic bytes), never by name. */
export const SCAN_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const ScanContentTypeSchema = z.enum(SCAN_CONTENT_TYPES);
export type ScanContentType = z.infer<typeof ScanContentTypeSchema>;
/** For <input type="file" accept=…>: a hint only; the API sniffs the content. */
export const SCAN_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

export const ScanInfoSchema = z.object({
  filename: text(),
  contentType: ScanContentTypeSchema,
  size: z.number().int(),
  uploadedAt: z.iso.datetime(),
  /** Where the scan can be fetched by whoever is allowed to see it (owner/starter or staff). */
  url: text(),
});
export type ScanInfo = z.infer<typeof ScanInfoSchema>;

// ───────────────────────── the request as shown ─────────────────────────

const PersonRefSchema = z.object({ accountName: text(), name: text() });

export const ManagerRequestSchema = z.object({
  id: text(),
  /** Shown to the applicant and to staff (e.g. MR20260126-0001). */
  requestNo: text(),
  kind: ManagerRequestKindSchema,
  /** MANAGER_REQUEST_KIND_LABELS[kind] */
  kindLabel: text(),
  status: ManagerRequestStatusSchema,
  statusLabel: text(),
  /** The account the request concerns. */
  account: PersonRefSchema.extend({ role: AccountRoleSchema }),
  /** Who started it (for B possibly another manager of the institution). */
  requestedBy: PersonRefSchema,
  institution: InstitutionRefSchema,
  verificationMethod: ManagerVerificationMethodSchema.nullable(),
  verificationMethodLabel: text().nullable(),
  submittedAt: z.iso.datetime(),
  /** submitted (paper) + 3 working days; null until the paper path is chosen. */
  dueAt: z.iso.datetime().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  /** Reason of a rejection (or staff's note on an approval). */
  reason: text().nullable(),
  scan: ScanInfoSchema.nullable(),
});
export type ManagerRequest = z.infer<typeof ManagerRequestSchema>;

// ───────────────────────── A: card verification of a pending application (no login) ─────────────────────────

/**
 * POST /api/card-verification/challenges → 201 CardChallenge.
 * 401 PENDING_APPLICATION_NOT_FOUND (wrong name/password, or not a PENDING_VERIFICATION
 * 單位業務管理者; one message for all, the password is checked with constant work); 429.
 */
export const PendingApplicationCredentialsSchema = z.object({
  accountName: LoginAccountNameSchema,
  password: PresentedPasswordSchema,
});
export type PendingApplicationCredentials = z.infer<typeof PendingApplicationCredentialsSchema>;

export const CardChallengeSchema = z.object({
  challengeId: text(),
  /** 32 random bytes, base64url without padding. */
  nonce: text(),
  /** Exactly the text the card signs (buildCardAuthTbs({ origin, institutionCode, nonce })). */
  toBeSigned: text(),
  institutionCode: text(),
  expiresAt: z.iso.datetime(),
});
export type CardChallenge = z.infer<typeof CardChallengeSchema>;

/** What the browser posts back: the card's certificate (base64 DER or PEM) and signature (base64). */
export const CardSignatureSchema = z.object({
  challengeId: z.uuid({ error: '驗證請求無效，請重新點選「驗證機構卡」。' }),
  /** The nonce of the challenge, as received (the server keeps only its hash). */
  nonce: text({ error: '驗證請求無效，請重新點選「驗證機構卡」。' }).regex(/^[A-Za-z0-9_-]{22,128}$/, '驗證請求無效，請重新點選「驗證機構卡」。'),
  certificate: text({ error: '無法讀取醫事機構卡的憑證，請確認卡片已正確插入讀卡機後再試一次。' }).min(1).max(16_384),
  signature: text({ error: '醫事機構卡的簽章格式不正確，請重新驗證。' }).min(1).max(2_048),
});
export type CardSignature = z.infer<typeof CardSignatureSchema>;

/**
 * POST /api/card-verification/verifications (CardSignature) → 200 CardVerificationResult
 * `{ result: 'ACTIVATED', message: '成功！' }`; 4xx with a CARD_* code (the screen offers 紙本審核).
 */
export const CardVerificationResultSchema = z.object({
  /** ACTIVATED: kind A, the account is active. APPLIED: B / C-a / C-b applied. */
  result: z.enum(['ACTIVATED', 'APPLIED']),
  message: text(),
  request: ManagerRequestSchema.nullable(),
});
export type CardVerificationResult = z.infer<typeof CardVerificationResultSchema>;

// ───────────────────────── A: paper path of a pending application (no login) ─────────────────────────

/**
 * POST /api/applications/paper-form (PendingApplicationCredentials) → 200 application/pdf, the
 * filled form of kind A (the A request is created — or reused — and set to the paper path:
 * PENDING_REVIEW with its due date). 401 PENDING_APPLICATION_NOT_FOUND.
 *
 * POST /api/applications/paper-form/scan, multipart: fields accountName, password and one file
 * `file` → 200 ManagerRequest; a new scan replaces the previous one. 401, 400 SCAN_REQUIRED, 413
 * SCAN_TOO_LARGE, 415 SCAN_UNSUPPORTED_TYPE, 429 TOO_MANY_SCAN_UPLOADS (Retry-After), 409
 * SCAN_UPLOADS_EXHAUSTED (SCAN_UPLOADS_PER_DAY / SCAN_UPLOADS_PER_REQUEST).
 *
 * POST /api/applications/manager-request (PendingApplicationCredentials) → 200 ManagerRequest
 * (the pending applicant's A request, e.g. to show its due date), 401.
 */
export const PaperFormRequestSchema = PendingApplicationCredentialsSchema;
export type PaperFormRequest = PendingApplicationCredentials;

// ───────────────────────── B / C-a / C-b (logged in) ─────────────────────────

/**
 * POST /api/manager-requests → 201 CreateManagerRequestResponse.
 * B: by the manager for themself, or by another ACTIVE manager of the same institution for a
 *    colleague (`targetAccountName`); C-a: a 一般使用者 for themself; C-b: a manager for themself.
 * 403 MANAGER_REQUEST_NOT_ALLOWED, 404 MANAGER_REQUEST_TARGET_NOT_FOUND, 409
 * MANAGER_REQUEST_ALREADY_OPEN (此帳號已有處理中的申請), 422 MANAGER_REQUEST_WRONG_ROLE.
 */
export const CreateManagerRequestSchema = z.object({
  kind: OnlineManagerRequestKindSchema,
  /** Only for B by another manager: the colleague's account name. Blank = myself. */
  targetAccountName: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    text().trim().max(30, MANAGER_REQUEST_MESSAGES.targetAccountNameTooLong).optional(),
  ),
});
export type CreateManagerRequest = z.input<typeof CreateManagerRequestSchema>;

export const CreateManagerRequestResponseSchema = z.object({
  request: ManagerRequestSchema,
  /** True when applying this request leaves the institution with no active 單位業務管理者. */
  leavesInstitutionWithoutManager: z.boolean(),
  /** MANAGER_REQUEST_MESSAGES.noManagerLeftWarning when the flag is set, else null. */
  warning: text().nullable(),
});
export type CreateManagerRequestResponse = z.infer<typeof CreateManagerRequestResponseSchema>;

/**
 * GET /api/manager-requests/preview?kind=B&targetAccountName=… → 200 ManagerRequestPreview:
 * whether sending would leave the institution with no manager (to warn before 送出).
 */
export const ManagerRequestPreviewQuerySchema = CreateManagerRequestSchema;
export const ManagerRequestPreviewSchema = z.object({
  leavesInstitutionWithoutManager: z.boolean(),
  warning: text().nullable(),
});
export type ManagerRequestPreview = z.infer<typeof ManagerRequestPreviewSchema>;

/**
 * GET /api/manager-requests → 200 MyManagerRequests: the requests concerning me or started by
 * me, newest first (the account page). GET /api/manager-requests/:id → 200 ManagerRequest.
 */
export const MyManagerRequestsSchema = z.object({
  items: z.array(ManagerRequestSchema),
  /** The open request concerning me, if any (at most one). */
  open: ManagerRequestSchema.nullable(),
  /** Kinds I may start now for myself (empty while a request is open). */
  availableKinds: z.array(OnlineManagerRequestKindSchema),
});
export type MyManagerRequests = z.infer<typeof MyManagerRequestsSchema>;

/**
 * POST /api/manager-requests/:id/card-challenge (no body) → 201 CardChallenge, bound to the
 * session's account and this request. POST /api/manager-requests/:id/card-verification
 * (CardSignature) → 200 CardVerificationResult { result: 'APPLIED' } — applied at once; for a role
 * change or deactivation of myself my sessions end (the SPA goes to 服務登入).
 * 409 MANAGER_REQUEST_NOT_AWAITING_VERIFICATION; CARD_* refusals.
 *
 * POST /api/manager-requests/:id/paper (no body) → 200 ManagerRequest (PENDING_REVIEW, dueAt).
 * GET /api/manager-requests/:id/form.pdf → 200 application/pdf (filled form).
 * POST /api/manager-requests/:id/scan (multipart, one file `file`) → 200 ManagerRequest; replaces
 * the previous scan; 429 TOO_MANY_SCAN_UPLOADS, 409 SCAN_UPLOADS_EXHAUSTED as above.
 * GET /api/manager-requests/:id/scan → 200 the scan (its sniffed content type).
 * POST /api/manager-requests/:id/cancel → 200 ManagerRequest (CANCELLED; only while open).
 */
export const ManagerRequestIdParamsSchema = z.object({ id: z.uuid({ error: MANAGER_REQUEST_MESSAGES.notFound }) });
export type ManagerRequestIdParams = z.infer<typeof ManagerRequestIdParamsSchema>;

// ───────────────────────── system staff ─────────────────────────

/** GET /api/staff/manager-requests?status=&kind=&institutionCode=&overdue=&page=&pageSize= */
export const StaffManagerRequestQuerySchema = PageQuerySchema.extend({
  /** Default PENDING_REVIEW; 'OPEN' = AWAITING_VERIFICATION + PENDING_REVIEW; 'ALL'. */
  status: z.enum([...MANAGER_REQUEST_STATUSES, 'OPEN', 'ALL']).default('PENDING_REVIEW'),
  kind: ManagerRequestKindSchema.optional(),
  institutionCode: text().trim().regex(/^\d{10}$/, '機構代碼須為 10 位數字。').optional(),
  /** Account name or 申請編號 (contains, case-insensitive). */
  q: text().trim().max(50, '關鍵字不得超過 50 個字。').optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
export type StaffManagerRequestQuery = z.input<typeof StaffManagerRequestQuerySchema>;

export const StaffManagerRequestListItemSchema = ManagerRequestSchema.extend({
  /** Open and past its due date. Overdue requests are listed first. */
  overdue: z.boolean(),
});
export type StaffManagerRequestListItem = z.infer<typeof StaffManagerRequestListItemSchema>;
export const StaffManagerRequestListSchema = pageOf(StaffManagerRequestListItemSchema);
export type StaffManagerRequestList = z.infer<typeof StaffManagerRequestListSchema>;

/** GET /api/staff/manager-requests/:id → 200: the data to compare with the scan. */
export const StaffManagerRequestDetailSchema = StaffManagerRequestListItemSchema.extend({
  applicant: z.object({
    accountName: text(),
    name: text(),
    /** Masked (A12****789): staff compare it with the form; the full number never leaves the API. */
    nationalIdMasked: text(),
    phone: text(),
    mobile: text().nullable(),
    email: text(),
    department: text().nullable(),
    role: AccountRoleSchema,
    status: text(),
  }),
  /** Other active managers of the institution (to judge B / C-b). */
  activeManagerCount: z.number().int(),
  leavesInstitutionWithoutManager: z.boolean(),
  /** The filled form as the portal produced it, for comparison. */
  formUrl: text(),
  decidedBy: PersonRefSchema.nullable(),
});
export type StaffManagerRequestDetail = z.infer<typeof StaffManagerRequestDetailSchema>;

/**
 * POST /api/staff/manager-requests/:id/decision → 200 StaffManagerRequestDetail.
 * 409 MANAGER_REQUEST_ALREADY_DECIDED / MANAGER_REQUEST_NOT_REVIEWABLE; 400 reason missing.
 */
export const ManagerRequestDecisionSchema = z
  .object({
    decision: z.enum(['APPROVE', 'REJECT'], { error: MANAGER_REQUEST_MESSAGES.decisionRequired }),
    reason: z.preprocess(
      (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
      text().trim().max(500, MANAGER_REQUEST_MESSAGES.reasonTooLong).optional(),
    ),
  })
  .refine((body) => body.decision !== 'REJECT' || body.reason !== undefined, {
    path: ['reason'],
    message: MANAGER_REQUEST_MESSAGES.rejectReasonRequired,
  });
export type ManagerRequestDecision = z.input<typeof ManagerRequestDecisionSchema>;

/**
 * POST /api/staff/manager-requests/:id/scan (multipart, one file `file`): a scan received by mail,
 * attached by staff; an AWAITING_VERIFICATION request moves to PENDING_REVIEW → 200
 * StaffManagerRequestDetail. GET /api/staff/manager-requests/:id/scan → the scan.
 * GET /api/staff/manager-requests/:id/form.pdf → the filled form.
 */
export const STAFF_MANAGER_REQUEST_ROUTES = {
  list: '/api/staff/manager-requests',
  detail: (id: string) => `/api/staff/manager-requests/${id}`,
  scan: (id: string) => `/api/staff/manager-requests/${id}/scan`,
  form: (id: string) => `/api/staff/manager-requests/${id}/form.pdf`,
  decision: (id: string) => `/api/staff/manager-requests/${id}/decision`,
} as const;

export const MANAGER_REQUEST_ROUTES = {
  list: '/api/manager-requests',
  preview: '/api/manager-requests/preview',
  detail: (id: string) => `/api/manager-requests/${id}`,
  cardChallenge: (id: string) => `/api/manager-requests/${id}/card-challenge`,
  cardVerification: (id: string) => `/api/manager-requests/${id}/card-verification`,
  paper: (id: string) => `/api/manager-requests/${id}/paper`,
  form: (id: string) => `/api/manager-requests/${id}/form.pdf`,
  scan: (id: string) => `/api/manager-requests/${id}/scan`,
  cancel: (id: string) => `/api/manager-requests/${id}/cancel`,
  pendingChallenge: '/api/card-verification/challenges',
  pendingVerification: '/api/card-verification/verifications',
  pendingPaperForm: '/api/applications/paper-form',
  pendingScan: '/api/applications/paper-form/scan',
  pendingRequest: '/api/applications/manager-request',
  pendingCredentials: '/api/applications/credentials',
} as const;
