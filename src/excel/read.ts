/**
 * Reading a workbook through the Excel JavaScript API: every sheet's used cells (values and
 * formulas) and every defined name, in a bounded number of round trips.
 */
import {
  rangeFromA1,
  splitSheetAddress,
  toCell,
  AddressError,
  type DefinedName,
  type SheetGrid,
  type WorkbookSnapshot,
} from '../engine';
import type { XlNamedItem, XlRange, XlRequestContext } from './api';

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

/**
 * Every sheet's used cells and every defined name: sheet list and names, then all used ranges in
 * one batch, then the cells in blocks of at most `maxCellsPerSync`.
 */
export async function readWorkbook(context: XlRequestContext, maxCellsPerSync: number): Promise<WorkbookSnapshot> {
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
  for (const batch of readBatches(used, maxCellsPerSync)) {
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
}

/** Used ranges cut into row blocks, packed into batches of at most `maxCellsPerSync` cells. */
function readBatches(used: XlRange[], maxCellsPerSync: number): ReadBlock[][] {
  const blocks: ReadBlock[] = [];
  used.forEach((range, sheet) => {
    if (range.isNullObject) return;
    const rowsPerBlock = Math.max(1, Math.floor(maxCellsPerSync / range.columnCount));
    for (let r = 0; r < range.rowCount; r += rowsPerBlock) {
      blocks.push({ sheet, row: range.rowIndex + r, col: range.columnIndex, rows: Math.min(rowsPerBlock, range.rowCount - r), cols: range.columnCount });
    }
  });
  const batches: ReadBlock[][] = [];
  let current: ReadBlock[] = [];
  let cells = 0;
  for (const block of blocks) {
    const size = block.rows * block.cols;
    if (current.length > 0 && cells + size > maxCellsPerSync) {
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
