import {
  checkPasswordComposition,
  combinePasswordVerdict,
  PASSWORD_RULES,
  type PasswordRule,
  type PasswordVerdict,
} from '@portal/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createPasswordStrengthEvaluator } from './create-password-strength-evaluator';
import type { PasswordStrengthEvaluator } from './password-strength-evaluator';

/** Nothing typed: known without zxcvbn (score 0, every composition rule unmet). */
const EMPTY_VERDICT = combinePasswordVerdict(0, checkPasswordComposition(''));

interface Evaluated {
  password: string;
  inputsKey: string;
  verdict: PasswordVerdict;
}

export interface PasswordStrength {
  /** The verdict of the latest evaluation that came back (null before the first one). */
  verdict: PasswordVerdict | null;
  /** Length of the password `verdict` is about (what the meter shows right now). */
  evaluatedLength: number;
  /** True while the value on screen differs from the one `verdict` is about. */
  pending: boolean;
  /** Composition rules for the value on screen, computed on the main thread at once. */
  unmet: readonly PasswordRule[];
  /** Starts the worker; call it when the password field is first focused. */
  prepare: () => void;
  /**
   * On submit, a fresh verdict for exactly these values: the message to show on the password
   * field when the policy refuses it, else null. Also null when the worker failed to load: the
   * API judges the password with the same function.
   */
  refusalNow: (password: string, userInputs: readonly string[]) => Promise<string | null>;
}

/**
 * The meter's data. Every change of the password or of the user inputs sends one request to
 * the evaluator, tagged with a sequence number; only the reply to the latest request is kept,
 * so a slow reply for an older value can never overwrite the verdict for what is typed now.
 * `createEvaluator`: zxcvbn in a Web Worker (帳號申請, where every input is on the form) or the
 * API's rating with the account's inputs (重設密碼, 變更密碼: createAccountPasswordRater).
 */
export function usePasswordStrength(
  password: string,
  userInputs: readonly string[],
  createEvaluator: () => PasswordStrengthEvaluator = createPasswordStrengthEvaluator,
): PasswordStrength {
  const evaluatorRef = useRef<PasswordStrengthEvaluator | null>(null);
  const latestRequest = useRef(0);
  const [evaluated, setEvaluated] = useState<Evaluated | null>(null);
  const inputsKey = JSON.stringify(userInputs);

  const createRef = useRef(createEvaluator);
  const evaluator = useCallback(() => {
    evaluatorRef.current ??= createRef.current();
    return evaluatorRef.current;
  }, []);

  useEffect(
    () => () => {
      evaluatorRef.current?.dispose();
      evaluatorRef.current = null;
    },
    [],
  );

  useEffect(() => {
    latestRequest.current += 1;
    const request = latestRequest.current;
    if (password === '') return;
    evaluator()
      .evaluate(password, JSON.parse(inputsKey) as string[])
      .then(
        (verdict) => {
          if (request === latestRequest.current) setEvaluated({ password, inputsKey, verdict });
        },
        // The worker is gone (unmounted) or failed: the API still judges the password on submit.
        () => undefined,
      );
  }, [password, inputsKey, evaluator]);

  const prepare = useCallback(() => {
    evaluator();
  }, [evaluator]);

  const refusalNow = useCallback(
    async (value: string, inputs: readonly string[]) => {
      const verdict = await (value === '' ? Promise.resolve(EMPTY_VERDICT) : evaluator().evaluate(value, inputs)).catch(() => null);
      return verdict && !verdict.acceptable ? verdict.unmet.map((rule) => rule.message).join('；') : null;
    },
    [evaluator],
  );

  const current = password === '' ? { password, inputsKey, verdict: EMPTY_VERDICT } : evaluated;
  const composition = checkPasswordComposition(password);
  // Strength comes from the last verdict until the new one arrives; composition is always current.
  const strengthUnmet = current?.verdict.unmet.some((rule) => rule.code === 'STRENGTH') ? [PASSWORD_RULES.STRENGTH] : [];

  return {
    verdict: current?.verdict ?? null,
    evaluatedLength: current ? current.password.length : 0,
    pending: !current || current.password !== password || current.inputsKey !== inputsKey,
    unmet: [...composition, ...strengthUnmet],
    prepare,
    refusalNow,
  };
}
