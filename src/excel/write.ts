/**
 * Writing a batch of changes: each change becomes a step that queues Excel JavaScript API
 * operations, so the caller can cut the steps into requests of bounded size.
 */
import {
  absoluteA1,
  CELL_FORMATS,
  dateToSerial,
  rangeToA1,
  sheetRef,
  TOOL_NOTE_MARKER,
  withoutToolNote,
  withToolNote,
  type CellValue,
  type CellWrite,
  type WorkbookChanges,
} from '../engine';
import type { XlComment, XlCommentReply, XlNote, XlRange, XlWorksheet } from './api';

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

/**
 * Estimated request bytes of one step besides its data: Office.js sends an object path and two or
 * three actions per step (a threaded comment measures 370 bytes plus its text, test/excelPayload).
 * Only used to decide when to measure the real request, and where the host cannot measure.
 */
export const OPERATION_BYTES = 400;

/** A run of cell values longer than this (as JSON) is written in several steps. */
const STEP_DATA_BYTES = 64_000;

export function key(sheet: string, a1: string): string {
  return `${sheet.toLowerCase()}!${a1}`;
}

export { absoluteA1 };

/**
 * Text as text, always: Excel reads what the API writes as if typed, so `(1.144)` becomes -1144,
 * `SAND` TRUE and `maj 2025` a date in a Danish Excel, and `=…` a formula. A leading apostrophe is
 * Excel's own "this is text" prefix: it is not part of the value, and unlike the text number format
 * ("@") it leaves the cell's format alone.
 */
export function literalText(text: string): string {
  return text === '' ? '' : `'${text}`;
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
      return dateToSerial(v.value);
    case 'text':
    case 'error':
      return literalText(v.value);
  }
}

/** A step of the write batch: queues operations; `bytes` estimates their request size. */
export interface Step {
  /** Estimated request bytes (see `OPERATION_BYTES`). */
  bytes: number;
  /** The annotated cell (`'Ark'!C7`), for steps that may be skipped one by one. */
  cell?: string;
  queue(): void;
}

export interface ExistingNote {
  sheet: string;
  a1: string;
  /** As Excel gives it (`'Ark'!C7`). */
  location: string;
  note: XlNote;
  content: string;
}

export interface ExistingComment {
  sheet: string;
  a1: string;
  /** As Excel gives it (`'Ark'!C7`). */
  location: string;
  comment: XlComment;
  content: string;
  replies: { reply: XlCommentReply; content: string }[];
}

/** A run cut into pieces of at most `STEP_DATA_BYTES` of data (a single cell may exceed it). */
function bySize(run: CellWrite[], size: (w: CellWrite) => number): CellWrite[][] {
  const out: CellWrite[][] = [];
  let piece: CellWrite[] = [];
  let bytes = 0;
  for (const w of run) {
    const b = size(w);
    if (piece.length > 0 && (bytes + b > STEP_DATA_BYTES || piece[piece.length - 1].col + 1 !== w.col)) {
      out.push(piece);
      piece = [];
      bytes = 0;
    }
    piece.push(w);
    bytes += b;
  }
  if (piece.length > 0) out.push(piece);
  return out;
}

/** Runs of neighbouring cells in one row that `select` takes and `same` joins. */
function* runs(
  cells: readonly CellWrite[],
  select: (w: CellWrite) => boolean,
  same: (a: CellWrite, b: CellWrite) => boolean = () => true,
): Generator<CellWrite[]> {
  let run: CellWrite[] = [];
  for (const w of cells) {
    if (!select(w)) continue;
    const last = run[run.length - 1];
    if (last && last.row === w.row && last.col + 1 === w.col && same(last, w)) run.push(w);
    else {
      if (run.length) yield run;
      run = [w];
    }
  }
  if (run.length) yield run;
}

/**
 * Writes of one sheet: values and formulas by row run, then number formats, styles and links.
 * The steps are made as they are taken, so a report sheet of 50,000 cells is planned a request
 * at a time, between round trips, not in one go; every walk through them gives the same steps.
 */
