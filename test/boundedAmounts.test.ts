/**
 * Nothing hangs: an amount of 1e300 (a typo, a pasted formula result) once made `tb compute`
 * loop for ever in the largest-remainder rounding. Amounts are bounded (|x| < 10^12 thousand
 * kr.) in the proposal schema and the template reader; the CLI refuses such an amount at once,
 * naming its path or cell.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CLI, ROOT, STACK_TRACE, tb, tempDir, typeXlsx } from './support/xlsx';

const forslag4 = () => JSON.parse(readFileSync(path.join(ROOT, 'examples', 'forslag4.json'), 'utf8'));

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

describe('bounded amounts: an amount of 1e300 is refused, not computed for ever', () => {
  it("tb compute forslag.json as a process: exit 2 with the amount's path, well within the time limit", () => {
    const p = forslag4();
    p.effects[0].amounts[2] = 1e300;
    const file = tmp.file('stort.json');
    writeFileSync(file, JSON.stringify(p));
    const started = Date.now();
    // The process is killed after 20 s (the hang ran without end); tsx start-up alone takes a second or two here.
    const run = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'compute', file], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
    const seconds = (Date.now() - started) / 1000;
    expect({ signal: run.signal, status: run.status }).toEqual({ signal: null, status: 2 });
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `fejl: ${file}: effects[0].amounts[2]: beløbet 1e+300 er uden for det mulige: et beløb i 1.000 kr. skal ligge numerisk under 1.000.000.000.000\n`,
    );
    expect(seconds).toBeLessThan(20);
  });

  it('in-process, the refusal itself takes well under a second', async () => {
    const p = forslag4();
    p.operatingCosts[0].amounts[1] = -1e300;
    p.investments[0].amounts[0] = 1e12;
    const file = tmp.file('stort.json');
    writeFileSync(file, JSON.stringify(p));
    const started = performance.now();
    const run = await tb('compute', file);
    const ms = performance.now() - started;
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      `fejl: ${file}: operatingCosts[0].amounts[1]: beløbet -1e+300 er uden for det mulige: et beløb i 1.000 kr. skal ligge numerisk under 1.000.000.000.000`,
      `fejl: ${file}: investments[0].amounts[0]: beløbet 1.000.000.000.000 er uden for det mulige: et beløb i 1.000 kr. skal ligge numerisk under 1.000.000.000.000`,
    ]);
    expect(ms).toBeLessThan(1000);
  });

  it('with --locale en the same refusal is in English', async () => {
    const p = forslag4();
    p.effects[0].amounts[2] = 1e300;
    const file = tmp.file('stort.json');
    writeFileSync(file, JSON.stringify(p));
    const run = await tb('compute', file, '--locale', 'en');
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: ${file}: effects[0].amounts[2]: the amount 1e+300 is out of range: an amount in DKK 1,000 must be numerically below 1,000,000,000,000\n`,
    });
  });

  it('tb compute forslag.xlsx: 1e300 typed on the Input sheet is refused with its cell, and nothing is written', async () => {
    const file = tmp.file('forslag.xlsx');
    const json = tmp.file('forslag.json');
    writeFileSync(json, JSON.stringify(forslag4()));
    expect((await tb('init', file, '--from', json)).code).toBe(0);
    await typeXlsx(file, { 'Input!F10': 1e300, 'Input!G10': '-2e15' });
    const before = readFileSync(file);
    const run = await tb('compute', file);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    const lines = run.stderr.split('\n').filter(Boolean);
    expect(lines).toContain(
      `fejl: ${file}: Input!F10: beløbet 1e+300 er uden for det mulige: et beløb i 1.000 kr. skal ligge numerisk under 1.000.000.000.000`,
    );
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
