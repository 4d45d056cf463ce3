/**
 * Array formulas and dynamic-array spills under the cells the add-in writes: Excel refuses a write
 * to part of a legacy array ("You can't change part of an array") and turns a spilling formula into
 * #SPILD! when a value lands in its spill. The in-memory Excel does the same; the adapter finds both
 * before its first write and refuses with the cells named, leaving the workbook as it was.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { num, REPORT_SHEET, text, type WorkbookChanges } from '../src/engine';
import { OfficeWorkbook } from '../src/excel/OfficeWorkbook';
import { WorkbookChangeError } from '../src/excel/errors';
import { cellList, planChanges, type WorkbookFacts } from '../src/excel/plan';
import { FakeExcel, FakeExcelError, cellDisplayValue, modelFromXlsx, workbookFromRows, xlsxFromModel, type WorkbookModel } from '../src/excel/fake';
import { snapshotOf } from './support/fakeWorkbook';

const at = (a1: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  return { row: Number(m[2]) - 1, col: m[1].charCodeAt(0) - 65 };
};
const area = (from: string, to: string) => ({ start: at(from), end: at(to) });

/** Tabeller with Tabel A's output cells B3:C4, a legacy array formula in E3:E4 and a spill from G3 over G3:H4. */
function tables(): WorkbookModel {
  const model = workbookFromRows({
    Tabeller: [
      ['Tabel A.'],
      ['Udvalg', 2025, 2026, null, 'Matrix', null, 'Spild'],
      ['ØU', null, null, null, 3, null, '=B3:C4', 2],
      ['KS', null, null, null, 7, null, 3, 4],
    ],
    Ark2: [],
  });
  const sheet = model.sheets[0];
  sheet.cells.get('2,4')!.formula = '=B3:B4*2';
  sheet.arrays.push(area('E3', 'E4'));
  sheet.cells.get('2,6')!.value = 1;
  sheet.spills.push(area('G3', 'H4'));
  return model;
}

const write = (a1: string, value = num(1)) => ({ sheet: 'Tabeller', ...at(a1), value });

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (e: unknown) => e,
  );
}

describe('the in-memory Excel refuses what Excel refuses', () => {
  test('part of a legacy array formula cannot be changed; the request stops there', async () => {
    const model = tables();
    const excel = new FakeExcel(model);
    const error = await refusal(
      excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('Tabeller');
        ws.getRange('B3').values = [[5]];
        ws.getRange('E4').values = [[9]];
        ws.getRange('C3').values = [[6]];
        await context.sync();
      }),
    );
    expect(error).toBeInstanceOf(FakeExcelError);
    expect(error).toMatchObject({ code: 'InvalidOperation', message: expect.stringContaining("You can't change part of an array") });
    const sheet = model.sheets[0];
    expect(model.cell(sheet, 3, 4)?.value).toBe(7);
    expect(model.cell(sheet, 2, 1)?.value).toBe(5); // before the refused operation: ran, as in Excel
    expect(model.cell(sheet, 2, 2)).toBeUndefined(); // after it: not run
    expect(sheet.arrays).toEqual([area('E3', 'E4')]);
  });

  test('the whole array written over is replaced, and is an array no more', async () => {
    const model = tables();
    await new FakeExcel(model).run(async (context) => {
      context.workbook.worksheets.getItem('Tabeller').getRange('E3:E4').values = [[1], [2]];
      await context.sync();
    });
    expect(model.sheets[0].arrays).toEqual([]);
    expect(model.cell(model.sheets[0], 3, 4)?.value).toBe(2);
  });

  test('a value written into a spill is taken, and the formula that spilled shows #SPILL!', async () => {
    const model = tables();
    const sheet = model.sheets[0];
    expect(cellDisplayValue(model, sheet, 3, 7)).toBe(4);
    await new FakeExcel(model).run(async (context) => {
      context.workbook.worksheets.getItem('Tabeller').getRange('H4').values = [[99]];
      await context.sync();
    });
    expect(cellDisplayValue(model, sheet, 2, 6)).toBe('#SPILL!');
    expect(cellDisplayValue(model, sheet, 3, 7)).toBe(99);
    expect(cellDisplayValue(model, sheet, 2, 7)).toBe(''); // the other results are gone
    expect(sheet.spills).toEqual([]);
  });

  test('hasSpill and savedAsArray answer true, false or null (mixed), and need ExcelApi 1.12', async () => {
    const excel = new FakeExcel(tables());
    const answers = await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Tabeller');
      const ranges = ['G3:H4', 'H4', 'B3:C4', 'F3:G3', 'E3:E4', 'G3', 'H3'].map((a) => ws.getRange(a).load('hasSpill,savedAsArray'));
      const parent = ws.getRange('H4').getSpillParentOrNullObject().load('address');
      const notInSpill = ws.getRange('B3').getSpillParentOrNullObject().load('address');
      const spill = ws.getRange('G3').getSpillingToRangeOrNullObject().load('address');
      const notAnchor = ws.getRange('H3').getSpillingToRangeOrNullObject().load('address');
      await context.sync();
      return {
        ranges: ranges.map((r) => [r.hasSpill, r.savedAsArray]),
        parent: parent.address,
        notInSpill: notInSpill.isNullObject,
        spill: spill.address,
        notAnchor: notAnchor.isNullObject,
      };
    });
    expect(answers).toEqual({
      ranges: [
        [true, null],
        [true, false],
        [false, false],
        [null, null],
        [false, true],
        [true, true],
        [true, false],
      ],
      parent: 'Tabeller!G3',
      notInSpill: true,
      spill: 'Tabeller!G3:H4',
      notAnchor: true,
    });
    const old = new FakeExcel(tables(), { apiVersion: '1.11' });
    const error = await refusal(
      old.run(async (context) => {
        context.workbook.worksheets.getItem('Tabeller').getRange('B3').load('hasSpill');
        await context.sync();
      }),
    );
    expect(error).toMatchObject({ code: 'ApiNotFound' });
  });
});

