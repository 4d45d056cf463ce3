/**
 * Workbook models from 2-D literals, for tests and the harness:
 * `workbookFromRows({ 'Tabel A': [['Udvalg', 2025], ['ØU', -369]] })`.
 */
import { cellKey, WorkbookModel, type Scalar } from './model';

/** A cell literal: a value, a formula (`'=SUM(B2:B3)'`), or null/'' for empty. */
export type CellLiteral = Scalar | null | undefined;

export function workbookFromRows(sheets: Record<string, readonly (readonly CellLiteral[])[]>): WorkbookModel {
  const model = new WorkbookModel();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = model.addSheet(name);
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null || value === undefined || value === '') return;
        if (typeof value === 'string' && value.startsWith('=')) sheet.cells.set(cellKey(r, c), { formula: value });
        else sheet.cells.set(cellKey(r, c), { value });
      }),
    );
  }
  if (model.sheets.length === 0) model.addSheet('Ark1');
  return model;
}
