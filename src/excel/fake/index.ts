/**
 * The in-memory Excel JavaScript API: the harness's "Excel" and the adapter's jest double.
 */
export { FakeExcel, EXCEL_WEB_PAYLOAD_LIMIT, type FakeExcelOptions, type SyncRecord } from './host';
export { cellDisplayValue } from './range';
export { FakeExcelError, type FakeExcelErrorCode } from './errors';
export { WorkbookModel, cellKey, parseCellKey, type CellModel, type SheetModel, type NameModel, type NoteModel, type CommentModel, type Scalar } from './model';
export { workbookFromRows, type CellLiteral } from './build';
export { modelFromXlsx, modelFromWorkbook, xlsxFromModel } from './xlsx';
