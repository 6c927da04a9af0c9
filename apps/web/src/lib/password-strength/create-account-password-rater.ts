import { PasswordVerdictSchema, type PasswordVerdict } from '@portal/shared';
import { apiPost } from '../api-client';
import type { PasswordStrengthEvaluator } from './password-strength-evaluator';

/** Quiet time after the last keystroke before the candidate is sent to be rated. */
export const ACCOUNT_RATER_DELAY_MS = 300;

/**
 * The evaluator of 重設密碼 and 變更密碼: the API rates the candidate with the account's own
 * inputs (帳號, 姓名, 身分證, E-mail), the same verdict it enforces on submit; the 身分證 never
 * comes to the browser. Requests wait for a pause in typing; a newer call supersedes an older
 * one (its promise is rejected, which usePasswordStrength ignores).
 */
export function createAccountPasswordRater(path: string, extraBody: Record<string, string> = {}): PasswordStrengthEvaluator {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let superseded: (() => void) | undefined;
  let inFlight: AbortController | undefined;
  const cancel = () => {
    clearTimeout(timer);
    superseded?.();
    inFlight?.abort();
  };
  return {
    evaluate(password) {
      cancel();
      return new Promise<PasswordVerdict>((resolve, reject) => {
        superseded = () => reject(new Error('superseded'));
        timer = setTimeout(() => {
          const controller = new AbortController();
          inFlight = controller;
          apiPost(path, { ...extraBody, password }, PasswordVerdictSchema, { signal: controller.signal }).then(resolve, reject);
        }, ACCOUNT_RATER_DELAY_MS);
      });
    },
    dispose: cancel,
  };
}
