/**
 * Regression: a note on an empty, unstyled cell (a person's or the tool's) survives a load and
 * save through the ExcelJS adapter; ExcelJS alone drops it on load.
 */
import ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../src/node/xlsxAdapter';
import { tempDir } from './support/xlsx';

it("keeps a person's note on an empty cell through the adapter", async () => {
  const tmp = tempDir();
  try {
    const file = tmp.file('noter.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Ark1');
    ws.getCell('A1').value = 'Udvalg';
    ws.getCell('D1').note = 'Tom celle med note';
    ws.getCell('F9').note = 'Note i en ellers tom række';
    await wb.xlsx.writeFile(file);

    const adapter = await XlsxWorkbook.open(file);
    await adapter.apply({ notes: [{ sheet: 'Ark1', row: 0, col: 1, text: 'Værktøjets note' }] });
    await adapter.save(file);

    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    const sheet = back.getWorksheet('Ark1')!;
    expect(sheet.getCell('D1').note).toBe('Tom celle med note');
    expect(sheet.getCell('F9').note).toBe('Note i en ellers tom række');
    expect(sheet.getCell('B1').note).toBe('[Teknisk beregningsark]\nVærktøjets note');
    expect(sheet.getCell('D1').value).toBeNull();
  } finally {
    tmp.cleanup();
  }
});
