/**
 * The ExcelJS adapter: the engine's `WorkbookPort` over an .xlsx file in Node. It reads a whole
 * workbook as grids and applies a batch of `WorkbookChanges`; everything the changes do not name
 * (other cells, formulas, styles, notes, names, hidden sheets) is left as it was.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as ExcelJS from 'exceljs';
import {
  EMPTY,
  TOOL_NOTE_MARKER,
  withoutToolNote,
  withToolNote,
  type CellStyle,
  type CellValue,
  type CellWrite,
  type NoteWrite,
  type SheetGrid,
  type SheetSpec,
  type WorkbookChanges,
  type WorkbookPort,
  type WorkbookSnapshot,
} from '../engine';
import { NameStore } from './definedNames';
import { patchNotesOnEmptyCells } from './notesOnEmptyCells';
import { FileNotFoundError, NotXlsxError, WorkbookChangeError, WorkbookWriteError } from './errors';

interface TabOrder {
  orderNo: number;
}

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Key of a cell in `SheetGrid.formulas`: 0-based `row,col`. */
export function formulaKey(row: number, col: number): string {
  return `${row},${col}`;
}

export class XlsxWorkbook implements WorkbookPort {
  private readonly names: NameStore;

  private constructor(private readonly workbook: ExcelJS.Workbook) {
    patchNotesOnEmptyCells();
    this.names = NameStore.attach(workbook);
  }

  /** An empty workbook (for `tb init`); it gets its sheets from `apply`. */
  static create(): XlsxWorkbook {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Teknisk beregningsark';
    workbook.created = new Date();
    return new XlsxWorkbook(workbook);
  }

  /**
   * Opens an .xlsx file. Anything else is refused with a Danish reason before ExcelJS sees it:
   * a missing file, another extension, an empty file, an old .xls or password-protected file,
   * a CSV or text file renamed to .xlsx, a damaged archive.
   */
  static async open(file: string): Promise<XlsxWorkbook> {
    const buffer = await readWorkbookBytes(file);
    const adapter = new XlsxWorkbook(new ExcelJS.Workbook());
    try {
      await adapter.workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    } catch (error) {
      throw new NotXlsxError(file, `kan ikke læses som .xlsx-projektmappe (${(error as Error).message})`);
    }
    return adapter;
  }

  async read(): Promise<WorkbookSnapshot> {
    return this.snapshot();
  }

  /** The workbook as grids: formulas read as their cached results, rich text as plain text. */
  snapshot(): WorkbookSnapshot {
    const sheets: SheetGrid[] = this.workbook.worksheets.map((ws) => readSheet(ws));
    return { sheets, names: this.names.rangeNames((written) => this.sheet(written)?.name) };
  }

  /**
   * Applies a batch of changes. Checks the whole batch first (a sheet added over an existing one
   * that `replaceSheets` does not list, a write to a sheet that does not exist), so a refused
   * batch changes nothing.
   */
  async apply(changes: WorkbookChanges): Promise<void> {
    this.checkChanges(changes);
    for (const name of changes.removeSheets ?? []) this.removeSheet(name);
    for (const spec of changes.addSheets ?? []) this.addSheet(spec, new Set(changes.replaceSheets ?? []));
    if (changes.names && changes.names.length > 0) this.names.set(changes.names);
    for (const write of changes.cells ?? []) writeCell(this.sheet(write.sheet)!.getCell(write.row + 1, write.col + 1), write);
    if (changes.clearToolNotes) this.clearToolNotes();
    this.addNotes(changes.notes ?? []);
  }

  /**
   * Saves to `file` through a temporary file in the same folder, renamed over the target only
   * once it is written in full: a failure leaves an existing file as it was.
   */
  async save(file: string): Promise<void> {
    const dir = path.dirname(path.resolve(file));
    const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
    try {
      await this.workbook.xlsx.writeFile(temp);
      await fs.rename(temp, file);
    } catch (error) {
      await fs.rm(temp, { force: true }).catch(() => undefined);
      throw new WorkbookWriteError(file, writeReason(error as NodeJS.ErrnoException));
    }
  }

