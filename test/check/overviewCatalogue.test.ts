/**
 * The seed catalogue with its overview (test/fixtures/seed/overview.ts) through every host: the
 * task pane's check in slices and `tb check` on a real .xlsx file.
 */
import { checkWorkbook, condenseFindings, gridFromRows, type WorkbookSnapshot } from '../../src/engine';
import { checkInSlices } from '../../src/taskpane/hooks/useWorkbookCheck';
import { buildSeedWorkbook } from '../fixtures/buildSeedWorkbook';
import { EXPECTED_OVERVIEW, SEED_CATALOGUE } from '../fixtures/seed/overview';
import { tb, tempDir } from '../support/xlsx';

const key = (f: { rule: string; severity: string; cell: string }) => `${f.rule} ${f.severity} ${f.cell}`;
const expected = EXPECTED_OVERVIEW.map(key).sort();

function snapshot(): WorkbookSnapshot {
  return { sheets: SEED_CATALOGUE.map((s) => gridFromRows(s.name, s.rows)), names: [] };
}

describe('the task pane’s check in slices', () => {
  it.each([
    ['first', (s: WorkbookSnapshot) => s],
    ['last', (s: WorkbookSnapshot) => ({ ...s, sheets: [...s.sheets.slice(1), s.sheets[0]] })],
  ])('reports the overview check exactly as checkWorkbook does, overview tab %s', async (_where, arrange) => {
    const book = arrange(snapshot());
    const whole = checkWorkbook(book);
    const sliced = await checkInSlices(book, 'da', () => undefined);
    expect(sliced.findings).toEqual(whole.findings);
    expect(sliced.condensed).toEqual(condenseFindings(whole.findings));
    expect(
      sliced.findings
        .filter((f) => f.rule === 'overview-matches-proposal')
        .map(key)
        .sort(),
    ).toEqual(expected);
    // Grouped by sheet in tab order, as the pane lists them.
    const order = sliced.condensed.map((f) => f.sheet).filter((s, i, all) => all.indexOf(s) === i);
    expect(order).toEqual(book.sheets.map((s) => s.name).filter((name) => sliced.condensed.some((f) => f.sheet === name)));
  });

  it('re-condenses a sheet that has findings of both stages: an "I alt" off by one beside a row that differs', async () => {
    const book = snapshot();
    const overview = book.sheets[0];
    // I alt 2026 (D8) one too many: total-mismatch (per sheet) on the sheet the workbook stage reports on.
    overview.cells[7][3] = { kind: 'text', value: '1.707' };
    const whole = checkWorkbook(book);
    const sliced = await checkInSlices(book, 'da', () => undefined);
    const own = whole.findings.filter((f) => f.sheet === 'Oversigt');
    expect(own.map((f) => f.rule)).toEqual(expect.arrayContaining(['total-mismatch', 'overview-matches-proposal']));
    // One sheet's findings in one order, as the per-sheet stage sorts them: errors, warnings, infos.
    const rank = { error: 0, warning: 1, info: 2 };
    expect(own.map((f) => rank[f.severity])).toEqual(own.map((f) => rank[f.severity]).sort((a, b) => a - b));
    expect(sliced.findings).toEqual(whole.findings);
    expect(sliced.condensed).toEqual(condenseFindings(whole.findings));
  });
});

describe('tb check on the catalogue as an .xlsx file', () => {
  let tmp: ReturnType<typeof tempDir>;
  let file: string;
  beforeAll(async () => {
    tmp = tempDir();
    file = tmp.file('katalog-med-oversigt.xlsx');
    await buildSeedWorkbook(file, SEED_CATALOGUE);
  });
  afterAll(() => tmp.cleanup());

  it('--format json: the overview tables and exactly the overview findings worked out by hand', async () => {
    const run = await tb('check', file, '--format', 'json');
    expect(run.code).toBe(1);
    const { findings, tables } = JSON.parse(run.stdout) as {
      findings: { rule: string; severity: string; sheet: string; cell: string }[];
      tables: { sheet: string; kind: string }[];
    };
    expect(tables.filter((t) => t.sheet === 'Oversigt').map((t) => t.kind)).toEqual(['overview', 'overview']);
    expect(findings.filter((f) => f.rule === 'overview-matches-proposal').every((f) => f.sheet === 'Oversigt')).toBe(true);
    expect(
      findings
        .filter((f) => f.rule === 'overview-matches-proposal')
        .map(key)
        .sort(),
    ).toEqual(expected);
  });

  it('text: the overview sheet comes first, each run of years on one line', async () => {
    const run = await tb('check', file);
    const lines = run.stdout.split('\n');
    const start = lines.indexOf('Ark »Oversigt«');
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(2).find((l) => l.startsWith('Ark '))).toBe('Ark »Oversigt«');
    expect(lines.slice(start)).toContainEqual(
      expect.stringMatching(
        /^ {2}fejl +E6:F6 +Tabel 1, »1 Samlet ferieløsning i Serviceportalen« 2027–2028: der står 1\.144, men Tabel A på arket »BC01« har i alt -1\.474 \(F37:G37\)/,
      ),
    );
  });
});
