/**
 * Password rules that need no dictionary: composition, length, allowed characters, the
 * zxcvbn score → 弱/中/強 mapping and the list of user inputs fed to zxcvbn.
 *
 * This file must NOT import zxcvbn: the form imports it eagerly to show the composition
 * checklist, while the dictionaries (~1 MB) live in `password-strength.ts`, which the web
 * app loads lazily (dynamic import / Web Worker).
 */

/** Verbatim from the administration's guide (the hint under the password field). */
export const PASSWORD_POLICY_TEXT =
  '請將密碼通過強度"中"以上，長度不得小於八碼，須包含大小寫英文、數字以及特殊符號(僅限下列特殊字元*~!=#)';

export const PASSWORD_MIN_LENGTH = 8;
/**
 * Upper bound so a request cannot make the server (or the browser) spend unbounded CPU;
 * 64 is comfortably above any password a person types, and passphrases are impossible
 * anyway since spaces are not allowed.
 */
export const PASSWORD_MAX_LENGTH = 64;

/** The only non-alphanumeric characters allowed (the guide: 僅限下列特殊字元*~!=#). */
export const PASSWORD_SPECIAL_CHARACTERS = '*~!=#';

export type PasswordLevel = '弱' | '中' | '強';
export type PasswordScore = 0 | 1 | 2 | 3 | 4;

export type PasswordRuleCode =
  | 'MIN_LENGTH'
  | 'MAX_LENGTH'
  | 'UPPERCASE'
  | 'LOWERCASE'
  | 'DIGIT'
  | 'SPECIAL_CHARACTER'
  | 'ALLOWED_CHARACTERS'
  | 'STRENGTH';

export interface PasswordRule {
  readonly code: PasswordRuleCode;
  readonly message: string;
}

/** One entry per rule, in the order the form lists them. */
export const PASSWORD_RULES = {
  MIN_LENGTH: { code: 'MIN_LENGTH', message: '密碼長度不得小於八碼' },
  MAX_LENGTH: { code: 'MAX_LENGTH', message: `密碼長度不得大於 ${PASSWORD_MAX_LENGTH} 碼` },
  UPPERCASE: { code: 'UPPERCASE', message: '密碼須包含大寫英文字母' },
  LOWERCASE: { code: 'LOWERCASE', message: '密碼須包含小寫英文字母' },
  DIGIT: { code: 'DIGIT', message: '密碼須包含數字' },
  SPECIAL_CHARACTER: {
    code: 'SPECIAL_CHARACTER',
    message: '密碼須包含特殊符號（僅限下列特殊字元 *~!=#）',
  },
  ALLOWED_CHARACTERS: {
    code: 'ALLOWED_CHARACTERS',
    message: '密碼僅可使用半形英文字母、數字及特殊字元 *~!=#（不可含空白或全形字）',
  },
  STRENGTH: { code: 'STRENGTH', message: '密碼強度須達「中」以上' },
} as const satisfies Record<PasswordRuleCode, PasswordRule>;

/**
 * What to do when every listed rule is met but zxcvbn still rates the password 弱: the rules
 * alone do not say why (a dictionary word, a keyboard walk, the account name …).
 */
export const PASSWORD_STRENGTH_ADVICE =
  '密碼雖符合上列規則，但容易被猜出：請再加長（例如 12 碼以上），避免常見字詞、鍵盤順序、連續或重複的字元，也不要包含帳號、姓名、身分證或 E-mail。';

export interface PasswordVerdict {
  readonly level: PasswordLevel;
  /** zxcvbn score of the evaluated part (see `password-strength.ts`), before the cap. */
  readonly score: PasswordScore;
  /** Every rule the password breaks, in PASSWORD_RULES order; empty when acceptable. */
  readonly unmet: readonly PasswordRule[];
  readonly acceptable: boolean;
}

