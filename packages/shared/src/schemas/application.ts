import { z } from 'zod';
import { text } from './text.js';
import { ApplicantRoleSchema } from '../rules/role-rule.js';
import { AccountNameSchema, EmailSchema, LandlinePhoneSchema, MobilePhoneSchema, PersonNameSchema } from '../rules/contact-fields.js';
import { NationalIdSchema } from '../rules/national-id.js';
import { checkPasswordComposition, PASSWORD_MAX_LENGTH } from '../rules/password-policy.js';
import { InstitutionCodeSchema } from './institution.js';

/** The two notes under 請選擇申請的子系統, verbatim from the administration's guide. */
export const SUBSYSTEM_SELECTION_NOTES = [
  '若您只需使用「篩檢結果查詢」功能，於申請時，請無須勾選子系統，只需將相關個人資料填寫完畢後，直接送出即可。',
  '申請子系統帳號需待子系統管理者審核通過後，才可以連結至子系統進行使用。',
] as const;

export const APPLICATION_MESSAGES = {
  passwordRequired: '請輸入您的密碼',
  passwordConfirmRequired: '請您再輸入一次密碼',
  passwordMismatch: '兩次輸入的密碼不一致',
  subsystemUnknown: '請選擇有效的子系統',
  subsystemDuplicate: '子系統不可重複勾選',
  accountNameTaken: '此帳號已有人使用，請改用其他帳號。',
  institutionNotFound: '查無此機構代碼，請確認後再輸入。',
  nationalIdHasAccount: '您在此機構已有帳號或審核中的申請，請以該帳號登入（忘記帳號密碼可使用「忘記密碼」或洽單位業務管理者）；如需變更角色，請洽單位業務管理者。',
  weakPassword: '密碼強度須達「中」以上，請加長密碼或避免使用帳號、姓名、身分證、E-mail 等個人資料。',
} as const;

/**
 * The password field before strength: the composition rules need no dictionary, so the form
 * shows them at once; strength (zxcvbn) is judged by evaluatePassword in both the browser and
 * the API, because the dictionaries are too heavy to load with every form.
 */
const PasswordFieldSchema = text({ error: APPLICATION_MESSAGES.passwordRequired })
  // Checked before anything else so that an oversized input costs nothing further.
  .max(PASSWORD_MAX_LENGTH * 4, { error: `密碼長度不得大於 ${PASSWORD_MAX_LENGTH} 碼`, abort: true })
  .min(1, { error: APPLICATION_MESSAGES.passwordRequired, abort: true })
  .superRefine((password, ctx) => {
    for (const rule of checkPasswordComposition(password)) ctx.addIssue({ code: 'custom', message: rule.message });
  });

/** 帳號申請: every field of the guide's form. */
export const AccountApplicationSchema = z
  .object({
    institutionCode: InstitutionCodeSchema,
    role: ApplicantRoleSchema,
    accountName: AccountNameSchema,
    password: PasswordFieldSchema,
    passwordConfirm: text({ error: APPLICATION_MESSAGES.passwordConfirmRequired }).min(1, APPLICATION_MESSAGES.passwordConfirmRequired),
    nationalId: NationalIdSchema,
    name: PersonNameSchema,
    phone: LandlinePhoneSchema,
    mobile: MobilePhoneSchema,
    email: EmailSchema,
    /** Subsystem codes; none is fine (篩檢結果查詢 needs none). */
    subsystems: z
      .array(text().max(40, APPLICATION_MESSAGES.subsystemUnknown), { error: APPLICATION_MESSAGES.subsystemUnknown })
      .max(20, APPLICATION_MESSAGES.subsystemUnknown)
      .refine((codes) => new Set(codes).size === codes.length, APPLICATION_MESSAGES.subsystemDuplicate)
      .default([]),
  })
  .refine((form) => form.password === form.passwordConfirm, {
    path: ['passwordConfirm'],
    message: APPLICATION_MESSAGES.passwordMismatch,
    // Said as soon as both passwords are there, not only once every other field is valid.
    // `value` is whatever was sent: a JSON `null` or array must be refused by the object check, not crash here.
    when: ({ value }) => {
      if (typeof value !== 'object' || value === null) return false;
      const form = value as { password?: unknown; passwordConfirm?: unknown };
      return typeof form.password === 'string' && typeof form.passwordConfirm === 'string' && form.passwordConfirm !== '';
    },
  });
export type AccountApplicationInput = z.input<typeof AccountApplicationSchema>;
export type AccountApplication = z.output<typeof AccountApplicationSchema>;

export const ACCOUNT_STATUSES = ['PENDING_VERIFICATION', 'PENDING_APPROVAL', 'ACTIVE', 'REJECTED', 'DEACTIVATED'] as const;
export const AccountStatusSchema = z.enum(ACCOUNT_STATUSES);
export type AccountStatus = z.infer<typeof AccountStatusSchema>;

export const ACCESS_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'REVOKED'] as const;
export const AccessStatusSchema = z.enum(ACCESS_STATUSES);
export type AccessStatus = z.infer<typeof AccessStatusSchema>;
/** Subsystem access states as docs/product.md names them. */
export const accessStatusLabels: Record<AccessStatus, string> = {
  PENDING: '待審核',
  APPROVED: '已核准',
  REJECTED: '已駁回',
  REVOKED: '已停用',
};

/** What the applicant must do next. */
export const NEXT_STEPS = ['INSTITUTION_VERIFICATION', 'MANAGER_APPROVAL'] as const;
export const NextStepSchema = z.enum(NEXT_STEPS);

export const ApplicationResultSchema = z.object({
  applicationNo: text(),
  accountName: text(),
  role: ApplicantRoleSchema,
  status: AccountStatusSchema,
  institution: z.object({ code: text(), name: text() }),
  subsystems: z.array(z.object({ code: text(), name: text(), status: AccessStatusSchema })),
  /**
   * INSTITUTION_VERIFICATION: a 單位業務管理者 proves the institution by 醫事機構卡驗證 or
   * 紙本審核. MANAGER_APPROVAL: a 一般使用者 waits for the institution's manager.
   */
  nextStep: NextStepSchema,
});
export type ApplicationResult = z.infer<typeof ApplicationResultSchema>;
