/**
 * A plain workbook held in memory: the state behind the fake Excel API. It knows nothing of
 * proxies or sync(); `./runtime.ts` reads and changes it only while executing a synced batch.
 * Addresses are 0-based `{ row, col }` as in the engine; A1 text only at the API surface.
 */
import { formulaKey, rangeToA1, sheetRef, type CellRange } from '../../engine/cells';
import { FakeExcelError } from './errors';

export type Scalar = string | number | boolean;

interface CellStyleModel {
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fontSize?: number;
  fill?: string;
  horizontalAlignment?: string;
  wrapText?: boolean;
}

export interface CellModel {
  /** The value, or for a formula cell the cached result read from a file. */
  value?: Scalar;
  /** With the leading `=`. */
  formula?: string;
  numberFormat?: string;
  style?: CellStyleModel;
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string };
  /** A dynamic-array formula whose spill a written value blocks: it shows #SPILL!. */
  spillBlocked?: boolean;
  /** A style read from an .xlsx file, written back untouched on save. */
  fileStyle?: unknown;
}

export interface NoteModel {
  content: string;
  author: string;
}

export interface CommentReplyModel {
  id: string;
  content: string;
  author: string;
}

export interface CommentModel extends CommentReplyModel {
  replies: CommentReplyModel[];
}

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface SheetModel {
  /** Stable across renames, as Excel's worksheet id. */
  id: string;
  name: string;
  visibility: Visibility;
  protected: boolean;
  cells: Map<string, CellModel>;
  merges: CellRange[];
  /**
   * Legacy array formulas (entered with Ctrl+Shift+Enter): the formula sits in the range's first
   * cell, its results in every cell; Excel refuses a write to part of one.
   */
  arrays: CellRange[];
  /**
   * Dynamic-array results: the formula sits in the range's first cell (the anchor) and spills
   * over the rest. A value written into the spill is accepted, and the anchor then shows #SPILL!.
   */
  spills: CellRange[];
  /** Notes and comments by A1 address of their cell. */
  notes: Map<string, NoteModel>;
  comments: Map<string, CommentModel>;
  /** Column widths in points, by 0-based column. */
  columnWidths: Map<number, number>;
  frozenRows: number;
  selection: CellRange;
}

export interface NameModel {
  name: string;
  /** Sheet id for a sheet-scoped name, null for the workbook. */
  scope: string | null;
  /** `=Tabeller!$C$5:$H$17`, `=#REF!` once its sheet is gone, or a constant such as `=2025`. */
  formula: string;
  visible: boolean;
  comment?: string;
}

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** The fake keys its cells as the engine keys formulas: 0-based `row,col`. */
export const cellKey = formulaKey;

export function parseCellKey(key: string): { row: number; col: number } {
  // Without split's arrays: a used range looks at every cell of every sheet.
  const comma = key.indexOf(',');
  return { row: Number(key.slice(0, comma)), col: Number(key.slice(comma + 1)) };
}

const INVALID_SHEET_NAME = /[[\]:*?/\\]/;

