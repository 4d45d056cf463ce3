/**
 * The jest tests that exercise src/engine through its public surface, for mutation testing
 * (`npm run mutate`). Adapter, CLI, browser and fuzz tests are left out (they test the hosts or
 * repeat engine tests with more runs), and property tests run 100 cases instead of 1,000: every
 * mutant runs the tests that cover it, on two shared cores.
 */
const base = require('./jest.config.js');

process.env.TB_PROPERTY_RUNS = '100';

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  // TB_MUTATE_TESTS=engine limits the run to test/engine (enough for compute, rounding, numbers).
  testMatch:
    process.env.TB_MUTATE_TESTS === 'engine'
      ? ['<rootDir>/test/engine/**/*.test.ts']
      : ['<rootDir>/test/engine/**/*.test.ts', '<rootDir>/test/check/**/*.test.ts'],
};
