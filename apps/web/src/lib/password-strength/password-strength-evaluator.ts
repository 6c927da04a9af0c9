import type { PasswordVerdict } from '@portal/shared';

/**
 * Judges a password with the shared `evaluatePassword`. In the browser it runs in a Web
 * Worker (create-password-strength-evaluator.ts); tests, where jsdom has no Worker, inject
 * one that calls evaluatePassword directly.
 */
export interface PasswordStrengthEvaluator {
  evaluate(password: string, userInputs: readonly string[]): Promise<PasswordVerdict>;
  dispose(): void;
}

/** One message to the worker; `id` lets the caller match the reply to its request. */
export interface PasswordStrengthRequest {
  id: number;
  password: string;
  userInputs: string[];
}

export type PasswordStrengthResponse = { id: number; verdict: PasswordVerdict } | { id: number; error: string };
