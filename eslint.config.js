import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = path.dirname(fileURLToPath(import.meta.url));
const webFeatures = readdirSync(path.join(root, 'apps/web/src/features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const apiSrc = './apps/api/src';

/**
 * Which code may import which (docs/architecture.md, "Boundaries"). Paths are from the repository
 * root, so the same zones hold whichever package's lint runs them; imports of workspace packages
 * are resolved to their files first, so `@portal/forms` counts as packages/forms.
 */
const boundaries = [
  // Apps never import each other: they meet over HTTP and through the packages.
  { target: './apps/api', from: ['./apps/web', './apps/e2e'], message: 'An app never imports another app.' },
  { target: './apps/web', from: ['./apps/api', './apps/e2e'], message: 'An app never imports another app.' },
  { target: './apps/e2e', from: ['./apps/api', './apps/web'], message: 'The browser tests drive the built portal; they import no app.' },
  // Packages and tools sit below the apps.
  { target: ['./packages', './tools'], from: './apps', message: 'Packages and tools never import an app.' },
  { target: './packages/db', from: './packages/forms', message: 'The database package does not depend on the forms.' },
  { target: './packages/shared', from: ['./packages/db', './packages/forms', './tools'], message: 'The shared rules depend on no other package.' },
  // The API's layers, one direction: routes → services → lib / errors.
  {
    target: `${apiSrc}/services`,
    from: [`${apiSrc}/routes`, `${apiSrc}/plugins`, `${apiSrc}/http`, `${apiSrc}/jobs`, `${apiSrc}/app.ts`, `${apiSrc}/server.ts`],
    message: 'Services know nothing of Fastify: no routes, plugins or HTTP helpers (HttpError is in src/errors).',
  },
  {
    target: [`${apiSrc}/lib`, `${apiSrc}/errors`],
    from: [`${apiSrc}/services`, `${apiSrc}/routes`, `${apiSrc}/plugins`, `${apiSrc}/http`, `${apiSrc}/jobs`],
    message: 'src/lib and src/errors are the bottom layer: they import no other part of the API.',
  },
  { target: `${apiSrc}/plugins`, from: [`${apiSrc}/routes`, `${apiSrc}/jobs`], message: 'Plugins are registered before routes and never import them.' },
  // The SPA: a feature never imports another feature; shared code imports no feature.
  ...webFeatures.map((feature) => ({
    target: `./apps/web/src/features/${feature}`,
    from: './apps/web/src/features',
    except: [`./${feature}`],
    message: 'A feature never imports another feature: move the shared piece to src/components or src/lib.',
  })),
  {
    target: ['./apps/web/src/components', './apps/web/src/lib'],
    from: ['./apps/web/src/features', './apps/web/src/app'],
    message: 'Shared components and lib never import a feature or the app shell.',
  },
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/generated/**', '**/coverage/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          noWarnOnMultipleProjects: true,
          project: ['apps/*/tsconfig.json', 'packages/*/tsconfig.json', 'tools/*/tsconfig.json'].map((pattern) => path.join(root, pattern)),
        }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: boundaries }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Every string of a request goes through text() (schemas/text.ts), which refuses what the
    // database cannot store; a bare z.string() would let a NUL through to a 500.
    files: ['packages/shared/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='string'][callee.object.name='z'], CallExpression[callee.property.name='string'][callee.object.property.name='coerce']",
          message: 'Use text() from schemas/text.ts: it refuses NUL and lone surrogates with a zh-TW message.',
        },
      ],
    },
  },
  {
    files: ['scripts/**', '**/server.ts', '**/cli.ts', '**/*-cli.ts', '**/bench/**', '**/engine/**', 'apps/e2e/**'],
    rules: { 'no-console': 'off' },
  },
);
