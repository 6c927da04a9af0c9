import { defineConfig } from 'vitest/config';
import { resolveWorkspaceSources } from '../../vitest.shared.ts';

export default defineConfig({
  ...resolveWorkspaceSources,
  test: { include: ['test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
});
