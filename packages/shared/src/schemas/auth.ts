/**
 * 服務登入, the session, 忘記密碼 / 重設密碼 and 申請進度查詢: request and response bodies of
 * /api/auth/* and /api/application-status. The SPA's forms and the API validate with these.
 */
import { z } from 'zod';
import { text } from './text.js';
import { EmailSchema } from '../rules/contact-fields.js';
import { NationalIdSchema } from '../rules/national-id.js';
import { checkPasswordComposition, PASSWORD_MAX_LENGTH, PASSWORD_RULES, type PasswordRuleCode } from '../rules/password-policy.js';
import { AccountStatusSchema } from './application.js';

// ───────────────────────── roles ─────────────────────────

/** Every portal role (the applicant roles of role-rule.ts plus the administration's). */
export const ACCOUNT_ROLES = ['INSTITUTION_MANAGER', 'GENERAL_USER', 'SUBSYSTEM_MANAGER', 'SYSTEM_STAFF'] as const;
export const AccountRoleSchema = z.enum(ACCOUNT_ROLES);
export type AccountRole = z.infer<typeof AccountRoleSchema>;
export const ACCOUNT_ROLE_LABELS: Readonly<Record<AccountRole, string>> = {
  INSTITUTION_MANAGER: '單位業務管理者',
  GENERAL_USER: '一般使用者',
  SUBSYSTEM_MANAGER: '子系統管理者',
  SYSTEM_STAFF: '系統人員',
};

export const ACCOUNT_STATUS_LABELS: Readonly<Record<z.infer<typeof AccountStatusSchema>, string>> = {
  PENDING_VERIFICATION: '待驗證',
  PENDING_APPROVAL: '待核准',
  ACTIVE: '已開通',
  REJECTED: '未通過',
  DEACTIVATED: '已停用',
};

// ───────────────────────── messages ─────────────────────────

export const AUTH_MESSAGES = {
  accountNameRequired: '請輸入您的帳號',
  accountNameTooLong: '帳號不得超過 30 個字元',
  passwordRequired: '請輸入您的密碼',
  passwordTooLong: `密碼長度不得大於 ${PASSWORD_MAX_LENGTH} 碼`,
  passwordConfirmRequired: '請您再輸入一次密碼',
  passwordMismatch: '兩次輸入的密碼不一致',
  currentPasswordRequired: '請輸入目前的密碼',
  currentPasswordWrong: '目前的密碼不正確。',
  passwordSameAsCurrent: '新密碼不可與目前的密碼相同。',
  invalidCredentials: '帳號或密碼錯誤。',
  pendingVerification: '您的帳號尚待醫事機構卡驗證或紙本審核，開通後即可登入。',
  pendingApproval: '您的帳號尚待貴機構單位業務管理者核准，核准後即可登入。',
  rejected: '您的帳號申請未通過審核，無法登入；如有疑問，請洽諮詢窗口。',
  deactivated: '您的帳號已停用，無法登入；如需恢復使用，請洽貴機構單位業務管理者或諮詢窗口。',
  sessionExpired: '登入已逾時，請重新登入。',
  accountChangedDuringLogin: '您的帳號資料剛有異動，請重新登入。',
  csrfInvalid: '頁面已逾時或來源不明，請重新整理頁面後再試。',
  loggedOut: '您已登出。',
  forgotPasswordIdentityRequired: '請輸入您的E-mail信箱或身分證字號',
  forgotPasswordAccepted: '若資料正確，重設密碼連結已寄至您的E-mail信箱，請於 30 分鐘內完成重設。',
  resetTokenRequired: '重設密碼連結不完整，請重新點選信中的連結。',
  resetTokenInvalid: '重設密碼連結無效、已使用或已逾期，請重新申請忘記密碼。',
  passwordResetDone: '密碼已重設，請以新密碼登入。',
  applicationStatusNotFound: '查無符合的申請資料，請確認帳號及身分證字號。',
} as const;

/** 429 after too many failed logins on one account (API and SPA show the same words). */
export function tooManyLoginFailuresMessage(minutes: number): string {
  return `登入失敗次數過多，請於 ${minutes} 分鐘後再試。`;
}

/** The session ended by itself (401 of /api/auth/refresh; the SPA says it on the login page). */
export const SESSION_END_CODES = { idle: 'SESSION_IDLE_EXPIRED', absolute: 'SESSION_LIFETIME_EXPIRED' } as const;
export type SessionEndReason = keyof typeof SESSION_END_CODES;

/** After SESSION_IDLE_MINUTES without use. */
export function sessionIdleExpiredMessage(minutes: number): string {
  return `您已閒置超過 ${minutes} 分鐘，為保護資料，系統已自動登出，請重新登入。`;
}

/** After SESSION_ABSOLUTE_HOURS since the login, however active. */
export function sessionLifetimeExpiredMessage(hours: number): string {
  return `本次登入已滿 ${hours} 小時，為保護資料，系統已自動登出，請重新登入。`;
}

/** 申請進度查詢 of one 帳號 that failed too often (429, with Retry-After). */
export function tooManyStatusQueriesMessage(minutes: number): string {
  return `此帳號的申請進度查詢失敗次數過多，請於 ${minutes} 分鐘後再試。`;
}

