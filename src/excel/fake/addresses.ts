/** Addresses and defined names as the fake resolves them. */
import { absoluteA1, fromA1, splitSheetAddress, type CellRange } from '../../engine/cells';
import { FakeExcelError } from './errors';
import { MAX_COLUMNS, MAX_ROWS, WorkbookModel, type NameModel, type SheetModel } from './model';

export function checkedRange(row: number, col: number, rows: number, cols: number): CellRange {
  if (!(row >= 0 && col >= 0 && rows >= 1 && cols >= 1 && row + rows <= MAX_ROWS && col + cols <= MAX_COLUMNS)) {
    throw new FakeExcelError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (range ${row},${col} ${rows}×${cols})`);
  }
  return { start: { row, col }, end: { row: row + rows - 1, col: col + cols - 1 } };
}

/** A1, A1:B2, Sheet!A1 (for this sheet) or a defined name. */
export function resolveAddress(model: WorkbookModel, sheet: SheetModel, address: string): CellRange {
  const { sheet: named, address: local } = splitSheetAddress(address.replace(/^=/, ''));
  if (named !== null && named.toLowerCase() !== sheet.name.toLowerCase()) {
    throw new FakeExcelError(
      'InvalidArgument',
      `The argument is invalid or missing or has an incorrect format. (address "${address}" is not on "${sheet.name}")`,
    );
  }
  const parsed = parseA1Range(local);
  if (parsed) return parsed;
  const name = findName(model, local, sheet);
  const target = name ? nameTarget(model, name) : null;
  if (target && target.sheet === sheet) return target.range;
  throw new FakeExcelError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (address "${address}")`);
}

export function parseA1Range(text: string): CellRange | null {
  if (!/^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/.test(text)) return null;
  const [a, b] = text.split(':');
  const start = fromA1(a);
  const end = b ? fromA1(b) : start;
  const range = {
    start: { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col) },
    end: { row: Math.max(start.row, end.row), col: Math.max(start.col, end.col) },
  };
  if (range.end.row >= MAX_ROWS || range.end.col >= MAX_COLUMNS) return null;
  return range;
}

export { absoluteA1 };

export function findName(model: WorkbookModel, name: string, sheet: SheetModel | null): NameModel | undefined {
  const wanted = name.toLowerCase();
  return (
    (sheet ? model.names.find((n) => n.scope === sheet.id && n.name.toLowerCase() === wanted) : undefined) ??
    model.names.find((n) => n.scope === null && n.name.toLowerCase() === wanted)
  );
}

/** The range a name refers to, or null for a constant or a broken reference. */
export function nameTarget(model: WorkbookModel, name: NameModel): { sheet: SheetModel; range: CellRange } | null {
  const { sheet: sheetName, address } = splitSheetAddress(name.formula.replace(/^=/, ''));
  if (sheetName === null) return null;
  const sheet = model.sheet(sheetName);
  const range = parseA1Range(address);
  return sheet && range ? { sheet, range } : null;
}
