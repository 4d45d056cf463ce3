import type { CellValue } from './cells';

/** What a value cell holds once read the way a Danish budget officer writes numbers. */
export type ParsedNumber = { kind: 'number'; value: number } | { kind: 'blank' } | { kind: 'invalid'; text: string };

const BLANK: ParsedNumber = Object.freeze({ kind: 'blank' });

// Dashes people type for "nothing" or as a minus sign (hyphen, en dash, em dash, minus sign).
const DASHES = /[\u2010-\u2015\u2212\uFE63\uFF0D]/g;
// \s covers the no-break, figure and narrow no-break spaces (U+00A0, U+2007, U+202F) too.
const SPACES = /\s+/g;

/**
 * Reads a cell as a number. Accepts real numbers and Danish number text: `1.144` (thousands dot),
 * `-1.144`, `0,5` (decimal comma), `1.144,5`, `1 144`, `-0`, `(1.144)` (accounting negative),
 * a trailing `kr.`, a percentage (`8 %` → 0.08) and, for nothing, blank, `-` or `–`. Anything else is `invalid`, never guessed.
 */
export function parseNumber(cell: CellValue): ParsedNumber {
  switch (cell.kind) {
    case 'empty':
      return BLANK;
    case 'number':
      return Number.isFinite(cell.value) ? { kind: 'number', value: cell.value === 0 ? 0 : cell.value } : { kind: 'invalid', text: String(cell.value) };
    case 'text':
      return parseNumberText(cell.value);
    case 'boolean':
      return { kind: 'invalid', text: cell.value ? 'TRUE' : 'FALSE' };
    case 'date':
      return { kind: 'invalid', text: Number.isNaN(cell.value.getTime()) ? 'Invalid Date' : cell.value.toISOString().slice(0, 10) };
    case 'error':
      return { kind: 'invalid', text: cell.value };
  }
}

// The common case, "-1.474" or "297", read without the general path's normalising.
const PLAIN = /^-?(?:\d{1,3}(?:\.\d{3})+|\d+)$/;

/** The text half of {@link parseNumber}. */
export function parseNumberText(raw: string): ParsedNumber {
  if (PLAIN.test(raw)) {
    const v = Number(raw.replace(/\./g, ''));
    if (Number.isFinite(v)) return { kind: 'number', value: v === 0 ? 0 : v };
  }
  let s = raw.replace(DASHES, '-').replace(SPACES, ' ').trim();
  if (s === '' || s === '-') return BLANK;
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1];
  }
  s = s.replace(/\s*(t\.\s?)?kr\.?$/i, '').trim();
  let scale = 1;
  if (s.endsWith('%')) {
    scale = 0.01;
    s = s.slice(0, -1).trim();
  }
  if (s.startsWith('-')) {
    if (negative) return { kind: 'invalid', text: raw };
    negative = true;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) {
    s = s.slice(1).trim();
  }
  const value = parseUnsigned(s.replace(/ (?=\d{3}(\D|$))/g, ''));
  if (value === null) return { kind: 'invalid', text: raw };
  const signed = (negative ? -value : value) * scale;
  return { kind: 'number', value: signed === 0 ? 0 : signed };
}

function parseUnsigned(s: string): number | null {
  // 1.144.000,5 | 1144,5 | 1144 | ,5
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) || /^\d*(,\d+)?$/.test(s)) {
    if (s === '' || s === ',') return null;
    const v = Number(s.replace(/\./g, '').replace(',', '.'));
    return Number.isFinite(v) ? v : null;
  }
  // A decimal point that cannot be a thousands separator (1.5, 0.25): English notation, unambiguous.
  if (/^\d+\.\d{1,2}$/.test(s) || /^\d+\.\d{4,}$/.test(s)) {
    const v = Number(s);
    return Number.isFinite(v) ? v : null;
  }
  return null;
}

/** Formats whole thousands the Danish way: -1474 → "-1.474", 0 → "0". */
export function formatDanish(value: number, decimals = 0): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return frac ? `${sign}${grouped},${frac}` : `${sign}${grouped}`;
}
