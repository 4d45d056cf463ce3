/**
 * The one place that decides which Chromium the browser tests drive. `.ci/run` calls it to decide
 * whether to install Chromium, `scripts/test-browser.js` to decide whether the tests can run.
 *
 * Order: `TB_CHROMIUM` if set (a path; set it to a missing path to simulate a machine without
 * Chromium), else `/usr/bin/chromium` (Debian's package). Never a downloaded browser.
 *
 * As a command: prints the path and exits 0, or says what is missing on stderr and exits 1.
 */
const { accessSync, constants } = require('node:fs');

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The Chromium executable to use, or null when it is not there (or not executable). */
function findChromium(env = process.env) {
  const candidate = env.TB_CHROMIUM || DEFAULT_CHROMIUM;
  try {
    accessSync(candidate, constants.X_OK);
    return candidate;
  } catch {
    return null;
  }
}

/** The path findChromium looks at, for messages. */
function expectedChromium(env = process.env) {
  return env.TB_CHROMIUM || DEFAULT_CHROMIUM;
}

module.exports = { findChromium, expectedChromium, DEFAULT_CHROMIUM };

if (require.main === module) {
  const found = findChromium();
  if (found) {
    console.log(found);
  } else {
    console.error(`Chromium not found at ${expectedChromium()} (apt-get install -y chromium, or set TB_CHROMIUM)`);
    process.exit(1);
  }
}
