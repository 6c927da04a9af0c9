import { randomInt } from 'node:crypto';
import { compactTaipeiDate } from '@portal/shared';
import { isUniqueViolation } from './unique-violation.js';

/**
 * 申請編號: a prefix (AP for an account application, MR for a manager request), the date in
 * Taipei and six random digits, e.g. AP20261126048213: short enough to read out on the phone.
 */
export function newApplicationNumber(prefix: 'AP' | 'MR', now: Date): string {
  return `${prefix}${compactTaipeiDate(now)}${String(randomInt(1_000_000)).padStart(6, '0')}`;
}

const ATTEMPTS = 5;

/**
 * Runs `create` (a whole transaction) with a new number; when the number clashes with an
 * existing one (the unique index on `column`), draws another and runs it again from the start.
 */
export async function withNewApplicationNumber<T>(
  prefix: 'AP' | 'MR',
  column: string,
  now: () => Date,
  create: (number: string) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await create(newApplicationNumber(prefix, now()));
    } catch (error) {
      if (!isUniqueViolation(error, column) || attempt === ATTEMPTS) throw error;
    }
  }
}
