/**
 * The part of the Excel JavaScript API the adapter uses, declared as a structural subset of
 * `@types/office-js`. The real `Excel.RequestContext` satisfies it (checked at compile time in
 * `officeHost.ts`), and so does the in-memory implementation in `./fake`, which is how the same
 * adapter runs in Excel, in the browser harness and in jest.
 *
 * Signatures are copied from office-js so nothing here can drift into an API Excel lacks.
 */

/** Every API object: `isNullObject` is readable after a sync for `…OrNullObject` results. */
interface XlClientObject {
  readonly isNullObject: boolean;
}

export interface XlRequestContext {
  readonly workbook: XlWorkbook;
  sync<T>(passThroughValue?: T): Promise<T>;
}

export interface XlWorkbook {
  readonly worksheets: XlWorksheetCollection;
  readonly names: XlNamedItemCollection;
  /** ExcelApi 1.18. */
  readonly notes: XlNoteCollection;
  /** ExcelApi 1.10. */
  readonly comments: XlCommentCollection;
  /** ExcelApi 1.7. */
  readonly protection: XlProtection;
  getSelectedRange(): XlRange;
}

export interface XlProtection {
  readonly protected: boolean;
  load(propertyNames?: string | string[]): XlProtection;
}

export interface XlWorksheetCollection {
  readonly items: XlWorksheet[];
  add(name?: string): XlWorksheet;
  getItem(key: string): XlWorksheet;
  getItemOrNullObject(key: string): XlWorksheet;
  getActiveWorksheet(): XlWorksheet;
  load(propertyNames?: string | string[]): XlWorksheetCollection;
}

export interface XlWorksheet extends XlClientObject {
  /** Stable while the workbook is open, also across renames. */
  readonly id: string;
  name: string;
  /** `Visible`, `Hidden` or `VeryHidden`. */
  visibility: string;
  /** 0-based tab position. */
  position: number;
  readonly protection: XlProtection;
  /** Names scoped to the sheet. */
  readonly names: XlNamedItemCollection;
  readonly notes: XlNoteCollection;
  readonly comments: XlCommentCollection;
  readonly freezePanes: XlFreezePanes;
  activate(): void;
  delete(): void;
  getCell(row: number, column: number): XlRange;
  getRange(address?: string): XlRange;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XlRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  load(propertyNames?: string | string[]): XlWorksheet;
}

export interface XlFreezePanes {
  freezeRows(count?: number): void;
}

export interface XlRangeHyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export interface XlRange extends XlClientObject {
  /** `Sheet1!A1:B2`, `'Tabel A'!C7`. */
  readonly address: string;
  readonly rowCount: number;
  readonly columnCount: number;
  /** 0-based. */
  readonly rowIndex: number;
  readonly columnIndex: number;
  // office-js types these as any[][]: a cell is a number, string or boolean, '' when empty.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  values: any[][];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  formulas: any[][];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  numberFormat: any[][];
  hyperlink: XlRangeHyperlink;
  /**
   * ExcelApi 1.12. True when every cell is part of a dynamic array's spill, false when none is;
   * null when some are (typed `boolean` in office-js, documented as tri-state).
   */
  readonly hasSpill: boolean | null;
  /** ExcelApi 1.12. The same for cells saved as an array formula (a legacy array, or a spill's anchor). */
  readonly savedAsArray: boolean | null;
  readonly format: XlRangeFormat;
  readonly worksheet: XlWorksheet;
  getCell(row: number, column: number): XlRange;
  /** ExcelApi 1.13. */
  getMergedAreasOrNullObject(): XlRangeAreas;
  /** ExcelApi 1.12: for one cell in a spill, its anchor (the formula's cell); else a null object. */
  getSpillParentOrNullObject(): XlRange;
  /** ExcelApi 1.12: for a spill's anchor cell, the whole spill; else a null object. */
  getSpillingToRangeOrNullObject(): XlRange;
  merge(across?: boolean): void;
  select(): void;
  load(propertyNames?: string | string[]): XlRange;
}

