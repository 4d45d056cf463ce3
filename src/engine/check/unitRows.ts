/**
 * Amounts of a technical table by unit and year, as other rules compare them.
 */
import { isInvalid, valueOf, type FoundTable, type TableLine } from './model';

/** A table's lines summed by unit, built once per table: rules ask for it unit by unit, year by year. */
interface UnitIndex {
  sums: Map<string, number[]>;
  invalid: Map<string, boolean[]>;
  first: Map<string, TableLine>;
}

const INDEX = new WeakMap<FoundTable, UnitIndex>();

function unitIndex(t: FoundTable): UnitIndex {
  let index = INDEX.get(t);
  if (index) return index;
  index = { sums: new Map(), invalid: new Map(), first: new Map() };
  const n = t.header.years.length;
  for (const line of t.lines) {
    const key = line.unit?.key;
    if (key === undefined) continue;
    let sums = index.sums.get(key);
    let invalid = index.invalid.get(key);
    if (!sums || !invalid) {
      sums = new Array<number>(n).fill(0);
      invalid = new Array<boolean>(n).fill(false);
      index.sums.set(key, sums);
      index.invalid.set(key, invalid);
      index.first.set(key, line);
    }
    for (let i = 0; i < n; i++) {
      sums[i] += valueOf(line.values[i]);
      if (isInvalid(line.values[i])) invalid[i] = true;
    }
  }
  INDEX.set(t, index);
  return index;
}

/** Sum of the unit's lines for `year`; 0 when the year or the unit is not in the table. */
export function unitValue(t: FoundTable | undefined, unit: string, year: number): number {
  if (!t) return 0;
  const i = t.header.years.indexOf(year);
  if (i < 0) return 0;
  return unitIndex(t).sums.get(unit)?.[i] ?? 0;
}

/** The unit's lines summed, and which years hold an unreadable cell, aligned with `t.header.years`. */
export function unitRow(t: FoundTable | undefined, unit: string): { sums: readonly number[]; invalid: readonly boolean[] } | undefined {
  if (!t) return undefined;
  const index = unitIndex(t);
  const sums = index.sums.get(unit);
  const invalid = index.invalid.get(unit);
  return sums && invalid ? { sums, invalid } : undefined;
}

export function unitLine(t: FoundTable | undefined, unit: string): TableLine | undefined {
  return t ? unitIndex(t).first.get(unit) : undefined;
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
