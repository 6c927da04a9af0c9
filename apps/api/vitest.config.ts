import { defineConfig } from 'vitest/config';
import { resolveWorkspaceSources } from '../../vitest.shared.ts';

export default defineConfig({
  ...resolveWorkspaceSources,
  test: {
    include: ['test/**/*.test.ts'],
    // A suite of its own (vitest.load.config.ts): it would crowd the files running beside it.
    exclude: ['test/load/**', '**/node_modules/**'],
    setupFiles: ['../../vitest.fail-on-console-error.ts'],
    // Each file gets its own database (PGlite in memory, or a fresh PostgreSQL database).
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
