/**
 * Timing check for evaluatePassword (not a test: timings depend on the machine).
 * Run: cd packages/shared && npx tsx --conditions=@portal/source bench/measure-password-strength.ts
 * Prints p50/p95/max in ms per password length and shape, after a warm-up.
 */
import { collectPasswordUserInputs } from '../src/rules/password-policy.js';
import { evaluatePassword, warmUpPasswordStrength } from '../src/rules/password-strength.js';

const ALLOWED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*~!=#';
// Characters the l33t table knows (0→o, 1→i/l, 4→a, #→f/h, ! →i/l …): the slowest inputs.
const L33T_HEAVY = '0134567892!#Aa';

function random(length: number, alphabet: string): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[Math.floor(Math.random() * alphabet.length)];
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

const userInputs = collectPasswordUserInputs({
  accountName: 'wang_xiaoming',
  name: '王小明',
  nationalId: 'A123456789',
  email: 'wang.xiaoming@example.com.tw',
});

let start = performance.now();
warmUpPasswordStrength();
console.log(`dictionary build (once): ${(performance.now() - start).toFixed(1)} ms`);

const shapes: Record<string, (length: number) => string> = {
  random: (n) => random(n, ALLOWED),
  'l33t-heavy': (n) => random(n, L33T_HEAVY),
  'P@ssw0rd!-repeated': (n) => 'P@ssw0rd!'.repeat(8).slice(0, n),
  'user-input+random': (n) => `Wang_xiaoming${random(n, ALLOWED)}`.slice(0, n),
};
const RUNS = 200;
for (let i = 0; i < 50; i += 1) evaluatePassword(random(64, ALLOWED), userInputs);
for (const length of [8, 12, 16, 32, 64, 65]) {
  for (const [shape, make] of Object.entries(shapes)) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const password = make(length);
      start = performance.now();
      evaluatePassword(password, userInputs);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(
      `len ${String(length).padStart(2)} ${shape.padEnd(20)} p50 ${percentile(times, 0.5).toFixed(1)}  p95 ${percentile(times, 0.95).toFixed(1)}  max ${percentile(times, 1).toFixed(1)}`,
    );
  }
}
