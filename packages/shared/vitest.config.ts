import { defineConfig } from 'vitest/config';
import { resolveWorkspaceSources } from '../../vitest.shared.ts';

export default defineConfig({
  ...resolveWorkspaceSources,
});
