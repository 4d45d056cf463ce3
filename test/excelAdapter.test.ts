/**
 * The Office.js adapter over the in-memory Excel API: round trips, exact writes, notes.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import forslag4Json from '../examples/forslag4.json';
import { snapshotOf } from './support/fakeWorkbook';
import {
  annotationChanges,
  checkWorkbook,
  computeProposal,
  readTemplate,
  REPORT_SHEET,
  tableWrites,
  templateChanges,
  TOOL_NOTE_MARKER,
  text,
  num,
  ProposalSchema,
  type WorkbookChanges,
} from '../src/engine';
import { OfficeWorkbook } from '../src/excel/OfficeWorkbook';
import { WorkbookChangeError } from '../src/excel/errors';
import { FakeExcel, modelFromXlsx, workbookFromRows, type CellLiteral, type WorkbookModel } from '../src/excel/fake';
import { XlsxWorkbook } from '../src/node/xlsxAdapter';

const forslag4 = ProposalSchema.parse(forslag4Json);

/** A sheet of `rows` × `cols` numbers, with a heading in A1. */
function sheetRows(rows: number, cols: number, seed = 0): CellLiteral[][] {
  return [['Tabel A. Måltalseffekt'], ...Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => seed + r * cols + c))];
}

function workbookOfSheets(count: number, rows = 20, cols = 8): WorkbookModel {
  const sheets: Record<string, CellLiteral[][]> = {};
  for (let i = 1; i <= count; i++) sheets[`Forslag ${i}`] = sheetRows(rows, cols, i);
  return workbookFromRows(sheets);
}

/** Every cell's value (or formula) by `Sheet!row,col`. */
function cellMap(model: WorkbookModel): Map<string, string> {
  const map = new Map<string, string>();
  for (const sheet of model.sheets)
    for (const [k, c] of sheet.cells) if (c.value !== undefined || c.formula) map.set(`${sheet.name}!${k}`, JSON.stringify(c.formula ?? c.value));
  return map;
}

async function reads(model: WorkbookModel, options: ConstructorParameters<typeof OfficeWorkbook>[1] = {}) {
  const excel = new FakeExcel(model);
  const snapshot = await new OfficeWorkbook(excel, options).read();
  return { snapshot, syncs: excel.syncCount, records: excel.syncs };
}

describe('OfficeWorkbook.read', () => {
  test('reading 1, 10 and 100 sheets costs the same number of sync() calls', async () => {
    const counts = await Promise.all([1, 10, 100].map(async (n) => (await reads(workbookOfSheets(n))).syncs));
    expect(counts[1]).toBe(counts[0]);
    expect(counts[2]).toBe(counts[0]);
    expect(counts[0]).toBe(3);
  });

  test('a whole-workbook check (read, check, annotate) costs the same number of sync() calls for 1, 10 and 100 proposals', async () => {
    const proposal = (i: number): CellLiteral[][] => [
      [`Forslag ${i}`],
      ['Tabel A. Måltalseffekt'],
      ['1.000 kr. 2025 p/l'],
      ['Udvalg', 'Bevilling, profitcenter mv.', 2025, 2026],
      ['ØU', 'PC 1', -100, '--43.142'],
      ['TMU', 'PC 2', -200, -200],
      ['Total', null, -300, -301],
    ];
    const counts: number[] = [];
    for (const n of [1, 10, 100]) {
      const sheets: Record<string, CellLiteral[][]> = {};
      for (let i = 1; i <= n; i++) sheets[`Forslag ${i}`] = proposal(i);
      const excel = new FakeExcel(workbookFromRows(sheets));
      const port = new OfficeWorkbook(excel);
      const snapshot = await port.read();
      const report = checkWorkbook(snapshot);
      expect(report.findings.length).toBeGreaterThanOrEqual(n);
      const applied = await port.applyChanges(annotationChanges(snapshot, report));
      expect(applied.notesWritten).toBeGreaterThanOrEqual(n);
      counts.push(excel.syncCount);
    }
    expect(counts).toEqual([6, 6, 6]);
  });

  test('reads values, formulas, hidden sheets and names, at their places', async () => {
    const model = workbookFromRows({
      Ark1: [[], [null, 'Udvalg', 2025], [null, 'ØU', -369], [null, 'Total', '=SUM(C3:C3)']],
      Skjult: [['x']],
    });
    model.sheets[1].visibility = 'Hidden';
    model.names.push({ name: 'TB_TabelA', scope: null, formula: '=Ark1!$B$2:$C$4', visible: true });
    const { snapshot } = await reads(model);
    const [grid, hidden] = snapshot.sheets;
    expect(grid.cells[1][1]).toEqual(text('Udvalg'));
    expect(grid.cells[2][2]).toEqual(num(-369));
    expect(grid.cells[3][2]).toEqual(num(-369));
    expect(grid.formulas?.get('3,2')).toBe('=SUM(C3:C3)');
    expect(grid.cells[0]).toEqual([]);
    expect(hidden.hidden).toBe(true);
    expect(snapshot.names).toEqual([{ name: 'TB_TabelA', sheet: 'Ark1', range: { start: { row: 1, col: 1 }, end: { row: 3, col: 2 } } }]);
  });

  test('a large workbook is read in blocks that each stay under the payload limit', async () => {
    const model = workbookOfSheets(3, 1000, 30);
    const whole = await reads(model, { maxCellsPerSync: 100_000 });
    expect(whole.syncs).toBe(3);
    const excel = new FakeExcel(model, { payloadLimitBytes: 300_000 });
    const chunked = await new OfficeWorkbook(excel, { maxCellsPerSync: 5_000 }).read();
    expect(chunked).toEqual(whole.snapshot);
    // Blocks are whole rows of one sheet: at least ⌈cells / 5000⌉ of them, at most one more per sheet.
    const cells = 3 * 1001 * 30;
    expect(excel.syncCount).toBeGreaterThanOrEqual(2 + Math.ceil(cells / 5_000));
    expect(excel.syncCount).toBeLessThanOrEqual(2 + Math.ceil(cells / 5_000) + 3);
    for (const sync of excel.syncs) expect(sync.responseBytes).toBeLessThan(300_000);
  });
});

