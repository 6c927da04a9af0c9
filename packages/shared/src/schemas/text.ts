import { z } from 'zod';
import { messages } from '../messages.js';

/**
 * A NUL or a lone UTF-16 surrogate: PostgreSQL stores neither in text columns (the query fails),
 * and replacing them with U+FFFD would store something the user never typed.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSTORABLE_CHARACTER = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/** True when the string can be stored as it is (no NUL, no lone surrogate). */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE_CHARACTER.test(value);
}

/**
 * The one string schema of every request and response body: `z.string` refusing what the
 * database cannot store, with a zh-TW message, before any other check of the field runs.
 * (The linter forbids a bare `z.string(` in packages/shared.) A field with a more precise
 * word for it (姓名's 控制字元) passes it as `unstorable`.
 */
export function text(params?: Parameters<typeof z.string>[0], unstorable: string = messages.unstorableText) {
  // eslint-disable-next-line no-restricted-syntax -- the one place that builds a string schema
  return z.string(params).refine(isStorableText, { error: unstorable, abort: true });
}
