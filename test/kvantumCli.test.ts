/**
 * Kvantum lines as CSV: the format Danish Excel opens (checked by LibreOffice Calc with the Danish
 * locale, a CSV reader nobody here wrote), and `tb kvantum` on JSON and on a filled-in template.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { computeProposal, csvNumber, kvantumCsv, type ProposalResult } from '../src/engine';
import { ROOT, tb, tempDir } from './support/xlsx';

const example = (name: string) => path.join(ROOT, 'examples', name);
const load = (name: string) => JSON.parse(readFileSync(example(name), 'utf8'));

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir('tb-kvantum-')));
afterEach(() => tmp.cleanup());

/** Σ of the lines per table, unit and year against the same sums of the tables' rows. */
function expectLinesMatchTables(lines: { table: string; unit: string; year: number; amount: number }[], result: ProposalResult) {
  const sums = new Map<string, number>();
  for (const l of lines) sums.set(`${l.table}|${l.unit}|${l.year}`, (sums.get(`${l.table}|${l.unit}|${l.year}`) ?? 0) + l.amount);
  const want = new Map<string, number>();
  for (const [table, t] of Object.entries(result.tables)) {
    for (const row of t.rows) {
      row.values.forEach((v, y) => {
        if (v === 0) return;
        const id = `${table}|${row.unit}|${result.years[y]}`;
        want.set(id, (want.get(id) ?? 0) + v);
      });
    }
  }
  expect(Object.fromEntries(sums)).toEqual(Object.fromEntries(want));
}

describe('kvantumCsv', () => {
  const result = computeProposal(load('bc01.json'));
  const csv = kvantumCsv(result);

  it('starts with a byte-order mark and a Danish header, separates by semicolons and ends lines with CRLF', () => {
    expect(csv.startsWith('\uFEFFTabel;Udvalg;Navn;Bevilling, profitcenter mv.;Styringsområde;År;Beløb (1.000 kr. 2025 p/l)\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toContain('D;KS;Koncernservice;3190, KS anlæg;Anlæg;2026;2250');
    expect(csv.split('\r\n').filter((l) => l !== '')).toHaveLength(result.kvantum.length + 1);
  });

  it('writes decimal commas and quotes fields holding a semicolon or a quote', () => {
    expect(csvNumber(-1.5)).toBe('-1,5');
    expect(csvNumber(-0)).toBe('0');
    const odd = computeProposal({
      title: 't',
      priceLevel: 2025,
      years: [2025],
      effects: [{ label: 'e', unit: 'TMU', bevilling: '3190; "drift"', amounts: [-7] }],
    });
    expect(kvantumCsv(odd).split('\r\n')[1]).toBe('A;TMU;Teknik- og Miljøudvalget;"3190; ""drift""";Service;2025;-7');
  });
});

describe('tb kvantum', () => {
  it('prints the lines of a proposal in JSON and writes them with --out', async () => {
    const printed = await tb('kvantum', example('bc02.json'));
    expect(printed.code).toBe(0);
    expect(printed.stdout).toBe(kvantumCsv(computeProposal(load('bc02.json'))));
    const out = tmp.file('linjer.csv');
    const written = await tb('kvantum', example('bc02.json'), '--out', out);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe(`Skrev ${out}: ${computeProposal(load('bc02.json')).kvantum.length} linjer til Kvantum (1.000 kr. 2025 p/l).\n`);
    expect(readFileSync(out, 'utf8')).toBe(printed.stdout);
  });

  it('reads a filled-in template and leaves it as it was', async () => {
    const xlsx = tmp.file('forslag4.xlsx');
    expect((await tb('init', xlsx, '--from', example('forslag4.json'))).code).toBe(0);
    const before = readFileSync(xlsx);
    const run = await tb('kvantum', xlsx);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(kvantumCsv(computeProposal(load('forslag4.json'))));
    expect(readFileSync(xlsx).equals(before)).toBe(true);
  });

  it('refuses other files and invalid proposals with a Danish line and exit 2', async () => {
    const wrong = await tb('kvantum', example('bc01.json'), '--out', tmp.file('linjer.txt'));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^fejl: --out skal være en \.csv-fil/);
    const bad = { ...load('bc01.json'), keys: { Timer: { ØKF: 0 } } };
    const file = tmp.file('ugyldig.json');
    writeFileSync(file, JSON.stringify(bad));
    const invalid = await tb('kvantum', file);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('keys.Timer: nøglen "Timer" summerer til 0');
  });
});

describe('a proposal implemented in another price level', () => {
  const proposal = {
    title: 'Udarbejdet i 2025 p/l, udmøntes i 2024 p/l',
    priceLevel: 2025,
    implementedPriceLevel: 2024,
    years: [2025, 2026],
    effects: [{ label: 'e', unit: 'TMU', amounts: [-1000, -2000] }],
    investments: [{ label: 'i', kind: 'anlæg', unit: 'TMU', amounts: [500, 0] }],
  };
  const index = new Map([
    [2024, 96],
    [2025, 100],
  ]);

  it('computes the tables again in the implemented level through the index (service only, anlæg on request)', () => {
    const r = computeProposal(proposal, { priceIndex: index });
    expect(r.tables.A.total).toEqual([-1000, -2000]);
    expect(r.implemented!.priceLevel).toBe(2024);
    expect(r.implemented!.tables.A.total).toEqual([-960, -1920]);
    expect(r.implemented!.tables.D.total).toEqual([500, 0]);
    expect(computeProposal(proposal, { priceIndex: index, convertAnlaeg: true }).implemented!.tables.D.total).toEqual([480, 0]);
    expect(computeProposal(proposal).implemented).toBeUndefined();
  });

  it('tb kvantum asks for the index, then writes the lines in the implemented level', async () => {
    const file = tmp.file('udmoentes.json');
    writeFileSync(file, JSON.stringify(proposal));
    const missing = await tb('kvantum', file);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('fejl: forslaget er i 2025 p/l og udmøntes i 2024 p/l; angiv pris- og lønindekset med --index FIL\nSe tb --help.\n');
    const indexFile = tmp.file('indeks.csv');
    writeFileSync(indexFile, '2024;96\n2025;100\n');
    const run = await tb('kvantum', file, '--index', indexFile);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\r\n').slice(0, 3)).toEqual([
      '\uFEFFTabel;Udvalg;Navn;Bevilling, profitcenter mv.;Styringsområde;År;Beløb (1.000 kr. 2024 p/l)',
      'A;TMU;Teknik- og Miljøudvalget;Service;Service;2025;-960',
      'A;TMU;Teknik- og Miljøudvalget;Service;Service;2026;-1920',
    ]);
  });
});

