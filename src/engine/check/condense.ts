/**
 * What a person reads first: the checker reports one finding per cell and year, which on a whole
 * catalogue buries the few errors under their own repetitions. `condenseFindings` folds the
 * repetitions into one finding each, without losing any: every condensed finding says how many
 * findings it stands for and which rules found them.
 *
 * Three folds, each decided from the findings' data alone (the rules are not named here):
 * - one cause, two rules: findings on the same cell with the same expected and found values are
 *   one finding (Tabel A's total against its rows and against the summary);
 * - runs of years: the same rule on consecutive years along one row is one finding over the range
 *   (a total off in five years);
 * - one table: infos of the same rule along one column of one table, differing only in one text
 *   parameter, are one finding naming every row (units without "Bevilling, profitcenter mv.").
 *   Errors and warnings are not folded this way: each such cell needs its own fix.
 */
import { rangeToA1, type CellRange } from '../cells';
import type { Finding, FindingDraft, ParamValue } from '../findings';
import { wordFinding, type Locale } from '../messages';

export interface CondensedFinding extends Finding {
  /** How many of the checker's findings this one stands for (1 when it stands alone). */
  count: number;
  /** Every rule that found it, the shown one first. */
  rules: string[];
}

/** Parameters that locate a finding rather than describe it. */
const PLACE_PARAMS = new Set(['cell']);

/**
 * Folds repeated findings (see the module comment). Keeps the order of the first finding of each
 * fold; words folded findings in `locale` from their merged parameters.
 */
export function condenseFindings(findings: readonly Finding[], locale: Locale = 'da'): CondensedFinding[] {
  const single = oneCausePerCell(findings);
  const byYears = foldRuns(single, locale);
  return foldColumns(byYears, locale);
}

function plain(f: Finding): CondensedFinding {
  return { ...f, count: 1, rules: [f.rule] };
}

/** Findings on one cell with equal expected and found values: the first (most severe) stays. */
function oneCausePerCell(findings: readonly Finding[]): CondensedFinding[] {
  const kept: CondensedFinding[] = [];
  const byCause = new Map<string, CondensedFinding>();
  for (const f of findings) {
    if (f.expected === undefined || f.actual === undefined || !f.cell) {
      kept.push(plain(f));
      continue;
    }
    const key = JSON.stringify([f.sheet, f.cell, f.expected, f.actual]);
    const same = byCause.get(key);
    if (same && same.rule !== f.rule) {
      same.count++;
      if (!same.rules.includes(f.rule)) same.rules.push(f.rule);
      continue;
    }
    const entry = plain(f);
    byCause.set(key, entry);
    kept.push(entry);
  }
  // The most severe finding of a cause is the one shown.
  return kept;
}

function singleCell(f: Finding): { row: number; col: number } | null {
  const r = f.range;
  return r && r.start.row === r.end.row && r.start.col === r.end.col ? r.start : null;
}

function sameValue(a: ParamValue | undefined, b: ParamValue | undefined): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return a.every((v, i) => v === b[i]);
}

/** A value per member when they differ, else the common value. */
function merged(values: readonly (ParamValue | undefined)[]): ParamValue {
  const first = values[0] ?? null;
  if (values.every((v) => sameValue(v, first))) return first;
  return values.map((v) => (typeof v === 'number' || typeof v === 'string' ? v : String(v)));
}

function yearRange(years: readonly number[]): string {
  return years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : String(years[0]);
}

function reword(
  base: CondensedFinding,
  members: readonly CondensedFinding[],
  range: CellRange,
  params: Record<string, ParamValue>,
  locale: Locale,
): CondensedFinding {
  const draft: FindingDraft = { rule: base.rule, severity: base.severity, sheet: base.sheet, range, params: { ...params, cell: rangeToA1(range) } };
  const exp = merged(members.map((m) => m.expected));
  const act = merged(members.map((m) => m.actual));
  if (typeof exp === 'number' || typeof exp === 'string') draft.expected = exp;
  if (typeof act === 'number' || typeof act === 'string') draft.actual = act;
  const rules = [...new Set(members.flatMap((m) => m.rules))];
  return { ...wordFinding(draft, locale), count: members.reduce((n, m) => n + m.count, 0), rules };
}