/** `code` of the 403 a correct password gets on an account that cannot log in yet / any more. */
export const LOGIN_REFUSAL_CODES = {
  PENDING_VERIFICATION: 'ACCOUNT_PENDING_VERIFICATION',
  PENDING_APPROVAL: 'ACCOUNT_PENDING_APPROVAL',
  REJECTED: 'ACCOUNT_REJECTED',
  DEACTIVATED: 'ACCOUNT_DEACTIVATED',
} as const;

// ───────────────────────── fields ─────────────────────────

/**
 * The account name as typed at login / 查詢: only bounded, not pattern-checked, so that a
 * typo gets the same answer as an unknown account (the format is not a hint to anyone).
 */
export const LoginAccountNameSchema = text({ error: AUTH_MESSAGES.accountNameRequired })
  .trim()
  .min(1, { error: AUTH_MESSAGES.accountNameRequired, abort: true })
  .max(30, AUTH_MESSAGES.accountNameTooLong);

/** A password being presented (login, current password): bounded so hashing cost is bounded. */
export const PresentedPasswordSchema = text({ error: AUTH_MESSAGES.passwordRequired })
  .min(1, { error: AUTH_MESSAGES.passwordRequired, abort: true })
  .max(PASSWORD_MAX_LENGTH * 4, AUTH_MESSAGES.passwordTooLong);

/**
 * A new password: the composition rules here (cheap, shown at once); the strength verdict
 * (zxcvbn, needs the account's personal data) is `evaluatePassword`, run by the form and the API.
 */
export const NewPasswordSchema = text({ error: AUTH_MESSAGES.passwordRequired })
  .max(PASSWORD_MAX_LENGTH * 4, { error: AUTH_MESSAGES.passwordTooLong, abort: true })
  .min(1, { error: AUTH_MESSAGES.passwordRequired, abort: true })
  .superRefine((password, ctx) => {
    for (const rule of checkPasswordComposition(password)) ctx.addIssue({ code: 'custom', message: rule.message });
  });

const PasswordConfirmSchema = text({ error: AUTH_MESSAGES.passwordConfirmRequired })
  .min(1, AUTH_MESSAGES.passwordConfirmRequired);

/** Opaque one-time token from an e-mailed link (base64url of 32 bytes = 43 characters). */
export const MailedTokenSchema = text({ error: AUTH_MESSAGES.resetTokenRequired })
  .trim()
  .min(1, { error: AUTH_MESSAGES.resetTokenRequired, abort: true })
  .max(200, AUTH_MESSAGES.resetTokenInvalid);

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

// ───────────────────────── 服務登入 ─────────────────────────