  private sheet(name: string): ExcelJS.Worksheet | undefined {
    const wanted = name.toLowerCase();
    return this.workbook.worksheets.find((ws) => ws.name.toLowerCase() === wanted);
  }

  private checkChanges(changes: WorkbookChanges): void {
    const removed = new Set((changes.removeSheets ?? []).map((n) => n.toLowerCase()));
    const replace = new Set((changes.replaceSheets ?? []).map((n) => n.toLowerCase()));
    const added = new Set<string>();
    for (const spec of changes.addSheets ?? []) {
      const key = spec.name.toLowerCase();
      if (added.has(key)) throw new WorkbookChangeError(`Arket »${spec.name}« tilføjes to gange.`);
      added.add(key);
      if (this.sheet(spec.name) && !replace.has(key) && !removed.has(key)) {
        throw new WorkbookChangeError(`Arket »${spec.name}« findes allerede i projektmappen og overskrives ikke.`);
      }
    }
    const exists = (name: string) => added.has(name.toLowerCase()) || (this.sheet(name) !== undefined && !removed.has(name.toLowerCase()));
    for (const target of [...(changes.cells ?? []), ...(changes.notes ?? []), ...(changes.names ?? [])]) {
      if (!exists(target.sheet)) throw new WorkbookChangeError(`Arket »${target.sheet}« findes ikke i projektmappen.`);
    }
  }

  private removeSheet(name: string): void {
    const ws = this.sheet(name);
    if (!ws) return;
    // A name left pointing at a removed sheet makes Excel "repair" the file.
    this.names.removeSheet(ws.name, this.workbook.worksheets.indexOf(ws));
    this.workbook.removeWorksheet(ws.id);
  }

  private addSheet(spec: SheetSpec, replace: ReadonlySet<string>): void {
    const existing = this.sheet(spec.name);
    let orderNo: number | undefined;
    if (existing && [...replace].some((n) => sameSheet(n, spec.name))) {
      orderNo = (existing as unknown as TabOrder).orderNo;
      this.workbook.removeWorksheet(existing.id);
    }
    const ws = this.workbook.addWorksheet(spec.name);
    // A replaced sheet keeps its tab position (ExcelJS orders tabs by this untyped field).
    if (orderNo !== undefined) (ws as unknown as TabOrder).orderNo = orderNo;
    (spec.columnWidths ?? []).forEach((width, i) => {
      if (width > 0) ws.getColumn(i + 1).width = width;
    });
    for (const write of spec.cells) writeCell(ws.getCell(write.row + 1, write.col + 1), write);
    for (const m of spec.merges ?? []) ws.mergeCells(m.start.row + 1, m.start.col + 1, m.end.row + 1, m.end.col + 1);
    if (spec.frozenRows && spec.frozenRows > 0) ws.views = [{ state: 'frozen', xSplit: 0, ySplit: spec.frozenRows }];
  }

  private clearToolNotes(): void {
    for (const ws of this.workbook.worksheets) {
      eachNotedCell(ws, (cell, note) => {
        if (!note.includes(TOOL_NOTE_MARKER)) return;
        const own = withoutToolNote(note);
        if (own === '') deleteNote(cell);
        else cell.note = own;
      });
    }
  }

  private addNotes(notes: readonly NoteWrite[]): void {
    // Several notes on one cell in one batch become one tool part, in the order given.
    const byCell = new Map<string, NoteWrite[]>();
    for (const n of notes) {
      const key = `${this.sheet(n.sheet)!.name}\u0000${n.row}\u0000${n.col}`;
      byCell.set(key, [...(byCell.get(key) ?? []), n]);
    }
    for (const group of byCell.values()) {
      const first = group[0];
      const cell = this.sheet(first.sheet)!.getCell(first.row + 1, first.col + 1);
      cell.note = withToolNote(noteText(cell.note), group.map((n) => n.text).join('\n'));
    }
  }
}

