/**
 * The template's Kvantum sheet: "Beregn tabeller" and `tb compute FILE.xlsx` write the same lines
 * as `tb kvantum`, blank the rows they wrote last time and no longer need, add the sheet to a
 * workbook made with the older three-sheet template, and never write into a "Kvantum" sheet a
 * person made. Through the engine, `tb compute` on real .xlsx files (read back with ExcelJS) and
 * the in-memory Excel.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import {
  computeProposal,
  kvantumCsv,
  readTemplate,
  tableWrites,
  templateChanges,
  type ProposalInput,
  type ProposalResult,
  type WorkbookChanges,
  type WorkbookSnapshot,
} from '../src/engine';
import { OfficeWorkbook } from '../src/excel/OfficeWorkbook';
import { FakeExcel, workbookFromRows, type WorkbookModel } from '../src/excel/fake';
import { XlsxWorkbook } from '../src/node/xlsxAdapter';
import { ROOT, snapshotFromChanges, tb, tempDir, type, valueAt } from './support/xlsx';
import { problemLines } from './support/proposals';

const load = (name: string): ProposalInput => JSON.parse(readFileSync(path.join(ROOT, 'examples', name), 'utf8'));
const forslag4 = load('forslag4.json');
const HEADER = ['Tabel', 'Enhed', 'Bevilling/profitcenter', 'Styringsområde', 'År', 'Beløb (1.000 kr.)'];
/** Excel row of the header on a sheet the tool makes; the lines follow it. */
const HEADER_ROW = 5;

/** A smaller proposal over the same years: fewer lines than Forslag 4. */
const small: ProposalInput = {
  title: 'lille',
  priceLevel: 2025,
  years: forslag4.years,
  effects: [{ label: 'e', unit: 'KFU', amounts: [0, 0, -10, -10, -10, -10] }],
};

/** The lines as `tb kvantum` writes them, as rows of the Kvantum sheet (the unit by its name). */
function csvRows(result: ProposalResult): (string | number)[][] {
  return kvantumCsv(result)
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .slice(1)
    .filter((l) => l !== '')
    .map((l) => {
      const [table, , name, bevilling, styring, year, amount] = l.split(';');
      return [table, name, bevilling.replace(/^"|"$/g, ''), styring, Number(year), Number(amount.replace(',', '.'))];
    });
}

/** Rows of a snapshot's sheet from Excel row `from`, first six columns, as plain values; stops at the first empty row. */
function sheetRows(s: WorkbookSnapshot, sheet: string, from: number): (string | number)[][] {
  const grid = s.sheets.find((g) => g.name === sheet)!;
  const rows: (string | number)[][] = [];
  for (let r = from - 1; r < grid.cells.length; r++) {
    const row = Array.from({ length: 6 }, (_, c) => {
      const v = grid.cells[r]?.[c];
      return v && (v.kind === 'number' || v.kind === 'text') ? v.value : '';
    });
    if (row.every((v) => v === '')) break;
    rows.push(row);
  }
  return rows;
}

/** The template as the older version made it: no Kvantum sheet, no TB_Kvantum. */
function olderTemplate(proposal?: ProposalInput): WorkbookChanges {
  const changes = templateChanges(proposal);
  return { addSheets: changes.addSheets!.filter((s) => s.name !== 'Kvantum'), names: changes.names!.filter((n) => n.name !== 'TB_Kvantum') };
}

