/**
 * Workspace packages export their built `dist/` files by default (what Node loads in production)
 * and their TypeScript sources under the `@portal/source` condition. Vitest, Vite and tsx resolve
 * with that condition, so a change is tested and run in development without a build.
 */
export const SOURCE_CONDITION = '@portal/source';

/** Vite's default conditions with the sources' condition first: spread into a vitest/vite config. */
export const resolveWorkspaceSources = {
  resolve: { conditions: [SOURCE_CONDITION, 'module', 'browser', 'development|production'] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION, 'module', 'node', 'development|production'] } },
};
