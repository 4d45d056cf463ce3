/**
 * The jest tests that exercise src/engine through its public surface, for mutation testing
 * (`npm run mutate`). Adapter, CLI, browser and fuzz tests are left out (they test the hosts or
 * repeat engine tests with more runs), and property tests run 100 cases instead of 1,000: every
 * mutant runs the tests that cover it, on two shared cores.
 */
const base = require('./jest.config.js');

process.env.TB_PROPERTY_RUNS = '100';

// TB_MUTATE_TESTS narrows the tests: `engine` runs test/engine (enough for compute, rounding,
// numbers); a comma-separated list of paths under test/ (`engine/numbers,engine/numberTextEdges`)
// runs only the test files whose path starts with one of them; an entry ending in `.ts` names one
// file (`check/overview.test.ts`, without `check/overviewCatalogue`). Fewer tests can only kill fewer
// mutants, so a narrowed run gives a lower bound of the score.
const scope = process.env.TB_MUTATE_TESTS;
const testMatch =
  scope === undefined || scope === ''
    ? ['<rootDir>/test/engine/**/*.test.ts', '<rootDir>/test/check/**/*.test.ts']
    : scope === 'engine'
      ? ['<rootDir>/test/engine/**/*.test.ts']
      : scope.split(',').map((p) => (p.trim().endsWith('.ts') ? `<rootDir>/test/${p.trim()}` : `<rootDir>/test/${p.trim()}*.test.ts`));

/** @type {import('jest').Config} */
module.exports = { ...base, testMatch };
