/**
 * A vitest setup file shared by the API and SPA suites: a stray console.error (a React or act()
 * warning, a failed request, an error something caught and only logged) means something went
 * wrong that no assertion saw, so it fails the test that logged it.
 */
import { afterEach, vi } from 'vitest';

const errors: unknown[][] = [];
vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
  errors.push(args);
});
afterEach(() => {
  if (errors.length > 0) {
    const logged = errors.splice(0).map((args) => args.map(String).join(' '));
    throw new Error(`console.error was called:\n${logged.join('\n')}`);
  }
});
