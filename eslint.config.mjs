// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['lib/**', 'dist/**', 'node_modules/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Type-aware rules: promises that nobody awaits, awaits of non-promises, switches that miss a case.
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    // Stricter in the engine, the adapters and their tests: no needless casts, nothing that prints as "[object Object]".
    files: ['src/engine/**/*.ts', 'test/engine/**/*.ts', 'test/check/**/*.ts', 'src/excel/**/*.ts', 'src/node/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/no-base-to-string': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
    },
  },
  {
    // Prettier breaks code at 160 characters but not strings and comments; this catches those.
    files: ['src/**/*.{ts,tsx}', 'test/excel{Adapter,Arrays,Host,Manifest,Payload,Plan,Rollback}.test.ts', 'test/fakeExcel.test.ts'],
    rules: { 'max-len': ['error', { code: 160, ignoreUrls: true, ignoreRegExpLiterals: true }] },
  },
  {
    files: ['src/taskpane/**/*.{ts,tsx}', 'src/harness/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine is pure: it sees workbooks as grids and never touches a host, a file or the UI.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['fs', 'node:fs', 'path', 'node:path', 'exceljs', 'react', 'react-dom', '@microsoft/office-js'],
          patterns: [
            { group: ['@fluentui/*', 'node:*'], message: 'src/engine must stay pure (no host, file or UI imports).' },
            { group: ['../node/*', '../excel/*', '../taskpane/*', '../harness/*'], message: 'src/engine must not depend on its adapters.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'Excel', 'Office', 'process', 'require'],
    },
  },
  {
    // Only src/excel talks to Office.js; the pane and the harness get results and actions via hooks.
    files: ['src/taskpane/**/*.{ts,tsx}', 'src/harness/**/*.{ts,tsx}', 'src/node/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', { name: 'Excel', message: 'Only src/excel may call Excel.run.' }] },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
