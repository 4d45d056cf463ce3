/**
 * Writing computed Tables A–E, Tabel 1, the explanation and the Kvantum lines into the
 * template's output ranges, and nowhere else.
 */
import { cellAt, cellText, EMPTY, num, text, type CellRange, type SheetGrid, type WorkbookSnapshot } from '../cells';
import type { CellWrite, WorkbookChanges } from '../changes';
import type { ProposalResult, ResultTable, TableRow } from '../compute';
import { TemplateError, type InputProblem } from '../errors';
import { parseNumber } from '../numbers';
import { foldLabel, resolveUnit } from '../units';
import { paybackText } from '../tabel1';
import { EXPLANATION_BLOCK, PROFIT_CENTER_HEADER, SECTIONS, TABEL1_BLOCK, TABLE_YEAR_COL, TABLES, TABLES_SHEET, TOTAL_LABEL, type TableSpec } from './layout';
import { kvantumWrites } from './kvantumSheet';
import { WRITE_MESSAGES as M } from './messages';
import type { Locale } from '../messages';
import { cellRef, findNamedRange, findRowStartingWith, findSheet, rangeRef } from './locate';

const TOTAL_LABELS = new Set([foldLabel(TOTAL_LABEL), foldLabel('I alt'), foldLabel('Total i alt')]);

/** A table's place in the workbook: header row (with the years) down to the Total row. */
interface TablePlace {
  grid: SheetGrid;
  range: CellRange;
}

/**
 * The cell writes that put `result` into Tables A–E of a template workbook: the amounts of
 * every unit row and the Total row, found through the names `TB_TabelA`…`TB_TabelE` (or the
 * table titles when a name is missing). Touches no other cell — not the titles, headers or the
 * "Bevilling, profitcenter mv." column. Rows staff inserted are matched by their unit name; a
 * unit with amounts but no row, an unknown row name or a missing year column is a
 * `TemplateError`, reported together with every other problem. The Kvantum lines go to the
 * sheet "Kvantum" (see `kvantumWrites`), which is added to a workbook made before it existed.
 * Problems are worded in `locale` (Danish by default).
 */
export function tableWrites(snapshot: WorkbookSnapshot, result: ProposalResult, options: { locale?: Locale } = {}): WorkbookChanges {
  const l = options.locale ?? 'da';
  const problems: InputProblem[] = [];
  const cells: CellWrite[] = [];
  const ownsBevilling = inputHasBevilling(snapshot);
  for (const spec of TABLES) {
    const place = locateTable(snapshot, spec);
    if (!place) {
      problems.push({
        path: TABLES_SHEET,
        message: M.tableMissing(l, { table: tableName(spec), name: spec.name, title: spec.title }),
        missing: true,
      });
      continue;
    }
    writeTable(place, spec, result, result.tables[spec.key], cells, problems, ownsBevilling, l);
  }
  blockWrites(snapshot, result, cells, problems, l);
  const kvantum = kvantumWrites(snapshot, result, problems, l);
  if (problems.length > 0) throw new TemplateError(problems);
  return { ...kvantum, cells: [...cells, ...(kvantum.cells ?? [])] };
}

/**
 * Tabel 1 (labels, styringsområde, amounts, then the two payback lines) and the explanation,
 * into their named blocks; the rest of each block is blanked. Templates made before the blocks
 * existed have neither name and are left as they are.
 */
function blockWrites(snapshot: WorkbookSnapshot, result: ProposalResult, cells: CellWrite[], problems: InputProblem[], l: Locale): void {
  const lastYear = result.years[result.years.length - 1];
  const t1 = findNamedRange(snapshot, TABEL1_BLOCK.name);
  if (t1) {
    const { grid, range } = t1;
    const header = range.start.row;
    const yearCols = result.years.map((_, y) => range.start.col + TABLE_YEAR_COL + y);
    // As for Tables A–E: a header whose year formulas hold no values yet is taken by position.
    const stated = yearCols.map((col) => parseNumber(cellAt(grid, header, col)));
    const anyYear = stated.some((p) => p.kind === 'number');
    const wrongYear = anyYear ? stated.findIndex((p, y) => p.kind !== 'number' || p.value !== result.years[y]) : -1;
    const rows: { label: string; styring: string; values: readonly number[] | null }[] = [
      ...result.tabel1.rows.map((r) => ({ label: r.label, styring: r.styringsomraade, values: r.kind === 'heading' ? null : r.values })),
      { label: `Tilbagebetalingstid baseret på serviceeffektivisering: ${paybackText(result.tabel1.payback.service, lastYear)}`, styring: '', values: null },
      { label: `Tilbagebetalingstid baseret på totaløkonomi: ${paybackText(result.tabel1.payback.total, lastYear)}`, styring: '', values: null },
    ];
    const room = range.end.row - header;
    if (wrongYear >= 0 || yearCols[yearCols.length - 1] > range.end.col) {
      problems.push({
        path: rangeRef(grid.name, range),
        message: M.tabel1Years(l, { first: result.years[0], last: lastYear }),
      });
    } else if (rows.length > room) {
      problems.push({
        path: rangeRef(grid.name, range),
        message: M.blockRoom(l, { block: 'tabel1', rows: rows.length, room, name: TABEL1_BLOCK.name }),
      });
    } else {
      for (let i = 0; i < room; i++) {
        const row = header + 1 + i;
        const r = rows[i];
        const put = (col: number, value: CellWrite['value']) => cells.push({ sheet: grid.name, row, col, value });
        put(range.start.col, r ? text(r.label) : EMPTY);
        put(range.start.col + 1, r && r.styring !== '' ? text(r.styring) : EMPTY);
        yearCols.forEach((col, y) => put(col, r?.values ? num(r.values[y]) : EMPTY));
      }
    }
  }
  const ex = findNamedRange(snapshot, EXPLANATION_BLOCK.name);
  if (ex) {
    const { grid, range } = ex;
    const room = range.end.row - range.start.row;
    const sentences = result.explanation;
    if (sentences.length > room) {
      problems.push({
        path: rangeRef(grid.name, range),
        message: M.blockRoom(l, { block: 'explanation', rows: sentences.length, room, name: EXPLANATION_BLOCK.name }),
      });
    } else {
      for (let i = 0; i < room; i++)
        cells.push({ sheet: grid.name, row: range.start.row + 1 + i, col: range.start.col, value: i < sentences.length ? text(sentences[i]) : EMPTY });
    }
  }
}

