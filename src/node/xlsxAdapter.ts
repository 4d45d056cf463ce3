/**
 * The ExcelJS adapter: the engine's `WorkbookPort` over an .xlsx file in Node. It reads a whole
 * workbook as grids and applies a batch of `WorkbookChanges`; everything the changes do not name
 * (other cells, formulas, styles, notes, names, hidden sheets) is left as it was.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as ExcelJS from 'exceljs';
import {
  BORDER_COLOR,
  CELL_FORMATS,
  EMPTY,
  formulaKey,
  type CellStyle,
  type CellValue,
  type CellWrite,
  type SheetGrid,
  type SheetSpec,
  type WorkbookChanges,
  type WorkbookPort,
  type WorkbookSnapshot,
} from '../engine';
import { NameStore } from './definedNames';
import { assertExcelJsInternals } from './exceljsInternals';
import { PackageWriter } from './packageWriter';
import { NotXlsxError, readFailure, WorkbookChangeError } from './errors';
import { saveFile } from './saveFile';
import { XlsxPackage } from './xlsxPackage';

interface TabOrder {
  orderNo: number;
}

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The stream name `EncryptedPackage` in UTF-16LE, as an OLE directory holds it. */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

export class XlsxWorkbook implements WorkbookPort {
  private readonly names: NameStore;
  private writer: PackageWriter | null = null;
  /** The ExcelJS model no longer shows the package (changes were applied): reload before reading. */
  private stale = false;

  private constructor(
    private workbook: ExcelJS.Workbook,
    /** The package of an opened file, written back by patching; none for a workbook made here. */
    private readonly pkg: XlsxPackage | null = null,
    private readonly file = '',
  ) {
    assertExcelJsInternals();
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
   * a missing path or a folder, another extension, an empty file, an old .xls, an encrypted
   * workbook, a CSV renamed .xlsx, an .ods or another zip renamed .xlsx, a damaged archive.
   */
  static async open(file: string): Promise<XlsxWorkbook> {
    const buffer = await readWorkbookBytes(file);
    const pkg = await openPackage(file, buffer);
    return XlsxWorkbook.load(new XlsxWorkbook(new ExcelJS.Workbook(), pkg, file), buffer);
  }

  private static async load(adapter: XlsxWorkbook, bytes: Buffer): Promise<XlsxWorkbook> {
    try {
      await adapter.workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    } catch {
      throw new NotXlsxError(
        adapter.file,
        'kan ikke læses som .xlsx-projektmappe: en del af filen er beskadiget eller ukendt; åbn den i Excel og gem den igen',
      );
    }
    return adapter;
  }

  async read(): Promise<WorkbookSnapshot> {
    if (this.stale && this.pkg) {
      const fresh = await XlsxWorkbook.load(new XlsxWorkbook(new ExcelJS.Workbook(), null, this.file), await this.pkg.generate());
      this.workbook = fresh.workbook;
      this.names.replaceWith(fresh.names);
      this.stale = false;
    }
    return this.snapshot();
  }

  /** The workbook as grids: formulas read as their cached results, rich text as plain text. */
  private snapshot(): WorkbookSnapshot {
    const sheets: SheetGrid[] = this.workbook.worksheets.map((ws) => readSheet(ws));
    return { sheets, names: this.names.rangeNames((written) => this.sheet(written)?.name) };
  }

  /**
   * Applies a batch of changes. Checks the whole batch first (a sheet added over an existing one
   * that `replaceSheets` does not list, a write to a sheet that does not exist, a write into a
   * protected sheet of an opened file), so a refused batch changes nothing. An opened file is
   * changed by patching its package (see packageWriter.ts); a new workbook through ExcelJS.
   */
  async apply(changes: WorkbookChanges): Promise<void> {
    if (this.pkg) {
      this.writer ??= await PackageWriter.open(this.pkg);
      await this.writer.apply(changes, this.file);
      this.stale = true;
      return;
    }
    this.checkChanges(changes);
    for (const name of changes.removeSheets ?? []) this.removeSheet(name);
    for (const spec of changes.addSheets ?? []) this.addSheet(spec, new Set(changes.replaceSheets ?? []));
    if (changes.names && changes.names.length > 0) this.names.set(changes.names);
    for (const write of changes.cells ?? []) writeCell(this.sheet(write.sheet)!.getCell(write.row + 1, write.col + 1), write);
    if (changes.clearToolNotes || (changes.notes ?? []).length > 0) throw new WorkbookChangeError('Noter skrives kun i en eksisterende projektmappe.');
  }

  /**
   * Saves to `file` through a temporary file in the same folder, renamed over the target only
   * once it is written in full: a failure leaves an existing file as it was. An opened file is
   * written as its patched package: every part no change named is copied unchanged.
   */
  async save(file: string): Promise<void> {
    const bytes = this.pkg ? await this.pkg.generate() : new Uint8Array(await this.workbook.xlsx.writeBuffer());
    await saveFile(file, bytes);
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
    throw readFailure(file, error as NodeJS.ErrnoException);
  }
  if (buffer.subarray(0, OLE_SIGNATURE.length).equals(OLE_SIGNATURE)) {
    // Excel stores a password-protected workbook as an OLE file holding the encrypted package.
    if (buffer.includes(ENCRYPTED_PACKAGE))
      throw new NotXlsxError(
        file,
        'er krypteret (beskyttet med adgangskode); åbn den i Excel, fjern adgangskoden (Filer > Info > Beskyt projektmappe), og gem den',
      );
    throw new NotXlsxError(file, 'er en gammel Excel-fil (.xls); åbn den i Excel og gem den som .xlsx');
  }
  if (ext === '.xls') throw new NotXlsxError(file, 'har filtypen .xls, men tb læser kun .xlsx; gem projektmappen som .xlsx');
  if (ext !== '.xlsx') throw new NotXlsxError(file, `er ikke en .xlsx-fil (filtypen er ${ext === '' ? 'ingen' : ext}); gem projektmappen som .xlsx`);
  if (buffer.length === 0) throw new NotXlsxError(file, 'er tom (0 byte), ikke en .xlsx-projektmappe');
  if (!buffer.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE)) {
    const looksLikeText = !buffer.subarray(0, 512).includes(0);
    throw new NotXlsxError(
      file,
      looksLikeText
        ? 'er en tekstfil (fx CSV) med filtypen .xlsx, ikke en Excel-projektmappe; åbn den i Excel og gem den som .xlsx'
        : 'er ikke en .xlsx-projektmappe',
    );
  }
  return buffer;
}

