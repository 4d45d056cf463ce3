/**
 * Findings are data: a rule reports what it found as a code with parameters and a structured
 * address, and the wording (and the A1 text of the address) is added only when the finding is
 * presented (`wordFinding` in `messages/`).
 */
import type { CellRange } from './cells';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * Every rule id the engine reports. The message catalogues are keyed by this union, so a rule
 * without Danish or English wording does not compile.
 */
export const RULE_IDS = [
  'unparseable-number',
  'year-sequence',
  'total-mismatch',
  'c-equals-a-plus-b',
  'b-balances',
  'a-matches-summary',
  'investments-match',
  'swapped-rows',
  'price-level-mismatch',
  'unknown-unit',
  'payback-mismatch',
  'missing-bevilling',
  'cell-rounding-imbalance',
  'uncalculated-formula',
  'overview-matches-proposal',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type ParamValue = string | number | boolean | null | readonly (string | number)[];

/** A finding before it is worded: what a rule returns. */
export interface FindingDraft {
  /** Stable rule id, kebab-case (`total-mismatch`). */
  rule: RuleId;
  severity: Severity;
  /** The sheet the finding is on; '' for findings about no sheet (a computation). */
  sheet: string;
  /** The offending cell or range on `sheet`, 0-based; null for findings about no cell. */
  range: CellRange | null;
  expected?: number | string;
  actual?: number | string;
  params: Record<string, ParamValue>;
}

/** A finding as it is shown. */
export interface Finding extends FindingDraft {
  /** A1 text of `range` (`C7`, `C7:H7`); '' when the finding has no cell. */
  cell: string;
  /** Human wording in the chosen language. */
  message: string;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Orders findings by sheet order, then severity, rule and position (row, then column). */
export function compareFindings(sheetOrder: readonly string[]) {
  return (a: FindingDraft, b: FindingDraft): number =>
    sheetOrder.indexOf(a.sheet) - sheetOrder.indexOf(b.sheet) ||
    RANK[a.severity] - RANK[b.severity] ||
    a.rule.localeCompare(b.rule) ||
    positionOrder(a.range, b.range);
}

function positionOrder(a: CellRange | null, b: CellRange | null): number {
  if (!a || !b) return (a ? 1 : 0) - (b ? 1 : 0);
  return a.start.row - b.start.row || a.start.col - b.start.col;
}

/** Counts per severity. */
export function countBySeverity(findings: readonly { severity: Severity }[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
