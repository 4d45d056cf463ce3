/**
 * The harness's Download, opened again with the harness's own reader (`modelFromXlsx`): notes and
 * formats on empty cells come back, whether the harness, ExcelJS or LibreOffice wrote the file.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { annotationChanges, checkWorkbook, fromA1, TOOL_NOTE_MARKER } from '../../src/engine';
import { OfficeWorkbook } from '../../src/excel/OfficeWorkbook';
import { cellKey, FakeExcel, modelFromXlsx, WorkbookModel } from '../../src/excel/fake';
import { workbookFile } from '../../src/harness/download';
import { notesInXlsx } from '../support/xlsx';

const LIBREOFFICE_NOTES = path.join(__dirname, '..', 'fixtures', 'libreoffice', 'libreoffice-notes.xlsx');

/** Every note of a model: sheet → A1 → text. */
function notesOf(model: WorkbookModel): Record<string, Record<string, string>> {
  return Object.fromEntries(model.sheets.map((s) => [s.name, Object.fromEntries([...s.notes].map(([a1, note]) => [a1, note.content]))]));
}

/** The cells a sheet part lists in `<sheetData>`. */
async function cellsInSheetData(bytes: Uint8Array, part: string): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(bytes)).file(part)!.async('string');
  return [...xml.matchAll(/<c\b[^>]*\sr="([A-Z]+\d+)"/g)].map((m) => m[1]);
}

describe("the harness's Download, opened again", () => {
  it('keeps notes on empty cells (in a row with values, in an empty row, on a sheet without cells) and formats of empty cells', async () => {
    const model = new WorkbookModel();
    const first = model.addSheet('Forslag 1');
    first.cells.set(cellKey(0, 0), { value: 'Forslag 1' });
    first.cells.set(cellKey(4, 3), { value: -150 });
    first.cells.set(cellKey(5, 2), { numberFormat: '0%' });
    first.notes.set('A1', { content: 'på en tekst', author: '' });
    first.notes.set('C5', { content: 'på en tom celle i en række med værdier', author: '' });
    first.notes.set('F9', { content: 'på en tom celle i en tom række', author: '' });
    first.notes.set('C6', { content: 'på en tom celle med et format', author: '' });
    const second = model.addSheet('Forslag 2');
    second.notes.set('B2', { content: 'alene på arket', author: '' });

    const reopened = await modelFromXlsx(await workbookFile(model));
    expect(notesOf(reopened)).toEqual(notesOf(model));
    expect(reopened.cell(reopened.sheet('Forslag 1')!, 5, 2)?.numberFormat).toBe('0%');
    // Downloaded again: the formatted cell keeps its format, and ExcelJS still finds every note.
    const again = await workbookFile(reopened);
    const third = await modelFromXlsx(again);
    expect(third.cell(third.sheet('Forslag 1')!, 5, 2)?.numberFormat).toBe('0%');
    expect((await notesInXlsx(again)).size).toBe(5);
    expect(reopened.cell(reopened.sheet('Forslag 1')!, 4, 3)?.value).toBe(-150);
    // Empty cells stay empty: nothing was invented in them.
    expect(reopened.usedRange(reopened.sheet('Forslag 1')!, true)).toEqual({ start: { row: 0, col: 0 }, end: { row: 4, col: 3 } });
  });

  it("keeps the tool's own notes of a check, most of them on empty cells, through Download and reopen", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Forslag 9').addRows([
      ['Forslag 9: Fælles indkøb af software'],
      [],
      ['Tabel A. Måltalseffekt - hvis forslaget indarbejdes (nettoeffektivisering)'],
      ['1.000 kr. 2025 p/l'],
      ['Udvalg', 'Bevilling, profitcenter mv.', 2025, 2026, 2027],
      ['Økonomiudvalget', null, -100, -200, -200],
      ['Teknik- og Miljøudvalget', null, -50, -100, -100],
      ['Total', null, -150, -300],
    ]);
    wb.getWorksheet('Forslag 9')!.getCell('A1').note = 'Kilde: bilag 8';
    const excel = new FakeExcel(await modelFromXlsx(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer)));
    const workbook = new OfficeWorkbook(excel);
    const snapshot = await workbook.read();
    await workbook.applyChanges(annotationChanges(snapshot, checkWorkbook(snapshot)));
    const sheet = excel.model.sheet('Forslag 9')!;
    const toolNotes = [...sheet.notes].filter(([, n]) => n.content.includes(TOOL_NOTE_MARKER)).map(([a1]) => a1);
    // The missing bevillinger (B6, B7) and the missing total (E8) are empty cells.
    expect(toolNotes).toEqual(expect.arrayContaining(['B6', 'B7', 'E8']));
    expect(toolNotes.filter((a1) => excel.model.cell(sheet, fromA1(a1).row, fromA1(a1).col)?.value === undefined).length).toBeGreaterThanOrEqual(3);

    const reopened = await modelFromXlsx(await workbookFile(excel.model));
    expect(notesOf(reopened)).toEqual(notesOf(excel.model));
  });

  it('reads the comments LibreOffice wrote on empty cells, which it leaves out of <sheetData>, and keeps them through Download', async () => {
    const bytes = new Uint8Array(readFileSync(LIBREOFFICE_NOTES));
    const expected = {
      'Forslag 9': {
        A1: 'Kilde: bilag 8',
        B7: 'Bevilling aftales med TMF',
        E8: 'Total for 2027 mangler, spørg ØKF',
        C12: 'Husk heraf-linjerne',
      },
    };
    // The file is as described: three of the four commented cells are not in <sheetData>.
    const listed = await cellsInSheetData(bytes, 'xl/worksheets/sheet1.xml');
    expect(['A1', 'B7', 'E8', 'C12'].filter((a1) => !listed.includes(a1))).toEqual(['B7', 'E8', 'C12']);

    const opened = await modelFromXlsx(bytes);
    expect(notesOf(opened)).toEqual(expected);
    expect(opened.cell(opened.sheet('Forslag 9')!, 7, 3)?.value).toBe(-300);
    const downloaded = await workbookFile(opened);
    expect(notesOf(await modelFromXlsx(downloaded))).toEqual(expected);
    // Downloaded again after reopening: ExcelJS (as tb reads the file) still finds every note.
    const again = await workbookFile(await modelFromXlsx(downloaded));
    const flat = Object.fromEntries(Object.entries(expected['Forslag 9']).map(([a1, text]) => [`Forslag 9!${a1}`, text]));
    expect(Object.fromEntries(await notesInXlsx(downloaded))).toEqual(flat);
    expect(Object.fromEntries(await notesInXlsx(again))).toEqual(flat);
  });
});
