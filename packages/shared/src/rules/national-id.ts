/**
 * 身分證字號 / 居留證號 (national ID and resident certificate numbers).
 *
 * Three formats share one check-digit algorithm (Ministry of the Interior):
 * - 國民身分證:        letter + 1|2 (sex) + 8 digits, e.g. A123456789
 * - 居留證, old format: letter + A-D + 8 digits, e.g. AC01234567 (issued until 2020)
 * - 居留證, new format: letter + 8|9 + 8 digits, e.g. A800000014 (issued since 2021-01-02)
 *
 * Pure functions, no Node or DOM imports: the form and the API run the same code.
 */
import { text } from '../schemas/text.js';

/** First letter → two-digit area code. Not alphabetical: I, O, W, X, Y, Z were added later. */
const LETTER_CODES: Readonly<Record<string, number>> = {
  A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21,
  N: 22, O: 35, P: 23, Q: 24, R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33,
};

/** Weights for the 11 digits: the letter's two digits, then the 9 characters after it. */
const WEIGHTS = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1] as const;

/** Shape only (the checksum is checked separately). Anchored, so no partial matches. */
export const TAIWAN_ID_PATTERN = /^[A-Z](?:[12]\d{8}|[A-D]\d{8}|[89]\d{8})$/;

export const NATIONAL_ID_MESSAGES = {
  required: '請輸入您的身分證',
  invalid: '身分證字號（或居留證號）格式或檢查碼錯誤，請確認後再輸入',
} as const;

/**
 * Trim + upper-case only. Full-width characters (Ａ１２３…) are deliberately NOT converted:
 * they are rejected, so what is stored is exactly what the user sees after the fix.
 */
export function normalizeTaiwanId(value: string): string {
  return value.trim().toUpperCase();
}

/**
 * The 11 digits the weights apply to. The second character of an old-format 居留證 is a
 * letter A-D; the official algorithm uses the last digit of its code (A=10→0 … D=13→3).
 * Expects a string that already matches the shape (10 characters, valid letters).
 */
function checksumDigits(id: string): number[] {
  const areaCode = LETTER_CODES[id.charAt(0)] ?? 0;
  const second = id.charAt(1);
  const secondDigit = /[A-D]/.test(second) ? (LETTER_CODES[second] ?? 0) % 10 : Number(second);
  const rest = Array.from(id.slice(2), Number);
  return [Math.floor(areaCode / 10), areaCode % 10, secondDigit, ...rest];
}

function weightedSum(digits: readonly number[]): number {
  return digits.reduce((total, digit, index) => total + digit * (WEIGHTS[index] ?? 0), 0);
}

/** True when the (normalized) value has a valid shape and its weighted sum is a multiple of 10. */
export function isValidTaiwanId(value: string): boolean {
  const id = normalizeTaiwanId(value);
  if (!TAIWAN_ID_PATTERN.test(id)) return false;
  return weightedSum(checksumDigits(id)) % 10 === 0;
}

/**
 * Appends the check digit to a 9-character prefix (e.g. 'A12345678' → 'A123456789').
 * For demo data and tests only: real IDs come from the user. Throws on a malformed prefix,
 * so a typo in seed data fails loudly instead of producing an invalid ID.
 */
export function makeTaiwanIdWithChecksum(first9: string): string {
  const prefix = normalizeTaiwanId(first9);
  // A placeholder check digit of 0 lets us reuse the shape check on 10 characters.
  if (prefix.length !== 9 || !TAIWAN_ID_PATTERN.test(`${prefix}0`)) {
    throw new Error(`makeTaiwanIdWithChecksum: "${first9}" is not a valid 9-character ID prefix`);
  }
  // The check digit has weight 1, so it is whatever brings the sum up to a multiple of 10.
  const sumWithoutCheckDigit = weightedSum(checksumDigits(`${prefix}0`));
  return `${prefix}${(10 - (sumWithoutCheckDigit % 10)) % 10}`;
}

/** Form / API field: trimmed, upper-cased, checksum verified. Output is the normalized ID. */
export const NationalIdSchema = text({ error: NATIONAL_ID_MESSAGES.required })
  .transform(normalizeTaiwanId)
  .pipe(
    text()
      .min(1, { error: NATIONAL_ID_MESSAGES.required, abort: true })
      .refine(isValidTaiwanId, NATIONAL_ID_MESSAGES.invalid),
  );
