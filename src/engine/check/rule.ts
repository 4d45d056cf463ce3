/**
 * A consistency rule: one file each under `rules/`, listed once in `registry.ts`. The runner
 * never branches on a rule's id.
 */
import { rangeToA1, toA1, type CellAddress } from '../cells';
import type { FindingDraft, ParamValue, Severity } from '../findings';
import type { SheetTables } from './model';

export interface Rule {
  id: string;
  /** The rule's usual severity; a finding may state a milder one (rounding, ØU's own lines). */
  severity: Severity;
  appliesTo(sheet: SheetTables): boolean;
  /** When this rule finds something, the sheet's later rules are not run: their numbers cannot be trusted. */
  gatesSheet?: boolean;
  check(sheet: SheetTables): FindingDraft[];
}

/** Two amounts are equal when they differ by less than floating-point noise. */
export function same(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-6;
}

/** Severity of a difference: within 1 is rounding (warning), above is an error. */
export function roundingSeverity(diff: number): Severity {
  return Math.abs(diff) <= 1 + 1e-6 ? 'warning' : 'error';
}

export function finding(
  rule: string,
  severity: Severity,
  sheet: string,
  at: CellAddress | { start: CellAddress; end: CellAddress },
  params: Record<string, ParamValue>,
  expected?: number | string,
  actual?: number | string,
): FindingDraft {
  const cell = 'start' in at ? rangeToA1(at) : toA1(at);
  const draft: FindingDraft = { rule, severity, sheet, cell, params: { ...params, cell } };
  if (expected !== undefined) draft.expected = expected;
  if (actual !== undefined) draft.actual = actual;
  return draft;
}

/** Short table name for messages: "Tabel A", "Tabel 1", or the title. */
export function tableName(kind: string, title: string): string {
  if (kind.length === 1) return `Tabel ${kind}`;
  const m = /^\s*(?:tabel|table|tablet|tabell)\s*([0-9ivx]+(?:\.\d+)*)/i.exec(title);
  return m ? `Tabel ${m[1]}` : title.length > 40 ? `${title.slice(0, 40)}…` : title;
}
