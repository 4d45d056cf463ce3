import { rangeToA1, toA1 } from '../cells';
import { formatDanish } from '../numbers';
import type { ParamValue } from '../findings';

/** A parameter as Danish text: numbers with thousands dots, lists joined. */
export function d(value: ParamValue | undefined): string {
  if (value === undefined || value === null) return '–';
  if (typeof value === 'number') return formatDanish(value, Number.isInteger(value) ? 0 : 2);
  if (Array.isArray(value)) return value.map((v) => d(v)).join(', ');
  return String(value);
}

/** A parameter as English text. */
export function e(value: ParamValue | undefined): string {
  if (value === undefined || value === null) return '–';
  if (typeof value === 'number') return value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
  if (Array.isArray(value)) return value.map((v) => e(v)).join(', ');
  return String(value);
}

/** A list of years as a span: [2026, 2027, 2028] → "2026–2028". */
export function yearsText(years: ParamValue | undefined): string {
  if (!Array.isArray(years) || years.length === 0) return '';
  return years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : String(years[0]);
}

/** A parameter as it is, for years and codes: 2026 stays "2026" (no thousands dot). */
export function plain(value: ParamValue | undefined): string {
  if (value === undefined || value === null) return '–';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** A cell on another sheet as A1 text: row and column (a list of columns for a run of years: "F36:G36"). */
export function addressText(row: ParamValue | undefined, col: ParamValue | undefined): string {
  const cols = (Array.isArray(col) ? col : [col]).filter((c): c is number => typeof c === 'number');
  if (typeof row !== 'number' || cols.length === 0) return '–';
  const first = toA1({ row, col: cols[0] });
  const last = toA1({ row, col: cols[cols.length - 1] });
  return first === last ? first : `${first}:${last}`;
}

/** Ranges given as [row, col, row, col, …] as A1 text joined with `and` ("C61:H61 og C70:H70"). */
export function rangesText(cells: ParamValue | undefined, and: string): string {
  if (!Array.isArray(cells)) return '–';
  const n = cells.filter((c): c is number => typeof c === 'number');
  const ranges: string[] = [];
  for (let i = 0; i + 3 < n.length; i += 4) ranges.push(rangeToA1({ start: { row: n[i], col: n[i + 1] }, end: { row: n[i + 2], col: n[i + 3] } }));
  if (ranges.length === 0) return '–';
  return ranges.length === 1 ? ranges[0] : `${ranges.slice(0, -1).join(', ')} ${and} ${ranges[ranges.length - 1]}`;
}

/** A long label shortened for a message: its first `max` characters and "…". */
export function short(value: ParamValue | undefined, max = 60): string {
  const s = plain(value);
  return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;
}