describe('OfficeWorkbook.apply', () => {
  test('writes only the intended cells, in one write round trip after the checks', async () => {
    const model = workbookFromRows({ Tabeller: [['Tabel A.'], ['Udvalg', 2025, 2026], ['ØU', null, null], ['Total', null, null]] });
    const before = snapshotOf(model);
    const excel = new FakeExcel(model);
    const port = new OfficeWorkbook(excel);
    const report = await port.applyChanges({
      cells: [
        { sheet: 'Tabeller', row: 2, col: 1, value: num(-369) },
        { sheet: 'Tabeller', row: 2, col: 2, value: num(-1491) },
        { sheet: 'Tabeller', row: 3, col: 1, value: num(-369) },
        { sheet: 'Tabeller', row: 3, col: 2, value: text('1.144') },
      ],
    });
    expect(report.syncs).toBe(4); // 2 to check, 1 to record what the writes replace, 1 to write
    expect(report.cellsWritten).toBe(4);
    const after = await port.read();
    expect(after.sheets[0].cells.map((r) => r.map((c) => (c.kind === 'empty' ? null : c.value)))).toEqual([
      ['Tabel A.'],
      ['Udvalg', 2025, 2026],
      ['ØU', -369, -1491],
      ['Total', -369, '1.144'],
    ]);
    const changed = JSON.parse(snapshotOf(model)).sheets[0].cells.filter(
      (c: [string, unknown]) => !JSON.parse(before).sheets[0].cells.some((b: [string, unknown]) => JSON.stringify(b) === JSON.stringify(c)),
    );
    expect(changed.map((c: [string]) => c[0]).sort()).toEqual(['2,1', '2,2', '3,1', '3,2']);
  });

  test('Indsæt skabelon, then Beregn tabeller, gives the tables of computeProposal (Forslag 4)', async () => {
    const excel = new FakeExcel(workbookFromRows({ Ark1: [['Mine egne data']] }));
    const port = new OfficeWorkbook(excel);
    await port.applyChanges(templateChanges(forslag4));
    const snapshot = await port.read();
    const result = computeProposal(readTemplate(snapshot));
    const writes = tableWrites(snapshot, result);
    expect(result.tables).toEqual(computeProposal(forslag4).tables);
    const before = cellMap(excel.model);
    excel.resetCounters();
    const report = await port.applyChanges(writes);
    expect(report.syncs).toBe(4);
    const after = cellMap(excel.model);
    const written = new Set((writes.cells ?? []).map((w) => `${w.sheet}!${w.row},${w.col}`));
    expect(written.size).toBeGreaterThan(0);
    for (const w of writes.cells ?? [])
      expect(after.get(`${w.sheet}!${w.row},${w.col}`)).toBe(w.value.kind === 'empty' ? undefined : JSON.stringify(w.value.value));
    for (const k of new Set([...before.keys(), ...after.keys()])) if (!written.has(k)) expect([k, after.get(k)]).toEqual([k, before.get(k)]);
    expect(excel.model.sheets.map((s) => s.name)).toEqual(['Ark1', 'Vejledning', 'Input', 'Tabeller', 'Kvantum']);
    expect(excel.model.cell(excel.model.sheets[0], 0, 0)?.value).toBe('Mine egne data');
  });

  test('large writes go in several requests, each under the limit', async () => {
    const excel = new FakeExcel(workbookFromRows({ Ark1: [] }), { payloadLimitBytes: 200_000 });
    const cells = Array.from({ length: 20_000 }, (_, i) => ({ sheet: 'Ark1', row: Math.floor(i / 20), col: i % 20, value: text(`celle nummer ${i}`) }));
    const report = await new OfficeWorkbook(excel, { maxRequestBytes: 150_000 }).applyChanges({ cells });
    expect(report.syncs).toBeGreaterThan(3);
    for (const sync of excel.syncs) expect(sync.requestBytes).toBeLessThan(200_000);
    expect(excel.model.cell(excel.model.sheets[0], 999, 19)?.value).toBe('celle nummer 19999');
  });

  test('a sheet of the same name is never overwritten unless replaceSheets says so; a replaced sheet keeps its tab', async () => {
    const model = workbookFromRows({ Input: [['min tekst']], Ark2: [] });
    const port = new OfficeWorkbook(new FakeExcel(model));
    const changes = templateChanges();
    const before = snapshotOf(model);
    await expect(port.applyChanges(changes)).rejects.toThrow(WorkbookChangeError);
    await expect(port.applyChanges(changes)).rejects.toMatchObject({ problems: [{ code: 'sheet-exists', sheet: 'Input' }] });
    expect(snapshotOf(model)).toBe(before);
    await port.applyChanges({ ...changes, replaceSheets: ['Input'] });
    expect(model.sheets.map((s) => s.name)).toEqual(['Input', 'Ark2', 'Vejledning', 'Tabeller', 'Kvantum']);
    expect(model.cell(model.sheets[0], 0, 0)?.value).not.toBe('min tekst');
  });

  test.each([
    ['a protected sheet', (m: WorkbookModel) => (m.sheets[0].protected = true), 'sheet-protected'],
    ['a merged output cell', (m: WorkbookModel) => m.sheets[0].merges.push({ start: { row: 2, col: 1 }, end: { row: 2, col: 2 } }), 'merged-cells'],
  ])('%s: a clear Danish error and nothing half-written', async (_what, spoil, code) => {
    const model = workbookFromRows({ Tabeller: [['Tabel A.'], ['Udvalg', 2025, 2026], ['ØU', null, null]], Ark2: [] });
    spoil(model);
    const before = snapshotOf(model);
    const port = new OfficeWorkbook(new FakeExcel(model));
    const changes: WorkbookChanges = {
      addSheets: [{ name: REPORT_SHEET, cells: [{ sheet: REPORT_SHEET, row: 0, col: 0, value: text('Rapport') }] }],
      cells: [{ sheet: 'Tabeller', row: 2, col: 1, value: num(1) }],
      notes: [{ sheet: 'Ark2', row: 0, col: 0, text: 'note' }],
    };
    const error = await port.applyChanges(changes).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkbookChangeError);
    expect((error as WorkbookChangeError).problems).toEqual([expect.objectContaining({ code, sheet: 'Tabeller' })]);
    const expected = code === 'sheet-protected' ? /Arket »Tabeller« er beskyttet/ : /Cellerne B3:C3 på arket »Tabeller« er flettet/;
    expect((error as Error).message).toMatch(expected);
    expect(snapshotOf(model)).toBe(before);
  });
});

