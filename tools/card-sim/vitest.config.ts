import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // RSA-2048 key generation for the test PKI takes a few seconds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