/** POST /api/auth/login */
export const LoginRequestSchema = z.object({
  accountName: LoginAccountNameSchema,
  password: PresentedPasswordSchema,
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const InstitutionRefSchema = z.object({ code: text(), name: text() });
export type InstitutionRef = z.infer<typeof InstitutionRefSchema>;
export const SubsystemRefSchema = z.object({ code: text(), name: text() });
export type SubsystemRef = z.infer<typeof SubsystemRefSchema>;

/**
 * The logged-in user: body of POST /api/auth/login (200), POST /api/auth/refresh (200) and
 * GET /api/auth/session (200; 401 when not logged in).
 * `csrfToken` goes into the X-CSRF-Token header of every POST/PUT/PATCH/DELETE; it is also in
 * the readable cookie `portal_csrf` so the SPA finds it after a reload.
 */
export const SessionSchema = z.object({
  id: text(),
  accountName: text(),
  name: text(),
  role: AccountRoleSchema,
  /** zh-TW label of the role (單位業務管理者 …). */
  roleLabel: text(),
  /** null for 子系統管理者 and 系統人員 (they belong to no institution). */
  institution: InstitutionRefSchema.nullable(),
  /** Subsystems this 子系統管理者 manages (empty for other roles). */
  managedSubsystems: z.array(SubsystemRefSchema),
  csrfToken: text(),
  /** When the access token expires (ISO); the SPA calls /api/auth/refresh before or on a 401. */
  accessExpiresAt: z.iso.datetime(),
  /** The idle deadline (ISO): without a refresh by then the session ends (SESSION_IDLE_MINUTES). */
  idleExpiresAt: z.iso.datetime(),
  /** The absolute end of this login (ISO, SESSION_ABSOLUTE_HOURS after it); no refresh extends it. */
  absoluteExpiresAt: z.iso.datetime(),
  /** SESSION_IDLE_MINUTES in seconds: how far a refresh moves the idle deadline past the last activity. */
  idleTimeoutSeconds: z.number().int().positive(),
});
export type Session = z.infer<typeof SessionSchema>;

/**
 * POST /api/auth/refresh (optional body): how long the user has been idle, as the SPA saw it.
 * The new idle deadline is the last activity + SESSION_IDLE_MINUTES, so a background request
 * that needs a new access token does not keep an unattended session alive.
 */
export const RefreshRequestSchema = z
  .object({ idleSeconds: z.number().int().min(0).max(366 * 24 * 3600).optional() })
  .nullish();
export type RefreshRequest = z.infer<typeof RefreshRequestSchema>;

/** Body of 200 answers that only carry a sentence to show (logout, reset done …). */
export const MessageResponseSchema = z.object({ message: text() });
export type MessageResponse = z.infer<typeof MessageResponseSchema>;

// ───────────────────────── 忘記密碼 ─────────────────────────

/** POST /api/auth/forgot-password: 帳號 + (E-mail or 身分證). Always 202 ForgotPasswordResponse. */
export const ForgotPasswordRequestSchema = z
  .object({
    accountName: LoginAccountNameSchema,
    email: z.preprocess(blankToUndefined, EmailSchema.optional()),
    nationalId: z.preprocess(blankToUndefined, NationalIdSchema.optional()),
  })
  .refine((form) => form.email !== undefined || form.nationalId !== undefined, {
    path: ['email'],
    message: AUTH_MESSAGES.forgotPasswordIdentityRequired,
  });
export type ForgotPasswordRequest = z.infer<typeof ForgotPasswordRequestSchema>;
export const ForgotPasswordResponseSchema = MessageResponseSchema;

/** POST /api/auth/reset-password → 200 MessageResponse; 400 with fieldErrors. */
export const ResetPasswordRequestSchema = z
  .object({
    token: MailedTokenSchema,
    password: NewPasswordSchema,
    passwordConfirm: PasswordConfirmSchema,
  })
  .refine((form) => form.password === form.passwordConfirm, {
    path: ['passwordConfirm'],
    message: AUTH_MESSAGES.passwordMismatch,
  });
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequestSchema>;

// ───────────────────────── 密碼強度 (the meter of 重設密碼 and 變更密碼) ─────────────────────────

/**
 * POST /api/account/password/strength (logged in) → 200 PasswordVerdict: a candidate new
 * password rated with the account's own user inputs, 身分證 included, which never reach the
 * browser. The meter and the API's refusal are then the same verdict.
 */
export const RatePasswordRequestSchema = z.object({
  password: text({ error: AUTH_MESSAGES.passwordRequired })
    .max(PASSWORD_MAX_LENGTH * 4, { error: AUTH_MESSAGES.passwordTooLong, abort: true })
    .min(1, AUTH_MESSAGES.passwordRequired),
});
export type RatePasswordRequest = z.infer<typeof RatePasswordRequestSchema>;

/** POST /api/auth/reset-password/strength (no login: the mailed token names the account). */
export const RateResetPasswordRequestSchema = RatePasswordRequestSchema.extend({ token: MailedTokenSchema });
export type RateResetPasswordRequest = z.infer<typeof RateResetPasswordRequestSchema>;

export const PasswordVerdictSchema = z.object({
  level: z.enum(['弱', '中', '強']),
  score: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  unmet: z.array(z.object({ code: z.enum(Object.keys(PASSWORD_RULES) as [PasswordRuleCode, ...PasswordRuleCode[]]), message: text() })),
  acceptable: z.boolean(),
});

// ───────────────────────── 申請進度查詢 ─────────────────────────

/** POST /api/application-status (no login) → 200 ApplicationStatus; 404 generic. */
export const ApplicationStatusQuerySchema = z.object({
  accountName: LoginAccountNameSchema,
  nationalId: NationalIdSchema,
});
export type ApplicationStatusQuery = z.infer<typeof ApplicationStatusQuerySchema>;

export const APPLICATION_STEP_STATES = ['DONE', 'WAITING', 'REJECTED', 'NOT_STARTED'] as const;
export const ApplicationStepStateSchema = z.enum(APPLICATION_STEP_STATES);
export type ApplicationStepState = z.infer<typeof ApplicationStepStateSchema>;
export const APPLICATION_STEP_STATE_LABELS: Readonly<Record<ApplicationStepState, string>> = {
  DONE: '已完成',
  WAITING: '處理中',
  REJECTED: '未通過',
  NOT_STARTED: '尚未開始',
};

/**
 * Step keys: 'submitted' (帳號申請送出), 'verification' (醫事機構卡驗證 / 紙本審核 /
 * 單位業務管理者核准), 'subsystem:<code>' (one per requested subsystem).
 */
export const ApplicationStepSchema = z.object({
  key: text(),
  label: text(),
  state: ApplicationStepStateSchema,
  /** When the step was completed or refused (ISO); null while waiting / not started. */
  date: z.iso.datetime().nullable(),
  /** e.g. the reason of a refusal, or what the applicant should do next. */
  note: text().nullable(),
});
export type ApplicationStep = z.infer<typeof ApplicationStepSchema>;

export const ApplicationStatusSchema = z.object({
  applicationNo: text().nullable(),
  accountName: text(),
  role: AccountRoleSchema,
  roleLabel: text(),
  status: AccountStatusSchema,
  statusLabel: text(),
  institution: InstitutionRefSchema.nullable(),
  submittedAt: z.iso.datetime(),
  steps: z.array(ApplicationStepSchema),
});
export type ApplicationStatus = z.infer<typeof ApplicationStatusSchema>;