describe('OfficeWorkbook notes: annotate, then Fjern kommentarer', () => {
  const annotate: WorkbookChanges = {
    clearToolNotes: true,
    notes: [
      { sheet: 'Forslag', row: 1, col: 1, text: 'Total stemmer ikke: 5 forventet, 6 fundet' },
      { sheet: 'Forslag', row: 2, col: 2, text: 'C3 er ikke et tal' },
    ],
    replaceSheets: [REPORT_SHEET],
    addSheets: [{ name: REPORT_SHEET, cells: [{ sheet: REPORT_SHEET, row: 0, col: 0, value: text('Valideringsrapport') }] }],
  };
  const remove: WorkbookChanges = { clearToolNotes: true, removeSheets: [REPORT_SHEET] };

  function workbookWithPersonNotes(): WorkbookModel {
    const model = workbookFromRows({
      Forslag: [
        ['a', 1],
        ['b', 6, 'x'],
        ['c', 3, '--43'],
      ],
    });
    model.sheets[0].notes.set('B2', { content: 'Husk at spørge Jens', author: 'Jens' });
    model.sheets[0].notes.set('A1', { content: 'Kilde: bilag 8', author: 'Jens' });
    return model;
  }

  test('notes (ExcelApi 1.18): the tool adds its part, a person keeps theirs, removal takes exactly the tool’s', async () => {
    const model = workbookWithPersonNotes();
    const before = snapshotOf(model);
    const port = new OfficeWorkbook(new FakeExcel(model));
    const report = await port.applyChanges(annotate);
    expect(report).toMatchObject({ annotationMode: 'notes', notesWritten: 2, syncs: 3 });
    const notes = model.sheets[0].notes;
    expect(notes.get('B2')?.content).toBe(`Husk at spørge Jens\n\n${TOOL_NOTE_MARKER}\nTotal stemmer ikke: 5 forventet, 6 fundet`);
    expect(notes.get('C3')?.content).toBe(`${TOOL_NOTE_MARKER}\nC3 er ikke et tal`);
    expect(notes.get('A1')?.content).toBe('Kilde: bilag 8');

    await port.applyChanges(annotate); // a re-run replaces, never piles up
    expect(notes.get('B2')?.content.split(TOOL_NOTE_MARKER).length).toBe(2);
    expect(model.sheets.filter((s) => s.name === REPORT_SHEET)).toHaveLength(1);

    const removal = await port.applyChanges(remove);
    expect(removal).toMatchObject({ notesRemoved: 2, sheetsRemoved: [REPORT_SHEET] });
    expect(snapshotOf(model)).toBe(before);
  });

  test('threaded comments (ExcelApi 1.13–1.17): a tool thread of its own; a person’s thread is untouched; removal takes only the tool’s', async () => {
    const model = workbookFromRows({
      Forslag: [
        ['a', 1],
        ['b', 6, 'x'],
        ['c', 3, '--43'],
      ],
    });
    model.sheets[0].comments.set('B2', { id: 'p1', content: 'Er 6 rigtigt?', author: 'Jens', replies: [] });
    const before = snapshotOf(model);
    const port = new OfficeWorkbook(new FakeExcel(model, { apiVersion: '1.13' }));
    expect(port.annotationMode()).toBe('comments');
    const report = await port.applyChanges(annotate);
    expect(report).toMatchObject({ annotationMode: 'comments', notesWritten: 1, notesSkipped: ['Forslag!B2'] });
    const comments = model.sheets[0].comments;
    expect(comments.get('B2')).toEqual({ id: 'p1', content: 'Er 6 rigtigt?', author: 'Jens', replies: [] });
    expect(comments.get('C3')?.content).toBe(`${TOOL_NOTE_MARKER}\nC3 er ikke et tal`);
    await port.applyChanges(remove);
    expect(snapshotOf(model)).toBe(before);
  });

  test('below ExcelApi 1.10 only the report sheet is written', async () => {
    const model = workbookWithPersonNotes();
    const port = new OfficeWorkbook(new FakeExcel(model, { apiVersion: '1.9' }));
    const report = await port.applyChanges(annotate);
    expect(report).toMatchObject({ annotationMode: 'report-only', notesWritten: 0 });
    expect(model.sheets.map((s) => s.name)).toEqual(['Forslag', REPORT_SHEET]);
    expect(model.sheets[0].notes.get('B2')?.content).toBe('Husk at spørge Jens');
  });

  test('a note is not forced onto a cell holding a person’s threaded comment', async () => {
    const model = workbookFromRows({
      Forslag: [
        ['a', 1],
        ['b', 6],
      ],
    });
    model.sheets[0].comments.set('B2', { id: 'p1', content: 'Er 6 rigtigt?', author: 'Jens', replies: [] });
    const report = await new OfficeWorkbook(new FakeExcel(model)).applyChanges({ notes: [{ sheet: 'Forslag', row: 1, col: 1, text: 'x' }] });
    expect(report.notesSkipped).toEqual(['Forslag!B2']);
    expect(model.sheets[0].notes.size).toBe(0);
  });
});