describe('the adapter refuses writes into arrays and spills before writing anything', () => {
  const changes = (...cells: string[]): WorkbookChanges => ({
    addSheets: [{ name: REPORT_SHEET, cells: [{ sheet: REPORT_SHEET, row: 0, col: 0, value: text('Rapport') }] }],
    cells: [write('B3'), write('C3'), ...cells.map((a1) => write(a1))],
    notes: [{ sheet: 'Ark2', row: 0, col: 0, text: 'note' }],
  });

  test('cells of a legacy array formula: named in Danish, nothing written', async () => {
    const model = tables();
    const before = snapshotOf(model);
    const error = await refusal(new OfficeWorkbook(new FakeExcel(model)).applyChanges(changes('E3', 'E4')));
    expect(error).toBeInstanceOf(WorkbookChangeError);
    expect((error as WorkbookChangeError).problems).toEqual([{ code: 'array-formula', sheet: 'Tabeller', cell: 'E3, E4' }]);
    expect((error as Error).message).toContain('Cellerne E3, E4 på arket »Tabeller« er en del af en matrixformel');
    expect((error as WorkbookChangeError).describe('en')[0]).toContain('part of an array formula');
    expect(snapshotOf(model)).toBe(before);
  });

  test('cells of a spill: named with the formula that spills, nothing written', async () => {
    const model = tables();
    const before = snapshotOf(model);
    const error = await refusal(new OfficeWorkbook(new FakeExcel(model)).applyChanges(changes('G4', 'H4')));
    expect((error as WorkbookChangeError).problems).toEqual([{ code: 'spill', sheet: 'Tabeller', cell: 'G4:H4', anchor: 'G3' }]);
    expect((error as Error).message).toContain('Cellerne G4:H4 på arket »Tabeller« viser resultater fra formlen i G3');
    expect((error as Error).message).toContain('#SPILD!');
    expect(snapshotOf(model)).toBe(before);
  });

  test('the anchor itself, and both kinds at once: one problem each', async () => {
    const model = tables();
    const error = await refusal(new OfficeWorkbook(new FakeExcel(model)).applyChanges(changes('G3', 'E3')));
    expect((error as WorkbookChangeError).problems).toEqual([
      { code: 'spill', sheet: 'Tabeller', cell: 'G3', anchor: 'G3' },
      { code: 'array-formula', sheet: 'Tabeller', cell: 'E3' },
    ]);
  });

  test('arrays beside the writes cost one more check and refuse nothing; arrays elsewhere cost nothing', async () => {
    const clear = tables();
    const excel = new FakeExcel(clear);
    // B3:C3 and B4:C4 are clear; the box around them holds no array: the usual 4 round trips.
    const plain = await new OfficeWorkbook(excel).applyChanges({ cells: [write('B3'), write('C4')] });
    expect(plain.syncs).toBe(4);
    // B3 and F4: the box B3:F4 holds the array E3:E4, so the written cells are asked about one by one.
    const near = await new OfficeWorkbook(new FakeExcel(tables())).applyChanges({ cells: [write('B3'), write('F4')] });
    expect(near.syncs).toBe(5);
    expect(near.cellsWritten).toBe(2);
  });
});

