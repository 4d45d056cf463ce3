/**
 * Issue 5, fuzzing: whatever a workbook holds, table discovery, every rule and `checkWorkbook`
 * never throw, and every value cell of a found table that cannot be read as a number is reported
 * as `unparseable-number` at that cell.
 */
import fc from 'fast-check';
import {
  checkWorkbook,
  computeProposal,
  discoverSheet,
  fromA1,
  gridFromRows,
  parseNumber,
  RULES,
  SEVERITIES,
  toA1,
  toCell,
  type CellValue,
  type SheetGrid,
  type WorkbookSnapshot,
} from '../../src/engine';
import { proposalSheet } from '../../scripts/bench/catalogue';
import { randomProposal } from '../../scripts/bench/proposals';
import { seededRng } from '../../scripts/bench/random';
import { cell, grid, runs } from './arbitraries';

// Excel keeps sheet names unique (ignoring case); findings name their sheet.
const sheets = (maxLength: number) => fc.uniqueArray(grid, { maxLength, selector: (g) => g.name.toLowerCase() });

/**
 * Value cells of every found table that parseNumber cannot read, as `A1`: every cell under a
 * value column from the table's first line to its last row, payback lines (text by nature) aside.
 * Read from the grid itself, not from discovery's copy, so a row discovery passes over is caught.
 */
function unreadableCells(g: SheetGrid): string[] {
  const out = new Set<string>();
  for (const t of discoverSheet(g).tables) {
    const lines = t.total ? [...t.lines, t.total] : t.lines;
    if (lines.length === 0) continue;
    const from = t.header.row >= 0 ? t.header.row + 1 : Math.min(...lines.map((l) => l.row));
    const payback = new Set(t.lines.filter((l) => l.role === 'payback').map((l) => l.row));
    for (let row = from; row <= t.range.end.row; row++) {
      if (payback.has(row)) continue;
      for (const col of t.header.cols) {
        if (parseNumber(g.cells[row]?.[col] ?? { kind: 'empty' }).kind === 'invalid') out.add(toA1({ row, col }));
      }
    }
  }
  return [...out];
}

/** Everything the checker promises about one workbook. */
function checkPromises(snapshot: WorkbookSnapshot): void {
  for (const g of snapshot.sheets) {
    const found = discoverSheet(g);
    for (const rule of RULES) if (rule.appliesTo(found)) rule.check(found);
  }
  const report = checkWorkbook(snapshot);
  const names = new Set(snapshot.sheets.map((s) => s.name));
  for (const f of report.findings) {
    if (!names.has(f.sheet)) throw new Error(`finding on unknown sheet ${f.sheet}`);
    if (!SEVERITIES.includes(f.severity)) throw new Error(`bad severity ${f.severity}`);
    for (const part of f.cell.split(':')) fromA1(part);
    if (typeof f.message !== 'string' || f.message === '' || /\bundefined\b/.test(f.message)) throw new Error(`bad message for ${f.rule}: ${f.message}`);
  }
  for (const g of snapshot.sheets) {
    if (g.name === 'Valideringsrapport') continue;
    const reported = new Set(report.findings.filter((f) => f.rule === 'unparseable-number' && f.sheet === g.name).map((f) => f.cell));
    const missing = unreadableCells(g).filter((a1) => !reported.has(a1));
    if (missing.length > 0) throw new Error(`unreadable cells without a finding on ${g.name}: ${missing.join(', ')}`);
    // The converse: a finding names a cell that really cannot be read.
    for (const a1 of reported) {
      const at = fromA1(a1);
      if (parseNumber(g.cells[at.row]?.[at.col] ?? { kind: 'empty' }).kind !== 'invalid') throw new Error(`unparseable-number at readable ${g.name}!${a1}`);
    }
  }
}