async function readWorkbookBytes(file: string): Promise<Buffer> {
  const ext = path.extname(file).toLowerCase();
  let buffer: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new NotXlsxError(file, 'er en mappe, ikke en .xlsx-fil');
    buffer = await fs.readFile(file);
  } catch (error) {
    if (error instanceof NotXlsxError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new FileNotFoundError(file);
    if (code === 'EACCES' || code === 'EPERM') throw new NotXlsxError(file, 'kan ikke læses (ingen adgang)');
    throw new NotXlsxError(file, `kan ikke læses (${(error as Error).message})`);
  }
  if (ext === '.xls') throw new NotXlsxError(file, 'er en gammel Excel-fil (.xls); åbn den i Excel og gem den som .xlsx');
  if (ext !== '.xlsx') throw new NotXlsxError(file, `er ikke en .xlsx-fil (filtypen er ${ext === '' ? 'ingen' : ext}); gem projektmappen som .xlsx`);
  if (buffer.length === 0) throw new NotXlsxError(file, 'er tom (0 byte), ikke en .xlsx-projektmappe');
  if (buffer.subarray(0, OLE_SIGNATURE.length).equals(OLE_SIGNATURE)) {
    throw new NotXlsxError(file, 'er en gammel Excel-fil (.xls) eller en kodeordsbeskyttet projektmappe; gem den som almindelig .xlsx uden kodeord');
  }
  if (!buffer.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE)) {
    const looksLikeText = !buffer.subarray(0, 512).includes(0);
    throw new NotXlsxError(file, looksLikeText ? 'er en tekstfil (fx CSV) med filtypen .xlsx, ikke en Excel-projektmappe; åbn den i Excel og gem den som .xlsx' : 'er ikke en .xlsx-projektmappe');
  }
  return buffer;
}

function writeReason(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EACCES':
    case 'EPERM':
    case 'EBUSY':
      return 'ingen skriveadgang, eller filen er åben i Excel';
    case 'ENOENT':
      return 'mappen findes ikke';
    case 'ENOSPC':
      return 'disken er fuld';
    default:
      return error.message;
  }
}

function sameSheet(a: string | null, b: string): boolean {
  return a !== null && a.toLowerCase() === b.toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Reading cells

function readSheet(ws: ExcelJS.Worksheet): SheetGrid {
  const cells: CellValue[][] = [];
  const formulas = new Map<string, string>();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      const value = readCell(cell);
      if (value.kind !== 'empty') {
        while (cells.length <= r) cells.push([]);
        const line = cells[r];
        while (line.length < c) line.push(EMPTY);
        line[c] = value;
      }
      if (cell.type === ExcelJS.ValueType.Formula && cell.formula) formulas.set(formulaKey(r, c), `=${cell.formula}`);
    });
  });
  const grid: SheetGrid = { name: ws.name, cells };
  if (formulas.size > 0) grid.formulas = formulas;
  if (ws.state !== 'visible') grid.hidden = true;
  return grid;
}

function readCell(cell: ExcelJS.Cell): CellValue {
  // A merged range's value lives in its top-left cell; the others read as empty, as in Excel.
  if (cell.type === ExcelJS.ValueType.Merge) return EMPTY;
  return fromExcel(cell.value);
}

function fromExcel(value: unknown): CellValue {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'error', value: '#NUM!' };
  if (typeof value === 'string') return value === '' ? EMPTY : { kind: 'text', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return { kind: 'date', value };
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('error' in o) return { kind: 'error', value: String(o.error) };
    if ('formula' in o || 'sharedFormula' in o) return fromExcel(o.result);
    if ('richText' in o) return plain(richText(o.richText));
    if ('hyperlink' in o) return typeof o.text === 'object' && o.text !== null ? fromExcel(o.text) : plain(String(o.text ?? ''));
  }
  return plain(String(value));
}

