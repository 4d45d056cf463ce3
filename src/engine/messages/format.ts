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