/** The workbook. */
export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly names: NameModel[] = [];
  structureProtected = false;
  private activeId = '';
  private nextId = 1;
  private nextCommentId = 1;

  /** A workbook with the given sheet names (one sheet "Ark1" by default, as a new Danish Excel). */
  static blank(sheetNames: readonly string[] = ['Ark1']): WorkbookModel {
    const model = new WorkbookModel();
    for (const name of sheetNames) model.addSheet(name);
    return model;
  }

  sheet(name: string): SheetModel | undefined {
    const wanted = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === wanted);
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  requireSheet(name: string): SheetModel {
    const sheet = this.sheet(name);
    if (!sheet) throw new FakeExcelError('ItemNotFound', `The requested resource doesn't exist. (worksheet "${name}")`);
    return sheet;
  }

  get activeSheet(): SheetModel {
    return this.sheetById(this.activeId) ?? this.sheets[0];
  }

  addSheet(name: string): SheetModel {
    if (name.length === 0 || name.length > 31 || INVALID_SHEET_NAME.test(name) || /^'|'$/.test(name)) {
      throw new FakeExcelError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (sheet name "${name}")`);
    }
    if (this.sheet(name)) throw new FakeExcelError('ItemAlreadyExists', `The resource already exists. (worksheet "${name}")`);
    const sheet: SheetModel = {
      id: `{${String(this.nextId++).padStart(8, '0')}-0000-4000-8000-000000000000}`,
      name,
      visibility: 'Visible',
      protected: false,
      cells: new Map(),
      merges: [],
      arrays: [],
      spills: [],
      notes: new Map(),
      comments: new Map(),
      columnWidths: new Map(),
      frozenRows: 0,
      selection: { start: { row: 0, col: 0 }, end: { row: 0, col: 0 } },
    };
    this.sheets.push(sheet);
    if (!this.activeId) this.activeId = sheet.id;
    return sheet;
  }

  deleteSheet(sheet: SheetModel): void {
    const visible = this.sheets.filter((s) => s.visibility === 'Visible');
    if (visible.length === 1 && visible[0] === sheet) {
      throw new FakeExcelError('InvalidOperation', 'The operation is invalid for the object: a workbook must contain at least one visible worksheet.');
    }
    const index = this.sheets.indexOf(sheet);
    this.sheets.splice(index, 1);
    for (const name of this.names) {
      if (name.scope === sheet.id) name.formula = '=#REF!';
      else if (referencesSheet(name.formula, sheet.name)) name.formula = '=#REF!';
    }
    this.names.splice(0, this.names.length, ...this.names.filter((n) => n.scope !== sheet.id));
    if (this.activeId === sheet.id) {
      const next = this.sheets.slice(Math.max(0, index - 1)).find((s) => s.visibility === 'Visible') ?? this.sheets.find((s) => s.visibility === 'Visible');
      this.activeId = next ? next.id : '';
    }
  }

  renameSheet(sheet: SheetModel, name: string): void {
    const other = this.sheet(name);
    if (other && other !== sheet) throw new FakeExcelError('ItemAlreadyExists', `The resource already exists. (worksheet "${name}")`);
    if (name.length === 0 || name.length > 31 || INVALID_SHEET_NAME.test(name)) {
      throw new FakeExcelError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (sheet name "${name}")`);
    }
    for (const n of this.names) n.formula = renameInFormula(n.formula, sheet.name, name);
    sheet.name = name;
  }

  activate(sheet: SheetModel): void {
    if (sheet.visibility !== 'Visible')
      throw new FakeExcelError('InvalidOperation', `The operation is invalid for the object: worksheet "${sheet.name}" is hidden.`);
    this.activeId = sheet.id;
  }

  select(sheet: SheetModel, range: CellRange): void {
    this.activate(sheet);
    sheet.selection = range;
  }

  /** The selection as the harness's name box shows it: always quoted, `'Sheet name'!A1`. */
  selectionRef(): string {
    const sheet = this.activeSheet;
    if (!sheet) return '';
    return `'${sheet.name.replace(/'/g, "''")}'!${rangeToA1(sheet.selection)}`;
  }

  /** The smallest range holding every cell with a value (or, unless `valuesOnly`, any format). */
  usedRange(sheet: SheetModel, valuesOnly: boolean): CellRange | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [key, cell] of sheet.cells) {
      const hasValue = cell.formula !== undefined || (cell.value !== undefined && cell.value !== '');
      if (!hasValue && (valuesOnly || (cell.numberFormat === undefined && cell.style === undefined && cell.fileStyle === undefined))) continue;
      const { row, col } = parseCellKey(key);
      if (row < top) top = row;
      if (row > bottom) bottom = row;
      if (col < left) left = col;
      if (col > right) right = col;
    }
    if (bottom < 0) return null;
    return { start: { row: top, col: left }, end: { row: bottom, col: right } };
  }

  cell(sheet: SheetModel, row: number, col: number): CellModel | undefined {
    return sheet.cells.get(cellKey(row, col));
  }

  /** The cell for writing, created when missing. */
  editCell(sheet: SheetModel, row: number, col: number): CellModel {
    const key = cellKey(row, col);
    let cell = sheet.cells.get(key);
    if (!cell) {
      cell = {};
      sheet.cells.set(key, cell);
    }
    return cell;
  }

  newCommentId(): string {
    return `comment-${this.nextCommentId++}`;
  }

  /** `'Tabel A'!C7:H7`, the address Excel reports for a range. */
  address(sheet: SheetModel, range: CellRange): string {
    return sheetRef(sheet.name, rangeToA1(range));
  }
}

function sheetPattern(sheetName: string): RegExp {
  const escaped = sheetName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[=,(\\s])('${escaped.replace(/'/g, "''")}'|${escaped})!`, 'i');
}

function referencesSheet(formula: string, sheetName: string): boolean {
  return sheetPattern(sheetName).test(formula);
}

function renameInFormula(formula: string, from: string, to: string): string {
  const quoted = `'${to.replace(/'/g, "''")}'`;
  return formula.replace(new RegExp(sheetPattern(from).source, 'gi'), (_m, lead: string) => `${lead}${quoted}!`);
}
