/**
 * Loads the fake's workbook model from an .xlsx file and saves it back, with ExcelJS (its browser
 * build in the harness, the Node build in jest). Values, formulas with their cached results,
 * number formats, cell styles, merges, notes, defined names, sheet state and protection survive
 * the round trip; threaded comments are saved as notes (ExcelJS cannot write them).
 */
import ExcelJS from 'exceljs';
import { dateToSerial, rangeFromA1, rangeToA1, sheetRef, splitSheetAddress, type CellRange } from '../../engine/cells';
import { noteText } from '../../engine/changes';
import { cellKey, parseCellKey, WorkbookModel, type CellModel, type Scalar, type SheetModel, type Visibility } from './model';
import { POINTS_PER_CHARACTER as POINTS_PER_CHAR } from '../api';
import { absoluteA1 } from './addresses';
import { notesInPackage } from './packageNotes';

function scalarOf(value: unknown): Scalar | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return dateToSerial(value);
  const v = value as { richText?: { text: string }[]; text?: unknown; error?: string };
  if (v.richText) return v.richText.map((r) => r.text).join('');
  if (v.error) return v.error;
  if (v.text !== undefined) return scalarOf(v.text);
  return undefined;
}

const VISIBILITY: Record<string, Visibility> = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' };

/** Reads an .xlsx file into a model. */
export async function modelFromXlsx(data: ArrayBuffer | Uint8Array): Promise<WorkbookModel> {
  const workbook = new ExcelJS.Workbook();
  // ExcelJS's types ask for a Node Buffer; an ArrayBuffer or Uint8Array is what it reads.
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const model = modelFromWorkbook(workbook);
  // The notes ExcelJS could not hang on a cell: those on empty cells left out of <sheetData>.
  for (const [name, notes] of await notesInPackage(data)) {
    const sheet = model.sheet(name);
    for (const [address, content] of notes) if (sheet && !sheet.notes.has(address)) sheet.notes.set(address, { content, author: '' });
  }
  return model;
}

/** Turns an ExcelJS workbook (read from a file or built in a test) into a model. */
export function modelFromWorkbook(workbook: ExcelJS.Workbook): WorkbookModel {
  const model = new WorkbookModel();
  workbook.eachSheet((ws) => {
    const sheet = model.addSheet(ws.name);
    sheet.visibility = VISIBILITY[ws.state] ?? 'Visible';
    sheet.protected = Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet);
    const file = ws.model as unknown as { merges?: string[]; rows?: { cells?: { address: string }[] }[] };
    // Every cell the file holds, empty ones too: a format or a note on an empty cell is kept.
    for (const row of file.rows ?? [])
      for (const { address } of row.cells ?? []) {
        const cell = ws.getCell(address);
        // ExcelJS shows a merged cell's value in every cell of the merge; Excel keeps it in the first.
        if (cell.isMerged && cell.master.address !== cell.address) continue;
        const target: CellModel = {};
        const raw = cell.value as unknown;
        if (raw && typeof raw === 'object' && ('formula' in raw || 'sharedFormula' in raw)) {
          const formula = cell.formula;
          if (formula) target.formula = `=${formula}`;
          target.value = scalarOf((raw as { result?: unknown }).result);
          // A legacy array formula: ExcelJS gives the formula in its first cell with the array's range.
          const array = raw as { shareType?: string; ref?: string };
          if (array.shareType === 'array' && array.ref) sheet.arrays.push(rangeFromA1(array.ref));
        } else {
          target.value = scalarOf(raw);
          const link = raw && typeof raw === 'object' ? (raw as { hyperlink?: string }).hyperlink : undefined;
          if (link) target.hyperlink = link.startsWith('#') ? { documentReference: link.slice(1) } : { address: link };
        }
        if (cell.numFmt) target.numberFormat = cell.numFmt;
        if (cell.style && Object.keys(cell.style).length) target.fileStyle = JSON.parse(JSON.stringify(cell.style));
        if (target.value !== undefined || target.formula !== undefined || target.numberFormat || target.fileStyle) {
          sheet.cells.set(cellKey(Number(cell.row) - 1, Number(cell.col) - 1), target);
        }
        const note = noteText(cell.note);
        if (note !== null)
          sheet.notes.set(
            rangeToA1({ start: { row: Number(cell.row) - 1, col: Number(cell.col) - 1 }, end: { row: Number(cell.row) - 1, col: Number(cell.col) - 1 } }),
            { content: note, author: '' },
          );
      }
    const merges = file.merges ?? [];
    sheet.merges = merges.map((m) => rangeFromA1(m));
    ws.columns?.forEach((column, index) => {
      if (column.width) sheet.columnWidths.set(index, column.width * POINTS_PER_CHAR);
    });
    const view = ws.views?.[0] as { state?: string; ySplit?: number } | undefined;
    if (view?.state === 'frozen' && view.ySplit) sheet.frozenRows = view.ySplit;
  });
  for (const defined of workbook.definedNames.model as { name: string; ranges: string[] }[]) {
    if (defined.ranges.length === 0) continue;
    // A name over several blocks keeps its first; the template's names are single blocks.
    const { sheet, address } = splitSheetAddress(defined.ranges[0]);
    if (sheet === null || !model.sheet(sheet)) continue;
    model.names.push({ name: defined.name, scope: null, formula: `=${sheetRef(sheet, absoluteA1(rangeFromA1(address.replace(/\$/g, ''))))}`, visible: true });
  }
  const activeTab = (workbook.views?.[0] as { activeTab?: number } | undefined)?.activeTab;
  const active = activeTab !== undefined ? model.sheets[activeTab] : undefined;
  if (active && active.visibility === 'Visible') model.activate(active);
  return model;
}