describe('issue 5: the checker on arbitrary workbooks', () => {
  it('never throws and reports every unreadable value cell of a found table', () => {
    fc.assert(
      fc.property(sheets(3), (list) => checkPromises({ sheets: list, names: [] })),
      runs(400),
    );
  });

  it('holds on catalogue sheets with cells overwritten by arbitrary values', () => {
    const overwrite = fc.array(fc.tuple(fc.nat(), fc.nat(), cell), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.integer(), overwrite, (seed, edits) => {
        const rng = seededRng(seed);
        const p = randomProposal(rng, 0);
        const sheet = proposalSheet('Forslag 1', p, computeProposal(p), rng, null);
        const cells: CellValue[][] = sheet.rows.map((r) => r.map(toCell));
        for (const [r, c, value] of edits) {
          const row = cells[r % cells.length];
          row[c % Math.max(1, row.length + 2)] = value;
          for (let i = 0; i < row.length; i++) row[i] ??= { kind: 'empty' };
        }
        checkPromises({ sheets: [{ name: sheet.name, cells }], names: [] });
      }),
      runs(300),
    );
  });

  it('is deterministic: the same workbook gives the same report', () => {
    fc.assert(
      fc.property(sheets(2), (list) => {
        const snapshot = { sheets: list, names: [] };
        expect(JSON.stringify(checkWorkbook(snapshot))).toBe(JSON.stringify(checkWorkbook(snapshot)));
      }),
      runs(100),
    );
  });

  it('copes with empty sheets, empty rows and a workbook without sheets', () => {
    for (const cells of [[], [[]], [[], [], []], [[{ kind: 'empty' } as CellValue]]]) checkPromises({ sheets: [{ name: 'Tom', cells }], names: [] });
    checkPromises({ sheets: [], names: [] });
  });
});

describe("issue 5: a sheet 16,384 columns wide (Excel's limit, XFD)", () => {
  const WIDTH = 16_384;

  it('finds a table whose year row runs to XFD and reports the unreadable cell at the far end', () => {
    const years: CellValue[] = Array.from({ length: WIDTH - 1 }, (_, i) => ({ kind: 'number', value: 1990 + (i % 111) }));
    const values: CellValue[] = years.map((_, i) => (i === WIDTH - 2 ? { kind: 'text', value: '--43.142' } : { kind: 'number', value: i % 7 }));
    const g: SheetGrid = {
      name: 'Bred',
      cells: [
        [{ kind: 'text', value: 'Tabel A. Måltalseffekt' }],
        [{ kind: 'text', value: 'Udvalg' }, ...years],
        [{ kind: 'text', value: 'Økonomiudvalget' }, ...values],
        [{ kind: 'text', value: 'Total' }, ...values],
      ],
    };
    const report = checkWorkbook({ sheets: [g], names: [] });
    expect(report.tables.map((t) => t.range)).toEqual(['A1:XFD4']);
    expect(report.findings).toContainFinding('unparseable-number', 'XFD3');
    expect(report.findings).toContainFinding('year-sequence', 'DI2');
    checkPromises({ sheets: [g], names: [] });
  });

  it('never throws with a full-width row of arbitrary cells among title blocks', () => {
    fc.assert(
      fc.property(grid, fc.nat(30), fc.array(cell, { minLength: 1, maxLength: 6 }), (g, at, pattern) => {
        const wide = Array.from({ length: WIDTH }, (_, i) => pattern[i % pattern.length]);
        g.cells.splice(Math.min(at, g.cells.length), 0, wide);
        checkPromises({ sheets: [g], names: [] });
      }),
      runs(15, 'costly'),
    );
  });
});

describe('issue 5, found by fuzzing: unreadable cells the checker used to pass over', () => {
  const check = (rows: unknown[][]) => checkWorkbook({ sheets: [gridFromRows('Ark', rows)], names: [] }).findings;

  it('a total column whose total is not a number ("--300") no longer drops the row', () => {
    const findings = check([
      ['Udgifter', 2025, 2026, 'I alt'],
      ['Løn', 100, 200, '--300'],
      ['Drift', 1, 2, 3],
    ]);
    expect(findings).toContainFinding('unparseable-number', 'D2');
  });

  it('"heraf …" lines of a table closed by a total row are read, though left out of the sum', () => {
    const findings = check([
      ['Tabel 3. Fordeling', null, null],
      ['Udvalg', 2025, 2026],
      ['Økonomiudvalget', 100, 200],
      ['heraf KS', '--50', 20],
      ['Socialudvalget', 10, 20],
      ['I alt', 110, 220],
    ]);
    expect(findings).toContainFinding('unparseable-number', 'B4');
    expect(findings.filter((f) => f.rule === 'total-mismatch')).toEqual([]);
  });

  it('a second row of figures under "Samlet økonomisk påvirkning" is read, though left out of the sums', () => {
    const findings = check([
      ['Tabel 1. Forslagets samlede økonomiske konsekvenser'],
      ['1.000 kr. 2025 p/l', 'Styringsområde', 2025, 2026],
      ['Effektivisering', 'Service', -100, -200],
      ['Samlet varig ændring', 'Service', -100, -200],
      ['Samlet økonomisk påvirkning', null, -100, -200],
      [null, null, '1,2,3', -200],
    ]);
    expect(findings).toContainFinding('unparseable-number', 'C6');
    expect(findings.filter((f) => f.severity !== 'info' && f.rule !== 'unparseable-number')).toEqual([]);
  });
});
