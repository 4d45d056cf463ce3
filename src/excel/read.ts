/**
 * Reading a workbook through the Excel JavaScript API: every sheet's used cells (values and
 * formulas) and every defined name, in a bounded number of round trips.
 */
import { serialToDate, rangeFromA1, splitSheetAddress, toCell, AddressError, type DefinedName, type SheetGrid, type WorkbookSnapshot } from '../engine';
import type { XlNamedItem, XlNamedItemCollection, XlRange, XlRequestContext, XlWorksheet } from './api';
import { isPayloadLimitError } from './payload';

export interface ReadBlock {
  sheet: number;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * Whether a number format shows a date: Excel sends a date as its serial number, ExcelJS (the
 * CLI) as a Date, so the adapter turns serials under a date format into dates, as ExcelJS does.
 * Quoted text, escapes and [colour]/[$-406] sections do not count; `m` alone is a month only
 * without hours or seconds beside it.
 */
function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string' || format === 'General' || format === '@') return false;
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[dy]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare));
}

function fillGrid(grid: SheetGrid, block: ReadBlock, values: unknown[][], formulas: unknown[][], formats: unknown[][]): void {
  while (grid.cells.length < block.row + block.rows) grid.cells.push([]);
  for (let i = 0; i < block.rows; i++) {
    const line = grid.cells[block.row + i];
    for (let j = 0; j < block.cols; j++) {
      const col = block.col + j;
      const raw = values[i][j];
      const cell = typeof raw === 'number' && isDateFormat(formats[i][j]) ? { kind: 'date' as const, value: serialToDate(raw) } : toCell(raw);
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

/**
 * Every sheet's used cells and every defined name: sheet list and names, then the used ranges
 * (and sheet-scoped names) of `maxSheetsPerSync` sheets per batch, one batch for most workbooks,
 * then the cells in blocks of at most `maxCellsPerSync` (fewer after Excel refused a
 * response as too large: a refused read changed nothing and is simply asked again, in halves).
 */
export async function readWorkbook(context: XlRequestContext, maxCellsPerSync: number, maxSheetsPerSync: number): Promise<WorkbookSnapshot> {
  const sheets = context.workbook.worksheets.load('items/name,items/visibility');
  const names = context.workbook.names.load('items/name,items/type,items/formula');
  await context.sync();

  // Bounded so that neither the request nor Excel's work on it grows with a catalogue's size.
  const used: XlRange[] = [];
  const scoped: XlNamedItemCollection[] = [];
  for (let first = 0; first < sheets.items.length; first += maxSheetsPerSync) {
    for (const ws of sheets.items.slice(first, first + maxSheetsPerSync)) {
      used.push(ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'));
      scoped.push(ws.names.load('items/name,items/type,items/formula'));
    }
    await context.sync();
  }

  const grids: SheetGrid[] = sheets.items.map((ws) => {
    const grid: SheetGrid = { name: ws.name, cells: [] };
    if (ws.visibility !== 'Visible') grid.hidden = true;
    return grid;
  });
  await loadBlocks(
    () => context.sync(),
    usedBlocks(used, maxCellsPerSync),
    maxCellsPerSync,
    (block) => sheets.items[block.sheet],
    ['values', 'formulas', 'numberFormat'],
    (block, range) => fillGrid(grids[block.sheet], block, range.values, range.formulas, range.numberFormat),
  );

  const sheetName = (name: string) => grids.find((g) => g.name.toLowerCase() === name.toLowerCase())?.name;
  const defined: DefinedName[] = [];
  for (const item of [...names.items, ...scoped.flatMap((c) => c.items)]) {
    const name = definedName(item);
    const sheet = name && sheetName(name.sheet);
    if (name && sheet && !defined.some((d) => d.name.toLowerCase() === name.name.toLowerCase())) defined.push({ ...name, sheet });
  }
  return { sheets: grids, names: defined };
}

/**
 * Loads `properties` of the blocks, at most `maxCells` cells per request. A response Excel refuses
 * as too large (long texts) ran nothing that matters (loads only) and is asked for again with
 * half as many cells, for this request and the ones after it.
 */
export async function loadBlocks(
  sync: () => Promise<unknown>,
  blocks: readonly ReadBlock[],
  maxCells: number,
  sheetOf: (block: ReadBlock) => XlWorksheet,
  properties: string[],
  loaded: (block: ReadBlock, range: XlRange) => void,
): Promise<void> {
  let cellsPerSync = maxCells;
  let pending = blocks.flatMap((b) => cutBlock(b, cellsPerSync));
  while (pending.length > 0) {
    const batch = takeBatch(pending, cellsPerSync);
    const ranges = batch.map((block) => sheetOf(block).getRangeByIndexes(block.row, block.col, block.rows, block.cols).load(properties));
    try {
      await sync();
    } catch (error) {
      const cells = batch.reduce((sum, b) => sum + b.rows * b.cols, 0);
      if (isPayloadLimitError(error) !== 'response' || cells <= 1) throw error;
      cellsPerSync = Math.max(1, Math.floor(cells / 2));
      // Every block still to read, not only the refused ones: a block larger than the new size would be refused too.
      pending = pending.flatMap((b) => cutBlock(b, cellsPerSync));
      continue;
    }
    batch.forEach((block, i) => loaded(block, ranges[i]));
    pending = pending.slice(batch.length);
  }
}

/** A block cut into pieces of at most `maxCells` cells: whole rows, or parts of a row. */
function cutBlock(block: ReadBlock, maxCells: number): ReadBlock[] {
  const out: ReadBlock[] = [];
  if (block.cols <= maxCells) {
    const rowsPerBlock = Math.max(1, Math.floor(maxCells / block.cols));
    for (let r = 0; r < block.rows; r += rowsPerBlock) out.push({ ...block, row: block.row + r, rows: Math.min(rowsPerBlock, block.rows - r) });
  } else {
    for (let r = 0; r < block.rows; r++) {
      for (let c = 0; c < block.cols; c += maxCells)
        out.push({ ...block, row: block.row + r, rows: 1, col: block.col + c, cols: Math.min(maxCells, block.cols - c) });
    }
  }
  return out;
}

/** Every sheet's used range as blocks of at most `maxCells` cells. */
function usedBlocks(used: XlRange[], maxCells: number): ReadBlock[] {
  return used.flatMap((range, sheet) =>
    range.isNullObject ? [] : cutBlock({ sheet, row: range.rowIndex, col: range.columnIndex, rows: range.rowCount, cols: range.columnCount }, maxCells),
  );
}

/** The first blocks that together hold at most `maxCells` cells (at least one block). */
function takeBatch(blocks: readonly ReadBlock[], maxCells: number): ReadBlock[] {
  const batch: ReadBlock[] = [];
  let cells = 0;
  for (const block of blocks) {
    const size = block.rows * block.cols;
    if (batch.length > 0 && cells + size > maxCells) break;
    batch.push(block);
    cells += size;
  }
  return batch;
}