/**
 * True when the Input sheet has the "Bevilling, profitcenter mv." column: the tables' second
 * column is then written from it. In templates made before it, that column is left to staff.
 */
function inputHasBevilling(snapshot: WorkbookSnapshot): boolean {
  return SECTIONS.some((section) => {
    const named = findNamedRange(snapshot, section.name);
    if (!named) return false;
    const header = named.grid.cells[named.range.start.row] ?? [];
    return header.some((cell) => foldLabel(cellText(cell)) === foldLabel(PROFIT_CENTER_HEADER));
  });
}

function tableName(spec: TableSpec): string {
  return `Tabel ${spec.key}`;
}

function locateTable(snapshot: WorkbookSnapshot, spec: TableSpec): TablePlace | null {
  const named = findNamedRange(snapshot, spec.name);
  if (named) return named;
  const grid = findSheet(snapshot, TABLES_SHEET);
  if (!grid) return null;
  const title = findRowStartingWith(grid, 0, `Tabel ${spec.key}.`);
  if (title < 0) return null;
  const header = findRowStartingWith(grid, 1, 'Bevilling', title + 1);
  if (header < 0) return null;
  let total = header + 1;
  while (total < grid.cells.length && !TOTAL_LABELS.has(foldLabel(cellText(cellAt(grid, total, 0))))) total++;
  if (total >= grid.cells.length) return null;
  const width = Math.max(...grid.cells.slice(header, total + 1).map((r) => r.length));
  return { grid, range: { start: { row: header, col: 0 }, end: { row: total, col: width - 1 } } };
}

/** Year → column, from the header row's year cells; by position when the header holds no years. */
function yearColumns(place: TablePlace, spec: TableSpec, years: readonly number[], problems: InputProblem[], l: Locale): number[] | null {
  const { grid, range } = place;
  const header = range.start.row;
  const found = new Map<number, number>();
  for (let col = range.start.col; col <= range.end.col; col++) {
    const parsed = parseNumber(cellAt(grid, header, col));
    if (parsed.kind === 'number' && Number.isInteger(parsed.value) && !found.has(parsed.value)) found.set(parsed.value, col);
  }
  if (found.size === 0) {
    const cols = years.map((_, i) => range.start.col + TABLE_YEAR_COL + i);
    if (cols[cols.length - 1] <= range.end.col) return cols;
  }
  const missing = years.filter((y) => !found.has(y));
  if (missing.length > 0) {
    const where = rangeRef(grid.name, { start: { row: header, col: range.start.col }, end: { row: header, col: range.end.col } });
    problems.push({
      path: where,
      message: M.yearColumns(l, { table: tableName(spec), missing, first: years[0], last: years[years.length - 1] }),
    });
    return null;
  }
  return years.map((y) => found.get(y)!);
}

/** A unit's amounts under one bevilling (summed over styringsområder). */
interface BevillingValues {
  bevilling: string;
  /** The bevilling is the default (the styringsområde): nothing was typed for it on Input. */
  byDefault: boolean;
  values: number[];
}

/** A row of a table on the sheet: its unit, and the bevilling written in its second column. */
interface SheetRow {
  row: number;
  bevilling: string;
}

