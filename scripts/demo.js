#!/usr/bin/env node
/**
 * `npm run demo` (after `npm run build:node`): runs the built `tb` on the bundled example,
 * Forslag 4 from the catalogue. Prints Tables A–E, builds a filled-in Teknisk beregningsark in
 * out/ (gitignored), computes it again as staff would after editing it, and checks it.
 */
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'lib', 'node', 'cli.js');
const example = path.join('examples', 'forslag4.json');
const workbook = path.join('out', 'forslag4.xlsx');

if (!existsSync(cli)) {
  console.error(`Fandt ikke ${path.relative(root, cli)}; kør "npm run build:node" først (npm run demo gør det).`);
  process.exit(2);
}

/** Runs one tb command as a person would type it; stops the demo on an unexpected exit code. */
function tb(args, allowed = [0]) {
  console.log(`\n$ tb ${args.join(' ')}`);
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
  if (run.error) throw run.error;
  if (!allowed.includes(run.status)) {
    console.error(`\nDemoen stoppede: tb ${args[0]} sluttede med kode ${run.status}.`);
    process.exit(run.status || 1);
  }
  return run.status;
}

mkdirSync(path.join(root, 'out'), { recursive: true });

// 1. The proposal as JSON: Tables A–E, summary and payback on screen.
tb(['compute', example]);

// 2. The same proposal as a filled-in template workbook, Tables A–E computed into it.
tb(['init', workbook, '--from', example, '--force']);

// 3. What staff do after editing the Input sheet: compute again, in place.
tb(['compute', workbook]);

// 4. The consistency check on the result (exit 1 would mean it found errors).
const checked = tb(['check', workbook], [0, 1]);

console.log(`\nDemo færdig. Skrev ${workbook} (åbn den i Excel: fanerne Vejledning, Input, Tabeller og Kvantum).`);
if (checked === 1) console.log('Bemærk: tjekket fandt fejl i arket; se listen ovenfor.');
