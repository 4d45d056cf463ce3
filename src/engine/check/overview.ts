/**
 * A catalogue's overview of its proposals, as the catalogue opens: one row per proposal naming it
 * by number ("Forslag 4", "BC01", "1") and title, its effect per year (savings as positive
 * numbers), a "Samlet investering" column, and an "I alt" row.
 *
 *   1.000 kr. 2025 p/l            Effektiviseringsbidrag        Samlet investering  Godkendt med
 *   Udvalg                        2025   2026   2027   2028
 *   Økonomiudvalget                                                    ← a group heading: no amounts
 *   Forslag 4  Digitalisering …   565    1.560  1.560  1.560  7.700    OFS 23-24
 *   I alt                         …
 *
 * Discovery finds such tables on a sheet (`discoverSheet` adds them to its tables, so the
 * per-sheet rules read their numbers and check the "I alt" row like any total); the workbook
 * rule `overview-matches-proposal` compares each row with its proposal's sheet.
 */
import { cellAt, type CellAddress, type SheetGrid } from '../cells';
import { FOOTNOTE, isBlankRow, textOf, valueCells, yearOf } from './grid';
import type { FoundTable, TableLine } from './model';

/** One proposal row of an overview. */
export interface OverviewRow {
  line: TableLine;
  /** The proposal's number as a matching key ("forslag 4", "bc 1", " 1" for a bare number); null when the row has none. */
  ref: string | null;
  /** The proposal's title as written, without its number. */
  title: string;
  /** The first label cell of the row. */
  labelCell: CellAddress;
}

/** An overview table: its value columns are the years, then "Samlet investering" (year NaN). */
export interface OverviewTable extends FoundTable {
  kind: 'overview';
  rows: OverviewRow[];
  /** Index of the "Samlet investering" column among the table's value columns. */
  investment: number;
}

/** A title found on the sheet (as `discoverSheet` finds them). */
interface TitleCell {
  row: number;
  col: number;
  text: string;
}

const INVESTMENT_HEADER = /^samlet\s+investering\b/i;
const TOTAL_LABEL = /^(?:i\s+alt|total)\b/i;
/** "Forslag 4", "BC01", "1", "F3." at the start of a label: a word of letters, then 1–3 digits. */
const REF = /^([a-zæøå]{0,10})[ \t]*(\d{1,3})(?=$|[\s.:)–-])[\s.:)–-]*(.*)$/i;
const HEADER_ROWS = 3;
const TITLE_ROWS_ABOVE = 4;

/**
 * A proposal's number and title from a label ("Forslag 4 Digitalisering …" → "forslag 4",
 * "Digitalisering …"; "BC01" → "bc 1"). The key ignores case and leading zeros.
 */
export function proposalRef(label: string): { ref: string | null; title: string } {
  const text = label.replace(/\s+/g, ' ').trim();
  const m = REF.exec(text);
  if (!m) return { ref: null, title: text };
  return { ref: `${m[1].toLowerCase()} ${Number(m[2])}`, title: m[3].trim() };
}

/** A title as compared: case, footnote stars, PDF line-break hyphens and spacing ignored. */
export function titleKey(title: string): string {
  return title
    .normalize('NFC')
    .toLowerCase()
    .replace(/\u00ad/g, '')
    .replace(/\*/g, '')
    .replace(/(\p{L})- (\p{Ll})/gu, '$1$2')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.:;,–-]+|[\s.:;,–-]+$/g, '');
}

/** The label cells left of the first value column: their texts (numbers as written) and the first one's address. */
function labelOf(grid: SheetGrid, row: number, endCol: number): { text: string; col: number } | null {
  const parts: string[] = [];
  let first = -1;
  const cells = grid.cells[row] ?? [];
  for (let c = 0; c < Math.min(endCol, cells.length); c++) {
    const cell = cells[c];
    const text = cell.kind === 'number' ? String(cell.value) : textOf(cell);
    if (!text) continue;
    if (first < 0) first = c;
    parts.push(text);
  }
  return first < 0 ? null : { text: parts.join(' '), col: first };
}

/** The "Samlet investering" header cells of a sheet. */
function investmentHeaders(grid: SheetGrid): CellAddress[] {
  const found: CellAddress[] = [];
  grid.cells.forEach((row, r) => {
    for (let c = 1; c < row.length; c++) {
      const cell = row[c];
      // Cheap filter before the regex: a short text starting with s/S.
      if (cell?.kind !== 'text' || cell.value.length > 40 || (cell.value.trimStart().charCodeAt(0) | 0x20) !== 0x73) continue;
      if (INVESTMENT_HEADER.test(textOf(cell))) found.push({ row: r, col: c });
    }
  });
  return found;
}