/** Opens the zip and makes sure it is a workbook, judging by its parts, not its name. */
async function openPackage(file: string, bytes: Buffer): Promise<XlsxPackage> {
  const pkg = await XlsxPackage.load(bytes);
  if (!pkg) throw new NotXlsxError(file, 'er beskadiget: zip-arkivet kan ikke pakkes ud; gem projektmappen igen fra Excel');
  switch (await pkg.kind().catch(() => 'zip' as const)) {
    case 'xlsx':
      return pkg;
    case 'ods':
      throw new NotXlsxError(
        file,
        'er et OpenDocument-regneark (.ods) med filtypen .xlsx; åbn det i Excel eller LibreOffice, og gem det som Excel-projektmappe (.xlsx)',
      );
    case 'docx':
      throw new NotXlsxError(file, 'er et Word-dokument med filtypen .xlsx, ikke en projektmappe');
    case 'pptx':
      throw new NotXlsxError(file, 'er en PowerPoint-præsentation med filtypen .xlsx, ikke en projektmappe');
    default:
      throw new NotXlsxError(file, 'er et zip-arkiv, men ikke en .xlsx-projektmappe (den mangler xl/workbook.xml)');
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
  const uncalculated = new Set<string>();
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
      if (cell.type === ExcelJS.ValueType.Formula && cell.formula) {
        formulas.set(formulaKey(r, c), `=${cell.formula}`);
        if (cell.model.result === undefined) uncalculated.add(formulaKey(r, c));
      }
    });
  });
  const grid: SheetGrid = { name: ws.name, cells };
  if (formulas.size > 0) grid.formulas = formulas;
  if (uncalculated.size > 0) grid.uncalculated = uncalculated;
  if (ws.state !== 'visible') grid.hidden = true;
  return grid;
}

function readCell(cell: ExcelJS.Cell): CellValue {
  // A merged range's value lives in its top-left cell; the others read as empty, as in Excel.
  if (cell.type === ExcelJS.ValueType.Merge) return EMPTY;
  // ExcelJS's `value` leaves out a formula's result when it is 0, '' or false; its model keeps it.
  if (cell.type === ExcelJS.ValueType.Formula) return fromExcel(cell.model.result);
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
    if ('hyperlink' in o) return typeof o.text === 'object' && o.text !== null ? fromExcel(o.text) : plain(textOf(o.text));
  }
  // Nothing else comes from ExcelJS; a bigint would read as its digits, anything unknown as empty.
  return plain(typeof value === 'bigint' ? value.toString() : '');
}

function plain(text: string): CellValue {
  return text === '' ? EMPTY : { kind: 'text', value: text };
}

function richText(runs: unknown): string {
  return Array.isArray(runs) ? runs.map((r) => textOf((r as { text?: unknown }).text)).join('') : '';
}

/** A rich-text run's text: a string, or a number or boolean as Excel shows it. */
function textOf(text: unknown): string {
  return typeof text === 'string' || typeof text === 'number' || typeof text === 'boolean' ? String(text) : '';
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
    return { formula: `HYPERLINK("${target}","${label}")`, result: v.kind === 'text' ? v.value : undefined } satisfies ExcelJS.CellFormulaValue;
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

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: `FF${BORDER_COLOR}` } };

function fill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/** Fresh style objects per cell: ExcelJS shares them otherwise, and a later edit would leak. */
function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  const f = CELL_FORMATS[style];
  const font: Partial<ExcelJS.Font> = {};
  if (f.bold) font.bold = true;
  if (f.italic) font.italic = true;
  if (f.underline) font.underline = true;
  if (f.size) font.size = f.size;
  if (f.fontColor) font.color = { argb: `FF${f.fontColor}` };
  if (Object.keys(font).length > 0) cell.font = font;
  if (f.fill) cell.fill = fill(`FF${f.fill}`);
  if (f.borderBottom) cell.border = { bottom: { ...THIN } };
  if (f.totalLines) cell.border = { top: { style: 'thin' }, bottom: { style: 'double' } };
  if (f.inputBox) {
    cell.border = { top: { ...THIN }, bottom: { ...THIN }, left: { ...THIN }, right: { ...THIN } };
    cell.protection = { locked: false };
  }
}