describe('the Kvantum sheet of the template (engine)', () => {
  const filled = snapshotFromChanges(templateChanges(forslag4));
  const result = computeProposal(forslag4);

  it('an empty template has the sheet with its header and the name over it', () => {
    const s = snapshotFromChanges(templateChanges());
    expect(s.sheets.map((g) => g.name)).toEqual(['Vejledning', 'Input', 'Tabeller', 'Kvantum']);
    expect(sheetRows(s, 'Kvantum', HEADER_ROW)).toEqual([HEADER]);
    expect(s.names.find((n) => n.name === 'TB_Kvantum')).toEqual({
      name: 'TB_Kvantum',
      sheet: 'Kvantum',
      range: { start: { row: 4, col: 0 }, end: { row: 4, col: 5 } },
    });
  });

  it('Beregn tabeller writes the same lines as tb kvantum, under the header, and moves the name over them', () => {
    const changes = tableWrites(filled, result);
    const after = snapshotFromChanges(changes, filled);
    expect(result.kvantum.length).toBeGreaterThan(10);
    expect(sheetRows(after, 'Kvantum', HEADER_ROW)).toEqual([HEADER, ...csvRows(result)]);
    expect(changes.names).toEqual([
      { name: 'TB_Kvantum', sheet: 'Kvantum', range: { start: { row: 4, col: 0 }, end: { row: 4 + result.kvantum.length, col: 5 } } },
    ]);
    expect(changes.addSheets).toBeUndefined();
  });

  it('a computation with fewer lines blanks the rows it wrote last time, and writes nowhere else on the sheet', () => {
    const once = snapshotFromChanges(tableWrites(filled, result), filled);
    const below = `Kvantum!A${HEADER_ROW + result.kvantum.length + 2}`;
    const typed = type(once, { 'Kvantum!H6': 'min egen note', [below]: 'under linjerne' });
    const smaller = computeProposal(small);
    const changes = tableWrites(typed, smaller);
    const after = snapshotFromChanges(changes, typed);
    expect(sheetRows(after, 'Kvantum', HEADER_ROW)).toEqual([HEADER, ...csvRows(smaller)]);
    expect(smaller.kvantum.length).toBeLessThan(result.kvantum.length);
    const lastOld = HEADER_ROW + result.kvantum.length;
    for (let row = HEADER_ROW + smaller.kvantum.length + 1; row <= lastOld; row++) expect(valueAt(after, `Kvantum!F${row}`)).toEqual({ kind: 'empty' });
    const kvantumWrites = (changes.cells ?? []).filter((w) => w.sheet === 'Kvantum');
    for (const w of kvantumWrites) {
      expect(w.col).toBeLessThan(6);
      expect(w.row).toBeGreaterThanOrEqual(HEADER_ROW - 1);
      expect(w.row).toBeLessThan(lastOld);
    }
    expect(valueAt(after, 'Kvantum!H6')).toEqual({ kind: 'text', value: 'min egen note' });
    expect(valueAt(after, below)).toEqual({ kind: 'text', value: 'under linjerne' });
    expect(changes.names![0].range.end.row).toBe(HEADER_ROW - 1 + smaller.kvantum.length);
  });

  it('refuses, writing nothing, when more lines would overwrite what a person wrote under the last ones', () => {
    const smaller = computeProposal(small);
    const once = snapshotFromChanges(tableWrites(filled, smaller), filled);
    const row = HEADER_ROW + smaller.kvantum.length + 3;
    const typed = type(once, { [`Kvantum!C${row}`]: 'min egen tekst' });
    expect(problemLines(() => tableWrites(typed, result))).toEqual([
      `Kvantum!A${row}:F${row}: Kvantum-linjerne skal bruge rækkerne ${HEADER_ROW + smaller.kvantum.length + 1}–${HEADER_ROW + result.kvantum.length} under linjerne fra sidste beregning, men række ${row} er ikke tom; flyt det, der står dér, og beregn igen`,
    ]);
    // Just below the lines is fine once it is clear again.
    expect(() => tableWrites(type(typed, { [`Kvantum!C${row}`]: null }), result)).not.toThrow();
  });

  it('adds the sheet to a workbook made with the older three-sheet template', () => {
    const older = snapshotFromChanges(olderTemplate(forslag4));
    const changes = tableWrites(older, result);
    expect(changes.addSheets!.map((s) => s.name)).toEqual(['Kvantum']);
    const after = snapshotFromChanges(changes, older);
    expect(sheetRows(after, 'Kvantum', HEADER_ROW)).toEqual([HEADER, ...csvRows(result)]);
    expect(valueAt(after, 'Kvantum!A4')).toEqual({ kind: 'text', value: '1.000 kr. 2025 p/l' });
    // The tables are written as before.
    expect(valueAt(after, 'Tabeller!E17')).toEqual({ kind: 'number', value: -1491 });
  });

  it('never writes into a sheet named Kvantum that it did not make', () => {
    const older = snapshotFromChanges(olderTemplate(forslag4));
    older.sheets.push({ name: 'kvantum', cells: [[{ kind: 'text', value: 'Mine egne linjer' }]] });
    expect(problemLines(() => tableWrites(older, result))).toEqual([
      'kvantum: arket »kvantum« er ikke lavet af Teknisk beregningsark, så Kvantum-linjerne skrives ikke dér; omdøb arket (fx til »kvantum (egen)«), og beregn igen',
    ]);
  });

  it('words its problems in English when asked, and names the same cells', () => {
    const older = snapshotFromChanges(olderTemplate(forslag4));
    older.sheets.push({ name: 'kvantum', cells: [[{ kind: 'text', value: 'Mine egne linjer' }]] });
    expect(problemLines(() => tableWrites(older, result, { locale: 'en' }))).toEqual([
      'kvantum: the sheet »kvantum« was not made by Teknisk beregningsark, so the Kvantum lines are not written there; ' +
        'rename the sheet (e.g. to »kvantum (own)«) and compute again',
    ]);
    const noTables = { ...filled, sheets: filled.sheets.filter((s) => s.name !== 'Tabeller') };
    const lines = problemLines(() => tableWrites(noTables, result, { locale: 'en' }));
    expect(lines[0]).toBe(
      'Tabeller: Tabel A is missing (neither the name TB_TabelA nor the title »Tabel A. Måltalseffekt - hvis forslaget indarbejdes (nettoeffektivisering)« exists)',
    );
    expect(lines).toHaveLength(5);
    expect(problemLines(() => tableWrites(noTables, result)).join('\n')).toMatch(/^Tabeller: Tabel A mangler \(hverken navnet TB_TabelA/);
  });
});

describe('tb compute FILE.xlsx writes the Kvantum sheet', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir('tb-kvantum-sheet-')));
  afterEach(() => tmp.cleanup());

  async function kvantumSheet(file: string): Promise<(string | number)[][]> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Kvantum')!;
    const rows: (string | number)[][] = [];
    for (let r = HEADER_ROW; r <= ws.rowCount; r++) {
      const row = Array.from({ length: 6 }, (_, c) => {
        const v = ws.getCell(r, c + 1).value;
        return typeof v === 'number' || typeof v === 'string' ? v : '';
      });
      if (row.every((v) => v === '')) break;
      rows.push(row);
    }
    return rows;
  }

  async function cell(file: string, ref: string): Promise<ExcelJS.CellValue> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const [sheet, address] = ref.split('!');
    return wb.getWorksheet(sheet)!.getCell(address).value;
  }

  it('writes the lines tb kvantum prints; a second run with fewer lines blanks the rest and keeps a person’s cells', async () => {
    const file = tmp.file('f4.xlsx');
    expect((await tb('init', file, '--from', path.join(ROOT, 'examples', 'forslag4.json'))).code).toBe(0);
    const csv = (await tb('kvantum', file)).stdout;
    const result = computeProposal(forslag4);
    expect(csv).toBe(kvantumCsv(result));
    expect(await kvantumSheet(file)).toEqual([HEADER, ...csvRows(result)]);

    // A person notes something beside the lines, then removes the transfer and one effect.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet('Kvantum')!.getCell('H6').value = 'tastet 3. juni';
    const input = wb.getWorksheet('Input')!;
    input.eachRow((row) => {
      const label = row.getCell(1).value;
      if (label === forslag4.transfers![0].label || label === forslag4.effects![0].label) row.eachCell((c) => (c.value = null));
    });
    await wb.xlsx.writeFile(file);

    const run = await tb('compute', file);
    const fewer = computeProposal({ ...forslag4, effects: forslag4.effects!.slice(1), transfers: [] });
    expect(run).toEqual({ code: 0, stdout: `Skrev Tabel A–E og ${fewer.kvantum.length} Kvantum-linjer til ${file}.\n`, stderr: '' });
    expect(fewer.kvantum.length).toBeLessThan(result.kvantum.length);
    expect(await kvantumSheet(file)).toEqual([HEADER, ...csvRows(fewer)]);
    expect(await cell(file, `Kvantum!F${HEADER_ROW + result.kvantum.length}`)).toBeNull();
    expect(await cell(file, 'Kvantum!H6')).toBe('tastet 3. juni');
    expect((await tb('kvantum', file)).stdout).toBe(kvantumCsv(fewer));
  });

  it('adds the sheet to a workbook made with the older template, and refuses a Kvantum sheet of a person’s own', async () => {
    const file = tmp.file('gammel.xlsx');
    const older = XlsxWorkbook.create();
    await older.apply(olderTemplate(forslag4));
    await older.save(file);

    const run = await tb('compute', file);
    expect(run.code).toBe(0);
    expect(await kvantumSheet(file)).toEqual([HEADER, ...csvRows(computeProposal(forslag4))]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Vejledning', 'Input', 'Tabeller', 'Kvantum']);
    expect(wb.definedNames.getRanges('TB_Kvantum').ranges).toEqual([`Kvantum!$A$${HEADER_ROW}:$F$${HEADER_ROW + computeProposal(forslag4).kvantum.length}`]);

    const own = tmp.file('egen.xlsx');
    const mine = XlsxWorkbook.create();
    await mine.apply(olderTemplate(forslag4));
    await mine.apply({ addSheets: [{ name: 'Kvantum', cells: [{ sheet: 'Kvantum', row: 0, col: 0, value: { kind: 'text', value: 'Mine egne linjer' } }] }] });
    await mine.save(own);
    const original = readFileSync(own);
    const refused = await tb('compute', own);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('arket »Kvantum« er ikke lavet af Teknisk beregningsark, så Kvantum-linjerne skrives ikke dér');
    expect(readFileSync(own).equals(original)).toBe(true);
  });
});