const VISIBILITY_STATE: Record<Visibility, 'visible' | 'hidden' | 'veryHidden'> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

function argb(color: string | undefined): string | undefined {
  if (!color || !/^#?[0-9a-fA-F]{6}$/.test(color)) return undefined;
  return `FF${color.replace('#', '').toUpperCase()}`;
}

function cellValue(cell: CellModel, array?: CellRange): ExcelJS.CellValue {
  if (cell.formula && array) {
    // ExcelJS writes `shareType` and `ref` (an array formula) though its types do not name them.
    const value = { formula: cell.formula.slice(1), result: cell.value, shareType: 'array', ref: rangeToA1(array) };
    return value;
  }
  if (cell.formula) return { formula: cell.formula.slice(1), result: cell.value } satisfies ExcelJS.CellFormulaValue;
  const text = String(cell.value ?? cell.hyperlink?.textToDisplay ?? '');
  if (cell.hyperlink?.documentReference) {
    // A link inside the workbook as a HYPERLINK formula: ExcelJS writes cell hyperlinks as
    // external relationships only (the ExcelJS adapter does the same).
    const quote = (s: string) => s.replace(/"/g, '""');
    return { formula: `HYPERLINK("#${quote(cell.hyperlink.documentReference)}","${quote(text)}")`, result: text } satisfies ExcelJS.CellFormulaValue;
  }
  if (cell.hyperlink?.address) return { text, hyperlink: cell.hyperlink.address };
  return cell.value ?? null;
}

function writeSheet(ws: ExcelJS.Worksheet, sheet: SheetModel): void {
  for (const [key, cell] of sheet.cells) {
    const { row, col } = parseCellKey(key);
    const target = ws.getCell(row + 1, col + 1);
    if (cell.fileStyle) target.style = JSON.parse(JSON.stringify(cell.fileStyle));
    target.value = cellValue(
      cell,
      sheet.arrays.find((a) => a.start.row === row && a.start.col === col),
    );
    if (cell.numberFormat) target.numFmt = cell.numberFormat;
    const s = cell.style;
    if (s) {
      if (s.bold !== undefined || s.italic !== undefined || s.fontColor || s.fontSize) {
        target.font = {
          ...(target.font ?? {}),
          bold: s.bold,
          italic: s.italic,
          size: s.fontSize,
          color: argb(s.fontColor) ? { argb: argb(s.fontColor) } : undefined,
        };
      }
      if (argb(s.fill)) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
      if (s.horizontalAlignment || s.wrapText) {
        const lower = s.horizontalAlignment?.toLowerCase();
        const horizontal = lower === 'general' ? undefined : (lower as ExcelJS.Alignment['horizontal'] | undefined);
        target.alignment = { ...(target.alignment ?? {}), horizontal, wrapText: s.wrapText };
      }
    }
  }
  for (const [address, note] of sheet.notes) ws.getCell(address).note = note.content;
  for (const [address, comment] of sheet.comments) {
    if (sheet.notes.has(address)) continue;
    const thread = [comment, ...comment.replies].map((c) => (c.author ? `${c.author}: ${c.content}` : c.content)).join('\n\n');
    ws.getCell(address).note = thread;
  }
  for (const merge of sheet.merges) ws.mergeCells(rangeToA1(merge));
  for (const [col, points] of sheet.columnWidths) ws.getColumn(col + 1).width = Math.round((points / POINTS_PER_CHAR) * 100) / 100;
  if (sheet.frozenRows > 0) ws.views = [{ state: 'frozen', ySplit: sheet.frozenRows, xSplit: 0 }];
}

/** Saves a model as an .xlsx file. */
export async function xlsxFromModel(model: WorkbookModel): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Teknisk beregningsark';
  for (const sheet of model.sheets) {
    const ws = workbook.addWorksheet(sheet.name, { state: VISIBILITY_STATE[sheet.visibility] });
    writeSheet(ws, sheet);
    if (sheet.protected) await ws.protect('', {});
  }
  for (const name of model.names) {
    const { sheet, address } = splitSheetAddress(name.formula.replace(/^=/, ''));
    if (sheet === null || !model.sheet(sheet) || !/^\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/.test(address)) continue;
    workbook.definedNames.add(`${sheetRef(sheet, address)}`, name.name);
  }
  const activeTab = model.sheets.indexOf(model.activeSheet);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(0, activeTab), visibility: 'visible' }];
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