function plain(text: string): CellValue {
  return text === '' ? EMPTY : { kind: 'text', value: text };
}

function richText(runs: unknown): string {
  return Array.isArray(runs) ? runs.map((r) => String((r as { text?: unknown }).text ?? '')).join('') : '';
}

// ---------------------------------------------------------------------------------------------
// Writing cells

function toExcel(write: CellWrite): ExcelJS.CellValue {
  const v = write.value;
  const result = v.kind === 'empty' ? undefined : v.kind === 'error' ? { error: v.value } : v.value;
  if (write.formula) return { formula: write.formula.replace(/^=/, ''), result } as ExcelJS.CellFormulaValue;
  if (write.link) {
    // A HYPERLINK formula: ExcelJS writes cell hyperlinks as external relationships only.
    const target = `#${write.link}`.replace(/"/g, '""');
    const label = (v.kind === 'text' ? v.value : '').replace(/"/g, '""');
    return { formula: `HYPERLINK("${target}","${label}")`, result: v.kind === 'text' ? v.value : undefined } as ExcelJS.CellFormulaValue;
  }
  if (v.kind === 'empty') return null;
  if (v.kind === 'error') return { error: v.value } as ExcelJS.CellErrorValue;
  return v.value;
}

function writeCell(cell: ExcelJS.Cell, write: CellWrite): void {
  cell.value = toExcel(write);
  if (write.style) applyStyle(cell, write.style);
  if (write.numberFormat) cell.numFmt = write.numberFormat;
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF8EA9DB' } };

function fill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/** Fresh style objects per cell: ExcelJS shares them otherwise, and a later edit would leak. */
function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  switch (style) {
    case 'title':
      cell.font = { bold: true, size: 14 };
      break;
    case 'subtitle':
      cell.font = { bold: true, size: 11 };
      break;
    case 'header':
      cell.font = { bold: true };
      cell.fill = fill('FFD9E1F2');
      cell.border = { bottom: { ...THIN } };
      break;
    case 'label':
      break;
    case 'input':
      cell.fill = fill('FFFFF2CC');
      cell.border = { top: { ...THIN }, bottom: { ...THIN }, left: { ...THIN }, right: { ...THIN } };
      cell.protection = { locked: false };
      break;
    case 'output':
      cell.fill = fill('FFEEF3FA');
      break;
    case 'total':
      cell.font = { bold: true };
      cell.border = { top: { style: 'thin' }, bottom: { style: 'double' } };
      break;
    case 'note':
      cell.font = { italic: true, color: { argb: 'FF595959' } };
      break;
    case 'link':
      cell.font = { color: { argb: 'FF0563C1' }, underline: true };
      break;
  }
}

// ---------------------------------------------------------------------------------------------
// Notes

function noteText(note: unknown): string {
  if (note === null || note === undefined) return '';
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: unknown }).texts;
  return richText(texts);
}

function eachNotedCell(ws: ExcelJS.Worksheet, visit: (cell: ExcelJS.Cell, note: string) => void): void {
  // Notes may sit on empty cells, so empty cells of every row are visited too.
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      if (cell.note !== undefined && cell.note !== null) visit(cell, noteText(cell.note));
    });
  });
}

interface CellInternals {
  _comment?: unknown;
  _value?: { model?: { comment?: unknown } };
}

function deleteNote(cell: ExcelJS.Cell): void {
  // ExcelJS has no API to remove a note: setting `note` always creates one. A loaded cell also
  // keeps the note in its value's model, which is written back unless it is dropped there too.
  const internals = cell as unknown as CellInternals;
  internals._comment = undefined;
  if (internals._value?.model && typeof internals._value.model === 'object') delete internals._value.model.comment;
}