/**
 * May `next` extend `run`? Same sheet, rule and severity, the same descriptive text parameters,
 * and (for years) the next year in the next column, (for a column) the same column further down.
 */
function describesAlike(a: CondensedFinding, b: CondensedFinding, free: (key: string, value: ParamValue) => boolean): boolean {
  if (a.sheet !== b.sheet || a.rule !== b.rule || a.severity !== b.severity) return false;
  const keys = new Set([...Object.keys(a.params), ...Object.keys(b.params)]);
  for (const key of keys) {
    if (PLACE_PARAMS.has(key)) continue;
    const [va, vb] = [a.params[key], b.params[key]];
    if (sameValue(va, vb)) continue;
    if (va === undefined || vb === undefined || !free(key, va) || !free(key, vb)) return false;
  }
  return true;
}

/** The same rule in consecutive years along one row becomes one finding over the range. */
function foldRuns(findings: readonly CondensedFinding[], locale: Locale): CondensedFinding[] {
  const out: CondensedFinding[] = [];
  const open = new Map<string, CondensedFinding[]>();
  const runs: CondensedFinding[][] = [];
  for (const f of findings) {
    const at = singleCell(f);
    if (!at || typeof f.params.year !== 'number') {
      runs.push([f]);
      continue;
    }
    const key = `${f.sheet}\u0000${f.rule}\u0000${f.severity}\u0000${at.row}`;
    const run = open.get(key);
    const last = run?.[run.length - 1];
    const lastAt = last ? singleCell(last) : null;
    if (
      run &&
      last &&
      lastAt &&
      last.params.year === f.params.year - 1 &&
      lastAt.col === at.col - 1 &&
      describesAlike(last, f, (key, value) => key === 'year' || typeof value === 'number')
    ) {
      run.push(f);
      continue;
    }
    const fresh = [f];
    open.set(key, fresh);
    runs.push(fresh);
  }
  for (const run of runs) {
    if (run.length === 1) {
      out.push(run[0]);
      continue;
    }
    const first = run[0];
    const range: CellRange = { start: singleCell(first)!, end: singleCell(run[run.length - 1])! };
    const params: Record<string, ParamValue> = {};
    for (const key of Object.keys(first.params)) params[key] = merged(run.map((m) => m.params[key]));
    params.year = yearRange(run.map((m) => m.params.year as number));
    params.years = run.map((m) => m.params.year as number);
    out.push(reword(first, run, range, params, locale));
  }
  return out;
}

/**
 * Infos of the same rule down one column of one table, differing only in one text parameter
 * (the row's unit), become one finding naming every row.
 */
function foldColumns(findings: readonly CondensedFinding[], locale: Locale): CondensedFinding[] {
  const groups: CondensedFinding[][] = [];
  const open = new Map<string, CondensedFinding[]>();
  for (const f of findings) {
    const at = singleCell(f);
    if (!at || f.severity !== 'info' || f.params.year !== undefined) {
      groups.push([f]);
      continue;
    }
    const key = JSON.stringify([f.sheet, f.rule, at.col, f.params.table ?? null]);
    const group = open.get(key);
    const differ = group ? varying(group[0], f) : [];
    if (group && differ.length === 1 && (group.length === 1 || varying(group[0], group[1])[0] === differ[0])) {
      group.push(f);
      continue;
    }
    const fresh = [f];
    open.set(key, fresh);
    groups.push(fresh);
  }
  return groups.map((group) => {
    if (group.length === 1) return group[0];
    const first = group[0];
    const rows = group.map((m) => m.range!);
    const range: CellRange = {
      start: { row: Math.min(...rows.map((r) => r.start.row)), col: rows[0].start.col },
      end: { row: Math.max(...rows.map((r) => r.end.row)), col: rows[0].start.col },
    };
    const params: Record<string, ParamValue> = {};
    for (const key of Object.keys(first.params)) params[key] = merged(group.map((m) => m.params[key]));
    return reword(first, group, range, params, locale);
  });
}

/** The parameters in which two findings of one rule differ; two or more when they cannot fold. */
function varying(a: CondensedFinding, b: CondensedFinding): string[] {
  if (!describesAlike(a, b, (_key, value) => typeof value === 'string')) return ['', ''];
  return Object.keys(a.params).filter((k) => !PLACE_PARAMS.has(k) && !sameValue(a.params[k], b.params[k]));
}
