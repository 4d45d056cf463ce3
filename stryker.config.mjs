// @ts-check
/**
 * Mutation testing of the engine: `npm run mutate`. Not part of `npm test` (it takes minutes).
 * Incremental: results are kept in reports/stryker-incremental.json, so a re-run tests only the
 * mutants whose code or tests changed. Scores per file are printed in the clear-text table.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'jest',
  jest: { configFile: 'jest.stryker.config.js', enableFindRelatedTests: false },
  // The four areas held to 85 % (README); `npm run mutate -- --mutate 'src/engine/**/*.ts'` mutates all of src/engine.
  mutate: ['src/engine/check/rules/**/*.ts', 'src/engine/compute.ts', 'src/engine/rounding.ts', 'src/engine/numbers.ts'],
  coverageAnalysis: 'perTest',
  // The build machine has two cores shared with other jobs.
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress-append-only', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false, reportScoreTable: true },
  thresholds: { high: 85, low: 70, break: null },
  timeoutMS: 10000,
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['dist', 'lib', 'coverage', 'test-results', 'reports', 'assets'],
};
