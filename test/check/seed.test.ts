/**
 * The seed's proposals as a person pasted them (test/fixtures/seed), checked against findings
 * worked out by hand from the rules:
 * - every expected finding is reported (rule, severity, cell);
 * - each group of ambiguous findings that share a `reading` is reported whole or not at all
 *   (a checker follows one reading of a sheet consistently);
 * - the expected infos (missing-bevilling) are reported on exactly the rows listed;
 * - anything else at error or warning level is a false alarm.
 */
import { checkWorkbook, condenseFindings, fromA1, gridFromRows, toA1, type Finding } from '../../src/engine';
import { AMBIGUOUS_FINDINGS, EXPECTED_FINDINGS, EXPECTED_INFO, type AmbiguousFinding } from '../fixtures/seed/expected';
import { SEED_SHEETS, type SeedSheet } from '../fixtures/seed/grids';
import { EXPECTED_OVERVIEW, SEED_CATALOGUE, SEED_OVERVIEW } from '../fixtures/seed/overview';

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
        partial.push(
          `${reading}: ${reported.length} of ${own.length} (missing ${own
            .filter((a) => !foundKeys.has(key(a)))
            .map(key)
            .join(', ')})`,
        );
      }
    }
    expect(partial).toEqual([]);
  });

  it('reports missing-bevilling on exactly the rows worked out by hand', () => {
    // The catalogue's oracle cites the row's label cell; the rule cites the Bevilling cell of the row.
    const rows = (list: { rule: string; cell: string }[]) =>
      list
        .filter((f) => f.rule === 'missing-bevilling')
        .map((f) => fromA1(f.cell.split(':')[0]).row + 1)
        .sort((a, b) => a - b);
    expect(rows(findings().filter((f) => f.severity === 'info'))).toEqual(rows(EXPECTED_INFO[sheet] ?? []));
  });
});

it('Forslag 2: the stated payback is flagged at both lines that state it', () => {
  const payback = check(['Forslag 2'])
    .findings.filter((f) => f.rule === 'payback-mismatch')
    .map((f) => f.cell);
  expect(payback).toEqual(['B25', 'B27']);
});

it('finds the technical tables of every seed sheet', () => {
  const report = check();
  const kinds = (sheet: string) => report.tables.filter((t) => t.sheet === sheet).map((t) => t.kind);
  expect(kinds('Forslag 4')).toEqual(['summary', 'A', 'B', 'C', 'D', 'E']);
  expect(kinds('BC01')).toEqual(['summary', 'A', 'D']);
  expect(kinds('Forslag 5')).toEqual(['summary', 'A', 'C']);
});

/**
 * The catalogue with its overview tables (test/fixtures/seed/overview.ts): every overview row
 * against its proposal's sheet. How each expected figure was derived is written out at
 * EXPECTED_OVERVIEW.
 */
describe('the catalogue’s overview against the proposals (overview-matches-proposal)', () => {
  const checkAll = (sheets: SeedSheet[]) => checkWorkbook({ sheets: sheets.map((s) => gridFromRows(s.name, s.rows)), names: [] });
  const overviewFindings = (sheets: SeedSheet[]) => checkAll(sheets).findings.filter((f) => f.rule === 'overview-matches-proposal');

  it('reports exactly the rows worked out by hand: BC01 2027–28, Forslag 4 2026–28, Forslag 5 2025–28, and the rows it cannot compare', () => {
    expect(overviewFindings(SEED_CATALOGUE).map(key).sort()).toEqual(EXPECTED_OVERVIEW.map(key).sort());
  });

  it('finds both overview tables, and nothing else on the overview sheet: both "I alt" rows add up', () => {
    const report = checkAll(SEED_CATALOGUE);
    expect(report.tables.filter((t) => t.sheet === 'Oversigt').map((t) => [t.kind, t.range])).toEqual([
      ['overview', 'A1:G8'],
      ['overview', 'A11:G28'],
    ]);
    expect(report.findings.filter((f) => f.sheet === 'Oversigt' && f.rule !== 'overview-matches-proposal').map(key)).toEqual([]);
  });

  it('cites the overview cell and names the proposal’s sheet and cell, in Danish numbers, with the sign turned', () => {
    const byCell = new Map(overviewFindings(SEED_CATALOGUE).map((f) => [f.cell, f]));
    // BC01's Tabel A Total for 2027 is F36 in grids.ts, F37 under the heading row.
    expect(byCell.get('E6')?.message).toBe(
      'Tabel 1, »1 Samlet ferieløsning i Serviceportalen« 2027: der står 1.144, men Tabel A på arket »BC01« har i alt -1.474 (F37). ' +
        'Oversigten viser besparelser med positivt fortegn, så der skal stå 1.474.',
    );
    expect(byCell.get('E6')).toMatchObject({ sheet: 'Oversigt', expected: 1474, actual: 1144 });
    expect(byCell.get('D23')?.message).toMatch(
      /^Tabel 2, »Forslag 4 Digitalisering af .*« 2026: der står 1\.560, men Tabel A på arket »Forslag 4« har i alt -1\.860 \(E33\)\./,
    );
    expect(byCell.get('A27')?.message).toMatch(/hører til arket »Forslag 7«, men arket har ingen Tabel A og hverken Tabel D, Tabel E/);
    expect(byCell.get('A16')?.message).toMatch(/intet ark .* Giv forslagets ark navnet »Forslag 1«/);
  });

  it('folds a run of years into one line over the cells', () => {
    const condensed = condenseFindings(overviewFindings(SEED_CATALOGUE));
    const bc01 = condensed.find((f) => f.cell === 'E6:F6');
    expect(bc01?.count).toBe(2);
    expect(bc01?.message).toMatch(/« 2027–2028: der står 1\.144, men Tabel A på arket »BC01« har i alt -1\.474 \(F37:G37\)/);
  });

  it('leaves every proposal sheet’s own findings as they are, one row down under its heading', () => {
    const whole = checkAll(SEED_CATALOGUE).findings;
    for (const sheet of SEED_SHEETS) {
      const alone = check([sheet.name]).findings.map((f) => {
        const { row, col } = fromA1(f.cell.split(':')[0]);
        return `${f.rule} ${f.severity} ${toA1({ row: row + 1, col })}`;
      });
      const inCatalogue = whole.filter((f) => f.sheet === sheet.name).map((f) => `${f.rule} ${f.severity} ${f.cell.split(':')[0]}`);
      expect(inCatalogue).toEqual(alone);
    }
  });

  it('without the proposals’ headings, the two rows named by a running number ("1", "2") match no sheet and say so', () => {
    const found = overviewFindings([SEED_OVERVIEW, ...SEED_SHEETS]);
    expect(found.filter((f) => f.severity === 'info').map((f) => f.cell)).toEqual(['A6', 'A7', 'A16', 'A26', 'A27']);
    // Rows named "Forslag N" still match the sheets of that name.
    expect(found.filter((f) => f.severity === 'error').map((f) => f.cell)).toEqual(['D23', 'E23', 'F23', 'C25', 'D25', 'E25', 'F25']);
  });

  it('an overview with no proposal sheets beside it is not compared', () => {
    expect(overviewFindings([SEED_OVERVIEW])).toEqual([]);
  });
});
