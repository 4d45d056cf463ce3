/**
 * The template round trip on real .xlsx files: tb init → a person fills it in (Danish number
 * text, hyphenated names, blank rows) → tb compute → the tables read back equal computeProposal.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  cellAt,
  cellText,
  computeProposal,
  parseNumber,
  resolveUnit,
  TEMPLATE_TABLES,
  type ProposalInput,
  type ProposalResult,
  type TableKey,
  type WorkbookSnapshot,
} from '../src/engine';
import { XlsxWorkbook } from '../src/node/xlsxAdapter';
import { editXlsx, ROOT, tb, tempDir, typeXlsx, xlsxCellModels } from './support/xlsx';

const FORSLAG4 = path.join(ROOT, 'examples', 'forslag4.json');

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

/** Tables A–E as they stand in the workbook: unit key (or "Total") → values, through the names. */
function tablesIn(snapshot: WorkbookSnapshot): Record<TableKey, Record<string, number[]>> {
  const out = {} as Record<TableKey, Record<string, number[]>>;
  for (const spec of TEMPLATE_TABLES) {
    const name = snapshot.names.find((n) => n.name === spec.name)!;
    const grid = snapshot.sheets.find((s) => s.name === name.sheet)!;
    const rows: Record<string, number[]> = {};
    for (let row = name.range.start.row + 1; row <= name.range.end.row; row++) {
      const label = cellText(cellAt(grid, row, name.range.start.col));
      const key = label === 'Total' ? 'Total' : resolveUnit(label)!.key;
      rows[key] = [];
      for (let col = 2; col <= name.range.end.col; col++) {
        const v = parseNumber(cellAt(grid, row, col));
        rows[key].push(v.kind === 'number' ? v.value : NaN);
      }
    }
    out[spec.key] = rows;
  }
  return out;
}

function expectedTables(result: ProposalResult): Record<TableKey, Record<string, number[]>> {
  const out = {} as Record<TableKey, Record<string, number[]>>;
  for (const spec of TEMPLATE_TABLES) {
    const t = result.tables[spec.key];
    out[spec.key] = { ...Object.fromEntries(t.rows.map((r) => [r.unit, r.values])), Total: t.total };
  }
  return out;
}

async function snapshotOf(file: string): Promise<WorkbookSnapshot> {
  return (await XlsxWorkbook.open(file)).read();
}

/** The value cells of Tables A–E (years × unit rows and Total), as `Tabeller!C8`-style keys. */
function outputCells(snapshot: WorkbookSnapshot): Set<string> {
  const cells = new Set<string>();
  for (const spec of TEMPLATE_TABLES) {
    const { range } = snapshot.names.find((n) => n.name === spec.name)!;
    for (let row = range.start.row + 1; row <= range.end.row; row++) {
      // From column B: the bevilling column is written from Input.
      for (let col = 1; col <= range.end.col; col++) cells.add(`Tabeller!${String.fromCharCode(65 + col)}${row + 1}`);
    }
  }
  // Tabel 1, the explanation and the Kvantum lines are the tool's in whole, labels included.
  for (const name of ['TB_Tabel1', 'TB_Forklaring', 'TB_Kvantum']) {
    const { range, sheet } = snapshot.names.find((n) => n.name === name)!;
    for (let row = range.start.row + (name === 'TB_Kvantum' ? 0 : 1); row <= range.end.row; row++) {
      for (let col = range.start.col; col <= range.end.col; col++) cells.add(`${sheet}!${String.fromCharCode(65 + col)}${row + 1}`);
    }
  }
  return cells;
}