function writeTable(
  place: TablePlace,
  spec: TableSpec,
  result: ProposalResult,
  table: ResultTable,
  cells: CellWrite[],
  problems: InputProblem[],
  ownsBevilling: boolean,
  l: Locale,
): void {
  const { grid, range } = place;
  const cols = yearColumns(place, spec, result.years, problems, l);
  const labelCol = range.start.col;
  const bevillingCol = labelCol + 1;
  const byUnit = new Map<string, SheetRow[]>();
  const labels = new Map<string, string>();
  let totalRow = -1;
  for (let row = range.start.row + 1; row <= range.end.row; row++) {
    const label = cellText(cellAt(grid, row, labelCol));
    if (label === '') continue;
    if (TOTAL_LABELS.has(foldLabel(label))) {
      totalRow = row;
      continue;
    }
    const unit = unitOfRow(label, table.rows);
    const at = cellRef(grid.name, row, labelCol);
    if (!unit) {
      problems.push({ path: at, message: M.unknownRow(l, { label, table: tableName(spec) }) });
      continue;
    }
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), { row, bevilling: cellText(cellAt(grid, row, bevillingCol)).trim() }]);
    labels.set(unit, label);
  }
  if (totalRow < 0) problems.push({ path: rangeRef(grid.name, range), message: M.totalMissing(l, { table: tableName(spec), total: TOTAL_LABEL }) });

  // The table's rows by unit and bevilling, in the order the result has them.
  const groups = new Map<string, { name: string; list: BevillingValues[] }>();
  for (const r of table.rows) {
    const group = groups.get(r.unit) ?? { name: r.name, list: [] };
    groups.set(r.unit, group);
    const same = group.list.find((b) => b.bevilling === r.bevilling);
    if (same) r.values.forEach((v, y) => (same.values[y] += v));
    else group.list.push({ bevilling: r.bevilling, byDefault: r.bevilling === r.styringsomraade, values: r.values.slice() });
  }

  const writes: { row: number; values: readonly number[]; bevilling?: CellWrite['value'] }[] = [];
  const zeros = result.years.map(() => 0);
  for (const unit of new Set([...byUnit.keys(), ...groups.keys()])) {
    const rows = byUnit.get(unit) ?? [];
    const group = groups.get(unit) ?? { name: labels.get(unit) ?? unit, list: [] };
    const left = group.list.slice();
    const free: SheetRow[] = [];
    // A row whose second column names one of the unit's bevillinger holds that bevilling.
    for (const r of rows) {
      const i = r.bevilling === '' ? -1 : left.findIndex((b) => foldLabel(b.bevilling) === foldLabel(r.bevilling));
      if (i < 0) free.push(r);
      else writes.push({ row: r.row, values: left.splice(i, 1)[0].values });
    }
    const needed = left.filter((b) => b.values.some((v) => v !== 0));
    if (ownsBevilling) {
      // One row per bevilling; the tool fills the second column, keeping a person's text where
      // the bevilling is only the default.
      free.forEach((r, i) => {
        const b = needed[i];
        if (!b) writes.push({ row: r.row, values: zeros, ...(r.bevilling === '' ? {} : { bevilling: EMPTY }) });
        else writes.push({ row: r.row, values: b.values, ...(b.byDefault && r.bevilling !== '' ? {} : { bevilling: text(b.bevilling) }) });
      });
      for (const b of needed.slice(free.length)) {
        problems.push({
          path: rangeRef(grid.name, range),
          message: M.bevillingRowMissing(l, { table: tableName(spec), unit: group.name, bevilling: b.bevilling }),
        });
      }
      continue;
    }
    // A template without the bevilling column on Input: one row per unit, its bevillinger summed.
    if (free.length > 1) {
      for (const r of free.slice(1))
        problems.push({ path: cellRef(grid.name, r.row, labelCol), message: M.twoRows(l, { table: tableName(spec), unit: labels.get(unit) ?? unit }) });
    }
    if (free.length > 0) {
      const sum = zeros.slice();
      for (const b of left) b.values.forEach((v, y) => (sum[y] += v));
      writes.push({ row: free[0].row, values: sum });
    } else if (needed.length > 0) {
      problems.push({
        path: rangeRef(grid.name, range),
        message: M.unitRowMissing(l, { table: tableName(spec), unit: group.name }),
      });
    }
  }
  if (!cols) return;

  const write = (row: number, rowValues: readonly number[]) => cols.forEach((col, y) => cells.push({ sheet: grid.name, row, col, value: num(rowValues[y]) }));
  for (const w of writes) {
    write(w.row, w.values);
    if (w.bevilling) cells.push({ sheet: grid.name, row: w.row, col: bevillingCol, value: w.bevilling });
  }
  if (totalRow >= 0) write(totalRow, table.total);
}

/** The unit a table row stands for: a catalogue unit by any of its names, or a proposal's own. */
function unitOfRow(label: string, rows: readonly TableRow[]): string | null {
  const known = resolveUnit(label);
  if (known) return known.key;
  const folded = foldLabel(label);
  return rows.find((r) => foldLabel(r.name) === folded || foldLabel(r.unit) === folded)?.unit ?? null;
}
