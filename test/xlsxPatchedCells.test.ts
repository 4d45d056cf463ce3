/**
 * Patching a LibreOffice-written workbook in place: taking the tool's notes off removes each note
 * the tool alone wrote together with its drawing shape, at the cell the note stood on, and leaves
 * people's notes as they were; a date written into a cell is Excel's serial number for it.
 */
import { copyFileSync } from 'node:fs';
import * as path from 'node:path';
import { XlsxWorkbook } from '../src/node/xlsxAdapter';
import { packageNotes, packageParts } from './support/package';
import { ROOT, tempDir } from './support/xlsx';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

function libreOfficeWorkbook(): string {
  const file = tmp.file('original.xlsx');
  copyFileSync(path.join(ROOT, 'test', 'fixtures', 'libreoffice', 'libreoffice-rich.xlsx'), file);
  return file;
}

/** How many VML note shapes of the package are anchored at the 0-based cell. */
async function shapesAt(file: string, row: number, col: number): Promise<number> {
  const anchor = new RegExp(`<x:Row>${row}</x:Row>\\s*<x:Column>${col}</x:Column>`, 'g');
  let count = 0;
  for (const [name, bytes] of await packageParts(file)) {
    if (name.endsWith('.vml')) count += bytes.toString('utf8').match(anchor)?.length ?? 0;
  }
  return count;
}

describe("clearing the tool's notes", () => {
  it('removes the notes and shapes it wrote on cells without a note of their own, at those cells only', async () => {
    const original = libreOfficeWorkbook();
    const noted = tmp.file('noteret.xlsx');
    const cleared = tmp.file('ryddet.xlsx');
    // AB58 and AC71 are far from any note a person wrote: one shape each once noted.
    const cells = [
      { row: 57, col: 27, ref: 'Tabeller!AB58' },
      { row: 70, col: 28, ref: 'Tabeller!AC71' },
    ];
    for (const c of cells) expect(await shapesAt(original, c.row, c.col)).toBe(0);

    const wb = await XlsxWorkbook.open(original);
    await wb.apply({ notes: cells.map((c) => ({ sheet: 'Tabeller', row: c.row, col: c.col, text: 'Totalen stemmer ikke.' })) });
    await wb.save(noted);
    const notes = await packageNotes(noted);
    for (const c of cells) {
      expect(notes.get(c.ref)).toMatchObject({ author: 'Teknisk beregningsark', hasShape: true });
      expect(await shapesAt(noted, c.row, c.col)).toBe(1);
    }

    const again = await XlsxWorkbook.open(noted);
    await again.apply({ clearToolNotes: true });
    await again.save(cleared);
    expect(await packageNotes(cleared)).toEqual(await packageNotes(original));
    for (const c of cells) expect(await shapesAt(cleared, c.row, c.col)).toBe(0);
  });
});

describe('a date written into a cell', () => {
  it("is stored as Excel's serial number (the cell keeps its own format)", async () => {
    const out = tmp.file('dato.xlsx');
    const wb = await XlsxWorkbook.open(libreOfficeWorkbook());
    // 30 November 2026, noon: 46,356 days after 30 December 1899, and half a day.
    const noon = new Date(Date.UTC(2026, 10, 30, 12));
    await wb.apply({ cells: [{ sheet: 'Tabeller', row: 57, col: 27, value: { kind: 'date', value: noon } }] });
    await wb.save(out);
    const sheets = [...(await packageParts(out)).entries()].filter(([name]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
    const cells = sheets.map(([, bytes]) => /<c r="AB58"[^>]*>(.*?)<\/c>/.exec(bytes.toString('utf8'))?.[1]).filter((c) => c !== undefined);
    expect(cells).toEqual(['<v>46356.5</v>']);
  });
});
