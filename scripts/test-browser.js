/**
 * Browser tests of the add-in: builds dist/ (unless TB_SKIP_BUILD=1), then runs the jest tests in
 * test/browser/ against the harness in Debian's headless Chromium. Without /usr/bin/chromium it
 * says so and skips (exit 0); `.ci/run` installs Chromium, so CI always runs them.
 */
const { existsSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const CHROMIUM = '/usr/bin/chromium';
const root = path.resolve(__dirname, '..');

if (!existsSync(CHROMIUM)) {
  console.log(`SKIPPED browser tests: ${CHROMIUM} not found (apt-get install -y chromium)`);
  process.exit(0);
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
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
