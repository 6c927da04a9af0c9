import { defineConfig } from 'vitest/config';
import { resolveWorkspaceSources } from '../../vitest.shared.ts';

export default defineConfig({
  ...resolveWorkspaceSources,
  test: {
    include: ['test/**/*.test.ts'],
    // RSA-2048 key generation for the test PKI takes a few seconds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
