/**
 * Consistency rules: one file each under `rules/`, listed once in `registry.ts`. The runner
 * never branches on a rule's id. A `Rule` checks one sheet; a `WorkbookRule` compares sheets
 * with each other, after every sheet has been discovered.
 */
import type { CellAddress, CellRange } from '../cells';
import type { FindingDraft, ParamValue, RuleId, Severity } from '../findings';
import type { SheetTables } from './model';

export interface Rule {
  id: RuleId;
  appliesTo(sheet: SheetTables): boolean;
  /** When this rule finds something, the sheet's later rules are not run: their numbers cannot be trusted. */
  gatesSheet?: boolean;
  check(sheet: SheetTables): FindingDraft[];
}

/**
 * A rule over the whole workbook (a catalogue's overview against its proposals' sheets). It gets
 * every checked sheet in tab order as discovery found it, so nothing is discovered twice.
 */
export interface WorkbookRule {
  id: RuleId;
  appliesTo(sheets: readonly SheetTables[]): boolean;
  check(sheets: readonly SheetTables[]): FindingDraft[];
}

/** Two amounts are equal when they differ by less than floating-point noise. */
export function same(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-6;
}

/** Severity of a difference: within 1 is rounding (warning), above is an error. */
export function roundingSeverity(diff: number): Severity {
  return Math.abs(diff) <= 1 + 1e-6 ? 'warning' : 'error';
}

/** A finding at a cell or range, addressed as the engine addresses cells (0-based). */
export function finding(
  rule: RuleId,
  severity: Severity,
  sheet: string,
  at: CellAddress | CellRange,
  params: Record<string, ParamValue>,
  expected?: number | string,
  actual?: number | string,
): FindingDraft {
  const range: CellRange =
    'start' in at ? { start: { ...at.start }, end: { ...at.end } } : { start: { row: at.row, col: at.col }, end: { row: at.row, col: at.col } };
  const draft: FindingDraft = { rule, severity, sheet, range, params };
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
