/**
 * What the engine asks a host to do to a workbook. The engine never performs a change itself:
 * it returns one `WorkbookChanges` value, and an adapter (ExcelJS in Node, the Excel JavaScript API in Excel)
 * applies it in one batch.
 */
import type { CellRange, CellValue, DefinedName, WorkbookSnapshot } from './cells';

/** How a written cell should look; adapters map these to their own formats. */
export type CellStyle = 'title' | 'subtitle' | 'header' | 'label' | 'input' | 'output' | 'total' | 'note' | 'link';

/**
 * The one palette behind `CellStyle`, for both adapters: colours as RGB hex without `#`
 * (ExcelJS wants `FF` + it as ARGB, the Excel JavaScript API `#` + it).
 */
export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
  fontColor?: string;
  fill?: string;
  /** Thin border below (headers). */
  borderBottom?: boolean;
  /** Thin border round the cell, unlocked on a protected sheet (input cells). */
  inputBox?: boolean;
  /** Thin line above, double line below (totals). */
  totalLines?: boolean;
}

/** The colour of the thin borders (headers' bottom line, input boxes). */
export const BORDER_COLOR = '8EA9DB';

export const CELL_FORMATS: Readonly<Record<CellStyle, Readonly<CellFormat>>> = {
  title: { bold: true, size: 14 },
  subtitle: { bold: true, size: 11 },
  header: { bold: true, fill: 'D9E1F2', borderBottom: true },
  label: {},
  input: { fill: 'FFF2CC', inputBox: true },
  output: { fill: 'EEF3FA' },
  total: { bold: true, totalLines: true },
  note: { italic: true, fontColor: '595959' },
  link: { fontColor: '0563C1', underline: true },
};

export interface CellWrite {
  sheet: string;
  row: number;
  col: number;
  value: CellValue;
  /** A formula to write instead of the value (the value is then its expected result). */
  formula?: string;
  style?: CellStyle;
  /** Number format, Excel notation (`#,##0;-#,##0;"-"`). */
  numberFormat?: string;
  /** A hyperlink inside the workbook, as a reference (`'Tabel A'!C7`). */
  link?: string;
}

/** A sheet the tool creates in full (the template's sheets, the validation report). */
export interface SheetSpec {
  name: string;
  cells: CellWrite[];
  /** Column widths in characters, by 0-based column. */
  columnWidths?: number[];
  merges?: CellRange[];
  /** Freeze the first N rows. */
  frozenRows?: number;
}

/** The tool's note on one cell. The adapter keeps any note a person wrote on the same cell. */
export interface NoteWrite {
  sheet: string;
  row: number;
  col: number;
  text: string;
}

export interface WorkbookChanges {
  /** Sheets to add; an adapter refuses to replace an existing sheet unless `replaceSheets` says so. */
  addSheets?: SheetSpec[];
  /** Names of sheets the tool owns and may replace or remove (`Valideringsrapport`). */
  replaceSheets?: string[];
  /** Sheets to remove (only ever sheets the tool owns). */
  removeSheets?: string[];
  /** Defined names to add or move. */
  names?: DefinedName[];
  /** Single-cell writes into existing sheets (output ranges). */
  cells?: CellWrite[];
  /** Remove every tool note before adding `notes`. */
  clearToolNotes?: boolean;
  notes?: NoteWrite[];
}

/**
 * The port every host adapter implements: read the whole workbook as grids, apply a batch of
 * changes. Reading costs the host a constant number of round trips, whatever the workbook's size.
 */
export interface WorkbookPort {
  read(): Promise<WorkbookSnapshot>;
  apply(changes: WorkbookChanges): Promise<void>;
}

/** Marks the part of a cell note that the tool owns; everything before it is a person's text. */
export const TOOL_NOTE_MARKER = '[Teknisk beregningsark]';

/** Name of the sheet that lists every finding. */
export const REPORT_SHEET = 'Valideringsrapport';

/**
 * Joins a person's note with the tool's text. The tool's part always starts at the marker, so
 * `withoutToolNote` can take it off again exactly.
 */
export function withToolNote(existing: string | null | undefined, toolText: string): string {
  const own = withoutToolNote(existing ?? '');
  const part = `${TOOL_NOTE_MARKER}\n${toolText}`;
  return own === '' ? part : `${own}\n\n${part}`;
}

/**
 * The text of a note as a host hands it: a string, or rich text (`{ texts: [{ text }] }`, as
 * ExcelJS reads it). Null when there is no note.
 */
export function noteText(note: unknown): string | null {
  if (note === null || note === undefined) return null;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: unknown }).texts;
  if (!Array.isArray(texts)) return null;
  return texts.map((t: { text?: unknown }) => (typeof t.text === 'string' ? t.text : '')).join('');
}

/** A note with the tool's part removed (empty string when nothing of a person's is left). */
export function withoutToolNote(note: string): string {
  const at = note.indexOf(TOOL_NOTE_MARKER);
  if (at < 0) return note;
  return note.slice(0, at).replace(/\s+$/, '');
}
