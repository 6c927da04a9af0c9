import type { PasswordStrengthEvaluator } from './password-strength-evaluator';

/**
 * The same evaluatePassword on the calling thread, for tests (jsdom has no Worker). Never
 * imported by the app: in the browser zxcvbn must stay in the worker.
 */
export function createInlinePasswordStrengthEvaluator(): PasswordStrengthEvaluator {
  return {
    async evaluate(password, userInputs) {
      const { evaluatePassword } = await import('@portal/shared/password-strength');
      return evaluatePassword(password, [...userInputs]);
    },
    dispose() {},
  };
}
