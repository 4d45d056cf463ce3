/**
 * A package that installs: from the repository's tracked files alone (as a fresh clone has them,
 * without lib/), `npm pack` builds and packs the CLI and the library; installed into an empty
 * project, `tb --help`, `tb --version` and `require('teknisk-beregningsark')` work, and the
 * install pulls only the runtime dependencies (no React, no Fluent UI).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, tempDir } from './support/xlsx';

jest.setTimeout(240_000);

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir('tb-pack-')));
afterAll(() => tmp.cleanup());

function run(cmd: string, args: string[], cwd: string): string {
  const result = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    timeout: 200_000,
    env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' },
  });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

it('npm pack from a fresh checkout builds first; the installed tb and library work; only runtime dependencies come along', () => {
  // The tracked files of HEAD, as a clone has them (no lib/), with this checkout's node_modules for the build.
  const clone = path.join(tmp.dir, 'clone');
  mkdirSync(clone);
  const archive = execFileSync('git', ['archive', '--format=tar', 'HEAD'], { cwd: ROOT, maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', clone], { input: archive });
  // Files changed since HEAD are part of what is tested, too.
  for (const file of execFileSync('git', ['ls-files', '-m', '-o', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean)) {
    mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
    writeFileSync(path.join(clone, file), readFileSync(path.join(ROOT, file)));
  }
  expect(existsSync(path.join(clone, 'lib'))).toBe(false);
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(clone, 'node_modules'));

  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', tmp.dir], clone)) as { filename: string; files: { path: string }[] }[];
  const files = packed[0].files.map((f) => f.path);
  expect(files).toEqual(expect.arrayContaining(['lib/node/cli.js', 'lib/engine/index.js', 'lib/engine/index.d.ts', 'package.json', 'README.md']));
  expect(files.filter((f) => !f.startsWith('lib/') && !['package.json', 'README.md', 'LICENSE'].includes(f))).toEqual([]);

  const project = path.join(tmp.dir, 'bruger');
  mkdirSync(project);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'bruger', version: '1.0.0', private: true }));
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', path.join(tmp.dir, packed[0].filename)], project);

  const installed = readdirSync(path.join(project, 'node_modules')).filter((n) => !n.startsWith('.'));
  expect(installed).toEqual(expect.arrayContaining(['teknisk-beregningsark', 'exceljs', 'jszip', 'zod']));
  for (const heavy of ['react', 'react-dom', '@fluentui', 'webpack', 'typescript']) expect(installed).not.toContain(heavy);

  const tb = path.join(project, 'node_modules', '.bin', 'tb');
  const help = spawnSync(tb, ['--help'], { cwd: project, encoding: 'utf8' });
  expect(help.status).toBe(0);
  expect(help.stdout).toContain('tb compute');
  expect(spawnSync(tb, ['--version'], { cwd: project, encoding: 'utf8' }).stdout).toBe(`tb ${manifest.version}\n`);
  const example = path.join(project, 'forslag.json');
  writeFileSync(example, readFileSync(path.join(ROOT, 'examples', 'forslag4.json')));
  const computed = spawnSync(tb, ['compute', example, '--format', 'json'], { cwd: project, encoding: 'utf8' });
  expect(computed.status).toBe(0);

  const library = spawnSync(
    process.execPath,
    [
      '-e',
      "const tb = require('teknisk-beregningsark'); const r = tb.computeProposal(require('./forslag.json')); console.log(typeof tb.checkWorkbook, r.summary.payback.year)",
    ],
    { cwd: project, encoding: 'utf8' },
  );
  expect(library.stderr).toBe('');
  expect(library.stdout).toBe(`function ${JSON.parse(computed.stdout).summary.payback.year}\n`);
});

it('the README, engines and the toolchain agree on the Node version', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const min = /^>=(\d+\.\d+\.\d+)$/.exec(manifest.engines.node)?.[1];
  expect(min).toBeDefined();
  expect(readme).toContain(`Node ${min} or newer`);
  // Every installed package accepts that Node version (npm ci warns otherwise); semver is npm's own range parser.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const semver = require('semver') as { satisfies(v: string, range: string): boolean };
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { engines?: { node?: string } }> };
  const refusing = Object.entries(lock.packages)
    .filter(([name, p]) => name !== '' && p.engines?.node && !semver.satisfies(min!, p.engines.node))
    .map(([name, p]) => `${name} ${p.engines!.node}`);
  expect(refusing).toEqual([]);
  expect(semver.satisfies(process.versions.node, manifest.engines.node)).toBe(true);
});
