/**
 * The wording of proposal validation problems, in Danish and English, kept apart from the checks
 * in `proposal.ts`: a zod error map for the schema's issues, a catalogue for the model's own
 * checks, and the search for keys the format does not know (a misspelt key would otherwise be
 * dropped without a word, and its amounts with it).
 */
import { z } from 'zod';
import type { Locale } from './messages';
import { formatDanish } from './numbers';

/**
 * Amounts are in 1.000 kr.; any amount of a budget proposal lies far below 10^12 of them (a
 * billion billion kroner). The bound keeps every sum exact in floating point and every
 * rounding loop short.
 */
export const AMOUNT_LIMIT = 1e12;

/** True when `value` is a usable amount: finite and numerically below `AMOUNT_LIMIT`. */
export function withinAmountLimit(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) < AMOUNT_LIMIT;
}

/** A number as a person reads it in `locale`: Danish `1.474,5`, English `1,474.5`. */
export function formatNumber(value: number, locale: Locale): string {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) return String(value);
  const decimals = Number.isInteger(value) ? 0 : Math.min(10, Math.max(0, (String(value).split('.')[1] ?? '').length));
  const text = formatDanish(value, decimals)
    .replace(/(,\d*?)0+$/, '$1')
    .replace(/,$/, '');
  return locale === 'da' ? text : text.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
}

const LIMIT_TEXT = { da: '1.000.000.000.000', en: '1,000,000,000,000' } as const;

/** The model's own checks, keyed by problem. */
export const PROPOSAL_MESSAGES = {
  yearsNotConsecutive: (l: Locale, p: { before: number; after: number }) =>
    l === 'da'
      ? `årene skal følge hinanden uden huller: ${p.before} efterfølges af ${p.after}`
      : `the years must follow each other without gaps: ${p.before} is followed by ${p.after}`,
  unknownUnit: (l: Locale, p: { name: string }) =>
    l === 'da'
      ? `ukendt udvalg "${p.name}" (brug fx ØU, KS, KIT, KEJD, BYK, KFU, BUU, SUU, SU, TMU, BIU, eller angiv det under otherUnits)`
      : `unknown committee "${p.name}" (use e.g. ØU, KS, KIT, KEJD, BYK, KFU, BUU, SUU, SU, TMU, BIU, or list it under otherUnits)`,
  amountCount: (l: Locale, p: { count: number; years: number; first: number; last: number }) =>
    l === 'da'
      ? `har ${p.count} beløb, men forslaget har ${p.years} år (${p.first}–${p.last})`
      : `has ${p.count} amounts, but the proposal has ${p.years} years (${p.first}–${p.last})`,
  shareRange: (l: Locale, p: { share: number }) =>
    l === 'da' ? `andelen ${formatNumber(p.share, l)} skal ligge mellem 0 og 1` : `the share ${formatNumber(p.share, l)} must lie between 0 and 1`,
  noShares: (l: Locale) => (l === 'da' ? 'mangler mindst én andel' : 'needs at least one share'),
  sharesSum: (l: Locale, p: { sum: number }) =>
    l === 'da'
      ? `andelene summerer til ${formatNumber(+p.sum.toFixed(10), l)}, men skal summere til 1`
      : `the shares add up to ${formatNumber(+p.sum.toFixed(10), l)}, but must add up to 1`,
  sameUnitTransfer: (l: Locale, p: { unit: string }) =>
    l === 'da'
      ? `et bevillingsflyt skal gå mellem to forskellige enheder (begge er ${p.unit})`
      : `a transfer must go between two different units (both are ${p.unit})`,
  placementType: (l: Locale) =>
    l === 'da'
      ? 'skal være et udvalg ("TMU") eller en fordelingsnøgle ({ "key": "Timer" })'
      : 'must be a committee ("TMU") or a distribution key ({ "key": "Timer" })',
  sharesType: (l: Locale) =>
    l === 'da'
      ? 'skal være andele ({ "ØU": 0.25, "TMU": 0.75 }) eller en fordelingsnøgle ({ "key": "Timer" })'
      : 'must be shares ({ "ØU": 0.25, "TMU": 0.75 }) or a distribution key ({ "key": "Timer" })',
} as const;

