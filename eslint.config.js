// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * zod comes through lib/zod.ts, which sets it up (jitless) before any schema is made: a module
 * that imported zod itself could parse first and make every page probe for eval.
 */
const noBareZod = {
  regex: '^zod(/.*)?$',
  message: 'Import z from lib/zod.ts (zod set up for extension contexts).',
};

/** Import boundaries from style.md: each room knows only the rooms below it. */
const boundary = (patterns) => ({
  'no-restricted-imports': ['error', { patterns: [...patterns, noBareZod] }],
});
const noEntrypoints = {
  group: ['**/entrypoints/**', '@/entrypoints/**'],
  message: 'lib/ and components/ never import entrypoints/.',
};
const noDb = {
  group: ['**/lib/db', '**/lib/db/**', '@/lib/db', '@/lib/db/**', 'dexie'],
  message: 'Only the background and extension pages touch the database.',
};
const noBrowser = {
  group: ['wxt/browser', 'webextension-polyfill'],
  message: 'Pure code takes its inputs as arguments; browser glue lives in entrypoints/.',
};

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['**/*.{js,mjs,cjs}'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['lib/**'],
    ignores: ['lib/db/**', 'lib/browser/**', 'lib/sync/**'],
    rules: boundary([noEntrypoints, noDb, noBrowser]),
  },
  { files: ['lib/db/**'], rules: boundary([noEntrypoints, noBrowser]) },
  // Team sync replicates the database (its own bookkeeping database beside it): a db room too.
  { files: ['lib/sync/**'], rules: boundary([noEntrypoints, noBrowser]) },
  { files: ['lib/browser/**'], rules: boundary([noEntrypoints, noDb]) },
  { files: ['components/**'], rules: boundary([noEntrypoints, noDb, noBrowser]) },
  {
    files: ['entrypoints/**'],
    ignores: ['entrypoints/*.content/**', 'entrypoints/*.content.ts'],
    rules: boundary([]),
  },
  { files: ['entrypoints/*.content/**', 'entrypoints/*.content.ts'], rules: boundary([noDb]) },
  { files: ['lib/zod.ts'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
);
