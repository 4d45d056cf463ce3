/**
 * Issue 3, done when: `tb check` on a real .xlsx of the catalogue's proposals as pasted, and
 * `--annotate` on it twice.
 */
import ExcelJS from 'exceljs';
import { REPORT_SHEET, ruleName, TOOL_NOTE_MARKER } from '../src/engine';
import { buildSeedWorkbook } from './fixtures/buildSeedWorkbook';
import { EXPECTED_FINDINGS } from './fixtures/seed/expected';
import { packageNotes } from './support/package';
import { tb, tempDir, xlsxCellModels } from './support/xlsx';

let tmp: ReturnType<typeof tempDir>;
let catalogue: string;
beforeAll(async () => {
  tmp = tempDir();
  catalogue = tmp.file('katalog.xlsx');
  await buildSeedWorkbook(catalogue);
  // A person's own note on a cell the tool will also cite.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(catalogue);
  wb.getWorksheet('BC01')!.getCell('F36').note = 'Afstemt med KS 3/4';
  await wb.xlsx.writeFile(catalogue);
});
afterAll(() => tmp.cleanup());

interface JsonFinding {
  rule: string;
  severity: string;
  sheet: string;
  cell: string;
}

it('reports every known defect under the right rule and exits 1', async () => {
  const run = await tb('check', catalogue, '--format', 'json');
  expect(run.code).toBe(1);
  const { findings } = JSON.parse(run.stdout) as { findings: JsonFinding[] };
  for (const [sheet, expected] of Object.entries(EXPECTED_FINDINGS)) {
    for (const e of expected) expect(findings.filter((f) => f.sheet === sheet)).toContainFinding(e.rule, e.cell, e.severity);
  }
});

/** Note text of every cell that has one, by `Sheet!A1`, over the sheets' full used area. */
/** Every note's text by `Sheet!A1`, read from the comments parts (empty cells included). */
async function notes(file: string): Promise<Map<string, string>> {
  return new Map([...(await packageNotes(file))].map(([ref, n]) => [ref, n.text]));
}

it('--annotate: a note on every cited cell, one report sheet, originals unchanged, idempotent', async () => {
  const once = tmp.file('kommenteret.xlsx');
  const twice = tmp.file('kommenteret-igen.xlsx');
  const run = await tb('check', catalogue, '--format', 'json', '--annotate', once);
  expect(run.code).toBe(1);
  const { findings } = JSON.parse(run.stdout) as { findings: JsonFinding[] };

  const first = await notes(once);
  for (const f of findings) {
    const ref = `${f.sheet}!${f.cell.split(':')[0]}`;
    const text = first.get(ref) ?? '';
    expect({ ref, marked: text.includes(TOOL_NOTE_MARKER), rule: text.includes(`(${ruleName(f.rule)})`) }).toEqual({ ref, marked: true, rule: true });
  }
  expect(first.get('BC01!F36')).toMatch(/^Afstemt med KS 3\/4\n\n\[Teknisk beregningsark\]/);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(once);
  expect(wb.worksheets.filter((ws) => ws.name === REPORT_SHEET)).toHaveLength(1);
  expect(wb.getWorksheet(REPORT_SHEET)!.rowCount).toBe(4 + findings.length);

  // Every original cell keeps its value and style (notes aside).
  const before = await xlsxCellModels(catalogue);
  const after = await xlsxCellModels(once);
  for (const [ref, model] of before) {
    const { value, style } = JSON.parse(model);
    const now = JSON.parse(after.get(ref) ?? 'null');
    expect({ ref, value: now?.value, style: now?.style }).toEqual({ ref, value, style });
  }

  // Annotating the annotated file changes nothing.
  const again = await tb('check', once, '--format', 'json', '--annotate', twice);
  expect(JSON.parse(again.stdout).findings).toEqual(findings);
  expect(await xlsxCellModels(twice)).toEqual(after);
  expect(await notes(twice)).toEqual(first);
});
