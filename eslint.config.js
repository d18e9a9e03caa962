// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Import boundaries from style.md: each room knows only the rooms below it. */
const boundary = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
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
  { files: ['entrypoints/*.content/**', 'entrypoints/*.content.ts'], rules: boundary([noDb]) },
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