/** Problems with fordelingsnøgler (distribution keys), keyed by problem. */
export const KEY_MESSAGES = {
  unknownKey: (l: Locale, p: { name: string; names: readonly string[] }) => {
    const keys = p.names.join(', ');
    if (l === 'da')
      return `ukendt fordelingsnøgle "${p.name}" (${p.names.length === 0 ? 'forslaget har ingen nøgler under keys' : `forslagets nøgler er ${keys}`})`;
    return `unknown distribution key "${p.name}" (${p.names.length === 0 ? 'the proposal has no keys under keys' : `the proposal's keys are ${keys}`})`;
  },
  unusedKey: (l: Locale, p: { name: string }) =>
    l === 'da'
      ? `nøglen "${p.name}" bruges ikke af nogen linje; brug den som { "key": "${p.name}" } eller slet den`
      : `the key "${p.name}" is used by no line; use it as { "key": "${p.name}" } or delete it`,
  circular: (l: Locale, p: { name: string }) =>
    l === 'da' ? `nøglen "${p.name}" fordeler sig selv i ring gennem andre nøgler` : `the key "${p.name}" splits into itself through other keys`,
  negativeBasis: (l: Locale, p: { basis: number }) =>
    l === 'da'
      ? `grundlaget ${formatNumber(p.basis, l)} er negativt; en nøgles grundlag (timer, enheder, m², kr.) skal være 0 eller derover`
      : `the basis ${formatNumber(p.basis, l)} is negative; a key's basis (hours, devices, m², DKK) must be 0 or more`,
  zeroTotal: (l: Locale, p: { name: string }) =>
    l === 'da'
      ? `nøglen "${p.name}" summerer til 0; mindst én enhed skal have et grundlag over 0`
      : `the key "${p.name}" adds up to 0; at least one unit needs a basis above 0`,
} as const;

function last(path: readonly PropertyKey[]): PropertyKey | undefined {
  return path[path.length - 1];
}

function isYearPath(path: readonly PropertyKey[]): boolean {
  return path[0] === 'priceLevel' || (path[0] === 'years' && path.length === 2);
}

const TYPE_NAMES: Record<Locale, Record<string, string>> = {
  da: { number: 'et tal', string: 'en tekst', array: 'en liste', object: 'et objekt', record: 'et objekt', boolean: 'sand eller falsk' },
  en: { number: 'a number', string: 'a text', array: 'a list', object: 'an object', record: 'an object', boolean: 'true or false' },
};

function received(input: unknown, locale: Locale): string {
  if (input === null) return 'null';
  if (typeof input === 'string') return locale === 'da' ? `tekst ("${input.slice(0, 40)}")` : `text ("${input.slice(0, 40)}")`;
  if (Array.isArray(input)) return locale === 'da' ? 'en liste' : 'a list';
  if (typeof input === 'object') return locale === 'da' ? 'et objekt' : 'an object';
  if (typeof input === 'number') return formatNumber(input, locale);
  // Only booleans, bigints, symbols and functions are left: none prints as [object Object].
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return String(input);
}

/**
 * A zod error map wording every issue the proposal schema can raise, in `locale`. Messages name
 * no path: the path is printed in front of them.
 */
