import react from '@vitejs/plugin-react';
import { defaultClientConditions } from 'vite';
import { defineConfig } from 'vitest/config';
import { SOURCE_CONDITION } from '../../vitest.shared.ts';

export default defineConfig({
  plugins: [react()],
  // @portal/shared from its sources (vitest.shared.ts), in the build as in tests.
  resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
  // apps/api serves dist/ from the same origin and caches dist/assets/* as immutable.
  build: { outDir: 'dist' },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    // The console check last: its afterEach runs first, before cleanup unmounts the page.
    setupFiles: ['src/testing/setup.ts', '../../vitest.fail-on-console-error.ts'],
  },
});
