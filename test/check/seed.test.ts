/**
 * The seed's proposals as a person pasted them (test/fixtures/seed), checked against findings
 * worked out by hand from the rules:
 * - every expected finding is reported (rule, severity, cell);
 * - each group of ambiguous findings that share a `reading` is reported whole or not at all
 *   (a checker follows one reading of a sheet consistently);
 * - the expected infos (missing-bevilling) are reported on exactly the rows listed;
 * - anything else at error or warning level is a false alarm.
 */
import { checkWorkbook, fromA1, gridFromRows, type Finding } from '../../src/engine';
import { AMBIGUOUS_FINDINGS, EXPECTED_FINDINGS, EXPECTED_INFO, type AmbiguousFinding } from '../fixtures/seed/expected';
import { SEED_SHEETS } from '../fixtures/seed/grids';

// Checked inside each test, not once at load, so mutation testing can tell which test covers what.
const check = (names: string[] = SEED_SHEETS.map((s) => s.name)) =>
  checkWorkbook({ sheets: SEED_SHEETS.filter((s) => names.includes(s.name)).map((s) => gridFromRows(s.name, s.rows)), names: [] });
const key = (f: { rule: string; severity: string; cell: string }) => `${f.rule} ${f.severity} ${f.cell}`;

/** Ambiguous findings by reading. */
function readings(sheet: string): Map<string, AmbiguousFinding[]> {
  const groups = new Map<string, AmbiguousFinding[]>();
  for (const a of AMBIGUOUS_FINDINGS[sheet] ?? []) groups.set(a.reading, [...(groups.get(a.reading) ?? []), a]);
  return groups;
}

describe.each(SEED_SHEETS.map((s) => s.name))('seed sheet %s', (sheet) => {
  const findings = () => check([sheet]).findings;

  it('reports every known defect under the right rule, severity and cell', () => {
    const found = findings();
    for (const e of EXPECTED_FINDINGS[sheet] ?? []) expect(found).toContainFinding(e.rule, e.cell, e.severity);
  });

  it('raises no other error or warning (no false alarms)', () => {
    const found = findings();
    const allowed = new Set([...(EXPECTED_FINDINGS[sheet] ?? []), ...(AMBIGUOUS_FINDINGS[sheet] ?? [])].map(key));
    const unexpected = found.filter((f: Finding) => f.severity !== 'info' && !allowed.has(key(f))).map((f) => `${key(f)}: ${f.message}`);
    expect(unexpected).toEqual([]);
  });

  it('follows each ambiguous reading all the way or not at all', () => {
    const foundKeys = new Set(findings().map(key));
    const expected = new Set((EXPECTED_FINDINGS[sheet] ?? []).map(key));
    const partial: string[] = [];
    for (const [reading, entries] of readings(sheet)) {
      // An entry that is also an expected finding says nothing about which reading was taken.
      const own = entries.filter((a) => !expected.has(key(a)));
      const reported = own.filter((a) => foundKeys.has(key(a)));
      if (reported.length > 0 && reported.length < own.length) {
        partial.push(`${reading}: ${reported.length} of ${own.length} (missing ${own.filter((a) => !foundKeys.has(key(a))).map(key).join(', ')})`);
      }
    }
    expect(partial).toEqual([]);
  });

  it('reports missing-bevilling on exactly the rows worked out by hand', () => {
    // The catalogue's oracle cites the row's label cell; the rule cites the Bevilling cell of the row.
    const rows = (list: { rule: string; cell: string }[]) =>
      list.filter((f) => f.rule === 'missing-bevilling').map((f) => fromA1(f.cell.split(':')[0]).row + 1).sort((a, b) => a - b);
    expect(rows(findings().filter((f) => f.severity === 'info'))).toEqual(rows(EXPECTED_INFO[sheet] ?? []));
  });
});

it('Forslag 2: the stated payback is flagged at both lines that state it', () => {
  const payback = check(['Forslag 2']).findings.filter((f) => f.rule === 'payback-mismatch').map((f) => f.cell);
  expect(payback).toEqual(['B25', 'B27']);
});

it('finds the technical tables of every seed sheet', () => {
  const report = check();
  const kinds = (sheet: string) => report.tables.filter((t) => t.sheet === sheet).map((t) => t.kind);
  expect(kinds('Forslag 4')).toEqual(['summary', 'A', 'B', 'C', 'D', 'E']);
  expect(kinds('BC01')).toEqual(['summary', 'A', 'D']);
  expect(kinds('Forslag 5')).toEqual(['summary', 'A', 'C']);
});
