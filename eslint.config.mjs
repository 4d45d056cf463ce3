// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['lib/**', 'dist/**', 'node_modules/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
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