describe('planChanges with array cells', () => {
  const facts = (arrayCells: WorkbookFacts['arrayCells']): WorkbookFacts => ({
    sheets: [{ name: 'Tabeller', visible: true }],
    workbookProtected: false,
    protectedSheets: new Set(),
    merges: [],
    toolNotes: [],
    arrayCells,
  });

  test('one problem per sheet and formula, cells joined into ranges row by row', () => {
    const plan = planChanges(
      { cells: [write('B3')] },
      facts([
        { sheet: 'tabeller', ...at('C7'), kind: 'spill', anchor: 'B7' },
        { sheet: 'tabeller', ...at('D7'), kind: 'spill', anchor: 'B7' },
        { sheet: 'tabeller', ...at('C9'), kind: 'spill', anchor: 'B9' },
        { sheet: 'tabeller', ...at('E7'), kind: 'spill', anchor: 'B7' },
      ]),
    );
    expect(plan.problems).toEqual([
      { code: 'spill', sheet: 'Tabeller', cell: 'C7:E7', anchor: 'B7' },
      { code: 'spill', sheet: 'Tabeller', cell: 'C9', anchor: 'B9' },
    ]);
  });

  test('cellList joins neighbours in a row only, and names a repeated cell once', () => {
    expect(cellList([at('C7'), at('E7'), at('D7'), at('C8'), at('C8'), at('A1')])).toBe('A1, C7:E7, C8');
  });
});

describe('array formulas in .xlsx files', () => {
  // Written by LibreOffice Calc's own xlsx export (scripts/fixtures/build-array-fixture.sh): B3:C3 hold {=E3:F3*2}.
  const LIBREOFFICE = path.join(__dirname, 'fixtures/libreoffice/libreoffice-array.xlsx');

  test('a LibreOffice array formula over Tabel A’s output cells: the write is refused, the cells named, nothing written', async () => {
    const model = await modelFromXlsx(readFileSync(LIBREOFFICE));
    const sheet = model.sheets[0];
    expect(sheet.arrays).toEqual([area('B3', 'C3')]);
    expect(model.cell(sheet, 2, 1)).toMatchObject({ formula: '=E3:F3*2', value: 2 });
    const before = snapshotOf(model);
    const excel = new FakeExcel(model);
    const changes = { cells: [write('B3', num(-369)), write('C3', num(-1491))] };
    const error = await refusal(new OfficeWorkbook(excel).applyChanges(changes));
    expect((error as WorkbookChangeError).problems).toEqual([{ code: 'array-formula', sheet: 'Tabeller', cell: 'B3:C3' }]);
    expect(snapshotOf(model)).toBe(before);
    // What the check spares the user: Excel itself refuses the first cell.
    const direct = await refusal(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Tabeller').getRange('B3').values = [[-369]];
        await context.sync();
      }),
    );
    expect(direct).toMatchObject({ code: 'InvalidOperation' });
  });

  test('an array formula in a file is an array in the in-memory Excel, and is saved as one', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Tabeller');
    ws.getCell('A1').value = 1;
    ws.getCell('A2').value = 2;
    ws.getCell('B1').value = { formula: 'A1:A2*2', result: 2, shareType: 'array', ref: 'B1:B2' } as unknown as ExcelJS.CellFormulaValue;
    ws.getCell('B2').value = 4;
    const model = await modelFromXlsx(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    expect(model.sheets[0].arrays).toEqual([area('B1', 'B2')]);
    const again = await modelFromXlsx(await xlsxFromModel(model));
    expect(again.sheets[0].arrays).toEqual([area('B1', 'B2')]);
    expect(again.cell(again.sheets[0], 0, 1)?.formula).toBe('=A1:A2*2');
  });
});
