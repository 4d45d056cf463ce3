/**
 * The engine's `WorkbookPort` over the Excel JavaScript API: the only code that calls `Excel.run`
 * (through an `ExcelHost`, so the same code runs in Excel, in the harness and in jest).
 *
 * Round trips are counted, not left to chance:
 * - `read` costs 2 syncs plus one per block of cells (one block unless the workbook holds more
 *   than `maxCellsPerSync` used cells), whatever the number of sheets;
 * - `apply` costs 2 syncs to check, then one to write (more only when the writes exceed
 *   `maxRequestBytes`), plus one for threaded comments on hosts without notes.
 * Every reason to refuse a batch is found before the first write, so a refused batch leaves the
 * workbook exactly as it was.
 */
import {
  rangeFromA1,
  rangeToA1,
  sheetRef,
  splitSheetAddress,
  toCell,
  TOOL_NOTE_MARKER,
  withoutToolNote,
  withToolNote,
  AddressError,
  type CellRange,
  type CellStyle,
  type CellValue,
  type CellWrite,
  type DefinedName,
  type SheetGrid,
  type WorkbookChanges,
  type WorkbookPort,
  type WorkbookSnapshot,
} from '../engine';
import { POINTS_PER_CHARACTER, type ExcelHost, type XlComment, type XlCommentReply, type XlNamedItem, type XlNote, type XlRange, type XlRequestContext, type XlWorksheet } from './api';
import { ExcelRequestError, WorkbookChangeError, type ChangeProblem } from './errors';

/** Where findings go: notes (ExcelApi 1.18), threaded comments (1.10), or only the report sheet. */
export type AnnotationMode = 'notes' | 'comments' | 'report-only';

/** What `apply` did. */
export interface ApplyReport {
  annotationMode: AnnotationMode;
  sheetsAdded: string[];
  sheetsRemoved: string[];
  cellsWritten: number;
  notesWritten: number;
  notesRemoved: number;
  /** Cells whose note could not be placed (`'Ark'!C7`): they hold a person's note or comment of the other kind. */
  notesSkipped: string[];
  /** Set when Excel refused the threaded comments (written last, after everything else). */
  annotationError?: string;
  syncs: number;
}

export interface OfficeWorkbookOptions {
  /** Cells loaded per sync; values and formulas of 40,000 cells stay well under Excel on the web's 5 MB. */
  maxCellsPerSync?: number;
  /** Estimated request size per sync when writing. */
  maxRequestBytes?: number;
}

const DEFAULT_MAX_CELLS = 40_000;
const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;
/** Estimated overhead of one queued operation in a request. */
const OPERATION_BYTES = 120;

/** Excel's own colours for the template's cell styles (the ExcelJS adapter uses the same). */
const STYLE_FORMATS: Record<CellStyle, { bold?: boolean; italic?: boolean; size?: number; fontColor?: string; fill?: string }> = {
  title: { bold: true, size: 14 },
  subtitle: { bold: true, size: 11 },
  header: { bold: true, fill: '#D9E1F2' },
  label: {},
  input: { fill: '#FFF2CC' },
  output: { fill: '#EEF3FA' },
  total: { bold: true },
  note: { italic: true, fontColor: '#595959' },
  link: { fontColor: '#0563C1' },
};

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function key(sheet: string, a1: string): string {
  return `${sheet.toLowerCase()}!${a1}`;
}

function absoluteA1(range: CellRange): string {
  return rangeToA1(range).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
}

