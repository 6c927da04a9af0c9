import type { evaluatePassword as evaluate } from '@portal/shared/password-strength';

/**
 * The full password verdict (composition rules + zxcvbn). zxcvbn's dictionaries take tens of MB
 * of heap once built, for the few requests that set a password: they are loaded on the first
 * such request instead of at start.
 */
export async function evaluatePassword(...args: Parameters<typeof evaluate>): Promise<ReturnType<typeof evaluate>> {
  const strength = await import('@portal/shared/password-strength');
  return strength.evaluatePassword(...args);
}
