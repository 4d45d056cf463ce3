/**
 * The template's Kvantum sheet: the lines to key into Kvantum (the same as `tb kvantum` writes),
 * one per table, unit, bevilling and year. The tool owns the range under the name `TB_Kvantum`
 * (the header row and the lines it wrote last) and nothing else on the sheet.
 */
import { cellAt, cellText, EMPTY, num, text, type CellValue, type DefinedName, type SheetGrid, type WorkbookSnapshot } from '../cells';
import type { CellWrite, SheetSpec, WorkbookChanges } from '../changes';
import type { ProposalResult } from '../compute';
import type { InputProblem } from '../errors';
import { AMOUNT_FORMAT, KVANTUM_AREA, KVANTUM_SHEET, NAMES, TABLES_SHEET, unitLine, YEAR_FORMAT } from './layout';
import { findNamedRange, findSheet, rangeRef } from './locate';
import { WRITE_MESSAGES as M } from './messages';
import type { Locale } from '../messages';

const WIDTH = KVANTUM_AREA.headers.length;

/** The cells of one line, in the order of `KVANTUM_AREA.headers`. */
function lineCells(result: ProposalResult): CellValue[][] {
  const names = new Map<string, string>();
  for (const table of Object.values(result.tables)) for (const row of table.rows) names.set(row.unit, row.name);
  return result.kvantum.map((l) => [text(l.table), text(names.get(l.unit) ?? l.unit), text(l.bevilling), text(l.styringsomraade), num(l.year), num(l.amount)]);
}

function formatOf(col: number): Partial<CellWrite> {
  if (col === 4) return { numberFormat: YEAR_FORMAT };
  if (col === 5) return { numberFormat: AMOUNT_FORMAT };
  return {};
}

/**
 * The Kvantum sheet as the tool makes it: a title, a note, the price level (a formula on
 * `TB_Prisniveau` when the workbook has it), the header and `result`'s lines (none in an empty
 * template). Pushes the name `TB_Kvantum` over the header and the lines.
 */
export function kvantumSheet(result: ProposalResult | null, priceLevel: number, names: DefinedName[], priceLevelNamed = true): SheetSpec {
  const cells: CellWrite[] = [];
  const put = (row: number, col: number, value: CellValue, extra: Partial<CellWrite> = {}) => cells.push({ sheet: KVANTUM_SHEET, row, col, value, ...extra });
  put(0, 0, text(KVANTUM_AREA.title), { style: 'title' });
  put(
    1,
    0,
    text(
      `Linjerne skrives af »Beregn tabeller« ud fra fanen Input: én linje pr. tabel, udvalg, bevilling og år, i hele 1.000 kr. ` +
        `De summerer til Tabel A–E på fanen ${TABLES_SHEET}.`,
    ),
    {
      style: 'note',
    },
  );
  put(2, 0, text('Skriv ikke i linjerne: de skrives forfra ved hver beregning. Skriv gerne ved siden af eller i et andet ark.'), { style: 'note' });
  put(3, 0, text(unitLine(priceLevel)), priceLevelNamed ? { style: 'subtitle', formula: `="1.000 kr. "&${NAMES.priceLevel}&" p/l"` } : { style: 'subtitle' });
  const header = KVANTUM_AREA.headerRow;
  KVANTUM_AREA.headers.forEach((label, col) => put(header, col, text(label), { style: 'header' }));
  const lines = result ? lineCells(result) : [];
  lines.forEach((line, i) => line.forEach((value, col) => put(header + 1 + i, col, value, { style: 'output', ...formatOf(col) })));
  names.push({ name: KVANTUM_AREA.name, sheet: KVANTUM_SHEET, range: { start: { row: header, col: 0 }, end: { row: header + lines.length, col: WIDTH - 1 } } });
  return { name: KVANTUM_SHEET, cells, columnWidths: [8, 34, 30, 26, 8, 18], frozenRows: header + 1 };
}

/**
 * The changes that put `result`'s Kvantum lines into the workbook: into the area named
 * `TB_Kvantum` (header and lines rewritten, rows it no longer needs blanked, the name moved to
 * cover what it holds now), or, in a workbook made before the sheet existed, a new sheet
 * "Kvantum". Refused (a problem, nothing written) when a sheet "Kvantum" exists that the tool did
 * not make, or when the lines would need rows below the area that hold something.
 */
export function kvantumWrites(snapshot: WorkbookSnapshot, result: ProposalResult, problems: InputProblem[], l: Locale = 'da'): WorkbookChanges {
  const area = findNamedRange(snapshot, KVANTUM_AREA.name);
  if (!area) {
    const taken = findSheet(snapshot, KVANTUM_SHEET);
    if (taken) {
      problems.push({
        path: taken.name,
        sheet: taken.name,
        message: M.kvantumSheetTaken(l, { sheet: taken.name }),
      });
      return {};
    }
    const names: DefinedName[] = [];
    const priceLevelNamed = snapshot.names.some((n) => n.name.toLowerCase() === NAMES.priceLevel.toLowerCase());
    return { addSheets: [kvantumSheet(result, result.priceLevel, names, priceLevelNamed)], names };
  }

  const { grid, range } = area;
  const header = range.start.row;
  const first = range.start.col;
  const lines = lineCells(result);
  const end = header + lines.length;
  const occupied = occupiedRows(grid, range.end.row + 1, end, first);
  if (occupied) {
    problems.push({
      path: rangeRef(grid.name, { start: { row: occupied, col: first }, end: { row: occupied, col: first + WIDTH - 1 } }),
      sheet: grid.name,
      message: M.kvantumRowsTaken(l, { from: range.end.row + 2, to: end + 1, occupied: occupied + 1 }),
    });
    return {};
  }
  const cells: CellWrite[] = [];
  const put = (row: number, col: number, value: CellValue) => cells.push({ sheet: grid.name, row, col: first + col, value, ...formatOf(col) });
  KVANTUM_AREA.headers.forEach((label, col) => put(header, col, text(label)));
  lines.forEach((line, i) => line.forEach((value, col) => put(header + 1 + i, col, value)));
  for (let row = end + 1; row <= range.end.row; row++) for (let col = 0; col < WIDTH; col++) put(row, col, EMPTY);
  const moved: DefinedName = { name: KVANTUM_AREA.name, sheet: grid.name, range: { start: range.start, end: { row: end, col: first + WIDTH - 1 } } };
  return { cells, names: [moved] };
}

/** The first row from `from` to `to` with something in the area's columns; 0 when none (row 0 is never below an area). */
function occupiedRows(grid: SheetGrid, from: number, to: number, firstCol: number): number {
  for (let row = from; row <= to; row++) {
    for (let col = firstCol; col < firstCol + WIDTH; col++) if (cellText(cellAt(grid, row, col)) !== '') return row;
  }
  return 0;
}
