/**
 * The `tb` CLI: exit codes, Danish messages, one line per problem and never a stack trace.
 * The first block runs the real binary path (node + tsx) as a shell would; the rest run
 * in-process through the same `runCli`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { computeProposal } from '../src/engine';
import { EXIT } from '../src/node/cli';
import { ROOT, STACK_TRACE, tb, tbProcess, tempDir } from './support/xlsx';

const FORSLAG4 = path.join(ROOT, 'examples', 'forslag4.json');
const forslag4 = () => JSON.parse(readFileSync(FORSLAG4, 'utf8'));

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

function writeJson(name: string, data: unknown): string {
  const file = tmp.file(name);
  writeFileSync(file, JSON.stringify(data));
  return file;
}

describe('issue 2, done when: tb as a process', () => {
  it('compute examples/forslag4.json --format json prints exactly what computeProposal returns', () => {
    const run = tbProcess(['compute', 'examples/forslag4.json', '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(computeProposal(forslag4()))));
  });

  it('exits 2 with one line per problem and no stack trace for an invalid proposal', () => {
    const p = forslag4();
    p.operatingCosts[0].financing = { ØU: 0.25, TMU: 0.65 };
    p.effects[0].amounts = [0, -455, -455];
    p.transfers[0].from = 'Rådhuset';
    const file = writeJson('ugyldig.json', p);
    const run = tbProcess(['compute', file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      `fejl: ${file}: effects[0].amounts: har 3 beløb, men forslaget har 6 år (2024–2029)`,
      `fejl: ${file}: operatingCosts[0].financing: andelene summerer til 0,9, men skal summere til 1`,
      expect.stringMatching(new RegExp(`^fejl: ${file}: transfers\\[0\\]\\.from: ukendt udvalg "Rådhuset"`)),
    ]);
  });

  it('exits 2 for a CSV renamed .xlsx, with a Danish line and no stack trace', () => {
    const file = tmp.file('data.xlsx');
    writeFileSync(file, 'Udvalg;2025\nØU;-369\n');
    const run = tbProcess(['compute', file]);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `fejl: ${file}: er en tekstfil (fx CSV) med filtypen .xlsx, ikke en Excel-projektmappe; åbn den i Excel og gem den som .xlsx\n`,
    });
  });
});

describe('tb compute', () => {
  it('prints Tables A–E as the catalogue shows them, with summary and payback', async () => {
    const run = await tb('compute', FORSLAG4);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines).toContain('Tabel A. Måltalseffekt - hvis forslaget indarbejdes (nettoeffektivisering)');
    expect(lines).toContain('Tabel E. Fordeling af serviceinvesteringer mellem udvalg');
    expect(lines.find((l) => l.startsWith('Udvalg'))).toMatch(/^Udvalg\s+1\.000 kr\. 2025 p\/l$/);
    expect(lines.filter((l) => l.startsWith('Teknik- og Miljøudvalget'))[0].split(/\s{2,}/)).toEqual([
      'Teknik- og Miljøudvalget',
      'Service',
      '0',
      '-196',
      '-1.491',
      '-1.491',
      '-1.491',
      '-1.491',
    ]);
    expect(lines.filter((l) => l.startsWith('Koncernservice'))[0].split(/\s{2,}/)).toEqual(['Koncernservice', 'Service', '0', '0', '0', '0', '0', '0']);
    expect(
      lines
        .filter((l) => l.startsWith('Total'))
        .map((l) =>
          l
            .split(/\s{2,}/)
            .slice(1)
            .join(' '),
        ),
    ).toEqual(['0 -565 -1.860 -1.860 -1.860 -1.860', '0 0 0 0 0 0', '0 -565 -1.860 -1.860 -1.860 -1.860', '2.745 2.195 0 0 0 0', '1.380 1.380 0 0 0 0']);
    expect(lines).toContain('Tilbagebetalingstid baseret på totaløkonomi: 6 år (2029)');
  });

  it('rounds cell by cell on request', async () => {
    const run = await tb('compute', FORSLAG4, '--format', 'json', '--rounding', 'cell');
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(computeProposal(forslag4(), { rounding: 'cell' }))));
  });

  it.each([
    [['compute'], 'tb compute mangler en fil'],
    [['compute', FORSLAG4, '--format', 'xml'], '--format skal være table eller json (fik xml)'],
    [['compute', FORSLAG4, '--rounding', 'op'], '--rounding skal være total eller cell'],
    [['compute', FORSLAG4, '--out', 'x.xlsx'], '--out gælder kun for et ark'],
    [['compute', FORSLAG4, '--hurtigt'], 'tb compute kender ikke tilvalget --hurtigt'],
    [['beregn', FORSLAG4], 'ukendt kommando "beregn"'],
  ])('refuses a bad command line %j with exit 2', async (args, message) => {
    const run = await tb(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`fejl: ${message}`);
    expect(run.stderr).toContain('Se tb --help.');
  });

  it('exits 2 for unreadable files: missing, empty, .xls, broken JSON', async () => {
    const empty = tmp.file('tom.xlsx');
    writeFileSync(empty, '');
    const xls = tmp.file('gammel.xls');
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const broken = tmp.file('brudt.json');
    writeFileSync(broken, '{"priceLevel": 2025,');
    const cases: [string, string][] = [
      [tmp.file('mangler.xlsx'), 'filen findes ikke'],
      [tmp.file('mangler.json'), 'filen findes ikke'],
      [empty, 'er tom (0 byte)'],
      [xls, 'er en gammel Excel-fil (.xls)'],
      [broken, 'er ikke gyldig JSON'],
      [tmp.file('data.csv'), 'tb compute læser et Teknisk beregningsark'],
    ];
    for (const [file, message] of cases) {
      const run = await tb('compute', file);
      expect([file, run.code]).toEqual([file, 2]);
      expect(run.stderr.startsWith(`fejl: ${file}: ${message}`)).toBe(true);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('prints "Uventet fejl" and exits 70 on an error it did not expect', async () => {
    const file = writeJson('underlig.json', forslag4());
    const spy = jest.spyOn(JSON, 'stringify').mockImplementation(() => {
      throw new Error('noget gik galt');
    });
    try {
      const run = await tb('compute', file, '--format', 'json');
      expect(run).toEqual({ code: 70, stdout: '', stderr: 'Uventet fejl: noget gik galt\n' });
    } finally {
      spy.mockRestore();
    }
  });
});

describe('tb init', () => {
  it('refuses to overwrite a file without --force', async () => {
    const file = tmp.file('ark.xlsx');
    expect((await tb('init', file)).code).toBe(0);
    const again = await tb('init', file);
    expect(again).toEqual({ code: 2, stdout: '', stderr: `fejl: ${file} findes allerede; brug --force for at overskrive den\n` });
    expect((await tb('init', file, '--force')).code).toBe(0);
  });

  it('refuses an invalid proposal, located in the JSON file, and writes nothing', async () => {
    const p = forslag4();
    p.years = [2024, 2025];
    const json = writeJson('kort.json', p);
    const file = tmp.file('ark.xlsx');
    const run = await tb('init', file, '--from', json);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`fejl: ${json}: effects[0].amounts: har 6 beløb, men forslaget har 2 år`);
    expect(existsSync(file)).toBe(false);
  });

  it('takes years and price level for an empty template', async () => {
    const file = tmp.file('ark.xlsx');
    expect((await tb('init', file, '--years', '2025-2028', '--price-level', '2025')).code).toBe(0);
    expect(await tb('init', file, '--force', '--years', '2025')).toMatchObject({ code: 2, stderr: expect.stringContaining('--years skal være et interval') });
  });
});

describe('tb check', () => {
  it('prints JSON findings and tables, and exits 0 when there are no errors', async () => {
    const file = tmp.file('ark.xlsx');
    await tb('init', file, '--from', FORSLAG4);
    const run = await tb('check', file, '--format', 'json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report)).toEqual(['findings', 'tables']);
    for (const f of report.findings) expect(f).not.toHaveProperty('params');
  });

  it('prints counts per severity first, in Danish', async () => {
    const file = tmp.file('ark.xlsx');
    await tb('init', file);
    const run = await tb('check', file);
    expect(run.stdout.split('\n')[0]).toMatch(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\d+ fejl, \\d+ advars(el|ler), \\d+ bemærkning(er)?\\.$`),
    );
  });

  it('writes an annotated copy', async () => {
    const file = tmp.file('ark.xlsx');
    const annotated = tmp.file('ark-noter.xlsx');
    await tb('init', file);
    const run = await tb('check', file, '--annotate', annotated);
    expect(run.stdout).toContain(`Skrev ${annotated}`);
    expect(existsSync(annotated)).toBe(true);
  });

  it('exits 2 for a file it cannot read', async () => {
    const file = tmp.file('data.xlsx');
    writeFileSync(file, 'a;b\n');
    expect((await tb('check', file)).code).toBe(2);
  });
});

describe('tb convert', () => {
  it('converts service amounts with a CSV index, anlæg only on request', async () => {
    const index = tmp.file('indeks.csv');
    writeFileSync(index, 'år;indeks\n2025;100,0\n2026;102,5\n');
    const run = await tb('convert', FORSLAG4, '--to', '2026', '--index', index);
    expect(run.code).toBe(0);
    const converted = JSON.parse(run.stdout);
    expect(converted.priceLevel).toBe(2026);
    expect(converted.effects[0].amounts[1]).toBeCloseTo(-455 * 1.025, 9);
    expect(converted.investments[0].amounts).toEqual([1500, 1050, 0, 0, 0, 0]);
    expect(converted.investments[4].amounts[0]).toBeCloseTo(345 * 1.025, 9);

    const withAnlaeg = JSON.parse((await tb('convert', FORSLAG4, '--to', '2026', '--index', index, '--anlaeg')).stdout);
    expect(withAnlaeg.investments[0].amounts[0]).toBeCloseTo(1500 * 1.025, 9);
  });

  it('reads JSON lists and comma-separated CSV, and lists every bad line', async () => {
    const list = tmp.file('indeks.json');
    writeFileSync(list, '[{"år": 2025, "indeks": 100}, [2027, "104,5"]]');
    const to2027 = JSON.parse((await tb('convert', FORSLAG4, '--to', '2027', '--index', list)).stdout);
    expect(to2027.operatingCosts[0].amounts[1]).toBeCloseTo(345 * 1.045, 9);

    const bad = tmp.file('indeks.csv');
    writeFileSync(bad, '2025,100\n2026,-3\n20x7,104\n2025,101\n');
    const run = await tb('convert', FORSLAG4, '--to', '2026', '--index', bad);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      `fejl: ${bad}: Pris- og lønindekset kan ikke læses:`,
      'fejl: linje 2: indekset for 2026 skal være et positivt tal',
      'fejl: linje 3: "20x7" er ikke et årstal',
      'fejl: linje 4: året 2025 står der to gange',
    ]);
  });

  it('exits 2 when the index lacks a year', async () => {
    const index = tmp.file('indeks.json');
    writeFileSync(index, '{"2026": 102.5}');
    const run = await tb('convert', FORSLAG4, '--to', '2026', '--index', index);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`fejl: ${index}: Pris- og lønindekset mangler 2025`);
  });
});

describe('tb --help', () => {
  it('explains every command in Danish, also one by one', async () => {
    const general = await tb('--help');
    expect(general.code).toBe(0);
    for (const command of ['init', 'compute', 'check', 'convert']) expect(general.stdout).toContain(`tb ${command}`);
    const compute = await tb('compute', '--help');
    expect(compute.stdout).toContain('--rounding total|cell');
    expect((await tb('help', 'check')).stdout).toContain('--annotate');
  });

  it('names every exit code the CLI uses, in the general help and in the help of check', async () => {
    const general = (await tb('--help')).stdout;
    const check = (await tb('help', 'check')).stdout;
    for (const code of Object.values(EXIT)) {
      expect(general).toMatch(new RegExp(`\\b${code} `));
      expect(check).toMatch(new RegExp(`\\b${code}: `));
    }
  });
});
