/**
 * Issue 5, fuzzing the ExcelJS adapter's reading: random workbooks written by ExcelJS (rich text,
 * formulas with and without cached results, shared formulas, hyperlinks, dates, errors, merged
 * cells, notes, hidden sheets, cells out at XFD) open, read as grids holding what was written, and
 * check without throwing; annotating them and saving keeps every original cell.
 */
import { writeFileSync } from 'node:fs';
import * as ExcelJS from 'exceljs';
import fc from 'fast-check';
import { annotationChanges, checkWorkbook, REPORT_SHEET, type CellValue } from '../../src/engine';
import { XlsxWorkbook } from '../../src/node/xlsxAdapter';
import { tempDir } from '../support/xlsx';
import { EXCEL_ERRORS, runs, TITLES } from './arbitraries';

/** A value ExcelJS writes, with what the adapter should read back (null: do not compare). */
type Written = { value: ExcelJS.CellValue; expect: CellValue | null };

/** Characters a cell can hold in an .xlsx (XML 1.0): Excel offers no way to type the others. */
function xmlSafe(s: string): string {
  return [...s]
    .filter((ch) => {
      const code = ch.charCodeAt(0);
      return (code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) && code !== 0xfffe && code !== 0xffff;
    })
    .join('');
}

const plainText = fc.oneof(
  fc.constantFrom('-1.474', '-', '--43.142', 'Total', 'I alt', 'Udvalg', 'Økonomiudvalget', '2025', ' ', ...TITLES),
  fc.string({ maxLength: 20 }).map(xmlSafe),
);
const textCell = (s: string): CellValue => (s === '' ? { kind: 'empty' } : { kind: 'text', value: s });
const finite = fc.oneof(fc.integer({ min: -1e7, max: 1e7 }), fc.double({ min: -1e15, max: 1e15, noNaN: true }), fc.integer({ min: 2020, max: 2030 }));
const result = fc.oneof(
  finite.map((v) => ({ result: v as ExcelJS.CellFormulaValue['result'], expect: { kind: 'number', value: v } as CellValue })),
  plainText.map((s) => ({ result: s as ExcelJS.CellFormulaValue['result'], expect: textCell(s) })),
  fc
    .constantFrom(...EXCEL_ERRORS.slice(0, 7))
    .map((e) => ({ result: { error: e } as unknown as ExcelJS.CellFormulaValue['result'], expect: { kind: 'error', value: e } as CellValue })),
  fc.constant({ result: undefined, expect: { kind: 'empty' } as CellValue }),
);

const written: fc.Arbitrary<Written> = fc.oneof(
  finite.map((v): Written => ({ value: v, expect: { kind: 'number', value: v } })),
  fc.constantFrom(NaN, Infinity, -Infinity).map((v): Written => ({ value: v, expect: { kind: 'error', value: '#NUM!' } })),
  plainText.map((s): Written => ({ value: s, expect: textCell(s) })),
  fc.boolean().map((b): Written => ({ value: b, expect: { kind: 'boolean', value: b } })),
  fc
    .date({ min: new Date('1900-03-01'), max: new Date('2100-01-01'), noInvalidDate: true })
    .map((d): Written => ({ value: d, expect: { kind: 'date', value: d } })),
  fc.constant<Written>({ value: new Date(NaN), expect: null }),
  fc.constantFrom(...EXCEL_ERRORS.slice(0, 7)).map((e): Written => ({ value: { error: e } as ExcelJS.CellErrorValue, expect: { kind: 'error', value: e } })),
  fc
    .array(plainText, { minLength: 1, maxLength: 3 })
    .map((parts): Written => ({ value: { richText: parts.map((text, i) => ({ text, font: { bold: i % 2 === 0 } })) }, expect: textCell(parts.join('')) })),
  fc
    .tuple(fc.constantFrom('SUM(A1:A3)', 'A1*2', 'IF(A1>0,"x","-")', 'TODAY()', '1/0'), result)
    .map(([formula, r]): Written => ({ value: { formula, result: r.result } as ExcelJS.CellFormulaValue, expect: r.expect })),
  // Non-empty text: ExcelJS writes a hyperlink with '' as its text as the object's JSON.
  fc
    .tuple(
      plainText.filter((t) => t !== ''),
      fc.constantFrom('https://www.kk.dk', '#Ark1!A1', 'mailto:a@b.dk'),
    )
    .map(([text, hyperlink]): Written => ({ value: { text, hyperlink }, expect: textCell(text) })),
  fc.constant<Written>({ value: null, expect: { kind: 'empty' } }),
);

interface Plan {
  sheets: {
    name: string;
    hidden: boolean;
    cells: [number, number, Written][];
    merges: [number, number, number, number][];
    notes: [number, number, string][];
    shared: boolean;
    far: boolean;
  }[];
}

