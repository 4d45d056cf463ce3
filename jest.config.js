/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // Tests that spawn the CLI or write .xlsx files take seconds on a loaded two-core machine; the
  // limit is there to catch hangs, not to time anything.
  testTimeout: 30000,
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: { jsx: 'react-jsx', module: 'commonjs', isolatedModules: true } }],
  },
  setupFilesAfterEnv: ['<rootDir>/test/support/matchers.ts'],
};
