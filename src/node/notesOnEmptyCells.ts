/**
 * Notes on empty cells. Excel lets a note sit on a cell with no value and no style (the tool
 * cites such cells: a blank total, an empty "Bevilling" cell). ExcelJS loses these notes: it
 * writes no `<c>` element for an empty unstyled cell, and when reading it attaches comments only
 * to cells it keeps (a bare `<c r="…"/>` is taken for a merge placeholder and dropped), so the
 * note in the file is lost on load — a person's note as well as the tool's. This patch makes the reader create the cell a comment refers to, and the
 * writer emit a bare `<c r="…"/>` for an empty cell that carries a note. Values and styles are
 * untouched.
 */
import CellXform from 'exceljs/lib/xlsx/xform/sheet/cell-xform';
import WorksheetXform from 'exceljs/lib/xlsx/xform/sheet/worksheet-xform';

const NULL_TYPE = 0; // ExcelJS ValueType.Null
const MERGE_TYPE = 1; // ExcelJS ValueType.Merge

let patched = false;

export function patchNotesOnEmptyCells(): void {
  if (patched) return;
  patched = true;

  const render = CellXform.prototype.render;
  CellXform.prototype.render = function (xmlStream, model, options) {
    if (model.type === NULL_TYPE && !model.styleId && model.comment) {
      xmlStream.openNode('c', { r: model.address });
      xmlStream.closeNode();
      return;
    }
    return render.call(this, xmlStream, model, options);
  };

  const reconcile = WorksheetXform.prototype.reconcile;
  WorksheetXform.prototype.reconcile = function (model, options) {
    for (const rel of model.relationships ?? []) {
      if (!/\/comments$/.test(rel.Type)) continue;
      for (const comment of options.comments?.[rel.Target]?.comments ?? []) {
        if (comment.ref) ensureCell(model, comment.ref);
      }
    }
    return reconcile.call(this, model, options);
  };
}

function ensureCell(model: { rows?: RowModel[] }, ref: string): void {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return;
  const number = Number(m[2]);
  model.rows = model.rows ?? [];
  let row = model.rows.find((r) => r && r.number === number);
  if (!row) {
    row = { number, cells: [], style: {} };
    model.rows.push(row);
  }
  row.cells = row.cells ?? [];
  const cell = row.cells.find((c) => c && c.address === ref);
  // ExcelJS parses a bare <c r="…"/> as a merge placeholder and drops it; a cell with a note
  // is an empty cell.
  if (!cell) row.cells.push({ address: ref, type: NULL_TYPE });
  else if (cell.type === MERGE_TYPE) cell.type = NULL_TYPE;
}

interface RowModel {
  number: number;
  cells: { address?: string; type: number }[];
  style?: object;
}