describe('tb compute --format table', () => {
  it('prints a row per unit and bevilling with the column "Bevilling, profitcenter mv." filled', async () => {
    const file = tmp.file('to-bevillinger.json');
    writeFileSync(
      file,
      JSON.stringify({
        title: 'To bevillinger',
        priceLevel: 2025,
        years: [2025, 2026],
        effects: [
          { label: 'service', unit: 'BIF', amounts: [-1000, -2000] },
          { label: 'overførsler', unit: 'BIF', bevilling: 'Efterspørgselsstyret', amounts: [-43142, -43142] },
        ],
      }),
    );
    const run = await tb('compute', file);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.filter((l) => l.includes('Bevilling, profitcenter mv.'))).toHaveLength(5);
    const biu = lines.filter((l) => l.startsWith('Beskæftigelses- og Integrationsudvalget')).slice(0, 2);
    expect(biu.map((l) => l.split(/\s{2,}/))).toEqual([
      ['Beskæftigelses- og Integrationsudvalget', 'Service', '-1.000', '-2.000'],
      ['Beskæftigelses- og Integrationsudvalget', 'Efterspørgselsstyret', '-43.142', '-43.142'],
    ]);
  });
});

describe('Danish Excel opens the CSV (LibreOffice Calc, Danish locale)', () => {
  it('gives one row per line with the amounts as numbers, æ/ø/å intact and "3190, KS anlæg" in one cell', async () => {
    const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
    if (!soffice) throw new Error('LibreOffice (soffice) is needed for this test and is not installed');
    for (const name of ['bc01.json', 'forslag5.json']) {
      const csvFile = tmp.file(name.replace('.json', '.csv'));
      expect((await tb('kvantum', example(name), '--out', csvFile)).code).toBe(0);
      // 59 = ';', 34 = '"', 76 = UTF-8, first line 1, locale 1030 = Danish.
      const run = spawnSync(
        soffice,
        [
          `-env:UserInstallation=file://${tmp.dir}/lo-profile`,
          '--headless',
          '--infilter=CSV:59,34,76,1,,1030',
          '--convert-to',
          'xlsx',
          '--outdir',
          tmp.dir,
          csvFile,
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      const xlsx = csvFile.replace(/\.csv$/, '.xlsx');
      expect([run.status, existsSync(xlsx)]).toEqual([0, true]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(xlsx);
      const ws = wb.worksheets[0];
      const header = (ws.getRow(1).values as unknown[]).slice(1);
      expect(header).toEqual(['Tabel', 'Udvalg', 'Navn', 'Bevilling, profitcenter mv.', 'Styringsområde', 'År', 'Beløb (1.000 kr. 2025 p/l)']);
      const lines: { table: string; unit: string; year: number; amount: number }[] = [];
      const names = new Set<unknown>();
      for (let r = 2; r <= ws.rowCount; r++) {
        const [table, unit, unitName, , , year, amount] = (ws.getRow(r).values as unknown[]).slice(1);
        expect([typeof year, typeof amount]).toEqual(['number', 'number']);
        names.add(unitName);
        lines.push({ table: String(table), unit: String(unit), year: year as number, amount: amount as number });
      }
      const result = computeProposal(load(name));
      expect(lines).toHaveLength(result.kvantum.length);
      expect(names).toContain('Økonomiudvalget');
      expectLinesMatchTables(lines, result);
      if (name === 'bc01.json') expect(ws.getCell(`D${ws.rowCount}`).value).toBe('3190, KS anlæg');
    }
  }, 240_000);
});
