/**
 * zod schemas for the personal-data fields of 帳號申請 (account, 姓名, 市話, 手機, E-mail,
 * 機構代碼). Each schema trims, validates with a zh-TW message and outputs the normalized
 * value the API stores. The form and the API use the same schemas.
 */
import { z } from 'zod';
import { text } from '../schemas/text.js';
import { messages } from '../messages.js';

// `abort: true` on the first checks: one value gets exactly one message (an empty field says
// "請輸入…", not also "格式錯誤").
export const FIELD_MESSAGES = {
  accountNameRequired: '請輸入您的帳號',
  accountNameFormat: '帳號須為 4 至 20 個字元，以英文字母開頭，僅可使用英文字母、數字及 _ . -',
  personNameRequired: '請輸入您的姓名',
  personNameTooLong: '姓名不得超過 50 個字',
  personNameControlCharacters: '姓名不可包含控制字元或不可見字元',
  landlineRequired: '請輸入您的市話號碼',
  landlineFormat: '市話號碼格式錯誤，請依範例填寫，例如 02-12345678#123456（分機可省略）',
  mobileFormat: '手機號碼格式錯誤，請依範例填寫，例如 0912-345678',
  emailRequired: '請輸入您的E-mail信箱',
  emailFormat: 'E-mail信箱格式錯誤，請確認後再輸入',
  emailTooLong: 'E-mail信箱不得超過 254 個字元',
  /** One message for the code everywhere (schemas/institution.ts). */
  institutionRequired: messages.institutionRequired,
  institutionCodeFormat: messages.institutionCodeFormat,
} as const;

// ───────────────────────── 帳號 ─────────────────────────

/**
 * 4–20 characters, first one a letter, then letters, digits, '_', '.', '-'.
 * Why: it is typed at every login and shown to the help desk on the phone, so no spaces or
 * look-alike Unicode; starting with a letter keeps it from being mistaken for a 身分證 or a
 * phone number; '.', '_' and '-' allow e-mail-like names (wang.xm) that people remember.
 */
export const ACCOUNT_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9._-]{3,19}$/;

/**
 * Uniqueness / login key: lower-case, so 'WangXM' and 'wangxm' are one account (a user
 * does not remember which letters they capitalised). The display value keeps the case typed.
 */
export function accountNameKey(accountName: string): string {
  return accountName.trim().toLowerCase();
}

export const AccountNameSchema = text({ error: FIELD_MESSAGES.accountNameRequired })
  .trim()
  .min(1, { error: FIELD_MESSAGES.accountNameRequired, abort: true })
  .regex(ACCOUNT_NAME_PATTERN, FIELD_MESSAGES.accountNameFormat);

// ───────────────────────── 姓名 ─────────────────────────

/**
 * Control characters (Cc) and invisible format characters (Cf: zero-width spaces, bidi
 * overrides) are refused: they make two names that look the same compare different and can
 * reorder text on the printed 申請表. Everything else is allowed, including rare CJK
 * characters outside the BMP, and Latin / indigenous names with spaces or '‧'.
 */
const CONTROL_OR_INVISIBLE = /[\p{Cc}\p{Cf}]/u;
export const PERSON_NAME_MAX_LENGTH = 50;

export const PersonNameSchema = text({ error: FIELD_MESSAGES.personNameRequired }, FIELD_MESSAGES.personNameControlCharacters)
  .trim()
  .min(1, { error: FIELD_MESSAGES.personNameRequired, abort: true })
  // Counted in code points: a rare character like 𠀋 is one character to the user.
  .refine((name) => Array.from(name).length <= PERSON_NAME_MAX_LENGTH, {
    error: FIELD_MESSAGES.personNameTooLong,
    abort: true,
  })
  .refine((name) => !CONTROL_OR_INVISIBLE.test(name), FIELD_MESSAGES.personNameControlCharacters);

// ───────────────────────── 市話 ─────────────────────────

/**
 * Area code (2–4 digits starting with 0) - number (6–8 digits), optional extension of 1–6
 * digits after '#'. Decision on the separator: the guide's own hint reads
 * "Ex: 02-12345678=123456", so users copying it type '='. We accept '=' as well as '#' and
 * store '#', the usual notation (the 諮詢窗口 numbers use it). Nothing else is
 * tolerated (no spaces, parentheses or inner hyphens): the printed form and the help desk
 * need one unambiguous layout.
 */
export const LANDLINE_PATTERN = /^(0\d{1,3})-(\d{6,8})(?:[#=](\d{1,6}))?$/;

/** '02-12345678=123' → '02-12345678#123'. Expects a value matching LANDLINE_PATTERN. */
export function normalizeLandline(value: string): string {
  return value.trim().replace('=', '#');
}

export const LandlinePhoneSchema = text({ error: FIELD_MESSAGES.landlineRequired })
  .trim()
  .min(1, { error: FIELD_MESSAGES.landlineRequired, abort: true })
  .regex(LANDLINE_PATTERN, FIELD_MESSAGES.landlineFormat)
  .transform(normalizeLandline);

// ───────────────────────── 手機 ─────────────────────────

/** 09xx-xxxxxx, the hyphen optional on input (many people type 0912345678). */
export const MOBILE_PATTERN = /^(09\d{2})-?(\d{6})$/;

/** '0912345678' → '0912-345678'; returns the trimmed input when it is not a mobile number. */
export function normalizeMobile(value: string): string {
  const trimmed = value.trim();
  const match = MOBILE_PATTERN.exec(trimmed);
  return match ? `${match[1]}-${match[2]}` : trimmed;
}

/**
 * Optional: undefined, '' or blanks mean "not given" and come out as undefined (HTML forms
 * send empty strings). Otherwise the hyphenated form is returned.
 */
export const MobilePhoneSchema = text({ error: FIELD_MESSAGES.mobileFormat })
  .trim()
  .refine((value) => value === '' || MOBILE_PATTERN.test(value), FIELD_MESSAGES.mobileFormat)
  .transform((value) => (value === '' ? undefined : normalizeMobile(value)))
  .optional();

// ───────────────────────── E-mail ─────────────────────────

/** RFC 5321 limits a forward path to 254 characters. */
export const EMAIL_MAX_LENGTH = 254;

/**
 * Trimmed; zod's e-mail check (ASCII addresses, which is what the mail relay accepts).
 * The case is kept as typed: the local part is case-sensitive in theory.
 */
export const EmailSchema = text({ error: FIELD_MESSAGES.emailRequired })
  .trim()
  .min(1, { error: FIELD_MESSAGES.emailRequired, abort: true })
  .max(EMAIL_MAX_LENGTH, { error: FIELD_MESSAGES.emailTooLong, abort: true })
  .pipe(z.email({ error: FIELD_MESSAGES.emailFormat }));