export function cellSteps(sheet: () => XlWorksheet, writes: readonly CellWrite[]): Iterable<Step> {
  let written: CellWrite[] | undefined;
  // Sorting is stable, so of several writes to one cell the last stays last: it wins, as in the
  // ExcelJS adapter. Only that one is written.
  const cells = () => {
    if (written) return written;
    const sorted = [...writes].sort((a, b) => a.row - b.row || a.col - b.col);
    return (written = sorted.filter((w, i) => i + 1 === sorted.length || sorted[i + 1].row !== w.row || sorted[i + 1].col !== w.col));
  };
  const rangeOf = (run: CellWrite[]) => sheet().getRangeByIndexes(run[0].row, run[0].col, 1, run.length);

  function* steps(): Generator<Step> {
    for (const row of runs(cells(), () => true)) {
      for (const run of bySize(row, (w) => JSON.stringify(officeInput(w)).length)) {
        const inputs = [run.map(officeInput)];
        yield { bytes: OPERATION_BYTES + JSON.stringify(inputs).length, queue: () => (rangeOf(run).formulas = inputs) };
      }
    }
    for (const run of runs(cells(), (w) => w.numberFormat !== undefined)) {
      const formats = [run.map((w) => w.numberFormat!)];
      yield { bytes: OPERATION_BYTES + JSON.stringify(formats).length, queue: () => (rangeOf(run).numberFormat = formats) };
    }
    for (const run of runs(
      cells(),
      (w) => w.style !== undefined,
      (a, b) => a.style === b.style,
    )) {
      const style = CELL_FORMATS[run[0].style!];
      if (!style || Object.keys(style).length === 0) continue;
      yield {
        bytes: OPERATION_BYTES * 3,
        queue: () => {
          const format = rangeOf(run).format;
          if (style.bold !== undefined) format.font.bold = style.bold;
          if (style.italic !== undefined) format.font.italic = style.italic;
          if (style.size !== undefined) format.font.size = style.size;
          if (style.fontColor !== undefined) format.font.color = `#${style.fontColor}`;
          if (style.fill !== undefined) format.fill.color = `#${style.fill}`;
        },
      };
    }
    for (const w of cells()) {
      if (!w.link) continue;
      const text = w.value.kind === 'text' ? w.value.value : '';
      yield {
        bytes: OPERATION_BYTES + w.link.length + text.length,
        queue: () => (sheet().getCell(w.row, w.col).hyperlink = { documentReference: w.link, textToDisplay: text }),
      };
    }
  }
  return { [Symbol.iterator]: steps };
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

/**
 * A step adding a note or a threaded comment on one cell. Both collections take a Range (or a
 * sheet-qualified address, API reference): a bare A1 address would land on the active sheet.
 */
function addOnCell(
  tool: { sheet: string; a1: string },
  text: string,
  sheet: (name: string) => XlWorksheet | undefined,
  add: (ws: XlWorksheet, range: XlRange, text: string) => void,
): Step {
  return {
    bytes: OPERATION_BYTES + text.length,
    cell: sheetRef(tool.sheet, tool.a1),
    queue: () => {
      const ws = sheet(tool.sheet)!;
      add(ws, ws.getRange(tool.a1), text);
    },
  };
}

/** Notes (ExcelApi 1.18): a person's part of a note stays; only the tool's part changes. */
export function noteSteps(
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
      steps.push({
        bytes: OPERATION_BYTES + final.length,
        cell: sheetRef(tool.sheet, tool.a1),
        queue: () => {
          const ws = sheet(tool.sheet)!;
          ws.notes.add(ws.getRange(tool.a1), final);
        },
      });
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
export function threadSteps(
  changes: WorkbookChanges,
  existing: Map<string, ExistingComment>,
  sheet: (name: string) => XlWorksheet | undefined,
  report: ApplyReport,
): Step[] {
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
    if (thread && thread.content.startsWith(TOOL_NOTE_MARKER)) {
      steps.push({ bytes: OPERATION_BYTES + text.length, cell: sheetRef(tool.sheet, tool.a1), queue: () => (thread.comment.content = text) });
    } else if (thread) {
      // A person's thread is theirs: the finding stays in the report sheet only.
      report.notesSkipped.push(sheetRef(tool.sheet, tool.a1));
      continue;
    } else {
      steps.push(addOnCell(tool, text, sheet, (ws, range, content) => ws.comments.add(range, content)));
    }
    report.notesWritten++;
  }
  return steps;
}
