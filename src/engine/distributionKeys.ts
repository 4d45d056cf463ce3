/**
 * Fordelingsnøgler: a proposal's named keys, each a basis per unit (hours, devices, m², kr.),
 * turned into exact shares. An entry may name a unit, an administration (it counts for its
 * committee: KFF for KFU, ØKF for ØU) or another key of the proposal, whose units then share
 * that entry's basis in proportion to their own (Forslag 5 splits ØKF's devices over ØU, KS,
 * KIT, KEJD and BYK with a key named "ØKF").
 */
import type { InputProblem } from './errors';
import { Fraction, sumFractions } from './exact';
import type { Locale } from './messages';
import { KEY_MESSAGES as M } from './proposalMessages';

/** A unit's exact share of a key (its basis over the key's total). */
export interface KeyShare {
  unit: string;
  share: Fraction;
  /** The unit's basis as written (for an entry split by another key: its part of that entry). */
  basis: Fraction;
}

/** A key after resolution: shares in the order the units were written, summing to exactly 1. */
export interface ResolvedKey {
  name: string;
  shares: KeyShare[];
}

/** Resolves a unit name to its canonical key, or null (after reporting it at `path`). */
export type UnitResolver = (name: string, path: string) => string | null;

function keyPath(name: string): string {
  return `keys.${name}`;
}

/**
 * Resolves every key of `keys`. Reports, with their paths: negative bases, unknown units, keys
 * whose bases sum to zero, and keys that split into each other in a circle. A key with problems
 * is left out of the result. Problems are worded in `locale` (Danish by default).
 */
export function resolveKeys(
  keys: Readonly<Record<string, Readonly<Record<string, number>>>>,
  resolveUnit: UnitResolver,
  problems: InputProblem[],
  locale: Locale = 'da',
): Map<string, ResolvedKey> {
  const byFold = new Map(Object.keys(keys).map((name) => [name.trim().toLowerCase(), name]));
  const resolved = new Map<string, ResolvedKey | null>();
  const visiting = new Set<string>();

  const resolve = (name: string): ResolvedKey | null => {
    if (resolved.has(name)) return resolved.get(name)!;
    if (visiting.has(name)) {
      problems.push({ path: keyPath(name), message: M.circular(locale, { name }) });
      return null;
    }
    visiting.add(name);
    const bases = new Map<string, Fraction>();
    let ok = true;
    for (const [entry, basis] of Object.entries(keys[name])) {
      const path = `${keyPath(name)}.${entry}`;
      if (basis < 0) {
        problems.push({ path, message: M.negativeBasis(locale, { basis }) });
        ok = false;
        continue;
      }
      const amount = Fraction.fromNumber(basis);
      const sub = byFold.get(entry.trim().toLowerCase());
      if (sub !== undefined && sub !== name) {
        const split = resolve(sub);
        if (!split) {
          ok = false;
          continue;
        }
        for (const s of split.shares) bases.set(s.unit, (bases.get(s.unit) ?? Fraction.ZERO).add(amount.mul(s.share)));
        continue;
      }
      const unit = resolveUnit(entry, path);
      if (unit === null) {
        ok = false;
        continue;
      }
      bases.set(unit, (bases.get(unit) ?? Fraction.ZERO).add(amount));
    }
    visiting.delete(name);
    const total = sumFractions(bases.values());
    let result: ResolvedKey | null = null;
    if (ok && total.sign() <= 0) {
      problems.push({ path: keyPath(name), message: M.zeroTotal(locale, { name }) });
    } else if (ok) {
      result = { name, shares: [...bases].filter(([, b]) => !b.isZero()).map(([unit, b]) => ({ unit, share: b.div(total), basis: b })) };
    }
    resolved.set(name, result);
    return result;
  };

  const out = new Map<string, ResolvedKey>();
  for (const name of Object.keys(keys)) {
    const key = resolve(name);
    if (key) out.set(name, key);
  }
  return out;
}

/**
 * The names of the keys a line refers to, and the keys other keys split into: what is left is
 * unused and reported, so a key typed but never applied cannot pass unnoticed.
 */
export function unusedKeys(keys: Readonly<Record<string, Readonly<Record<string, number>>>>, usedByLines: ReadonlySet<string>): string[] {
  const byFold = new Map(Object.keys(keys).map((name) => [name.trim().toLowerCase(), name]));
  const used = new Set<string>();
  const visit = (name: string) => {
    if (used.has(name)) return;
    used.add(name);
    for (const entry of Object.keys(keys[name] ?? {})) {
      const sub = byFold.get(entry.trim().toLowerCase());
      if (sub !== undefined) visit(sub);
    }
  };
  for (const name of usedByLines) if (name in keys) visit(name);
  return Object.keys(keys).filter((k) => !used.has(k));
}
