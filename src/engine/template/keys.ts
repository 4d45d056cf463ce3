/**
 * Credit and financing keys as people type them in one cell: "ØU 25 %; TMU 75 %",
 * "ØU 0,25; TMU 0,75", "ØU: 25, TMU: 75", or just "TMU". Blank means the unit itself.
 */
import type { Locale } from '../messages';
import { parseNumberText } from '../numbers';
import type { UnitShare as Share } from '../proposal';
import { TEMPLATE_MESSAGES as M } from './messages';

export type ShareKeyResult = { kind: 'blank' } | { kind: 'shares'; shares: Share[] } | { kind: 'invalid'; message: string };

const NAME_THEN_NUMBER = /^(.+?)\s*[:=]?\s*([-+]?\d[\d.,]*)\s*(%)?$/;
const NUMBER_THEN_NAME = /^([-+]?\d[\d.,]*)\s*(%)?\s*(?:til\s+)?(\D.*)$/i;
const PERCENT_TOLERANCE = 1e-6;

interface Part {
  name: string;
  number: string | null;
  percent: boolean;
}

function splitParts(text: string): string[] {
  // ";" and line breaks always separate; a comma only when a name follows (not "0,25").
  return text
    .split(/[;\n\r]+|,(?=\s*[^\d\s])/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function parsePart(part: string): Part {
  const a = NAME_THEN_NUMBER.exec(part);
  if (a) return { name: a[1].trim(), number: a[2], percent: a[3] === '%' };
  const b = NUMBER_THEN_NAME.exec(part);
  if (b) return { name: b[3].trim(), number: b[1], percent: b[2] === '%' };
  return { name: part, number: null, percent: false };
}

/**
 * Parses a key cell. Numbers with `%` are percentages; numbers without are fractions, unless
 * no part has `%` and they add up to 100 ("ØU 25; TMU 75"). A single name without a number
 * gets the whole amount. `resolve` maps a written name to a unit key (null when unknown).
 * Whether the shares sum to 1 is checked later, with the rest of the proposal. Problems are
 * worded in `locale` (Danish by default).
 */
export function parseShareKey(text: string, resolve: (name: string) => string | null, locale: Locale = 'da'): ShareKeyResult {
  const parts = splitParts(text).map(parsePart);
  if (parts.length === 0) return { kind: 'blank' };
  if (parts.length === 1 && parts[0].number === null) {
    const unit = resolve(parts[0].name);
    return unit ? { kind: 'shares', shares: [{ unit, share: 1 }] } : { kind: 'invalid', message: M.unknownKeyUnit(locale, { name: parts[0].name }) };
  }

  const values: number[] = [];
  for (const p of parts) {
    if (p.number === null) return { kind: 'invalid', message: M.shareMissing(locale, { name: p.name }) };
    const parsed = parseNumberText(p.number);
    if (parsed.kind !== 'number') return { kind: 'invalid', message: M.notAShare(locale, { text: p.number }) };
    values.push(p.percent ? parsed.value / 100 : parsed.value);
  }
  const anyPercent = parts.some((p) => p.percent);
  const sum = values.reduce((a, b) => a + b, 0);
  const scale = !anyPercent && Math.abs(sum - 100) < PERCENT_TOLERANCE ? 1 / 100 : 1;

  const merged = new Map<string, number>();
  for (let i = 0; i < parts.length; i++) {
    const unit = resolve(parts[i].name);
    if (!unit) return { kind: 'invalid', message: M.unknownKeyUnit(locale, { name: parts[i].name }) };
    merged.set(unit, (merged.get(unit) ?? 0) + values[i] * scale);
  }
  return { kind: 'shares', shares: [...merged].map(([unit, share]) => ({ unit, share })) };
}

/** Writes shares the way the template shows them: "ØU 25 %; TMU 75 %". */
export function formatShareKey(shares: readonly Share[]): string {
  return shares.map((s) => `${s.unit} ${percentText(s.share)} %`).join('; ');
}

function percentText(share: number): string {
  // Ten decimals keep thirds summing to 1 within the proposal's tolerance.
  return String(Number((share * 100).toFixed(10))).replace('.', ',');
}
