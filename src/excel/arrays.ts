/**
 * Array formulas and dynamic-array spills under the cells a batch writes. Excel refuses a write to
 * part of a legacy array formula ("You can't change part of an array"), and a value written into a
 * spill is taken but turns the formula that spilled into #SPILD!: both are found before the first
 * write, so the batch is refused with the cells named and nothing written.
 *
 * `Range.hasSpill`, `Range.savedAsArray` and `Range.getSpillParentOrNullObject` are ExcelApi 1.12,
 * below the manifest's 1.13. Each answers for a whole range (true, false, or null when the cells
 * differ), so the check asks once per sheet for the box around the writes, in the round trip that
 * also asks for merged cells, and only where a box is not clear of both asks cell by cell.
 */
import { splitSheetAddress, type CellWrite } from '../engine';
import type { XlRange, XlWorksheet } from './api';
import type { ArrayCell } from './plan';

/** Cells asked about in one round trip at most (each is a small load of three properties). */
const CELLS_PER_SYNC = 2_000;

/** A sheet's writes with the box around them, its `hasSpill` and `savedAsArray` queued for loading. */
export interface ArrayProbe {
  sheet: string;
  ws: XlWorksheet;
  writes: readonly CellWrite[];
  box: XlRange;
}

/** Queues the box's load; call before the round trip that checks merged cells. */
export function probeArrays(sheet: string, ws: XlWorksheet, writes: readonly CellWrite[], box: XlRange): ArrayProbe {
  box.load('hasSpill,savedAsArray');
  return { sheet, ws, writes, box };
}

/**
 * After the probes' round trip: the written cells an array formula or a spill holds. No further
 * round trip when every box is clear, which is the usual case.
 */
export async function arrayCells(probes: readonly ArrayProbe[], sync: () => Promise<void>): Promise<ArrayCell[]> {
  const suspect = probes.filter((p) => p.box.hasSpill !== false || p.box.savedAsArray !== false);
  const cells = suspect.flatMap((p) => uniqueCells(p.writes).map((w) => ({ probe: p, row: w.row, col: w.col })));
  const found: ArrayCell[] = [];
  for (let start = 0; start < cells.length; start += CELLS_PER_SYNC) {
    const asked = cells.slice(start, start + CELLS_PER_SYNC).map((c) => {
      const range = c.probe.ws.getCell(c.row, c.col).load('hasSpill,savedAsArray');
      const parent = range.getSpillParentOrNullObject().load('address');
      return { ...c, range, parent };
    });
    await sync();
    for (const a of asked) {
      if (a.range.hasSpill === true) {
        const cell: ArrayCell = { sheet: a.probe.sheet, row: a.row, col: a.col, kind: 'spill' };
        if (!a.parent.isNullObject) cell.anchor = localAddress(a.parent.address);
        found.push(cell);
      } else if (a.range.savedAsArray === true) {
        found.push({ sheet: a.probe.sheet, row: a.row, col: a.col, kind: 'array' });
      }
    }
  }
  return found;
}

function uniqueCells(writes: readonly CellWrite[]): CellWrite[] {
  const seen = new Map<string, CellWrite>();
  for (const w of writes) seen.set(`${w.row},${w.col}`, w);
  return [...seen.values()];
}

/** `'Tabel A'!$B$5` or `Ark1!B5` → `B5`. */
function localAddress(address: string): string {
  return splitSheetAddress(address).address.replace(/\$/g, '');
}
