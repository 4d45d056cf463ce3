/**
 * The notes and the Valideringsrapport are planned a slice at a time on a catalogue, and the
 * slices add up to exactly what `annotationChanges` gives in one go.
 */
import { makeCatalogue } from '../../scripts/bench/catalogue';
import { seededRng } from '../../scripts/bench/random';
import { annotationBuilder, annotationChanges, checkWorkbook, gridFromRows, type WorkbookSnapshot } from '../../src/engine';
import { annotateInSlices } from '../../src/taskpane/hooks/useWorkbookCheck';

function catalogue(sheets: number): WorkbookSnapshot {
  return { sheets: makeCatalogue(sheets, seededRng(sheets)).sheets.map((s) => gridFromRows(s.name, s.rows)), names: [] };
}

describe('annotation planned in slices', () => {
  const snapshot = catalogue(120);
  const report = checkWorkbook(snapshot);

  test.each(['da', 'en'] as const)('the pane’s slices give exactly annotationChanges (%s), progress by sheet', async (locale) => {
    expect(report.findings.length).toBeGreaterThan(500);
    const progress: number[] = [];
    const sliced = await annotateInSlices(snapshot, report, locale, (done, total) => {
      expect(total).toBe(120);
      progress.push(done);
    });
    expect(sliced).toEqual(annotationChanges(snapshot, report, { locale }));
    expect(progress[progress.length - 1]).toBe(120);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  test('any cut into parts gives the same changes, down to the order of notes and cells', () => {
    const whole = annotationChanges(snapshot, report);
    for (const part of [1, 7, 250]) {
      const builder = annotationBuilder(snapshot, report);
      while (builder.added < report.findings.length) builder.add(part);
      expect(builder.changes()).toEqual(whole);
    }
    // Parts left out are added by `changes`.
    const half = annotationBuilder(snapshot, report);
    half.add(Math.floor(report.findings.length / 2));
    expect(half.changes()).toEqual(whole);
  });

  test('a clean workbook gives the report’s “no problems” line, sliced or not', async () => {
    const clean: WorkbookSnapshot = { sheets: [gridFromRows('Ark1', [['Intet at tjekke']])], names: [] };
    const none = checkWorkbook(clean);
    expect(none.findings).toEqual([]);
    const sliced = await annotateInSlices(clean, none, 'da', () => undefined);
    expect(sliced).toEqual(annotationChanges(clean, none));
    expect(sliced.addSheets![0].cells).toContainEqual(expect.objectContaining({ row: 4, col: 0, value: { kind: 'text', value: 'Ingen fejl fundet' } }));
  });
});