describe('OfficeWorkbook.select', () => {
  test('activates the sheet, then selects the cell', async () => {
    const excel = new FakeExcel(workbookFromRows({ Ark1: [], 'Tabel A': [] }));
    await new OfficeWorkbook(excel).select('Tabel A', 'C7');
    expect(excel.model.activeSheet.name).toBe('Tabel A');
    expect(excel.model.selectionRef()).toBe("'Tabel A'!C7");
    expect(excel.syncCount).toBe(3); // visibility first: a hidden sheet cannot be activated
  });
});

describe('text written as text', () => {
  test('text a Danish Excel would turn into a number, a boolean, a date or a formula stays text', async () => {
    const texts = ['(1.144)', 'SAND', 'falsk', 'maj 2025', '=SUM(A1:A2)', "'citat'", '123', ' 12', 'Økonomiudvalget'];
    const model = workbookFromRows({ Ark1: [[]] });
    await new OfficeWorkbook(new FakeExcel(model)).apply({ cells: texts.map((t, col) => ({ sheet: 'Ark1', row: 0, col, value: text(t) })) });
    expect(texts.map((_t, col) => model.sheets[0].cells.get(`0,${col}`))).toEqual(texts.map((t) => ({ value: t })));
  });
});

describe('one refused cell', () => {
  test('Excel refusing one cell’s comment (it holds a note) costs that cell only: the others are written, the cell is reported', async () => {
    const model = workbookFromRows({
      Forslag: [
        ['a', 1],
        ['b', 6, 'x'],
        ['c', 3, '--43'],
        ['d', 4],
      ],
    });
    model.sheets[0].notes.set('C3', { content: 'En persons note', author: 'Jens' });
    const port = new OfficeWorkbook(new FakeExcel(model, { apiVersion: '1.13' }));
    const report = await port.applyChanges({
      notes: [
        { sheet: 'Forslag', row: 1, col: 1, text: 'B2 først' },
        { sheet: 'Forslag', row: 2, col: 2, text: 'C3 har en note' },
        { sheet: 'Forslag', row: 3, col: 1, text: 'B4 efter' },
      ],
    });
    expect(report).toMatchObject({ notesWritten: 2, notesSkipped: ['Forslag!C3'] });
    expect([...model.sheets[0].comments.keys()].sort()).toEqual(['B2', 'B4']);
    expect(model.sheets[0].notes.get('C3')?.content).toBe('En persons note');
  });
});