const sheetName = fc
  .stringMatching(/^[A-Za-z0-9æøåÆØÅ '_.-]{1,28}$/)
  .filter((n) => n.trim() === n && !n.startsWith("'") && !n.endsWith("'") && n.toLowerCase() !== 'history' && n !== REPORT_SHEET);

const plan: fc.Arbitrary<Plan> = fc.record({
  sheets: fc.uniqueArray(
    fc.record({
      name: sheetName,
      hidden: fc.boolean(),
      cells: fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 12 }), written), { maxLength: 60 }),
      merges: fc.array(fc.tuple(fc.integer({ min: 41, max: 60 }), fc.integer({ min: 1, max: 6 }), fc.nat(2), fc.nat(3)), { maxLength: 3 }),
      notes: fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 12 }), fc.string({ maxLength: 30 })), { maxLength: 3 }),
      shared: fc.boolean(),
      far: fc.boolean(),
    }),
    { minLength: 1, maxLength: 3, selector: (s) => s.name.toLowerCase() },
  ),
});

/** Writes the plan; returns the value each plain cell should read as (`Sheet!row,col` 1-based). */
async function build(file: string, p: Plan): Promise<Map<string, CellValue>> {
  const wb = new ExcelJS.Workbook();
  const expected = new Map<string, CellValue>();
  for (const s of p.sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.hidden ? 'hidden' : 'visible' });
    for (const [row, col, w] of s.cells) {
      ws.getCell(row, col).value = w.value;
      if (w.expect) expected.set(`${s.name}!${row},${col}`, w.expect);
      else expected.delete(`${s.name}!${row},${col}`);
    }
    // Merges live below the plain cells (rows 41–60), so a merge never swallows one of them.
    const taken = new Set<number>();
    for (const [row, col, down, across] of s.merges) {
      if ([...Array(down + 1).keys()].some((d) => taken.has(row + d))) continue;
      for (let d = 0; d <= down; d++) taken.add(row + d);
      ws.getCell(row, col).value = 'Tabel A.';
      if (down + across > 0) ws.mergeCells(row, col, row + down, col + across);
    }
    for (const [row, col, note] of s.notes) ws.getCell(row, col).note = note;
    if (s.shared) {
      ws.getCell('N1').value = 1;
      ws.fillFormula('O1:O3', 'N1*2', [2, 4, 6]);
    }
    if (s.far) ws.getCell(3, 16_384).value = '--1';
  }
  await wb.xlsx.writeFile(file);
  return expected;
}

describe('issue 5: the ExcelJS adapter on random workbooks', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => (tmp = tempDir()));
  afterAll(() => tmp.cleanup());

  it('opens, reads what was written, checks, annotates and saves without losing a cell', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(plan, async (p) => {
        const file = tmp.file(`fuzz-${n++}.xlsx`);
        const expected = await build(file, p);
        const wb = await XlsxWorkbook.open(file);
        const snapshot = await wb.read();
        expect(snapshot.sheets.map((s) => s.name)).toEqual(p.sheets.map((s) => s.name));
        for (const [key, want] of expected) {
          const [sheet, at] = key.split('!');
          const [row, col] = at.split(',').map(Number);
          const got = snapshot.sheets.find((s) => s.name === sheet)!.cells[row - 1]?.[col - 1] ?? { kind: 'empty' };
          expect([key, got]).toEqual([key, want]);
        }
        for (const s of p.sheets) {
          const grid = snapshot.sheets.find((g) => g.name === s.name)!;
          expect(grid.hidden ?? false).toBe(s.hidden);
          if (s.far) expect(grid.cells[2][16_383]).toEqual({ kind: 'text', value: '--1' });
        }

        const report = checkWorkbook(snapshot);
        await wb.apply(annotationChanges(snapshot, report));
        const out = tmp.file(`fuzz-${n++}-noter.xlsx`);
        await wb.save(out);
        const again = await (await XlsxWorkbook.open(out)).read();
        const plain = (sheets: typeof snapshot.sheets) => JSON.stringify(sheets.map((g) => ({ ...g, formulas: [...(g.formulas ?? [])] })));
        expect(plain(again.sheets.filter((s) => s.name !== REPORT_SHEET))).toEqual(plain(snapshot.sheets));
        expect(again.sheets.some((s) => s.name === REPORT_SHEET)).toBe(true);
      }),
      runs(25, 'costly'),
    );
  }, 120_000);

  it('reads a value at XFD1048576, the last cell of a sheet, and checks the sheet', async () => {
    const file = tmp.file('hjoerne.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hjørne');
    ws.getCell('A1').value = 'Tabel A.';
    ws.getCell(1_048_576, 16_384).value = '--43.142';
    await wb.xlsx.writeFile(file);
    const snapshot = await (await XlsxWorkbook.open(file)).read();
    expect(snapshot.sheets[0].cells[1_048_575][16_383]).toEqual({ kind: 'text', value: '--43.142' });
    expect(() => checkWorkbook(snapshot)).not.toThrow();
  });

  it('refuses bytes that are no workbook with NotXlsxError, never another exception', async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.uint8Array({ maxLength: 300 }).map((b) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b])),
      fc.uint8Array({ maxLength: 300 }).map((b) => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...b])),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(bytes, async (b) => {
        const file = tmp.file(`bytes-${n++}.xlsx`);
        writeFileSync(file, b);
        await expect(XlsxWorkbook.open(file)).rejects.toMatchObject({ name: 'NotXlsxError' });
      }),
      runs(60, 'costly'),
    );
  });
});
