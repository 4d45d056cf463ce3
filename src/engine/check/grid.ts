/**
 * Reading a sheet's grid the way table discovery does: labels with their spacing folded, year
 * header cells, the value cells of a line and blank rows. Shared by the discovery of the
 * technical, summary and generic tables (`discover.ts`) and of the overview tables (`overview.ts`).
 */
import { cellAt, type CellValue, type SheetGrid } from '../cells';
import { parseNumber } from '../numbers';
import type { ValueCell } from './model';

/** The first words of a footnote under a table ("* …", "Note: …", "Kilde: …"): it ends the table. */
export const FOOTNOTE = /^\s*(?:\*|note|noter|anm\.?|kilde)\b|^\s*\*/i;

const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;
const YEAR_TEXT = /^\s*(\d{4})\s*\**\s*$/;

/** A text cell's text with runs of white space folded to one space and trimmed; '' for any other cell. */
export function textOf(cell: CellValue): string {
  if (cell.kind !== 'text') return '';
  // Most labels hold single spaces only; rebuilding them through the regex is the costly part.
  return /[^\S ]| {2}/.test(cell.value) ? cell.value.replace(/\s+/g, ' ').trim() : cell.value.trim();
}

/** A year header cell: a whole number 1990–2100, as a number or as text ("2026", "2026*"). */
export function yearOf(cell: CellValue): number | null {
  let year = NaN;
  if (cell.kind === 'number') year = cell.value;
  else if (cell.kind === 'text') year = Number(YEAR_TEXT.exec(cell.value)?.[1] ?? NaN);
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR ? year : null;
}

/** The cells of `row` in the columns `cols`, each with its number as parsed. */
export function valueCells(grid: SheetGrid, row: number, cols: readonly number[]): ValueCell[] {
  return cols.map((col) => {
    const raw = cellAt(grid, row, col);
    return { row, col, raw, parsed: parseNumber(raw) };
  });
}

/** True when every cell of the row is empty or blank text (a row beyond the grid is blank). */
export function isBlankRow(grid: SheetGrid, row: number): boolean {
  return (grid.cells[row] ?? []).every((c) => c.kind === 'empty' || (c.kind === 'text' && c.value.trim() === ''));
}