describe('Beregn tabeller in Excel writes the Kvantum sheet', () => {
  async function compute(model: WorkbookModel): Promise<ProposalResult> {
    const port = new OfficeWorkbook(new FakeExcel(model));
    const snapshot = await port.read();
    const result = computeProposal(readTemplate(snapshot));
    await port.applyChanges(tableWrites(snapshot, result));
    return result;
  }

  function modelRows(model: WorkbookModel): (string | number)[][] {
    const sheet = model.sheet('Kvantum')!;
    const rows: (string | number)[][] = [];
    for (let r = HEADER_ROW - 1; ; r++) {
      const row = Array.from({ length: 6 }, (_, c) => {
        const v = model.cell(sheet, r, c)?.value;
        return typeof v === 'number' || typeof v === 'string' ? v : '';
      });
      if (row.every((v) => v === '')) return rows;
      rows.push(row);
    }
  }

  it('in a template inserted by the add-in, and again with fewer lines', async () => {
    const model = workbookFromRows({ Ark1: [['egne data']] });
    await new OfficeWorkbook(new FakeExcel(model)).applyChanges(templateChanges(forslag4));
    const result = await compute(model);
    expect(modelRows(model)).toEqual([HEADER, ...csvRows(result)]);
    expect(model.names.find((n) => n.name === 'TB_Kvantum')?.formula).toBe(`=Kvantum!$A$${HEADER_ROW}:$F$${HEADER_ROW + result.kvantum.length}`);

    const port = new OfficeWorkbook(new FakeExcel(model));
    const snapshot = await port.read();
    const smaller = computeProposal(small);
    await port.applyChanges(tableWrites(snapshot, smaller));
    expect(modelRows(model)).toEqual([HEADER, ...csvRows(smaller)]);
    for (let row = HEADER_ROW + smaller.kvantum.length; row < HEADER_ROW + result.kvantum.length; row++)
      expect(model.cell(model.sheet('Kvantum')!, row, 5)?.value ?? null).toBeNull();
    expect(model.names.find((n) => n.name === 'TB_Kvantum')?.formula).toBe(`=Kvantum!$A$${HEADER_ROW}:$F$${HEADER_ROW + smaller.kvantum.length}`);
  });

  it('adds the sheet to a workbook with the older template', async () => {
    const model = workbookFromRows({ Ark1: [['egne data']] });
    await new OfficeWorkbook(new FakeExcel(model)).applyChanges(olderTemplate(forslag4));
    expect(model.sheets.map((s) => s.name)).toEqual(['Ark1', 'Vejledning', 'Input', 'Tabeller']);
    const result = await compute(model);
    expect(model.sheets.map((s) => s.name)).toEqual(['Ark1', 'Vejledning', 'Input', 'Tabeller', 'Kvantum']);
    expect(modelRows(model)).toEqual([HEADER, ...csvRows(result)]);
  });
});