export function proposalErrorMap(locale: Locale): z.core.$ZodErrorMap {
  const da = locale === 'da';
  return (issue) => {
    const path = issue.path ?? [];
    switch (issue.code) {
      case 'invalid_type': {
        if (issue.input === undefined) return da ? 'mangler' : 'is missing';
        if (isYearPath(path)) return da ? 'skal være et årstal' : 'must be a year';
        const expected = TYPE_NAMES[locale][issue.expected] ?? issue.expected;
        return da ? `skal være ${expected}, ikke ${received(issue.input, locale)}` : `must be ${expected}, not ${received(issue.input, locale)}`;
      }
      case 'too_small':
      case 'too_big': {
        if (isYearPath(path)) return da ? 'skal være et årstal fra 1990 til 2100' : 'must be a year from 1990 to 2100';
        if (issue.origin === 'array') return da ? 'skal have mindst ét år' : 'needs at least one year';
        if (issue.origin === 'string') {
          const what = last(path) === 'label' ? (da ? 'en tekst' : 'a text') : da ? 'et udvalg' : 'a committee';
          return da ? `mangler ${what}` : `is missing ${what}`;
        }
        const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
        return da
          ? `skal være ${issue.code === 'too_small' ? 'mindst' : 'højst'} ${formatNumber(bound, locale)}`
          : `must be at ${issue.code === 'too_small' ? 'least' : 'most'} ${formatNumber(bound, locale)}`;
      }
      case 'invalid_union':
        return last(path) === 'credit' || last(path) === 'financing' ? PROPOSAL_MESSAGES.sharesType(locale) : PROPOSAL_MESSAGES.placementType(locale);
      case 'invalid_value': {
        const values = issue.values.map((v) => `"${String(v)}"`);
        const joined = values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} ${da ? 'eller' : 'or'} ${values[values.length - 1]}`;
        return da ? `skal være ${joined}` : `must be ${joined}`;
      }
      case 'custom':
        if (issue.params?.amount === true && typeof issue.input === 'number') {
          return da
            ? `beløbet ${formatNumber(issue.input, locale)} er uden for det mulige: et beløb i 1.000 kr. skal ligge numerisk under ${LIMIT_TEXT.da}`
            : `the amount ${formatNumber(issue.input, locale)} is out of range: an amount in DKK 1,000 must be numerically below ${LIMIT_TEXT.en}`;
        }
        return da ? 'er ugyldig' : 'is invalid';
      default:
        return da ? 'er ugyldig' : 'is invalid';
    }
  };
}

/** A key the format does not know, with the nearest known key when one is close. */
export interface UnknownKey {
  path: (string | number)[];
  key: string;
  suggestion?: string;
}

/** Words an unknown key in `locale`: `ukendt felt "operatingCost" (mente du operatingCosts?)`. */
export function unknownKeyMessage(k: UnknownKey, known: readonly string[], locale: Locale): string {
  if (locale === 'da') {
    return k.suggestion ? `ukendt felt "${k.key}" (mente du ${k.suggestion}?)` : `ukendt felt "${k.key}" (kendte felter: ${known.join(', ')})`;
  }
  return k.suggestion ? `unknown key "${k.key}" (did you mean ${k.suggestion}?)` : `unknown key "${k.key}" (known keys: ${known.join(', ')})`;
}

/**
 * Walks `input` along `schema` and returns every object key the schema does not describe, with
 * the known keys at that place (records accept any key; their values are walked).
 */
export function findUnknownKeys(schema: z.ZodType, input: unknown, path: (string | number)[] = []): { unknown: UnknownKey; known: string[] }[] {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject && isPlainObject(input)) {
    const shape = inner.shape as Record<string, z.ZodType>;
    const known = Object.keys(shape);
    const out: { unknown: UnknownKey; known: string[] }[] = [];
    for (const [key, value] of Object.entries(input)) {
      if (key in shape) out.push(...findUnknownKeys(shape[key], value, [...path, key]));
      else out.push({ unknown: { path, key, suggestion: nearest(key, known) }, known });
    }
    return out;
  }
  if (inner instanceof z.ZodArray && Array.isArray(input)) {
    return input.flatMap((item, i) => findUnknownKeys(inner.element as z.ZodType, item, [...path, i]));
  }
  return [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let depth = 0; depth < 10; depth++) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
    else break;
  }
  return s;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The known key nearest to `key` by edit distance, ignoring case, when it is close enough. */
function nearest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const dist = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (dist < bestDistance) {
      best = candidate;
      bestDistance = dist;
    }
  }
  const allowed = Math.max(1, Math.floor(Math.min(key.length, best?.length ?? 0) / 3));
  return best !== undefined && bestDistance <= allowed ? best : undefined;
}

function editDistance(a: string, b: string): number {
  if (a.length > 200 || b.length > 200) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}
