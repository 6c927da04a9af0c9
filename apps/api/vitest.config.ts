import { defineConfig } from 'vitest/config';
import { resolveWorkspaceSources } from '../../vitest.shared.ts';

export default defineConfig({
  ...resolveWorkspaceSources,
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['../../vitest.fail-on-console-error.ts'],
    // Each file gets its own database (PGlite in memory, or a fresh PostgreSQL database).
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