describe('LibreOffice Calc opens the Kvantum sheet tb compute adds', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir('tb-kvantum-lo-')));
  afterEach(() => tmp.cleanup());

  it('to a three-sheet template saved by LibreOffice: lines, price level formula and name survive its re-save', async () => {
    const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
    if (!soffice) throw new Error('LibreOffice (soffice) is needed for this test and is not installed');
    const file = tmp.file('beregnet.xlsx');
    expect((await tb('compute', path.join(ROOT, 'test', 'fixtures', 'libreoffice', 'libreoffice-rich.xlsx'), '--out', file)).code).toBe(0);
    const outdir = path.join(tmp.dir, 'lo');
    const run = spawnSync(soffice, [`-env:UserInstallation=file://${tmp.dir}/lo-profile`, '--headless', '--convert-to', 'xlsx', '--outdir', outdir, file], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    const resaved = path.join(outdir, 'beregnet.xlsx');
    expect([run.status, existsSync(resaved)]).toEqual([0, true]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(resaved);
    const ws = wb.getWorksheet('Kvantum')!;
    const result = computeProposal(readTemplate(await (await XlsxWorkbook.open(file)).read()));
    const rows: unknown[][] = [];
    for (let r = HEADER_ROW; r <= HEADER_ROW + result.kvantum.length; r++) rows.push((ws.getRow(r).values as unknown[]).slice(1, 7));
    expect(rows).toEqual([HEADER, ...csvRows(result)]);
    // LibreOffice calculated the price level line from TB_Prisniveau itself.
    expect((ws.getCell('A4').value as { result?: unknown }).result).toBe('1.000 kr. 2025 p/l');
    expect(wb.definedNames.getRanges('TB_Kvantum').ranges).toEqual([`Kvantum!$A$${HEADER_ROW}:$F$${HEADER_ROW + result.kvantum.length}`]);
  }, 240_000);
});
