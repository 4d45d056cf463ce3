/**
 * Finding the template's ranges in a workbook: through the defined names first, since they move
 * with the rows staff insert, and through the headings when a name is missing.
 */
import { cellAt, cellText, rangeToA1, sheetRef, type CellRange, type SheetGrid, type WorkbookSnapshot } from '../cells';
import { foldLabel } from '../units';

/** Sheets compare without case, as Excel does. */
export function findSheet(snapshot: WorkbookSnapshot, name: string): SheetGrid | undefined {
  const wanted = name.toLowerCase();
  return snapshot.sheets.find((s) => s.name.toLowerCase() === wanted);
}

/** A defined name's range and its sheet, or undefined when the name or its sheet is missing. */
export function findNamedRange(snapshot: WorkbookSnapshot, name: string): { grid: SheetGrid; range: CellRange } | undefined {
  const wanted = name.toLowerCase();
  const defined = snapshot.names.find((n) => n.name.toLowerCase() === wanted);
  if (!defined) return undefined;
  const grid = findSheet(snapshot, defined.sheet);
  return grid ? { grid, range: defined.range } : undefined;
}

/** First row (at or after `from`) whose cell in `col` folds to `label`; -1 when none. */
export function findRowByLabel(grid: SheetGrid, col: number, label: string, from = 0): number {
  const wanted = foldLabel(label);
  for (let row = from; row < grid.cells.length; row++) {
    if (foldLabel(cellText(cellAt(grid, row, col))) === wanted) return row;
  }
  return -1;
}

/** First row whose first cell starts with `prefix` (folded); -1 when none. */
export function findRowStartingWith(grid: SheetGrid, col: number, prefix: string, from = 0): number {
  const wanted = foldLabel(prefix);
  for (let row = from; row < grid.cells.length; row++) {
    if (foldLabel(cellText(cellAt(grid, row, col))).startsWith(wanted)) return row;
  }
  return -1;
}

/** True when every cell of the row from `fromCol` to `toCol` is empty or blank text. */
export function isBlankRow(grid: SheetGrid, row: number, fromCol: number, toCol: number): boolean {
  for (let col = fromCol; col <= toCol; col++) {
    if (cellText(cellAt(grid, row, col)) !== '') return false;
  }
  return true;
}

/** `Input!E12` */
export function cellRef(sheet: string, row: number, col: number): string {
  return sheetRef(sheet, rangeToA1({ start: { row, col }, end: { row, col } }));
}

/** `Input!D12:I12` */
export function rangeRef(sheet: string, range: CellRange): string {
  return sheetRef(sheet, rangeToA1(range));
}
