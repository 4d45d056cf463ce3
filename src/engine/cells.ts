/**
 * Cells, grids and addresses: the engine's only view of a workbook.
 *
 * Inside the engine an address is 0-based `{ row, col }` on a named sheet; A1 strings exist only
 * at the edges (findings, adapters). A cell value is a tagged union so no code has to guess a
 * value's kind from its shape.
 */

/** A value as a spreadsheet holds it. `formula` carries the cached result when the host has one. */
export type CellValue =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; value: Date }
  | { kind: 'error'; value: string };

/** A sheet as a rectangular array of values; rows may be ragged, missing cells are empty. */
export interface SheetGrid {
  name: string;
  cells: CellValue[][];
  /** Formulas by 0-based row and column, where the host knows them (`=SUM(C3:C9)`). */
  formulas?: Map<string, string>; // keyed by formulaKey(row, col)
  /** Formula cells saved without a calculated result (keys as in `formulas`); they read as empty. */
  uncalculated?: Set<string>;
  hidden?: boolean;
}

/** A defined name pointing at a range on one sheet (0-based, inclusive). */
export interface DefinedName {
  name: string;
  sheet: string;
  range: CellRange;
}

/** A workbook as the engine sees it: grids in tab order plus defined names. */
export interface WorkbookSnapshot {
  sheets: SheetGrid[];
  names: DefinedName[];
}

export interface CellAddress {
  row: number;
  col: number;
}

export interface CellRange {
  start: CellAddress;
  end: CellAddress;
}

/** Excel's error values as text (`#DIV/0!`, `#N/A`, …). */
export const EXCEL_ERROR = /^#(?:REF!|VALUE!|DIV\/0!|NAME\?|N\/A|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BUSY!|BLOCKED!|CONNECT!|UNKNOWN!)$/;

/** One A1 cell, `$` allowed: captures the column letters and the row digits. */
export const A1_CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;

export const EMPTY: CellValue = Object.freeze({ kind: 'empty' });

export function num(value: number): CellValue {
  return { kind: 'number', value };
}

export function text(value: string): CellValue {
  return { kind: 'text', value };
}

/**
 * Turns a plain JavaScript value into a cell value. Meant for grid literals in tests and for
 * adapters whose host already hands out plain values (the Excel JavaScript API's `values`).
 */
export function toCell(value: unknown): CellValue {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') {
    if (value === '') return EMPTY;
    if (EXCEL_ERROR.test(value)) {
      return { kind: 'error', value };
    }
    return { kind: 'text', value };
  }
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return { kind: 'date', value };
  // Anything else (a bigint, an object a host did not unwrap) as JavaScript writes it.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return { kind: 'text', value: String(value) };
}

/** Builds a grid from a 2-D literal (`[['Udvalg', 2025], ['ØU', -369]]`). */
export function gridFromRows(name: string, rows: readonly (readonly unknown[])[]): SheetGrid {
  return { name, cells: rows.map((row) => row.map(toCell)) };
}

export function cellAt(grid: SheetGrid, row: number, col: number): CellValue {
  const r = grid.cells[row];
  if (!r) return EMPTY;
  return r[col] ?? EMPTY;
}

/** The cell's text as a person sees it, trimmed; numbers in plain JavaScript notation. */
export function cellText(cell: CellValue): string {
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'text':
      return cell.value.trim();
    case 'number':
      return String(cell.value);
    case 'boolean':
      return cell.value ? 'TRUE' : 'FALSE';
    case 'date':
      return Number.isNaN(cell.value.getTime()) ? '' : cell.value.toISOString().slice(0, 10);
    case 'error':
      return cell.value;
  }
}

/** 0-based column index to letters: 0 → A, 26 → AA. */
export function columnLetters(col: number): string {
  if (!Number.isSafeInteger(col) || col < 0) throw new RangeError(`columnLetters: ${col} is not a column index`);
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based address to A1 (`{row: 6, col: 2}` → `C7`). */
export function toA1(address: CellAddress): string {
  return `${columnLetters(address.col)}${address.row + 1}`;
}

/** 0-based range to A1 (`C7:H7`); a one-cell range is written as its cell. */
export function rangeToA1(range: CellRange): string {
  const a = toA1(range.start);
  const b = toA1(range.end);
  return a === b ? a : `${a}:${b}`;
}

/** 0-based range to absolute A1 (`$C$5:$H$17`), as defined names and formulas refer to it. */
export function absoluteA1(range: CellRange): string {
  const cell = (address: CellAddress) => `$${columnLetters(address.col)}$${address.row + 1}`;
  const a = cell(range.start);
  const b = cell(range.end);
  return a === b ? a : `${a}:${b}`;
}

/** A1 (with or without `$`) to a 0-based address; throws `AddressError` on anything else. */
export function fromA1(a1: string): CellAddress {
  const m = A1_CELL.exec(a1.trim());
  if (!m) throw new AddressError(a1);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** `C7:H9` or `C7` to a 0-based range. */
export function rangeFromA1(a1: string): CellRange {
  const parts = a1.split(':');
  if (parts.length > 2) throw new AddressError(a1);
  const start = fromA1(parts[0]);
  const end = parts.length === 2 ? fromA1(parts[1]) : start;
  return {
    start: { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col) },
    end: { row: Math.max(start.row, end.row), col: Math.max(start.col, end.col) },
  };
}

/** Splits `'Sheet name'!A1:B2` or `Ark1!A1` into sheet and range text. */
export function splitSheetAddress(ref: string): { sheet: string | null; address: string } {
  const bang = ref.lastIndexOf('!');
  if (bang < 0) return { sheet: null, address: ref };
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: ref.slice(bang + 1) };
}

/**
 * Quotes a sheet name for a reference when Excel would (`'Tabel A'!C7`): anything but a plain
 * name, and plain names Excel reads as something else: an A1 cell (`'A1'`), an R1C1 reference
 * (`'R'`, `'C3'`, `'R1C1'`) or a boolean.
 */
export function sheetRef(sheet: string, address: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(sheet) &&
    !/^(?:R[0-9]*C?[0-9]*|C[0-9]*)$/i.test(sheet) &&
    !/^(?:true|false)$/i.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${address}`;
}

/** Key of a cell in `SheetGrid.formulas`: 0-based `row,col`. */
export function formulaKey(row: number, col: number): string {
  return `${row},${col}`;
}

/** Day 0 of Excel's 1900 date system (serial 1 is 1 January 1900, counting its phantom 29 February). */
export const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Excel's serial number as a date (UTC), to the millisecond. */
export function serialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * DAY_MS));
}

/** A date as Excel's serial number (days since 30 December 1899, fractions for the time). */
export function dateToSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_MS) / DAY_MS;
}

export class AddressError extends Error {
  constructor(readonly address: string) {
    super(`Ugyldig celleadresse: "${address}"`);
    this.name = 'AddressError';
  }
}