describe('template round trip on .xlsx files', () => {
  it('init → fill in as people type → compute → tables equal computeProposal, nothing else touched', async () => {
    const file = tmp.file('forslag.xlsx');
    expect(await tb('init', file)).toMatchObject({ code: 0, stdout: expect.stringContaining(file) });

    await typeXlsx(file, {
      'Input!B3': 'Forslag 4 skrevet i hånden',
      'Input!A10': 'Effektivisering, Økonomiforvaltningen',
      'Input!B10': 'ØKF',
      'Input!D10': '-',
      'Input!E10': '-455',
      'Input!F10': '-455',
      'Input!G10': -455,
      'Input!H10': '-455',
      'Input!I10': '-455',
      // row 11 left blank on purpose
      'Input!A12': 'Effektivisering, Teknik- og Miljøforvaltningen',
      'Input!B12': 'Teknik- og Miljøud-valget',
      'Input!D12': '-0',
      'Input!E12': '-455',
      'Input!F12': '-2.000',
      'Input!G12': '-2.000',
      'Input!H12': '-2.000',
      'Input!I12': '-2.000',
      'Input!A21': 'Drift af system',
      'Input!B21': 'TMF',
      'Input!C21': 'ØU 25 %; TMU 75 %',
      'Input!E21': 345,
      'Input!F21': '345',
      'Input!G21': '345',
      'Input!H21': '345',
      'Input!I21': '345',
      'Input!A22': 'Tilpasning til arbejdsgange',
      'Input!B22': 'TMU',
      'Input!F22': '250',
      'Input!G22': '250',
      'Input!H22': '250',
      'Input!I22': '250',
      'Input!A30': 'Bevillingsflyt for drift af høringsportal',
      'Input!B30': 'Koncern IT',
      'Input!C30': 'Teknik- og Miljøudvalget',
      'Input!E30': '300',
      'Input!F30': '300',
      'Input!G30': '300',
      'Input!H30': '300',
      'Input!I30': '300',
      'Input!A37': 'Udvikling af it-system m.m.',
      'Input!B37': 'Anlæg',
      'Input!C37': 'TMU',
      'Input!D37': '2.745',
      'Input!E37': '2.195',
      'Input!A38': 'Service',
      'Input!B38': 'service',
      'Input!C38': 'TMU',
      'Input!D38': '1.380',
      'Input!E38': '1.380,0',
      // What staff do on the output sheet: fill the Kvantum column, leave a note on a value cell.
      'Tabeller!B8': 'Økonomisk forvaltning, service',
    });
    await editXlsx(file, (wb) => {
      wb.getWorksheet('Tabeller')!.getCell('D8').note = 'Aftalt med ØKF';
    });
    const before = await xlsxCellModels(file);

    const run = await tb('compute', file);
    expect(run).toEqual({ code: 0, stdout: `Skrev Tabel A–E og 44 Kvantum-linjer til ${file}.\n`, stderr: '' });

    const typed: ProposalInput = {
      priceLevel: 2025,
      years: [2024, 2025, 2026, 2027, 2028, 2029],
      effects: [
        { label: 'ØU', unit: 'ØU', amounts: [0, -455, -455, -455, -455, -455] },
        { label: 'TMU', unit: 'TMU', amounts: [0, -455, -2000, -2000, -2000, -2000] },
      ],
      operatingCosts: [
        { label: 'Drift', unit: 'TMU', amounts: [0, 345, 345, 345, 345, 345], financing: { ØU: 0.25, TMU: 0.75 } },
        { label: 'Tilpasning', unit: 'TMU', amounts: [0, 0, 250, 250, 250, 250] },
      ],
      transfers: [{ label: 'Flyt', from: 'KIT', to: 'TMU', amounts: [0, 300, 300, 300, 300, 300] }],
      investments: [
        { label: 'Anlæg', kind: 'anlæg', unit: 'TMU', amounts: [2745, 2195, 0, 0, 0, 0] },
        { label: 'Service', kind: 'service', unit: 'TMU', amounts: [1380, 1380, 0, 0, 0, 0] },
      ],
    };
    const after = await snapshotOf(file);
    expect(tablesIn(after)).toEqual(expectedTables(computeProposal(typed)));
    // The same numbers as the seed's Forslag 4.
    expect(tablesIn(after).A.TMU).toEqual([0, -196, -1491, -1491, -1491, -1491]);

    const models = await xlsxCellModels(file);
    const outputs = outputCells(after);
    for (const [ref, model] of before) {
      if (outputs.has(ref)) {
        const { style, note } = JSON.parse(model);
        expect([ref, JSON.parse(models.get(ref)!)]).toEqual([ref, expect.objectContaining({ style, note })]);
      } else {
        expect([ref, models.get(ref)]).toEqual([ref, model]);
      }
    }
    for (const ref of models.keys()) if (!before.has(ref)) expect(outputs.has(ref)).toBe(true);
    expect(JSON.parse(models.get('Tabeller!D8')!).note).toBe('Aftalt med ØKF');
  });

  it('init --from fills in and computes; compute --out leaves the input file as it was', async () => {
    const file = tmp.file('f4.xlsx');
    const out = tmp.file('f4-beregnet.xlsx');
    expect((await tb('init', file, '--from', FORSLAG4)).code).toBe(0);
    const proposal = JSON.parse(readFileSync(FORSLAG4, 'utf8'));
    expect(tablesIn(await snapshotOf(file))).toEqual(expectedTables(computeProposal(proposal)));

    await typeXlsx(file, { 'Input!E10': '-1.000' });
    const original = readFileSync(file);
    const run = await tb('compute', file, '--out', out, '--rounding', 'cell');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Skrev Tabel A–E og \\d+ Kvantum-linjer til ${out} \\(ud fra ${file}\\)\\.\n$`));
    expect(readFileSync(file).equals(original)).toBe(true);
    const changed = { ...proposal, effects: [{ ...proposal.effects[0], amounts: [0, -1000, -455, -455, -455, -455] }, proposal.effects[1]] };
    expect(tablesIn(await snapshotOf(out))).toEqual(expectedTables(computeProposal(changed, { rounding: 'cell' })));
  });

  it('computes again after staff add a row for a unit outside the eleven', async () => {
    const file = tmp.file('br.xlsx');
    await tb('init', file);
    await typeXlsx(file, { 'Input!A10': 'Borgerrådgiverens del', 'Input!B10': 'Borgerrådgiveren', 'Input!E10': -10 });
    const refused = await tb('compute', file);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Tabel A har ingen række til Borgerrådgiveren');

    // Staff rename the BIU row of every table to Borgerrådgiveren (a row inside each named range).
    const snapshot = await snapshotOf(file);
    const edits: Record<string, string> = {};
    for (const spec of TEMPLATE_TABLES) {
      const { range } = snapshot.names.find((n) => n.name === spec.name)!;
      edits[`Tabeller!A${range.end.row}`] = 'Borgerrådgiveren';
    }
    await typeXlsx(file, edits);
    expect((await tb('compute', file)).code).toBe(0);
    expect(tablesIn(await snapshotOf(file)).A.Borgerrådgiveren).toEqual([0, -10, 0, 0, 0, 0]);
  });

  it('reports what it cannot read, by cell, and leaves the file untouched', async () => {
    const file = tmp.file('fejl.xlsx');
    await tb('init', file);
    await typeXlsx(file, {
      'Input!A12': 'Effekt',
      'Input!B12': 'TMU',
      'Input!E12': '--43',
      'Input!A13': 'Effekt',
      'Input!B13': 'Sundheds- og Om-sorgsudvalget',
      'Input!C13': 'ØU 50 %; Rådhuset 50 %',
    });
    const original = readFileSync(file);
    const run = await tb('compute', file);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      `fejl: ${file}: Input!E12: »--43« er ikke et tal`,
      `fejl: ${file}: Input!C13: ukendt udvalg »Rådhuset« i nøglen`,
    ]);
    expect(readFileSync(file).equals(original)).toBe(true);
  });
});
