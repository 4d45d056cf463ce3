/**
 * The seed's proposals as a person pasted them (test/fixtures/seed), checked against findings
 * worked out by hand from the rules. Every expected finding must be reported; anything else at
 * error or warning level must be one of the cases the rules leave open (AMBIGUOUS_FINDINGS).
 */
import { checkWorkbook, gridFromRows, type Finding } from '../../src/engine';
import { AMBIGUOUS_FINDINGS, EXPECTED_FINDINGS } from '../fixtures/seed/expected';
import { SEED_SHEETS } from '../fixtures/seed/grids';

const report = checkWorkbook({ sheets: SEED_SHEETS.map((s) => gridFromRows(s.name, s.rows)), names: [] });
const key = (f: { rule: string; severity: string; cell: string }) => `${f.rule} ${f.severity} ${f.cell}`;

describe.each(SEED_SHEETS.map((s) => s.name))('seed sheet %s', (sheet) => {
  const found = report.findings.filter((f) => f.sheet === sheet);

  it('reports every known defect under the right rule, severity and cell', () => {
    for (const e of EXPECTED_FINDINGS[sheet] ?? []) expect(found).toContainFinding(e.rule, e.cell, e.severity);
  });

  it('raises no other error or warning (no false alarms)', () => {
    const allowed = new Set([...(EXPECTED_FINDINGS[sheet] ?? []), ...(AMBIGUOUS_FINDINGS[sheet] ?? [])].map(key));
    const unexpected = found.filter((f: Finding) => f.severity !== 'info' && !allowed.has(key(f))).map((f) => `${key(f)}: ${f.message}`);
    expect(unexpected).toEqual([]);
  });
});

it('finds the technical tables of every seed sheet', () => {
  const kinds = (sheet: string) => report.tables.filter((t) => t.sheet === sheet).map((t) => t.kind);
  expect(kinds('Forslag 4')).toEqual(['summary', 'A', 'B', 'C', 'D', 'E']);
  expect(kinds('BC01')).toEqual(['summary', 'A', 'D']);
  expect(kinds('Forslag 5')).toEqual(['summary', 'A', 'C']);
});
