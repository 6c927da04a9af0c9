/*
 * Runs zxcvbn off the main thread. Importing '@portal/shared/password-strength' here (and
 * nowhere in the app) keeps its ~1 MB of dictionaries in this worker's own file, fetched the
 * first time the password field is used.
 */
import { evaluatePassword, warmUpPasswordStrength } from '@portal/shared/password-strength';
import type { PasswordStrengthRequest, PasswordStrengthResponse } from './password-strength-evaluator';

const reply = (response: PasswordStrengthResponse) => self.postMessage(response);

self.addEventListener('message', (event: MessageEvent<PasswordStrengthRequest>) => {
  const { id, password, userInputs } = event.data;
  try {
    reply({ id, verdict: evaluatePassword(password, userInputs) });
  } catch (error) {
    reply({ id, error: error instanceof Error ? error.message : String(error) });
  }
});

// Build the ranked dictionaries now, while the user is still typing the first characters.
warmUpPasswordStrength();
