/**
 * Browser tests of the add-in: builds dist/ (unless TB_SKIP_BUILD=1), then runs the jest tests in
 * test/browser/ against the harness in Debian's headless Chromium (found by scripts/find-chromium.js).
 *
 * Without Chromium the tests cannot run. On a developer's machine that is said loudly and the script
 * exits 0; when `CI` is set (any value but "" / "0" / "false") it is a failure (exit 1), so CI never
 * goes green without the browser tests.
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { findChromium, expectedChromium } = require('./find-chromium.js');

const root = path.resolve(__dirname, '..');

function inCi(env = process.env) {
  const value = (env.CI ?? '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}

const chromiumPath = findChromium();
if (!chromiumPath) {
  const why = `${expectedChromium()} not found (apt-get install -y chromium, or set TB_CHROMIUM)`;
  if (inCi()) {
    console.error(`FAILED browser tests: cannot run them, ${why}. CI is set, so a skipped test is a failed test.`);
    process.exit(1);
  }
  console.log(`SKIPPED browser tests: ${why}. With CI set this is a failure.`);
  process.exit(0);
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, TB_CHROMIUM: chromiumPath } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// A production build needs its address; the tests serve dist/ themselves, so any https address does.
process.env.ADDIN_PRODUCTION_URL ??= 'https://teknisk-beregningsark.test/';
if (process.env.TB_SKIP_BUILD !== '1') run(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production']);

const config = {
  rootDir: root,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/browser/**/*.browser.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: { jsx: 'react-jsx', module: 'commonjs', isolatedModules: true } }] },
  testTimeout: 120000,
};
run(process.execPath, [require.resolve('jest/bin/jest'), '--config', JSON.stringify(config), '--runInBand', ...process.argv.slice(2)]);
