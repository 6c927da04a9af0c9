import { defineConfig } from 'vitest/config';
import { resolveWorkspaceSources } from '../../vitest.shared.ts';

/**
 * The load-and-fault test alone (scripts/test-all.mjs runs it as a suite of its own): it keeps
 * both cores busy for half a minute, which would stretch the timings of every test file that ran
 * beside it in the main suite.
 */
export default defineConfig({
  ...resolveWorkspaceSources,
  test: {
    include: ['test/load/**/*.test.ts'],
    setupFiles: ['../../vitest.fail-on-console-error.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
