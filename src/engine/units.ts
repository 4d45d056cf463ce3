/**
 * The units (udvalg and ØU's own lines) of the technical tables, and how people write them.
 */

export interface UnitInfo {
  /** Canonical key: `ØU`, `KS`, … or, for other named units, the name itself. */
  key: string;
  /** Full Danish name as the tables print it. */
  name: string;
  /** The committee the unit belongs to (`ØU` for KS, KIT, KEJD, BYK; itself otherwise). */
  committee: string;
  /** True for the eleven rows every table A–E shows. */
  standard: boolean;
}

interface UnitDef extends UnitInfo {
  aliases: string[];
}

const DEFS: UnitDef[] = [
  { key: 'ØU', name: 'Økonomiudvalget', committee: 'ØU', standard: true, aliases: ['ØU', 'ØKF', 'OEU', 'Økonomiforvaltningen', 'ØKF/ØU'] },
  { key: 'KS', name: 'Koncernservice', committee: 'ØU', standard: true, aliases: ['KS', 'Koncern Service'] },
  { key: 'KIT', name: 'Koncern IT', committee: 'ØU', standard: true, aliases: ['KIT', 'Koncern-IT', 'KoncernIT'] },
  { key: 'KEJD', name: 'Københavns Ejendomme', committee: 'ØU', standard: true, aliases: ['KEJD', 'KEID', 'KE', 'Københavns Ejendomme og Indkøb'] },
  { key: 'BYK', name: 'Byggeri København', committee: 'ØU', standard: true, aliases: ['BYK', 'BK'] },
  { key: 'KFU', name: 'Kultur- og Fritidsudvalget', committee: 'KFU', standard: true, aliases: ['KFU', 'KFF', 'Kultur- og Fritidsforvaltningen'] },
  { key: 'BUU', name: 'Børne- og Ungdomsudvalget', committee: 'BUU', standard: true, aliases: ['BUU', 'BUF', 'Børne- og Ungdomsforvaltningen'] },
  { key: 'SUU', name: 'Sundheds- og Omsorgsudvalget', committee: 'SUU', standard: true, aliases: ['SUU', 'SUF', 'Sundheds- og Omsorgsforvaltningen'] },
  { key: 'SU', name: 'Socialudvalget', committee: 'SU', standard: true, aliases: ['SU', 'SOF', 'Socialforvaltningen'] },
  { key: 'TMU', name: 'Teknik- og Miljøudvalget', committee: 'TMU', standard: true, aliases: ['TMU', 'TMF', 'Teknik- og Miljøforvaltningen'] },
  {
    key: 'BIU',
    name: 'Beskæftigelses- og Integrationsudvalget',
    committee: 'BIU',
    standard: true,
    aliases: ['BIU', 'BIF', 'Beskæftigelses- og Integrationsforvaltningen'],
  },
  { key: 'Borgerrådgiveren', name: 'Borgerrådgiveren', committee: 'Borgerrådgiveren', standard: false, aliases: ['BR', 'Borgerrådgivningen'] },
  { key: 'Intern Revision', name: 'Intern Revision', committee: 'Intern Revision', standard: false, aliases: ['IR'] },
];

/** The eleven standard rows of tables A–E in Kvantum order. */
export const STANDARD_UNITS: readonly UnitInfo[] = DEFS.filter((d) => d.standard).map(strip);
/** Canonical keys in Kvantum order. */
export const STANDARD_KEYS: readonly string[] = STANDARD_UNITS.map((u) => u.key);
/** ØU's own lines (sub-units that may carry ØU's amounts). */
export const OEU_SUBUNITS: readonly string[] = ['KS', 'KIT', 'KEJD', 'BYK'];

function strip(d: UnitDef): UnitInfo {
  return { key: d.key, name: d.name, committee: d.committee, standard: d.standard };
}

/**
 * Folds a label to a comparison key: lower case, no hyphens, soft hyphens, spaces, asterisks or
 * trailing punctuation, so "Sundheds- og Om-sorgsudvalget" and "Teknik- og Miljøud- valget" meet
 * their canonical names.
 */
export function foldLabel(label: string): string {
  return label
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u00AD\u200B*:.,;]/g, '')
    .replace(/[\s\u00A0\-\u2010-\u2015]+/g, '');
}

const BY_FOLD = new Map<string, UnitInfo>();
for (const d of DEFS) {
  const info = strip(d);
  for (const alias of [d.key, d.name, ...d.aliases]) BY_FOLD.set(foldLabel(alias), info);
}
const BY_KEY = new Map<string, UnitInfo>(DEFS.map((d) => [d.key, strip(d)]));

/**
 * Resolves what a person wrote for a unit: key, full name (also broken by PDF hyphenation),
 * administration abbreviation, or a name followed by its abbreviation in brackets
 * ("Økonomiudvalget (ØKF)"). Returns null for anything it does not know.
 */
export function resolveUnit(label: string): UnitInfo | null {
  let known = RESOLVED.get(label);
  if (known === undefined) {
    known = resolveUncached(label);
    // Bounded: the same few labels recur across a catalogue, arbitrary text must not pile up.
    if (RESOLVED.size >= 4096) RESOLVED.clear();
    RESOLVED.set(label, known);
  }
  return known;
}

const RESOLVED = new Map<string, UnitInfo | null>();

function resolveUncached(label: string): UnitInfo | null {
  const direct = BY_FOLD.get(foldLabel(label));
  if (direct) return direct;
  const bracket = /^(.*?)\s*\(([^)]*)\)\s*\**$/.exec(label.trim());
  if (bracket) {
    return BY_FOLD.get(foldLabel(bracket[1])) ?? BY_FOLD.get(foldLabel(bracket[2])) ?? null;
  }
  return null;
}

/** The unit for a canonical key, or null. */
export function unitByKey(key: string): UnitInfo | null {
  return BY_KEY.get(key) ?? null;
}

/** A unit the catalogue does not know, declared by the proposal itself. */
export function otherUnit(name: string): UnitInfo {
  const trimmed = name.trim();
  return { key: trimmed, name: trimmed, committee: trimmed, standard: false };
}

/** Sorts keys in Kvantum order: standard units first, then others in the given order. */
export function unitOrder(keys: Iterable<string>): string[] {
  const set = new Set(keys);
  const standard = STANDARD_KEYS.filter((k) => set.has(k));
  const rest = [...set].filter((k) => !STANDARD_KEYS.includes(k));
  return [...standard, ...rest];
}