/** Text Excel would turn into something else (a formula, a number, a date, TRUE) gets the text prefix. */
function literalText(text: string): string {
  return /^[=+\-@'\s0-9.,]/.test(text) || /^(true|false)$/i.test(text) ? `'${text}` : text;
}

function officeInput(write: CellWrite): string | number | boolean {
  if (write.formula) return write.formula.startsWith('=') ? write.formula : `=${write.formula}`;
  const v: CellValue = write.value;
  switch (v.kind) {
    case 'empty':
      return '';
    case 'number':
    case 'boolean':
      return v.value;
    case 'date':
      return (v.value.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
    case 'text':
    case 'error':
      return literalText(v.value);
  }
}

/** A comma-separated RangeAreas address (`Ark1!A1:B2, 'Tabel A'!D4:E5`) as ranges. */
function parseAreas(address: string): { sheet: string; range: CellRange }[] {
  const parts = address.split(/,(?=\s*(?:'[^']*'|[^',!]+)![$A-Z])/);
  const areas: { sheet: string; range: CellRange }[] = [];
  for (const part of parts) {
    const { sheet, address: local } = splitSheetAddress(part.trim());
    if (sheet === null) continue;
    areas.push({ sheet, range: rangeFromA1(local) });
  }
  return areas;
}

function inside(range: CellRange, row: number, col: number): boolean {
  return row >= range.start.row && row <= range.end.row && col >= range.start.col && col <= range.end.col;
}

/** A step of the write batch: queues operations; `bytes` estimates their request size. */
interface Step {
  bytes: number;
  queue(): void;
}

interface ExistingNote {
  sheet: string;
  a1: string;
  note: XlNote;
  content: string;
}

interface ExistingComment {
  sheet: string;
  a1: string;
  comment: XlComment;
  content: string;
  replies: { reply: XlCommentReply; content: string }[];
}

export class OfficeWorkbook implements WorkbookPort {
  private readonly maxCellsPerSync: number;
  private readonly maxRequestBytes: number;

  constructor(
    private readonly host: ExcelHost,
    options: OfficeWorkbookOptions = {},
  ) {
    this.maxCellsPerSync = options.maxCellsPerSync ?? DEFAULT_MAX_CELLS;
    this.maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  }

  /** How this host shows findings on cells. */
  annotationMode(): AnnotationMode {
    if (this.host.isSetSupported('ExcelApi', '1.18')) return 'notes';
    if (this.host.isSetSupported('ExcelApi', '1.10')) return 'comments';
    return 'report-only';
  }

  private async run<T>(batch: (context: XlRequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.host.run(batch);
    } catch (error) {
      throw ExcelRequestError.wrap(error);
    }
  }

  /** Sheet names in tab order (one sync). */
  async sheetNames(): Promise<string[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  /** Activates the sheet, then selects the cell or range (activating first is what Excel needs). */
  async select(sheet: string, address: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      await context.sync();
      ws.getRange(address).select();
      await context.sync();
    });
  }

  /**
   * Every sheet's used cells (values and formulas) and every defined name: sheet list and names,
   * then all used ranges in one batch, then the cells in blocks of at most `maxCellsPerSync`.
   */
  async read(): Promise<WorkbookSnapshot> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name,items/visibility');
      const names = context.workbook.names.load('items/name,items/type,items/formula');
      await context.sync();

      const used = sheets.items.map((ws) => ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'));
      const scoped = sheets.items.map((ws) => ws.names.load('items/name,items/type,items/formula'));
      await context.sync();

      const grids: SheetGrid[] = sheets.items.map((ws) => {
        const grid: SheetGrid = { name: ws.name, cells: [] };
        if (ws.visibility !== 'Visible') grid.hidden = true;
        return grid;
      });
      for (const batch of this.readBatches(used)) {
        const loaded = batch.map((block) => ({
          block,
          range: sheets.items[block.sheet].getRangeByIndexes(block.row, block.col, block.rows, block.cols).load('values,formulas'),
        }));
        await context.sync();
        for (const { block, range } of loaded) fillGrid(grids[block.sheet], block, range.values, range.formulas);
      }

      const sheetName = (name: string) => grids.find((g) => g.name.toLowerCase() === name.toLowerCase())?.name;
      const defined: DefinedName[] = [];
      for (const item of [...names.items, ...scoped.flatMap((c) => c.items)]) {
        const name = definedName(item);
        const sheet = name && sheetName(name.sheet);
        if (name && sheet && !defined.some((d) => d.name.toLowerCase() === name.name.toLowerCase())) defined.push({ ...name, sheet });
      }
      return { sheets: grids, names: defined };
    });
  }

  /** Used ranges cut into row blocks, packed into batches of at most `maxCellsPerSync` cells. */
  private readBatches(used: XlRange[]): ReadBlock[][] {
    const blocks: ReadBlock[] = [];
    used.forEach((range, sheet) => {
      if (range.isNullObject) return;
      const rowsPerBlock = Math.max(1, Math.floor(this.maxCellsPerSync / range.columnCount));
      for (let r = 0; r < range.rowCount; r += rowsPerBlock) {
        blocks.push({ sheet, row: range.rowIndex + r, col: range.columnIndex, rows: Math.min(rowsPerBlock, range.rowCount - r), cols: range.columnCount });
      }
    });
    const batches: ReadBlock[][] = [];
    let current: ReadBlock[] = [];
    let cells = 0;
    for (const block of blocks) {
      const size = block.rows * block.cols;
      if (current.length > 0 && cells + size > this.maxCellsPerSync) {
        batches.push(current);
        current = [];
        cells = 0;
      }
      current.push(block);
      cells += size;
    }
    if (current.length > 0) batches.push(current);
    return batches;
  }

  /**
   * Applies a batch of changes. Refuses with `WorkbookChangeError`, before writing anything, when
   * the workbook's structure or a sheet to write is protected, an output cell is merged, a sheet
   * to add exists (and is not listed in `replaceSheets`) or a sheet to write does not exist.
   */
  async apply(changes: WorkbookChanges): Promise<void> {
    await this.applyChanges(changes);
  }

  /** {@link apply}, saying what it did: the annotation mode, what was written, the round trips. */
  async applyChanges(changes: WorkbookChanges): Promise<ApplyReport> {
    const mode = this.annotationMode();
    const wantsNotes = Boolean(changes.clearToolNotes) || (changes.notes?.length ?? 0) > 0;
    const canComment = this.host.isSetSupported('ExcelApi', '1.10');
    const canFindMerges = this.host.isSetSupported('ExcelApi', '1.13');
    return this.run(async (context) => {
      let syncs = 0;
      const sync = async () => {
        syncs++;
        await context.sync();
      };
      const wb = context.workbook;

      // Check, round trip 1: sheets, names, workbook protection, existing notes and comments.
      const sheetList = wb.worksheets.load('items/name,items/visibility,items/position');
      const workbookProtection = wb.protection.load('protected');
      const nameList = wb.names.load('items/name');
      const noteList = wantsNotes && mode === 'notes' ? wb.notes.load('items/content') : null;
      const commentList = wantsNotes && canComment ? wb.comments.load('items/content,items/id') : null;
      await sync();

      // Check, round trip 2: sheet protection, merged cells under the writes, note locations.
      const sheets = new Map(sheetList.items.map((ws) => [ws.name.toLowerCase(), ws]));
      const protections = sheetList.items.map((ws) => ({ ws, protection: ws.protection.load('protected') }));
      const writesBySheet = groupBySheet(changes.cells ?? []);
      const merges = canFindMerges
        ? [...writesBySheet].flatMap(([sheetKey, writes]) => {
            const ws = sheets.get(sheetKey);
            if (!ws) return [];
            const box = boundingBox(writes);
            const areas = ws.getRangeByIndexes(box.start.row, box.start.col, box.end.row - box.start.row + 1, box.end.col - box.start.col + 1).getMergedAreasOrNullObject();
            return [{ sheetKey, areas: areas.load('address') }];
          })
        : [];
      const noteLocations = noteList ? noteList.items.map((note) => ({ note, location: note.getLocation().load('address') })) : [];
      const commentLocations = commentList
        ? commentList.items.map((comment) => ({ comment, location: comment.getLocation().load('address'), replies: comment.replies.load('items/content') }))
        : [];
      await sync();

      const existingNotes = new Map<string, ExistingNote>();
      for (const { note, location } of noteLocations) {
        const { sheet, address } = splitSheetAddress(location.address);
        if (sheet !== null) existingNotes.set(key(sheet, address), { sheet, a1: address, note, content: note.content });
      }
      const existingComments = new Map<string, ExistingComment>();
      for (const { comment, location, replies } of commentLocations) {
        const { sheet, address } = splitSheetAddress(location.address);
        if (sheet !== null) {
          existingComments.set(key(sheet, address), { sheet, a1: address, comment, content: comment.content, replies: replies.items.map((reply) => ({ reply, content: reply.content })) });
        }
      }

      const plan = planChanges(changes, {
        sheets: sheetList.items.map((ws) => ({ name: ws.name, visible: ws.visibility === 'Visible' })),
        workbookProtected: workbookProtection.protected,
        protectedSheets: new Set(protections.filter((p) => p.protection.protected).map((p) => p.ws.name.toLowerCase())),
        merges: merges.flatMap((m) => (m.areas.isNullObject ? [] : parseAreas(m.areas.address))),
        toolNotes: mode === 'notes' ? [...existingNotes.values()].filter((n) => n.content.includes(TOOL_NOTE_MARKER)) : [],
      });
      if (plan.problems.length > 0) throw new WorkbookChangeError(plan.problems);

      // Write.
      const report: ApplyReport = {
        annotationMode: mode,
        sheetsAdded: (changes.addSheets ?? []).map((s) => s.name),
        sheetsRemoved: plan.removed,
        cellsWritten: 0,
        notesWritten: 0,
        notesRemoved: 0,
        notesSkipped: [],
        syncs: 0,
      };
      const steps: Step[] = [];
      const live = new Map(sheets);
      const replacedOld: XlWorksheet[] = [];
      let temp = 0;
      for (const spec of changes.addSheets ?? []) {
        const old = sheets.get(spec.name.toLowerCase());
        if (old) {
          let tempName = '';
          do tempName = `~tb-erstattes-${++temp}`;
          while (sheets.has(tempName));
          steps.push({ bytes: OPERATION_BYTES, queue: () => (old.name = tempName) });
          replacedOld.push(old);
        }
      }
      for (const spec of changes.addSheets ?? []) {
        const old = sheets.get(spec.name.toLowerCase());
        let ws: XlWorksheet | undefined;
        steps.push({
          bytes: OPERATION_BYTES,
          queue: () => {
            ws = wb.worksheets.add(spec.name);
            // A replaced sheet keeps its place among the tabs.
            if (old) ws.position = old.position;
            live.set(spec.name.toLowerCase(), ws);
          },
        });
        steps.push(...cellSteps(() => ws!, spec.cells));
        for (const m of spec.merges ?? []) {
          steps.push({ bytes: OPERATION_BYTES, queue: () => ws!.getRangeByIndexes(m.start.row, m.start.col, m.end.row - m.start.row + 1, m.end.col - m.start.col + 1).merge() });
        }
        (spec.columnWidths ?? []).forEach((chars, col) => {
          if (chars > 0) steps.push({ bytes: OPERATION_BYTES, queue: () => (ws!.getRangeByIndexes(0, col, 1, 1).format.columnWidth = chars * POINTS_PER_CHARACTER) });
        });
        if (spec.frozenRows && spec.frozenRows > 0) steps.push({ bytes: OPERATION_BYTES, queue: () => ws!.freezePanes.freezeRows(spec.frozenRows) });
        report.cellsWritten += spec.cells.length;
      }
      for (const old of replacedOld) steps.push({ bytes: OPERATION_BYTES, queue: () => old.delete() });
      for (const name of plan.removed) {
        const ws = sheets.get(name.toLowerCase())!;
        steps.push({ bytes: OPERATION_BYTES, queue: () => ws.delete() });
      }
      const existingNames = new Map(nameList.items.map((n) => [n.name.toLowerCase(), n]));
      const finalSheetName = new Map(sheetList.items.map((ws) => [ws.name.toLowerCase(), ws.name]));
      for (const spec of changes.addSheets ?? []) finalSheetName.set(spec.name.toLowerCase(), spec.name);
      for (const n of changes.names ?? []) {
        steps.push({
          bytes: OPERATION_BYTES * 2,
          queue: () => {
            existingNames.get(n.name.toLowerCase())?.delete();
            wb.names.add(n.name, `=${sheetRef(finalSheetName.get(n.sheet.toLowerCase()) ?? n.sheet, absoluteA1(n.range))}`);
          },
        });
      }
      for (const [sheetKey, writes] of writesBySheet) {
        steps.push(...cellSteps(() => live.get(sheetKey)!, writes));
        report.cellsWritten += writes.length;
      }

      const sheetProxy = (name: string) => live.get(name.toLowerCase());
      const commentSteps: Step[] = [];
      if (mode === 'notes') {
        steps.push(...noteSteps(changes, existingNotes, existingComments, sheetProxy, report));
      } else if (mode === 'comments') {
        commentSteps.push(...threadSteps(changes, existingComments, sheetProxy, report));
      }
      await this.runSteps(steps, sync);
      if (commentSteps.length > 0) {
        try {
          await this.runSteps(commentSteps, sync);
        } catch (error) {
          const wrapped = ExcelRequestError.wrap(error);
          report.annotationError = wrapped.message;
        }
      }
      report.syncs = syncs;
      return report;
    });
  }

  /** Queues steps, syncing whenever the next step would take the request over the limit. */
  private async runSteps(steps: Step[], sync: () => Promise<void>): Promise<void> {
    let bytes = 0;
    for (const step of steps) {
      if (bytes > 0 && bytes + step.bytes > this.maxRequestBytes) {
        await sync();
        bytes = 0;
      }
      step.queue();
      bytes += step.bytes;
    }
    if (bytes > 0) await sync();
  }
}

interface ReadBlock {
  sheet: number;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

function fillGrid(grid: SheetGrid, block: ReadBlock, values: unknown[][], formulas: unknown[][]): void {
  while (grid.cells.length < block.row + block.rows) grid.cells.push([]);
  for (let i = 0; i < block.rows; i++) {
    const line = grid.cells[block.row + i];
    for (let j = 0; j < block.cols; j++) {
      const col = block.col + j;
      const cell = toCell(values[i][j]);
      const formula = formulas[i][j];
      if (typeof formula === 'string' && formula.startsWith('=')) {
        grid.formulas ??= new Map();
        grid.formulas.set(`${block.row + i},${col}`, formula);
      }
      if (cell.kind === 'empty') continue;
      while (line.length < col) line.push({ kind: 'empty' });
      line[col] = cell;
    }
  }
}

function definedName(item: XlNamedItem): DefinedName | null {
  if (item.type !== 'Range' || typeof item.formula !== 'string') return null;
  const { sheet, address } = splitSheetAddress(item.formula.replace(/^=/, ''));
  if (sheet === null) return null;
  try {
    return { name: item.name, sheet, range: rangeFromA1(address) };
  } catch (error) {
    if (error instanceof AddressError) return null;
    throw error;
  }
}

function groupBySheet(writes: readonly CellWrite[]): Map<string, CellWrite[]> {
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of writes) {
    const k = w.sheet.toLowerCase();
    const list = bySheet.get(k);
    if (list) list.push(w);
    else bySheet.set(k, [w]);
  }
  return bySheet;
}

function boundingBox(writes: readonly CellWrite[]): CellRange {
  const rows = writes.map((w) => w.row);
  const cols = writes.map((w) => w.col);
  return { start: { row: Math.min(...rows), col: Math.min(...cols) }, end: { row: Math.max(...rows), col: Math.max(...cols) } };
}

interface WorkbookFacts {
  sheets: { name: string; visible: boolean }[];
  workbookProtected: boolean;
  protectedSheets: Set<string>;
  merges: { sheet: string; range: CellRange }[];
  toolNotes: ExistingNote[];
}

/** Every reason to refuse the batch, and the sheets it removes. Pure, so it is easy to test. */
function planChanges(changes: WorkbookChanges, facts: WorkbookFacts): { problems: ChangeProblem[]; removed: string[] } {
  const problems: ChangeProblem[] = [];
  const exists = new Map(facts.sheets.map((s) => [s.name.toLowerCase(), s]));
  const replace = new Set([...(changes.replaceSheets ?? []), ...(changes.removeSheets ?? [])].map((n) => n.toLowerCase()));
  const added = new Set((changes.addSheets ?? []).map((s) => s.name.toLowerCase()));
  const removed = (changes.removeSheets ?? []).filter((n) => exists.has(n.toLowerCase()) && !added.has(n.toLowerCase())).map((n) => exists.get(n.toLowerCase())!.name);
  const changesStructure = added.size > 0 || removed.length > 0;
  if (changesStructure && facts.workbookProtected) problems.push({ code: 'workbook-protected', sheet: '' });
  for (const spec of changes.addSheets ?? []) {
    const old = exists.get(spec.name.toLowerCase());
    if (old && !replace.has(spec.name.toLowerCase())) problems.push({ code: 'sheet-exists', sheet: old.name });
  }
  const visibleLeft = facts.sheets.filter((s) => s.visible && !removed.some((r) => r.toLowerCase() === s.name.toLowerCase())).length + added.size;
  if (visibleLeft === 0 && removed.length > 0) problems.push({ code: 'last-sheet', sheet: removed[0] });

  const writable = (sheet: string, what: string) => {
    const k = sheet.toLowerCase();
    if (added.has(k)) return;
    if (!exists.has(k) || removed.some((r) => r.toLowerCase() === k)) {
      if (!problems.some((p) => p.code === 'missing-sheet' && p.sheet === sheet)) problems.push({ code: 'missing-sheet', sheet });
    } else if (facts.protectedSheets.has(k)) {
      const name = exists.get(k)!.name;
      if (!problems.some((p) => p.code === 'sheet-protected' && p.sheet === name)) problems.push({ code: 'sheet-protected', sheet: name, cell: what });
    }
  };
  for (const w of changes.cells ?? []) writable(w.sheet, rangeToA1({ start: w, end: w }));
  for (const n of changes.notes ?? []) writable(n.sheet, rangeToA1({ start: n, end: n }));
  for (const n of changes.names ?? []) if (!added.has(n.sheet.toLowerCase()) && !exists.has(n.sheet.toLowerCase())) writable(n.sheet, '');
  if (changes.clearToolNotes) for (const n of facts.toolNotes) writable(n.sheet, n.a1);

  const flagged = new Set<string>();
  for (const w of changes.cells ?? []) {
    for (const m of facts.merges) {
      if (m.sheet.toLowerCase() !== w.sheet.toLowerCase() || !inside(m.range, w.row, w.col)) continue;
      const id = `${m.sheet.toLowerCase()}!${rangeToA1(m.range)}`;
      if (!flagged.has(id)) {
        flagged.add(id);
        problems.push({ code: 'merged-cells', sheet: exists.get(m.sheet.toLowerCase())?.name ?? m.sheet, cell: rangeToA1(m.range) });
      }
    }
  }
  return { problems, removed };
}

/** Writes of one sheet: values and formulas by row run, then number formats, styles and links. */
function cellSteps(sheet: () => XlWorksheet, writes: readonly CellWrite[]): Step[] {
  const steps: Step[] = [];
  const sorted = [...writes].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs = (select: (w: CellWrite) => boolean, same: (a: CellWrite, b: CellWrite) => boolean = () => true): CellWrite[][] => {
    const out: CellWrite[][] = [];
    let run: CellWrite[] = [];
    for (const w of sorted) {
      if (!select(w)) continue;
      const last = run[run.length - 1];
      if (last && last.row === w.row && last.col + 1 === w.col && same(last, w)) run.push(w);
      else {
        if (run.length) out.push(run);
        run = [w];
      }
    }
    if (run.length) out.push(run);
    return out;
  };
  const rangeOf = (run: CellWrite[]) => sheet().getRangeByIndexes(run[0].row, run[0].col, 1, run.length);
  // A later write to the same cell wins, as in the ExcelJS adapter.
  const last = new Map<string, CellWrite>();
  for (const w of sorted) last.set(`${w.row},${w.col}`, w);
  const unique = (w: CellWrite) => last.get(`${w.row},${w.col}`) === w;

  for (const run of runs(unique)) {
    const inputs = [run.map(officeInput)];
    steps.push({ bytes: OPERATION_BYTES + JSON.stringify(inputs).length, queue: () => (rangeOf(run).formulas = inputs) });
  }
  for (const run of runs((w) => unique(w) && w.numberFormat !== undefined)) {
    const formats = [run.map((w) => w.numberFormat!)];
    steps.push({ bytes: OPERATION_BYTES + JSON.stringify(formats).length, queue: () => (rangeOf(run).numberFormat = formats) });
  }
  for (const run of runs((w) => unique(w) && w.style !== undefined, (a, b) => a.style === b.style)) {
    const style = STYLE_FORMATS[run[0].style!];
    if (!style || Object.keys(style).length === 0) continue;
    steps.push({
      bytes: OPERATION_BYTES * 3,
      queue: () => {
        const format = rangeOf(run).format;
        if (style.bold !== undefined) format.font.bold = style.bold;
        if (style.italic !== undefined) format.font.italic = style.italic;
        if (style.size !== undefined) format.font.size = style.size;
        if (style.fontColor !== undefined) format.font.color = style.fontColor;
        if (style.fill !== undefined) format.fill.color = style.fill;
      },
    });
  }
  for (const w of sorted) {
    if (!w.link || !unique(w)) continue;
    const text = w.value.kind === 'text' ? w.value.value : '';
    steps.push({ bytes: OPERATION_BYTES + w.link.length + text.length, queue: () => (sheet().getCell(w.row, w.col).hyperlink = { documentReference: w.link, textToDisplay: text }) });
  }
  return steps;
}

/** The tool's text per cell: several notes on one cell in one batch are joined, in order. */
function requestedNotes(changes: WorkbookChanges): Map<string, { sheet: string; a1: string; text: string }> {
  const requested = new Map<string, { sheet: string; a1: string; text: string }>();
  for (const n of changes.notes ?? []) {
    const a1 = rangeToA1({ start: n, end: n });
    const k = key(n.sheet, a1);
    const prior = requested.get(k);
    requested.set(k, { sheet: n.sheet, a1, text: prior ? `${prior.text}\n${n.text}` : n.text });
  }
  return requested;
}

/** Notes (ExcelApi 1.18): a person's part of a note stays; only the tool's part changes. */
function noteSteps(
  changes: WorkbookChanges,
  existing: Map<string, ExistingNote>,
  comments: Map<string, ExistingComment>,
  sheet: (name: string) => XlWorksheet | undefined,
  report: ApplyReport,
): Step[] {
  const steps: Step[] = [];
  const requested = requestedNotes(changes);
  const affected = new Set(requested.keys());
  if (changes.clearToolNotes) for (const [k, n] of existing) if (n.content.includes(TOOL_NOTE_MARKER)) affected.add(k);
  for (const k of affected) {
    const note = existing.get(k);
    const tool = requested.get(k);
    const own = note ? withoutToolNote(note.content) : '';
    const final = tool ? withToolNote(own, tool.text) : own;
    if (note) {
      if (final === note.content) continue;
      if (final === '') steps.push({ bytes: OPERATION_BYTES, queue: () => note.note.delete() });
      else steps.push({ bytes: OPERATION_BYTES + final.length, queue: () => (note.note.content = final) });
      if (tool) report.notesWritten++;
      else report.notesRemoved++;
    } else if (tool) {
      if (comments.has(k) && !comments.get(k)!.content.includes(TOOL_NOTE_MARKER)) {
        report.notesSkipped.push(`${sheetRef(tool.sheet, tool.a1)}`);
        continue;
      }
      steps.push({ bytes: OPERATION_BYTES + final.length, queue: () => sheet(tool.sheet)!.notes.add(tool.a1, final) });
      report.notesWritten++;
    }
  }
  // Threaded comments the tool wrote on a host without notes go too.
  if (changes.clearToolNotes) {
    for (const c of comments.values()) {
      if (c.content.startsWith(TOOL_NOTE_MARKER)) {
        steps.unshift({ bytes: OPERATION_BYTES, queue: () => c.comment.delete() });
        report.notesRemoved++;
      } else {
        for (const r of c.replies) {
          if (r.content.startsWith(TOOL_NOTE_MARKER)) {
            steps.unshift({ bytes: OPERATION_BYTES, queue: () => r.reply.delete() });
            report.notesRemoved++;
          }
        }
      }
    }
  }
  return steps;
}

/**
 * Threaded comments (ExcelApi 1.10, no notes): the tool's finding is a thread of its own, or a
 * reply in a person's thread on the same cell. A tool thread is removed whole.
 */
function threadSteps(changes: WorkbookChanges, existing: Map<string, ExistingComment>, sheet: (name: string) => XlWorksheet | undefined, report: ApplyReport): Step[] {
  const steps: Step[] = [];
  const gone = new Set<string>();
  if (changes.clearToolNotes) {
    for (const [k, c] of existing) {
      if (c.content.startsWith(TOOL_NOTE_MARKER)) {
        gone.add(k);
        steps.push({ bytes: OPERATION_BYTES, queue: () => c.comment.delete() });
        report.notesRemoved++;
        continue;
      }
      for (const r of c.replies) {
        if (!r.content.startsWith(TOOL_NOTE_MARKER)) continue;
        steps.push({ bytes: OPERATION_BYTES, queue: () => r.reply.delete() });
        report.notesRemoved++;
      }
    }
  }
  for (const [k, tool] of requestedNotes(changes)) {
    const text = `${TOOL_NOTE_MARKER}\n${tool.text}`;
    const thread = gone.has(k) ? undefined : existing.get(k);
    if (thread && thread.content.startsWith(TOOL_NOTE_MARKER)) steps.push({ bytes: OPERATION_BYTES + text.length, queue: () => (thread.comment.content = text) });
    else if (thread) steps.push({ bytes: OPERATION_BYTES + text.length, queue: () => thread.comment.replies.add(text) });
    else steps.push({ bytes: OPERATION_BYTES + text.length, queue: () => sheet(tool.sheet)!.comments.add(tool.a1, text) });
    report.notesWritten++;
  }
  return steps;
}
