/**
 * Planning a batch of changes: every reason to refuse it, found from facts read beforehand, so
 * that a refused batch leaves the workbook exactly as it was.
 */
import { rangeFromA1, rangeToA1, splitSheetAddress, type CellRange, type CellWrite, type WorkbookChanges } from '../engine';
import type { ChangeProblem } from './errors';

/** A comma-separated RangeAreas address (`Ark1!A1:B2, 'Tabel A'!D4:E5`) as ranges. */
export function parseAreas(address: string): { sheet: string; range: CellRange }[] {
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

export function groupBySheet(writes: readonly CellWrite[]): Map<string, CellWrite[]> {
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of writes) {
    const k = w.sheet.toLowerCase();
    const list = bySheet.get(k);
    if (list) list.push(w);
    else bySheet.set(k, [w]);
  }
  return bySheet;
}

export function boundingBox(writes: readonly CellWrite[]): CellRange {
  const rows = writes.map((w) => w.row);
  const cols = writes.map((w) => w.col);
  return { start: { row: Math.min(...rows), col: Math.min(...cols) }, end: { row: Math.max(...rows), col: Math.max(...cols) } };
}

/** A cell to be written that an array formula or a spill holds. */
export interface ArrayCell {
  sheet: string;
  row: number;
  col: number;
  kind: 'array' | 'spill';
  /** A1 of the spill's anchor. */
  anchor?: string;
}

/** Cells as A1 text, each row's neighbours joined into ranges: `C7:E7, C9`. */
export function cellList(cells: readonly { row: number; col: number }[]): string {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const parts: CellRange[] = [];
  for (const c of sorted) {
    const last = parts[parts.length - 1];
    if (last && last.end.row === c.row && last.end.col + 1 === c.col) last.end = { row: c.row, col: c.col };
    else if (!last || last.end.row !== c.row || last.end.col !== c.col) parts.push({ start: { row: c.row, col: c.col }, end: { row: c.row, col: c.col } });
  }
  return parts.map(rangeToA1).join(', ');
}

export interface WorkbookFacts {
  sheets: { name: string; visible: boolean }[];
  workbookProtected: boolean;
  protectedSheets: Set<string>;
  merges: { sheet: string; range: CellRange }[];
  /**
   * Written cells that are part of a legacy array formula (`array`) or of a dynamic array's spill
   * (`spill`, with the anchor cell holding its formula), as Excel reported them.
   */
  arrayCells?: ArrayCell[];
  /** Cells holding the tool's notes (cleared when `clearToolNotes` is set). */
  toolNotes: { sheet: string; a1: string }[];
}

/** Every reason to refuse the batch, and the sheets it removes. Pure, so it is easy to test. */
export function planChanges(changes: WorkbookChanges, facts: WorkbookFacts): { problems: ChangeProblem[]; removed: string[] } {
  const problems: ChangeProblem[] = [];
  const exists = new Map(facts.sheets.map((s) => [s.name.toLowerCase(), s]));
  const replace = new Set([...(changes.replaceSheets ?? []), ...(changes.removeSheets ?? [])].map((n) => n.toLowerCase()));
  const added = new Set((changes.addSheets ?? []).map((s) => s.name.toLowerCase()));
  const removed = (changes.removeSheets ?? [])
    .filter((n) => exists.has(n.toLowerCase()) && !added.has(n.toLowerCase()))
    .map((n) => exists.get(n.toLowerCase())!.name);
  const changesStructure = added.size > 0 || removed.length > 0;
  if (changesStructure && facts.workbookProtected) problems.push({ code: 'workbook-protected', sheet: '' });
  for (const spec of changes.addSheets ?? []) {
    const old = exists.get(spec.name.toLowerCase());
    if (old && !replace.has(spec.name.toLowerCase())) problems.push({ code: 'sheet-exists', sheet: old.name });
  }
  const visibleLeft = facts.sheets.filter((s) => s.visible && !removed.some((r) => r.toLowerCase() === s.name.toLowerCase())).length + added.size;
  if (visibleLeft === 0 && removed.length > 0) problems.push({ code: 'last-sheet', sheet: removed[0] });

  // `what` names the cell only when it is refused: a catalogue's report writes 50,000 cells.
  const writable = (sheet: string, what: () => string) => {
    const k = sheet.toLowerCase();
    if (added.has(k)) return;
    if (!exists.has(k) || removed.some((r) => r.toLowerCase() === k)) {
      if (!problems.some((p) => p.code === 'missing-sheet' && p.sheet === sheet)) problems.push({ code: 'missing-sheet', sheet });
    } else if (facts.protectedSheets.has(k)) {
      const name = exists.get(k)!.name;
      if (!problems.some((p) => p.code === 'sheet-protected' && p.sheet === name)) problems.push({ code: 'sheet-protected', sheet: name, cell: what() });
    }
  };
  for (const w of changes.cells ?? []) writable(w.sheet, () => rangeToA1({ start: w, end: w }));
  for (const n of changes.notes ?? []) writable(n.sheet, () => rangeToA1({ start: n, end: n }));
  for (const n of changes.names ?? []) if (!added.has(n.sheet.toLowerCase()) && !exists.has(n.sheet.toLowerCase())) writable(n.sheet, () => '');
  if (changes.clearToolNotes) for (const n of facts.toolNotes) writable(n.sheet, () => n.a1);

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
  // Cells held by an array formula or a spill: one problem per sheet and formula, naming the cells.
  const held = new Map<string, ArrayCell[]>();
  for (const a of facts.arrayCells ?? []) {
    const id = `${a.sheet.toLowerCase()}\u0000${a.kind}\u0000${a.anchor ?? ''}`;
    const list = held.get(id);
    if (list) list.push(a);
    else held.set(id, [a]);
  }
  for (const cells of held.values()) {
    const { sheet, kind, anchor } = cells[0];
    const problem: ChangeProblem = {
      code: kind === 'array' ? 'array-formula' : 'spill',
      sheet: exists.get(sheet.toLowerCase())?.name ?? sheet,
      cell: cellList(cells),
    };
    if (anchor) problem.anchor = anchor;
    problems.push(problem);
  }
  return { problems, removed };
}
