import ExcelJS from 'exceljs';
import { WorkbookModel, cellKey } from '../../src/excel/fake';
import { workbookFile } from '../../src/harness/download';
import { notesInXlsx } from '../support/xlsx';

describe("the harness's Download", () => {
  it('keeps notes on empty cells, where ExcelJS alone would drop them on reading, and changes no value', async () => {
    const model = new WorkbookModel();
    const first = model.addSheet('Forslag 1');
    first.cells.set(cellKey(0, 0), { value: 'Forslag 1' });
    first.cells.set(cellKey(4, 3), { value: -150 });
    first.notes.set('A1', { content: 'på en tekst', author: '' });
    first.notes.set('C5', { content: 'på en tom celle i en række med værdier', author: '' });
    first.notes.set('F9', { content: 'på en tom celle i en tom række', author: '' });
    const second = model.addSheet('Forslag 2');
    second.notes.set('B2', { content: 'alene på arket', author: '' });

    const bytes = await workbookFile(model);
    expect(Object.fromEntries(await notesInXlsx(bytes))).toEqual({
      'Forslag 1!A1': 'på en tekst',
      'Forslag 1!C5': 'på en tom celle i en række med værdier',
      'Forslag 1!F9': 'på en tom celle i en tom række',
      'Forslag 2!B2': 'alene på arket',
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Forslag 1')!;
    expect([sheet.getCell('A1').value, sheet.getCell('D5').value, sheet.getCell('C5').value, sheet.getCell('F9').value]).toEqual([
      'Forslag 1',
      -150,
      null,
      null,
    ]);
  });
});
