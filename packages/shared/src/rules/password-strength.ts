/**
 * The full password verdict: composition rules (password-policy.ts) + zxcvbn strength.
 *
 * This is the only module that imports zxcvbn and its dictionaries. The web app loads it
 * with `import()` (its own chunk, or inside a Web Worker) so the first paint does not pay for
 * ~1 MB of word lists; the API imports it normally. Both call `evaluatePassword` with the
 * same arguments and therefore get the same verdict.
 *
 * CPU bound. zxcvbn's cost grows much faster than linearly with length (measured here:
 * ~10 ms p50 at 16 characters, ~150 ms at 32, ~500 ms at 64 with the default settings), and
 * most of it is the l33t matcher trying substitution variants. We bound it twice:
 *
 * 1. Only the first ZXCVBN_EVALUATED_LENGTH (16) characters go through zxcvbn; the score of
 *    a longer password is, by definition, the score of its first 16 characters.
 *    Why this is safe: the rest of the password is still there for an attacker to guess, so
 *    it can only add guesses; rating the prefix can under-rate a long password, never
 *    over-rate what the prefix alone is worth. zxcvbn-ts itself does the same (its `maxLength`
 *    option, default 256, truncates "because longer passwords are strong anyway"); we simply
 *    use a smaller window. 16 characters drawn from 67 symbols is already far beyond the
 *    10^10 guesses of score 4 unless they form dictionary words, names, dates, keyboard
 *    walks, repeats or sequences — exactly what zxcvbn still sees inside the window.
 *    The one way the cut could hide a weakness is a user input (account, e-mail…) that
 *    starts inside the window and is cut by its end; so when we truncate, the leading
 *    pieces (≥ 4 characters) of every user input are added to the user inputs as well.
 *    Users who put the unpredictable part at the end of a long password get a lower level
 *    than the whole would deserve; the meter shows it live, and it is the safe direction.
 * 2. `l33tMaxSubstitutions` 30 instead of 100 caps the number of l33t variants per password
 *    (the library's own knob for this cost). On a sample of 1,500 realistic passwords
 *    ('G0rd0n2410!', 'Jenn1fer8644=' …) it changed the level of 2 distinct ones.
 *
 * Result: any input, even 64 characters or longer, costs what a 16-character one does
 * (measure with `npx tsx test/rules/measure-password-strength.ts`).
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary } from '@zxcvbn-ts/language-en';
import {
  checkPasswordComposition,
  combinePasswordVerdict,
  type PasswordScore,
  type PasswordVerdict,
} from './password-policy.js';

/** How many leading characters zxcvbn sees (see the comment at the top). */
export const ZXCVBN_EVALUATED_LENGTH = 16;
const L33T_MAX_SUBSTITUTIONS = 30;
/** Shortest leading piece of a user input added when the password is truncated. */
const MIN_USER_INPUT_PIECE = 4;
/** User inputs are form fields (e-mail ≤ 254); cap them so a huge value costs nothing. */
const MAX_USER_INPUT_LENGTH = 254;

let factory: ZxcvbnFactory | undefined;

/**
 * Builds the ranked dictionaries once (~130 ms here). Called lazily by `evaluatePassword`;
 * call it yourself at API start-up or when the Web Worker boots so the first keystroke
 * does not pay for it.
 */
export function warmUpPasswordStrength(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...englishDictionary },
    graphs: adjacencyGraphs,
    l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS,
    // Same window as our own slice below, so zxcvbn can never see more even if misused.
    maxLength: ZXCVBN_EVALUATED_LENGTH,
  });
  return factory;
}

/** The user inputs zxcvbn gets for this password (exported for tests). */
export function zxcvbnUserInputs(password: string, userInputs: readonly string[]): string[] {
  const inputs = userInputs
    .map((input) => input.trim().slice(0, MAX_USER_INPUT_LENGTH))
    .filter((input) => input.length > 0);
  if (password.length <= ZXCVBN_EVALUATED_LENGTH) return inputs;
  // Truncated: a user input cut by the window's end must still be recognised.
  const pieces: string[] = [];
  for (const input of inputs) {
    const longest = Math.min(input.length - 1, ZXCVBN_EVALUATED_LENGTH - 1);
    for (let end = MIN_USER_INPUT_PIECE; end <= longest; end += 1) pieces.push(input.slice(0, end));
  }
  // Whole inputs first: zxcvbn ranks by position, and they are the likeliest guesses.
  return [...inputs, ...pieces];
}

/**
 * The verdict shown by the meter and enforced by the API.
 * `userInputs`: build it with `collectPasswordUserInputs` so both sides pass the same list.
 */
export function evaluatePassword(password: string, userInputs: string[]): PasswordVerdict {
  const compositionUnmet = checkPasswordComposition(password);
  // Nothing typed yet: no need to build the dictionaries for a score that is 0 anyway.
  if (password.length === 0) return combinePasswordVerdict(0, compositionUnmet);
  const evaluated = password.slice(0, ZXCVBN_EVALUATED_LENGTH);
  const result = warmUpPasswordStrength().check(evaluated, zxcvbnUserInputs(password, userInputs));
  return combinePasswordVerdict(result.score as PasswordScore, compositionUnmet);
}