describe('findings on hidden sheets', () => {
  test('selecting on a hidden sheet says so instead of failing in Excel; a hidden sheet can be shown, a very hidden one cannot', async () => {
    const model = workbookFromRows({ Synlig: [['a']], Skjult: [['b']], 'Meget skjult': [['c']] });
    model.sheets[1].visibility = 'Hidden';
    model.sheets[2].visibility = 'VeryHidden';
    const port = new OfficeWorkbook(new FakeExcel(model));
    await expect(port.select('Skjult', 'A1')).rejects.toMatchObject({ name: 'HiddenSheetError', sheet: 'Skjult', veryHidden: false });
    await expect(port.select('Meget skjult', 'A1')).rejects.toMatchObject({ name: 'HiddenSheetError', sheet: 'Meget skjult', veryHidden: true });
    await expect(port.showSheet('Meget skjult')).rejects.toMatchObject({ veryHidden: true });
    expect(model.sheets[2].visibility).toBe('VeryHidden');
    await port.showSheet('Skjult');
    await port.select('Skjult', 'A1');
    expect(model.sheets[1].visibility).toBe('Visible');
    expect(model.activeSheet.name).toBe('Skjult');
  });
});

describe('dates', () => {
  test('a date reads the same in Excel (a serial under a date format) as in the CLI (ExcelJS)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Datoer');
    ws.getCell('A1').value = new Date(Date.UTC(2025, 4, 1));
    ws.getCell('A1').numFmt = 'dd-mm-yyyy';
    ws.getCell('B1').value = new Date(Date.UTC(2026, 0, 31, 12));
    ws.getCell('B1').numFmt = '[$-406]d. mmmm yyyy;@';
    ws.getCell('C1').value = 45_658;
    ws.getCell('C1').numFmt = '#,##0';
    ws.getCell('D1').value = 0.5;
    ws.getCell('D1').numFmt = 'h:mm';
    const dir = mkdtempSync(path.join(tmpdir(), 'tb-dates-'));
    const file = path.join(dir, 'datoer.xlsx');
    await wb.xlsx.writeFile(file);
    try {
      const cli = (await (await XlsxWorkbook.open(file)).read()).sheets[0].cells[0];
      const excel = (await new OfficeWorkbook(new FakeExcel(await modelFromXlsx(readFileSync(file)))).read()).sheets[0].cells[0];
      expect(excel.slice(0, 3)).toEqual(cli.slice(0, 3));
      expect(excel[0]).toEqual({ kind: 'date', value: new Date(Date.UTC(2025, 4, 1)) });
      expect(excel[2]).toEqual(num(45_658));
      expect(excel[3]).toEqual(num(0.5)); // a time of day is not a date
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
