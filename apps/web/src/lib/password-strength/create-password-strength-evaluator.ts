import type { PasswordVerdict } from '@portal/shared';
import type {
  PasswordStrengthEvaluator,
  PasswordStrengthRequest,
  PasswordStrengthResponse,
} from './password-strength-evaluator';

interface Pending {
  resolve: (verdict: PasswordVerdict) => void;
  reject: (error: Error) => void;
}

/** The browser's evaluator: one module Web Worker, started by the first call to this function. */
export function createPasswordStrengthEvaluator(): PasswordStrengthEvaluator {
  const worker = new Worker(new URL('./password-strength.worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, Pending>();
  let nextId = 0;

  const failAll = (error: Error) => {
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };

  worker.addEventListener('message', (event: MessageEvent<PasswordStrengthResponse>) => {
    const response = event.data;
    const request = pending.get(response.id);
    if (!request) return;
    pending.delete(response.id);
    if ('verdict' in response) request.resolve(response.verdict);
    else request.reject(new Error(response.error));
  });
  worker.addEventListener('error', (event) => failAll(new Error(event.message || 'password strength worker failed')));

  return {
    evaluate(password, userInputs) {
      nextId += 1;
      const id = nextId;
      return new Promise<PasswordVerdict>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, password, userInputs: [...userInputs] } satisfies PasswordStrengthRequest);
      });
    },
    dispose() {
      worker.terminate();
      failAll(new Error('password strength worker stopped'));
    },
  };
}
