/**
 * 帳號資料 (the account page, every logged-in role): profile, e-mail change, password change,
 * my subsystems. Bodies of /api/account/*.
 */
import { z } from 'zod';
import { text } from './text.js';
import { EmailSchema, LandlinePhoneSchema, MOBILE_PATTERN, normalizeMobile, FIELD_MESSAGES } from '../rules/contact-fields.js';
import { AccessStatusSchema } from './application.js';
import { PASSWORD_MAX_LENGTH } from '../rules/password-policy.js';
import {
  AccountRoleSchema,
  AUTH_MESSAGES,
  InstitutionRefSchema,
  MailedTokenSchema,
  NewPasswordSchema,
  PresentedPasswordSchema,
} from './auth.js';

export const ACCOUNT_MESSAGES = {
  profileUpdated: '個人資料已更新。',
  emailChangePending: '確認信已寄至新的E-mail信箱，請於 24 小時內點選信中連結，完成後才會變更E-mail。',
  emailChangeNeedsPassword: '變更E-mail須輸入目前的密碼',
  emailConfirmed: 'E-mail信箱已變更。',
  emailTokenInvalid: 'E-mail確認連結無效、已使用或已逾期，請重新在帳號資料中修改E-mail。',
  passwordChanged: '密碼已變更；其他裝置上的登入已全部登出。',
  subsystemUnknown: '查無此子系統。',
  subsystemAlreadyPending: '此子系統的申請正在審核中，請耐心等候。',
  subsystemAlreadyApproved: '您已可使用此子系統，無須再申請。',
  subsystemRevoked: '您此子系統的權限已被停用，如需恢復請洽該子系統管理者。',
  subsystemNotForRole: '子系統管理者及系統人員帳號不需申請子系統。',
  subsystemRequested: '已送出子系統申請，待子系統管理者審核通過後即可使用。',
} as const;

// ───────────────────────── profile ─────────────────────────

/** GET /api/account/profile → 200; PATCH answers it too (inside UpdateProfileResponse). */
export const ProfileSchema = z.object({
  accountName: text(),
  name: text(),
  role: AccountRoleSchema,
  roleLabel: text(),
  institution: InstitutionRefSchema.nullable(),
  phone: text(),
  mobile: text().nullable(),
  email: text(),
  /** A new address waiting for its confirmation link (null if none). */
  pendingEmail: text().nullable(),
});
export type Profile = z.infer<typeof ProfileSchema>;

/**
 * PATCH /api/account/profile. Each field is optional (absent = unchanged). `mobile: ''` or
 * `null` removes the mobile number. A different `email` is not applied: it needs
 * `currentPassword` (a borrowed session must not be able to redirect the account's mail), a
 * confirmation link is mailed to the new address (POST /api/account/confirm-email applies it)
 * and a notice to the old one.
 */
export const UpdateProfileRequestSchema = z.object({
  phone: LandlinePhoneSchema.optional(),
  mobile: text({ error: FIELD_MESSAGES.mobileFormat })
    .trim()
    .refine((value) => value === '' || MOBILE_PATTERN.test(value), FIELD_MESSAGES.mobileFormat)
    .transform((value) => (value === '' ? null : normalizeMobile(value)))
    .nullable()
    .optional(),
  email: EmailSchema.optional(),
  /** Required by the API when `email` differs from the current address. */
  currentPassword: text({ error: ACCOUNT_MESSAGES.emailChangeNeedsPassword })
    .min(1, { error: ACCOUNT_MESSAGES.emailChangeNeedsPassword, abort: true })
    .max(PASSWORD_MAX_LENGTH * 4, AUTH_MESSAGES.passwordTooLong)
    .optional(),
});
export type UpdateProfileRequest = z.input<typeof UpdateProfileRequestSchema>;

export const UpdateProfileResponseSchema = z.object({
  profile: ProfileSchema,
  /** True when a confirmation mail was sent to a new address. */
  emailChangePending: z.boolean(),
  message: text(),
});
export type UpdateProfileResponse = z.infer<typeof UpdateProfileResponseSchema>;

/** POST /api/account/confirm-email (from the link; no login needed) → 200 MessageResponse; 400. */
export const ConfirmEmailRequestSchema = z.object({ token: MailedTokenSchema });
export type ConfirmEmailRequest = z.infer<typeof ConfirmEmailRequestSchema>;

// ───────────────────────── 變更密碼 ─────────────────────────

/** POST /api/account/password → 200 MessageResponse (the current session stays logged in). */
export const ChangePasswordRequestSchema = z
  .object({
    currentPassword: PresentedPasswordSchema.pipe(text().min(1, AUTH_MESSAGES.currentPasswordRequired)),
    password: NewPasswordSchema,
    passwordConfirm: text({ error: AUTH_MESSAGES.passwordConfirmRequired })
      .min(1, AUTH_MESSAGES.passwordConfirmRequired),
  })
  .refine((form) => form.password === form.passwordConfirm, {
    path: ['passwordConfirm'],
    message: AUTH_MESSAGES.passwordMismatch,
  });
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequestSchema>;

// ───────────────────────── 我的子系統 ─────────────────────────

export const MySubsystemSchema = z.object({
  code: text(),
  name: text(),
  status: AccessStatusSchema,
  /** 待審核 / 已核准 / 已駁回 / 已停用 */
  statusLabel: text(),
  /** Why it was rejected or revoked. */
  reason: text().nullable(),
  requestedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  /**
   * 進入系統: where the subsystem starts its single sign-on login (its initiate-login URI), or
   * null unless the access is approved and the subsystem is a registered, active client.
   */
  launchUrl: text().nullable(),
});
export type MySubsystem = z.infer<typeof MySubsystemSchema>;

/** GET /api/account/subsystems → 200. */
export const MySubsystemListSchema = z.object({
  items: z.array(MySubsystemSchema),
  /** False for 子系統管理者 and 系統人員 (no institution, nothing to request). */
  canRequest: z.boolean(),
});
export type MySubsystemList = z.infer<typeof MySubsystemListSchema>;

/**
 * POST /api/account/subsystems → 201 MySubsystem (new, or a rejected one asked again);
 * 404 unknown code; 409 pending / approved / revoked; 403 for roles without an institution.
 */
export const RequestSubsystemSchema = z.object({
  code: text({ error: ACCOUNT_MESSAGES.subsystemUnknown }).trim().min(1, ACCOUNT_MESSAGES.subsystemUnknown).max(40, ACCOUNT_MESSAGES.subsystemUnknown),
});
export type RequestSubsystem = z.infer<typeof RequestSubsystemSchema>;