export interface XlRangeAreas extends XlClientObject {
  /** Comma-separated: `Sheet1!A1:B2, Sheet1!D4:E5`. */
  readonly address: string;
  load(propertyNames?: string | string[]): XlRangeAreas;
}

export interface XlRangeFormat {
  columnWidth: number;
  /** `General`, `Left`, `Center`, `Right`, … */
  horizontalAlignment: string;
  wrapText: boolean;
  readonly font: XlRangeFont;
  readonly fill: XlRangeFill;
}

export interface XlRangeFont {
  bold: boolean;
  italic: boolean;
  color: string;
  size: number;
}

export interface XlRangeFill {
  color: string;
}

export interface XlNamedItemCollection {
  readonly items: XlNamedItem[];
  add(name: string, reference: XlRange | string, comment?: string): XlNamedItem;
  getItem(name: string): XlNamedItem;
  getItemOrNullObject(name: string): XlNamedItem;
  load(propertyNames?: string | string[]): XlNamedItemCollection;
}

export interface XlNamedItem extends XlClientObject {
  readonly name: string;
  /** `Range`, `String`, `Integer`, `Double`, `Boolean`, `Error`, `Array`. */
  readonly type: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  formula: any;
  visible: boolean;
  delete(): void;
  getRange(): XlRange;
  getRangeOrNullObject(): XlRange;
  load(propertyNames?: string | string[]): XlNamedItem;
}

/**
 * Office.js's strict load options for a collection (`CollectionLoadOptions` with the item
 * properties as flags): `{ content: true, $top: 200, $skip: 400 }` loads one page of the items.
 */
export interface XlCollectionLoadOptions {
  $top?: number;
  $skip?: number;
  [property: string]: boolean | number | undefined;
}

/** ExcelApi 1.18. */
export interface XlNoteCollection {
  readonly items: XlNote[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  add(cellAddress: XlRange | string, content: any): XlNote;
  getItem(key: string): XlNote;
  getItemOrNullObject(key: string): XlNote;
  load(propertyNames?: string | string[]): XlNoteCollection;
  load(options: XlCollectionLoadOptions): XlNoteCollection;
}

export interface XlNote extends XlClientObject {
  readonly authorName: string;
  content: string;
  delete(): void;
  getLocation(): XlRange;
  load(propertyNames?: string | string[]): XlNote;
}

/** ExcelApi 1.10: threaded comments. */
export interface XlCommentCollection {
  readonly items: XlComment[];
  add(cellAddress: XlRange | string, content: string): XlComment;
  getItemByCell(cellAddress: XlRange | string): XlComment;
  load(propertyNames?: string | string[]): XlCommentCollection;
  load(options: XlCollectionLoadOptions): XlCommentCollection;
}

export interface XlComment extends XlClientObject {
  readonly authorName: string;
  content: string;
  readonly id: string;
  readonly replies: XlCommentReplyCollection;
  delete(): void;
  getLocation(): XlRange;
  load(propertyNames?: string | string[]): XlComment;
}

export interface XlCommentReplyCollection {
  readonly items: XlCommentReply[];
  add(content: string): XlCommentReply;
  load(propertyNames?: string | string[]): XlCommentReplyCollection;
}

export interface XlCommentReply extends XlClientObject {
  content: string;
  readonly id: string;
  delete(): void;
  load(propertyNames?: string | string[]): XlCommentReply;
}

/** Points per character of column width (Calibri 11: 7 px a character, 0.75 pt a pixel). */
export const POINTS_PER_CHARACTER = 5.25;

/**
 * What the adapter needs from its host: `Excel.run` and the requirement-set test. In Excel this is
 * the global `Excel` plus `Office.context.requirements`; in the harness and in jest, the fake.
 */
export interface ExcelHost {
  run<T>(batch: (context: XlRequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, minVersion: string): boolean;
  /**
   * UTF-8 bytes of the request the context's next `sync()` sends, serialized as Office.js does
   * (Excel on the web refuses a request over 5 MB); null when the host cannot tell.
   */
  requestBytes(context: XlRequestContext): number | null;
}
