/**
 * Findings are data: a rule reports what it found as a code with parameters, and the wording is
 * looked up in a message catalogue (`messages.ts`) only when the finding is presented.
 */

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type ParamValue = string | number | boolean | null | readonly (string | number)[];

export interface Finding {
  /** Stable rule id, kebab-case (`total-mismatch`). */
  rule: string;
  severity: Severity;
  sheet: string;
  /** A1 address of the offending cell or range on `sheet`. */
  cell: string;
  /** Human wording in the chosen language. */
  message: string;
  expected?: number | string;
  actual?: number | string;
  params: Record<string, ParamValue>;
}

/** A finding before it is worded: what a rule returns. */
export type FindingDraft = Omit<Finding, 'message'>;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Orders findings by sheet order, then severity, then position. */
export function compareFindings(sheetOrder: readonly string[]) {
  return (a: Finding | FindingDraft, b: Finding | FindingDraft): number =>
    sheetOrder.indexOf(a.sheet) - sheetOrder.indexOf(b.sheet) || RANK[a.severity] - RANK[b.severity] || a.rule.localeCompare(b.rule) || cellOrder(a.cell, b.cell);
}

function cellOrder(a: string, b: string): number {
  const pa = /^([A-Z]+)(\d+)/.exec(a);
  const pb = /^([A-Z]+)(\d+)/.exec(b);
  if (!pa || !pb) return a.localeCompare(b);
  return Number(pa[2]) - Number(pb[2]) || pa[1].length - pb[1].length || pa[1].localeCompare(pb[1]);
}

/** Counts per severity. */
export function countBySeverity(findings: readonly { severity: Severity }[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