// ASCII only on purpose: full-width letters (Ａ), digits (１) and symbols (＊) look alike but
// are different characters, and many systems the subsystems use cannot handle them.
const UPPERCASE = /[A-Z]/;
const LOWERCASE = /[a-z]/;
const DIGIT = /[0-9]/;
const SPECIAL = /[*~!=#]/;
const ONLY_ALLOWED = /^[A-Za-z0-9*~!=#]*$/;

/** Length in code points, so an astral character (emoji) counts as one, like the user sees it. */
export function passwordLength(password: string): number {
  let count = 0;
  for (const _ of password) count += 1;
  return count;
}

/**
 * The rules that need no dictionary, cheap enough for every keystroke. Returns the unmet
 * ones. Runs in O(length) with simple regexes (no backtracking), so it is safe on any input.
 */
export function checkPasswordComposition(password: string): PasswordRule[] {
  const length = passwordLength(password);
  const unmet: PasswordRule[] = [];
  if (length < PASSWORD_MIN_LENGTH) unmet.push(PASSWORD_RULES.MIN_LENGTH);
  if (length > PASSWORD_MAX_LENGTH) unmet.push(PASSWORD_RULES.MAX_LENGTH);
  if (!UPPERCASE.test(password)) unmet.push(PASSWORD_RULES.UPPERCASE);
  if (!LOWERCASE.test(password)) unmet.push(PASSWORD_RULES.LOWERCASE);
  if (!DIGIT.test(password)) unmet.push(PASSWORD_RULES.DIGIT);
  if (!SPECIAL.test(password)) unmet.push(PASSWORD_RULES.SPECIAL_CHARACTER);
  if (!ONLY_ALLOWED.test(password)) unmet.push(PASSWORD_RULES.ALLOWED_CHARACTERS);
  return unmet;
}

/**
 * zxcvbn score → meter level.
 *
 *   0–1 → 弱   fewer than 10^6 guesses: within reach of an online attack even with throttling
 *   2   → 中   10^6–10^8 guesses: zxcvbn's "protection from unthrottled online attacks";
 *              with our login throttling and a slow password hash that is the minimum we
 *              accept, which is what the guide's "強度中以上" asks for
 *   3–4 → 強   ≥ 10^8 guesses: survives an offline slow-hash attack for a long time
 *
 * Three bands because the guide's meter shows exactly 弱 / 中 / 強. We did not pick
 * 0–2/3/4: with the mandatory 8+ characters and four character classes, zxcvbn already
 * gives plain but non-dictionary passwords a 3, and requiring 3 would reject passwords
 * like 'Wxm2024#a' that the portal's users are expected to pick.
 */
export function levelForScore(score: PasswordScore): PasswordLevel {
  if (score <= 1) return '弱';
  if (score === 2) return '中';
  return '強';
}

/**
 * Combines the zxcvbn score with the composition result. A password that breaks any
 * composition rule is shown as 弱 at most, whatever zxcvbn says: the meter must never look
 * green for a password the server will refuse. The STRENGTH rule, however, follows the raw
 * score, so the list of unmet rules points at the real problem (e.g. "須包含數字") instead
 * of also claiming the strength is too low.
 */
export function combinePasswordVerdict(
  score: PasswordScore,
  compositionUnmet: readonly PasswordRule[],
): PasswordVerdict {
  const strengthLevel = levelForScore(score);
  const unmet = [...compositionUnmet];
  if (strengthLevel === '弱') unmet.push(PASSWORD_RULES.STRENGTH);
  return {
    level: compositionUnmet.length > 0 ? '弱' : strengthLevel,
    score,
    unmet,
    acceptable: unmet.length === 0,
  };
}

/** The form fields that, if they appear in the password, make it easy to guess. */
export interface PasswordUserContext {
  accountName?: string | undefined;
  /** 姓名 */
  name?: string | undefined;
  /** 身分證 */
  nationalId?: string | undefined;
  email?: string | undefined;
}

/**
 * The user inputs zxcvbn penalises: account name, 姓名, 身分證, the e-mail, its local part
 * and the local part's pieces split on . _ - + (people reuse 'wang' from 'wang.xm@…').
 * The browser and the API must call zxcvbn with the same list to get the same verdict,
 * so both build it with this function.
 */
export function collectPasswordUserInputs(context: PasswordUserContext): string[] {
  const inputs: string[] = [];
  // zxcvbn compares lower-cased, so duplicates differing only in case are dropped.
  const seen = new Set<string>();
  const add = (value: string | undefined) => {
    const trimmed = value?.trim();
    if (!trimmed || seen.has(trimmed.toLowerCase())) return;
    seen.add(trimmed.toLowerCase());
    inputs.push(trimmed);
  };
  add(context.accountName);
  add(context.name);
  add(context.nationalId);
  add(context.email);
  const email = context.email?.trim() ?? '';
  const at = email.lastIndexOf('@');
  if (at > 0) {
    const localPart = email.slice(0, at);
    add(localPart);
    // Pieces shorter than 3 characters would only add noise (zxcvbn matches them anywhere).
    for (const piece of localPart.split(/[._+-]/)) if (piece.length >= 3) add(piece);
  }
  return inputs;
}
