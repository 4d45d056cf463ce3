/**
 * Amounts of a technical table by unit and year, as other rules compare them.
 */
import { isInvalid, valueOf, type FoundTable, type TableLine } from './model';

/** Sum of the unit's lines for `year`; undefined when the year is not in the table. */
export function unitValue(t: FoundTable | undefined, unit: string, year: number): number {
  if (!t) return 0;
  const i = t.header.years.indexOf(year);
  if (i < 0) return 0;
  let sum = 0;
  for (const line of t.lines) if (line.unit?.key === unit) sum += valueOf(line.values[i]);
  return sum;
}

/** True when a cell the comparison would use cannot be read. */
export function unitInvalid(t: FoundTable | undefined, unit: string, year: number): boolean {
  if (!t) return false;
  const i = t.header.years.indexOf(year);
  return i >= 0 && t.lines.some((l) => l.unit?.key === unit && isInvalid(l.values[i]));
}

export function unitLine(t: FoundTable | undefined, unit: string): TableLine | undefined {
  return t?.lines.find((l) => l.unit?.key === unit);
}

/** Units named by the table's lines, in table order. */
export function unitsOf(...tables: (FoundTable | undefined)[]): string[] {
  const keys: string[] = [];
  for (const t of tables) for (const l of t?.lines ?? []) if (l.unit && !keys.includes(l.unit.key)) keys.push(l.unit.key);
  return keys;
}

/** Distinct years of a table's header, first occurrence only. */
export function yearsOf(t: FoundTable): number[] {
  return t.header.years.filter((y, i, all) => !Number.isNaN(y) && all.indexOf(y) === i);
}

/** The Total cell of a year, or the header cell when the table has no Total row. */
export function totalCellOf(t: FoundTable, year: number) {
  const i = t.header.years.indexOf(year);
  if (t.total) return t.total.values[i];
  return { row: t.header.row, col: t.header.cols[i] };
}

export function tableTotal(t: FoundTable, year: number): number {
  const i = t.header.years.indexOf(year);
  if (i < 0) return 0;
  return t.total ? valueOf(t.total.values[i]) : t.lines.reduce((acc, l) => acc + valueOf(l.values[i]), 0);
}

export function tableTotalInvalid(t: FoundTable, year: number): boolean {
  const i = t.header.years.indexOf(year);
  if (i < 0) return false;
  return t.total ? isInvalid(t.total.values[i]) : t.lines.some((l) => isInvalid(l.values[i]));
}
