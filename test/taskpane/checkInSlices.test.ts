import { checkWorkbook, condenseFindings, gridFromRows, type WorkbookSnapshot } from '../../src/engine';
import { checkInSlices } from '../../src/taskpane/hooks/useWorkbookCheck';
import { localeFromLanguage, themeFromBackground } from '../../src/taskpane/preferences';

function sheet(name: string, total: number): ReturnType<typeof gridFromRows> {
  return gridFromRows(name, [
    ['Tabel A. Måltalseffekt'],
    ['Udvalg', 'Bevilling, profitcenter mv.', '1.000 kr. 2025 p/l'],
    [null, null, 2025, 2026, 2027],
    ['ØU', null, -10, -10, -10],
    ['TMU', 'PC', -5, -5, -5],
    ['Total', null, total, total, -15],
  ]);
}

describe('the pane checks a catalogue sheet by sheet', () => {
  it('finds and condenses exactly what checkWorkbook and condenseFindings find on the whole, reporting progress per slice', async () => {
    const snapshot: WorkbookSnapshot = { sheets: Array.from({ length: 30 }, (_, i) => sheet(`Forslag ${i + 1}`, i % 3 === 0 ? -16 : -15)), names: [] };
    const whole = checkWorkbook(snapshot);
    const progress: number[] = [];
    const sliced = await checkInSlices(snapshot, 'da', (done) => progress.push(done));
    expect(sliced.findings).toEqual(whole.findings);
    expect(sliced.tables).toEqual(whole.tables);
    expect(sliced.condensed).toEqual(condenseFindings(whole.findings));
    expect(sliced.condensed.length).toBeLessThan(whole.findings.length);
    expect(progress[progress.length - 1]).toBe(30);
  });
});

describe('pane preferences', () => {
  it('takes Danish for a Danish (or Norwegian) Office and English otherwise', () => {
    expect(['da-DK', 'da', 'nb-NO', 'en-US', 'de-DE', undefined].map(localeFromLanguage)).toEqual(['da', 'da', 'da', 'en', 'en', undefined]);
  });

  it('reads Office’s theme from its background colour', () => {
    expect(['#FFFFFF', '#262626', '#000000', '#E6E6E6', '', undefined].map(themeFromBackground)).toEqual(['light', 'dark', 'dark', 'light', 'light', 'light']);
  });
});
