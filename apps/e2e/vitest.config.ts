import { defineConfig } from 'vitest/config';
import { resolveWorkspaceSources } from '../../vitest.shared.ts';
import { LoginTestLast } from './setup/sequencer.ts';

export default defineConfig({
  ...resolveWorkspaceSources,
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['setup/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // One browser and one portal at a time: the machine has two cores.
    fileParallelism: false,
    sequence: { sequencer: LoginTestLast },
  },
});