function overviewAt(grid: SheetGrid, header: CellAddress, titles: readonly TitleCell[], stopRows: ReadonlySet<number>): OverviewTable | null {
  // The years stand left of "Samlet investering", on its row or one of the next two.
  let yearRow = -1;
  const yearCols: number[] = [];
  const years: number[] = [];
  for (let r = header.row; r < header.row + HEADER_ROWS && yearRow < 0; r++) {
    const cells = grid.cells[r] ?? [];
    for (let c = 1; c < Math.min(header.col, cells.length); c++) {
      const year = yearOf(cells[c]);
      if (year === null) continue;
      yearCols.push(c);
      years.push(year);
    }
    if (yearCols.length > 0) yearRow = r;
  }
  if (yearRow < 0) return null;
  const cols = [...yearCols, header.col];
  const lines: TableLine[] = [];
  const rows: OverviewRow[] = [];
  let total: TableLine | null = null;
  let lastRow = yearRow;
  let blanks = 0;
  for (let r = yearRow + 1; r < grid.cells.length; r++) {
    if (stopRows.has(r)) break;
    if (isBlankRow(grid, r)) {
      if (++blanks >= 2) break;
      continue;
    }
    blanks = 0;
    const label = labelOf(grid, r, yearCols[0]);
    if (label && FOOTNOTE.test(label.text)) break;
    const values = valueCells(grid, r, cols);
    const named = proposalRef(label?.text ?? '');
    // A committee heading over its proposals ("Økonomiudvalget") has no amounts and no number;
    // a numbered row without amounts is a proposal that states none.
    if (named.ref === null && values.every((v) => v.parsed.kind === 'blank')) continue;
    const line: TableLine = {
      row: r,
      labelCol: label?.col ?? 0,
      label: label?.text ?? '',
      unit: null,
      values,
      role: 'body',
      area: '',
      qualifier: '',
      bevilling: null,
    };
    lastRow = r;
    if (label && TOTAL_LABEL.test(label.text)) {
      line.role = 'total';
      total = line;
      break;
    }
    lines.push(line);
    rows.push({ line, ...named, labelCell: { row: r, col: line.labelCol } });
  }
  if (rows.length === 0) return null;
  const title = [...titles].reverse().find((t) => t.row < header.row && t.row >= header.row - TITLE_ROWS_ABOVE);
  const firstLabelCol = Math.min(...lines.map((l) => l.labelCol));
  const top = title ?? { row: header.row, col: firstLabelCol, text: textOf(cellAt(grid, header.row, 0)) || textOf(cellAt(grid, header.row, header.col)) };
  return {
    kind: 'overview',
    sheet: grid.name,
    title: top.text,
    titleCell: { row: top.row, col: top.col },
    range: { start: { row: top.row, col: Math.min(top.col, firstLabelCol) }, end: { row: lastRow, col: header.col } },
    priceLevel: null,
    header: { row: yearRow, cols, years: [...years, NaN] },
    lines,
    total,
    bevillingCol: null,
    totalCol: null,
    partCols: [],
    rows,
    investment: yearCols.length,
  };
}

/**
 * Finds the overview tables of a sheet: a "Samlet investering" header with years left of it and
 * proposal rows under them. `titles` are the sheet's table titles; a table ends at the next one,
 * at two blank rows, at a footnote or at its "I alt" row. A header inside one of the `known`
 * tables (a proposal's own) is not an overview.
 */
export function discoverOverviews(grid: SheetGrid, titles: readonly TitleCell[], known: readonly FoundTable[] = []): OverviewTable[] {
  const headers = investmentHeaders(grid);
  if (headers.length === 0) return [];
  const stopRows = new Set([...titles.map((t) => t.row), ...headers.map((h) => h.row)]);
  const found: OverviewTable[] = [];
  for (const header of headers) {
    if ([...known, ...found].some((t) => header.row >= t.range.start.row && header.row <= t.range.end.row)) continue;
    const table = overviewAt(grid, header, titles, stopRows);
    if (table) found.push(table);
  }
  return found;
}

/** True for an overview table. */
export function isOverview(table: FoundTable): table is OverviewTable {
  return table.kind === 'overview';
}
