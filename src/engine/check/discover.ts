/**
 * Table discovery: finds the technical tables A–E, the summary table and generic tables with a
 * total, wherever they stand on a sheet, however they were typed or pasted.
 */
import { cellAt, type CellValue, type SheetGrid } from '../cells';
import { TABLE_KEYS, type TableKey } from '../compute';
import { parseNumber } from '../numbers';
import { resolveUnit } from '../units';
import { FOOTNOTE, isBlankRow, textOf, valueCells, yearOf } from './grid';
import { discoverOverviews } from './overview';
import { type FoundTable, type LineRole, type PriceLevel, type SheetTables, type TableKind, type TableLine, type ValueCell, type YearHeader } from './model';

const TECH_TITLE = /^\s*(?:tabel|table|tablet|tabell)\s*([A-E])(?=[\s.:)\-–]|$)/i;
const TARGET_TITLE = /^\s*m[åa]ltal?s?effekt/i;
const SUMMARY_TITLE = /forslagets\s+samlede\s+økonomiske\s+konsekvenser/i;
const NUMBERED_TITLE = /^\s*(?:tabel|table|tablet|tabell)\s*(?:\d+(?:\.\d+)*|[ivx]+)(?=[\s.:)]|$)/i;
const PRICE_LEVEL = /1\.?000\s*kr\.?\s*(?:(\d{4})|løbende|årets)\s*(?:p\s*[/|]\s*[l1i]|pris)/i;
const TOTAL_LABEL = /^(?:total|i alt|sum)\b|\bi alt\b|\btotalt?\b/i;
const PAYBACK_LABEL = /^tilbagebetalingstid/i;
const HEADER_SEARCH_ROWS = 5;
const MAX_BLANK_RUN = 3;

interface Title {
  row: number;
  col: number;
  text: string;
  kind: TableKind;
}

function classifyTitle(text: string): TableKind | null {
  const tech = TECH_TITLE.exec(text);
  if (tech) return tech[1].toUpperCase() as TableKey;
  if (SUMMARY_TITLE.test(text) && (NUMBERED_TITLE.test(text) || text.length <= 60)) return 'summary';
  if (TARGET_TITLE.test(text) && text.length <= 80) return 'A';
  if (NUMBERED_TITLE.test(text)) return 'generic';
  return null;
}

function findTitles(grid: SheetGrid): Title[] {
  const titles: Title[] = [];
  grid.cells.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell.kind !== 'text' || cell.value.trim() === '') continue;
      // A title is the first text of its row. Cheap filter before the regexes: titles start
      // with t(abel), m(åltal) or f(orslagets).
      const first = cell.value.trimStart().charCodeAt(0) | 0x20;
      if (first === 0x74 || first === 0x6d || first === 0x66) {
        const text = textOf(cell);
        const kind = classifyTitle(text);
        if (kind) titles.push({ row: r, col: c, text, kind });
      }
      break;
    }
  });
  return titles;
}

function findYearHeader(grid: SheetGrid, from: number, to: number, minCol: number): YearHeader | null {
  for (let r = from; r <= to && r < grid.cells.length; r++) {
    const row = grid.cells[r] ?? [];
    const cols: number[] = [];
    const years: number[] = [];
    for (let c = minCol; c < row.length; c++) {
      const year = yearOf(row[c]);
      if (year !== null) {
        cols.push(c);
        years.push(year);
      } else if (cols.length > 0 && row[c].kind !== 'empty') {
        break;
      }
    }
    if (cols.length >= 2) return { row: r, cols, years };
  }
  return null;
}

function findPriceLevel(grid: SheetGrid, fromRow: number, toRow: number): PriceLevel | null {
  for (let r = fromRow; r <= toRow; r++) {
    const row = grid.cells[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const text = textOf(row[c]);
      if (!text) continue;
      const m = PRICE_LEVEL.exec(text);
      if (m) return { year: m[1] ? Number(m[1]) : null, text, cell: { row: r, col: c } };
    }
  }
  return null;
}

function findColumn(grid: SheetGrid, fromRow: number, toRow: number, maxCol: number, pattern: RegExp): number | null {
  for (let r = fromRow; r <= toRow; r++) {
    const row = grid.cells[r] ?? [];
    for (let c = 0; c < Math.min(row.length, maxCol); c++) if (pattern.test(textOf(row[c]))) return c;
  }
  return null;
}

function allBlank(values: readonly ValueCell[]): boolean {
  return values.every((v) => v.parsed.kind === 'blank');
}

/** First text cell of a row between `fromCol` and `toCol` (exclusive), skipping `skipCol`. */
function labelIn(grid: SheetGrid, row: number, fromCol: number, toCol: number, skipCol: number | null): { text: string; col: number } {
  for (let c = fromCol; c < toCol; c++) {
    if (c === skipCol) continue;
    const cell = cellAt(grid, row, c);
    if (cell.kind === 'text' && cell.value.trim() !== '') return { text: textOf(cell), col: c };
  }
  return { text: '', col: fromCol };
}

function newLine(row: number, label: { text: string; col: number }, values: ValueCell[], role: LineRole): TableLine {
  return { row, labelCol: label.col, label: label.text, unit: null, values, role, area: '', qualifier: '', bevilling: null };
}

function tableRange(title: Title, lastRow: number, lastCol: number) {
  return { start: { row: title.row, col: Math.min(title.col, lastCol) }, end: { row: Math.max(lastRow, title.row), col: Math.max(lastCol, title.col) } };
}

function discoverTechnical(grid: SheetGrid, title: Title, header: YearHeader, titleRows: Set<number>): FoundTable {
  const firstYearCol = header.cols[0];
  const labelCol = findColumn(grid, title.row, header.row, firstYearCol, /^udvalg\b/i) ?? Math.min(title.col, firstYearCol - 1);
  const bevillingCol = findColumn(grid, title.row + 1, header.row, firstYearCol, /bevilling/i);
  const lines: TableLine[] = [];
  let total: TableLine | null = null;
  let blankRun = 0;
  let lastRow = header.row;
  for (let r = header.row + 1; r < grid.cells.length; r++) {
    if (titleRows.has(r)) break;
    const label = labelIn(grid, r, Math.max(0, labelCol), firstYearCol, bevillingCol);
    const values = valueCells(grid, r, header.cols);
    if (!label.text && allBlank(values)) {
      if (++blankRun >= MAX_BLANK_RUN) break;
      continue;
    }
    if (FOOTNOTE.test(label.text)) break;
    blankRun = 0;
    const line = newLine(r, label, values, 'body');
    if (bevillingCol !== null) line.bevilling = textOf(cellAt(grid, r, bevillingCol)) || cellTextLoose(cellAt(grid, r, bevillingCol));
    if (TOTAL_LABEL.test(label.text)) {
      line.role = 'total';
      total = line;
      lastRow = r;
      break;
    }
    line.unit = label.text ? resolveUnit(label.text) : null;
    if (!line.unit && allBlank(values) && !continuesTable(grid, r, labelCol, firstYearCol, bevillingCol)) break;
    lines.push(line);
    lastRow = r;
  }
  const lastCol = header.cols[header.cols.length - 1];
  return {
    kind: title.kind,
    sheet: grid.name,
    title: title.text,
    titleCell: { row: title.row, col: title.col },
    range: tableRange(title, lastRow, lastCol),
    priceLevel: findPriceLevel(grid, title.row, header.row),
    header,
    lines,
    total,
    bevillingCol,
    totalCol: null,
    partCols: [],
  };
}

function cellTextLoose(cell: CellValue): string {
  return cell.kind === 'number' ? String(cell.value) : '';
}

/** True when one of the next two non-blank rows is a unit or total row. */
function continuesTable(grid: SheetGrid, row: number, labelCol: number, firstYearCol: number, skipCol: number | null): boolean {
  let seen = 0;
  for (let r = row + 1; r < grid.cells.length && seen < 2; r++) {
    const label = labelIn(grid, r, Math.max(0, labelCol), firstYearCol, skipCol).text;
    if (!label) continue;
    seen++;
    if (resolveUnit(label) || TOTAL_LABEL.test(label)) return true;
  }
  return false;
}

function areaOf(text: string): string {
  const t = text.toLowerCase();
  if (/anlæg/.test(t)) return 'anlæg';
  if (/service/.test(t)) return 'service';
  if (/overførsel|efterspørgsel/.test(t)) return 'overførsler';
  return t.trim();
}

/**
 * What a subtotal label's suffix sums over: a styringsområde ("service"), an administration
 * ("service SOF", "(BUF)"), or nothing – "af investeringscasen*" is the total itself.
 */
function subtotalQualifier(suffix: string): string {
  const q = suffix.replace(/[*]+/g, '').trim().toLowerCase();
  if (!q) return '';
  if (/anlæg|service|overførsel|efterspørgsel/.test(q)) return q;
  if (q.split(/[^a-zæøå]+/i).some((w) => w.length >= 2 && w.length <= 4 && resolveUnit(w.toUpperCase()))) return q;
  return '';
}

function discoverSummary(grid: SheetGrid, title: Title, header: YearHeader, titleRows: Set<number>): FoundTable {
  const firstYearCol = header.cols[0];
  const priceLevel = findPriceLevel(grid, title.row, header.row);
  const labelCol = priceLevel && priceLevel.cell.row === header.row ? priceLevel.cell.col : Math.min(title.col, firstYearCol - 1);
  const areaCol = findColumn(grid, header.row, header.row, firstYearCol, /styring/i);
  const lines: TableLine[] = [];
  let blankRun = 0;
  let lastRow = header.row;
  let block: 'permanent' | 'after-permanent' | 'implementation' = 'permanent';
  const tentative: TableLine[] = [];
  const memo: TableLine[] = [];
  let sawPayback = false;
  let afterPayback = false;
  for (let r = header.row + 1; r < grid.cells.length; r++) {
    if (titleRows.has(r)) break;
    const label = labelIn(grid, r, Math.max(0, labelCol), firstYearCol, areaCol);
    const values = valueCells(grid, r, header.cols);
    if (!label.text && allBlank(values)) {
      afterPayback = false;
      if (++blankRun >= MAX_BLANK_RUN) break;
      continue;
    }
    if (FOOTNOTE.test(label.text)) break;
    if (sawPayback && !PAYBACK_LABEL.test(label.text)) {
      // Payback lines close the summary; blank rows may separate them ("… Serviceeffektivisering",
      // then "… Totaløkonomi"). A label wrapped onto the row under one is skipped; anything else ends it.
      if (afterPayback && allBlank(values)) {
        lastRow = r;
        continue;
      }
      break;
    }
    blankRun = 0;
    lastRow = r;
    const line = newLine(r, label, values, 'permanent-line');
    line.area = areaCol !== null ? areaOf(textOf(cellAt(grid, r, areaCol))) : '';
    const t = label.text;
    let m: RegExpExecArray | null;
    if (/^varige ændringer/i.test(t) && allBlank(values)) {
      line.role = 'section';
      block = 'permanent';
    } else if (/^implementeringsomkostninger/i.test(t) && allBlank(values)) {
      line.role = 'section';
      block = 'implementation';
      // Lines between the permanent total and this heading are memo lines, not costs.
      for (const l of tentative) l.role = 'body';
      tentative.length = 0;
    } else if ((m = /^samlet\s+varig\s+ændring\s*,?\s*(.*)$/i.exec(t))) {
      line.qualifier = subtotalQualifier(m[1]);
      line.role = line.qualifier ? 'permanent-subtotal' : 'permanent-total';
      if (!line.qualifier) block = 'after-permanent';
    } else if ((m = /^samlede?\s+implementeringsomkostninger\s*,?\s*(.*)$/i.exec(t))) {
      line.qualifier = subtotalQualifier(m[1]) || (line.area === 'anlæg' || line.area === 'service' ? line.area : '');
      line.role = line.qualifier ? 'implementation-subtotal' : 'implementation-total';
      block = 'implementation';
    } else if (/^samlet\s+økonomisk\s+påvirkning/i.test(t)) {
      line.role = 'impact';
      // Pasted tables sometimes put the impact's numbers on the next, unlabelled row.
      if (allBlank(values)) {
        const next = valueCells(grid, r + 1, header.cols);
        if (!labelIn(grid, r + 1, Math.max(0, labelCol), firstYearCol, areaCol).text && !allBlank(next)) {
          line.values = next;
          r++;
          lastRow = r;
        }
      }
    } else if (PAYBACK_LABEL.test(t)) {
      line.role = 'payback';
      sawPayback = true;
      afterPayback = true;
      const row = grid.cells[r] ?? [];
      for (let c = label.col + 1; c < row.length; c++) {
        const cell = row[c];
        if (cell.kind === 'empty' || (cell.kind === 'text' && cell.value.trim() === '')) continue;
        line.stated = { text: cell.kind === 'number' ? String(cell.value) : textOf(cell), cell: { row: r, col: c } };
        break;
      }
      line.values = [];
    } else if (!t && !allBlank(values) && lines.length > 0 && lines[lines.length - 1].role === 'impact') {
      // A second row of figures under the impact line stays out of the sums but is still read.
      line.role = 'body';
      memo.push(line);
      continue;
    } else {
      line.role = block === 'permanent' ? 'permanent-line' : 'implementation-line';
      if (block === 'after-permanent') tentative.push(line);
    }
    lines.push(line);
  }
  const lastCol = header.cols[header.cols.length - 1];
  return {
    kind: 'summary',
    sheet: grid.name,
    title: title.text,
    titleCell: { row: title.row, col: title.col },
    range: tableRange(title, lastRow, lastCol),
    priceLevel,
    header,
    lines,
    memo,
    total: null,
    bevillingCol: null,
    totalCol: null,
    partCols: [],
  };
}

/** Rows covered by tables found so far, to keep generic detection out of them. */
function covered(tables: readonly FoundTable[]): Set<number> {
  const rows = new Set<number>();
  for (const t of tables) for (let r = t.range.start.row; r <= t.range.end.row; r++) rows.add(r);
  return rows;
}

function firstText(grid: SheetGrid, row: number): { text: string; col: number } {
  const cells = grid.cells[row] ?? [];
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (cell.kind === 'text' && cell.value.trim() !== '') return { text: textOf(cell), col: c };
    if (cell.kind !== 'empty') return { text: '', col: c };
  }
  return { text: '', col: 0 };
}

/** Generic tables closed by a total row ("Total", "I alt", "… i alt", "… totalt"). */
function discoverTotalRows(grid: SheetGrid, taken: Set<number>, titleRows: Set<number>, titles: Title[]): FoundTable[] {
  const found: FoundTable[] = [];
  for (let r = 0; r < grid.cells.length; r++) {
    if (taken.has(r)) continue;
    const label = firstText(grid, r);
    if (!label.text || !TOTAL_LABEL.test(label.text) || label.text.length > 80) continue;
    const row = grid.cells[r];
    const valueCols: number[] = [];
    for (let c = label.col + 1; c < row.length; c++) if (parseNumber(row[c]).kind === 'number') valueCols.push(c);
    if (valueCols.length === 0) continue;
    // Walk up to the header: a title, a row of years, a row of text only, or two blank rows.
    const body: number[] = [];
    let headerRow = -1;
    let blanks = 0;
    for (let u = r - 1; u >= 0; u--) {
      if (taken.has(u) || titleRows.has(u)) break;
      if (isBlankRow(grid, u)) {
        if (++blanks >= 2) break;
        continue;
      }
      blanks = 0;
      const numbers = valueCols.filter((c) => parseNumber(cellAt(grid, u, c)).kind === 'number' && yearOf(cellAt(grid, u, c)) === null).length;
      const years = valueCols.filter((c) => yearOf(cellAt(grid, u, c)) !== null).length;
      // Column headings ("Drift", "I alt") over the value columns end the body; a group label
      // with empty value cells ("Økonomiudvalget") sits inside it.
      const headings = valueCols.filter((c) => parseNumber(cellAt(grid, u, c)).kind === 'invalid').length;
      if (years >= 2 || (numbers === 0 && headings > 0)) {
        headerRow = u;
        break;
      }
      if (numbers === 0) continue;
      const text = firstText(grid, u).text;
      if (TOTAL_LABEL.test(text)) break;
      body.unshift(u);
    }
    if (body.length === 0) continue;
    const top = headerRow >= 0 ? headerRow : body[0];
    const title = [...titles].reverse().find((t) => t.row < top && t.row >= top - 4);
    const yearsRow = headerRow >= 0 ? valueCols.map((c) => yearOf(cellAt(grid, headerRow, c)) ?? NaN) : valueCols.map(() => NaN);
    const lines: TableLine[] = [];
    const memo: TableLine[] = [];
    for (const u of body) {
      const l = firstText(grid, u);
      const line = newLine(u, l, valueCells(grid, u, valueCols), 'body');
      line.unit = l.text ? resolveUnit(l.text) : null;
      (/^(?:heraf|herunder|deraf)\b/i.test(l.text) ? memo : lines).push(line);
    }
    const totalLine = newLine(r, label, valueCells(grid, r, valueCols), 'total');
    const start = title ? title.row : top;
    // A header cell "Total" / "I alt" over the last value column makes it a total column too.
    const lastCol = valueCols[valueCols.length - 1];
    const hasTotalCol = headerRow >= 0 && valueCols.length >= 3 && /^(?:total|i alt)$/i.test(textOf(cellAt(grid, headerRow, lastCol)));
    found.push({
      kind: 'generic',
      sheet: grid.name,
      title: title ? title.text : label.text,
      titleCell: title ? { row: title.row, col: title.col } : { row: top, col: label.col },
      range: { start: { row: start, col: Math.min(label.col, title?.col ?? label.col) }, end: { row: r, col: valueCols[valueCols.length - 1] } },
      priceLevel: null,
      header: { row: headerRow, cols: valueCols, years: yearsRow },
      lines,
      memo,
      total: totalLine,
      bevillingCol: null,
      totalCol: hasTotalCol ? lastCol : null,
      partCols: hasTotalCol ? valueCols.slice(0, -1) : [],
    });
    for (let u = start; u <= r; u++) taken.add(u);
  }
  return found;
}

/** Generic tables with a total column: a header cell "Total" / "I alt" right of other headers. */
function discoverTotalColumns(grid: SheetGrid, taken: Set<number>, titleRows: Set<number>): FoundTable[] {
  const found: FoundTable[] = [];
  for (let r = 0; r < grid.cells.length; r++) {
    if (taken.has(r)) continue;
    const row = grid.cells[r] ?? [];
    let totalCol = -1;
    for (let c = 1; c < row.length; c++) {
      const cell = row[c];
      // Only short text can be the heading "Total" / "I alt"; skip the rest without building text.
      if (cell.kind !== 'text' || cell.value.length > 12) continue;
      if (/^(?:total|i alt)$/i.test(textOf(cell))) {
        totalCol = c;
        break;
      }
    }
    if (totalCol < 0) continue;
    const partCols: number[] = [];
    for (let c = 0; c < totalCol; c++) if (row[c].kind !== 'empty' && c > 0) partCols.push(c);
    if (partCols.length < 2) continue;
    const lines: TableLine[] = [];
    let last = r;
    for (let u = r + 1; u < grid.cells.length && !titleRows.has(u) && !taken.has(u); u++) {
      if (isBlankRow(grid, u)) break;
      const values = valueCells(grid, u, [...partCols, totalCol]);
      // A row with a number in the total column belongs to the table; so does one with a cell
      // that cannot be read ("--300" as the total), which would otherwise go unreported.
      if (values[values.length - 1].parsed.kind !== 'number' && !values.some((v) => v.parsed.kind === 'invalid')) continue;
      const label = firstText(grid, u);
      const line = newLine(u, label, values, 'body');
      lines.push(line);
      last = u;
    }
    if (lines.length === 0) continue;
    found.push({
      kind: 'generic',
      sheet: grid.name,
      title: textOf(cellAt(grid, r - 1, 0)) || textOf(row[totalCol]),
      titleCell: { row: r, col: 0 },
      range: { start: { row: r, col: 0 }, end: { row: last, col: totalCol } },
      priceLevel: null,
      header: { row: r, cols: [...partCols, totalCol], years: [...partCols, totalCol].map((c) => yearOf(row[c]) ?? NaN) },
      lines,
      total: null,
      bevillingCol: null,
      totalCol,
      partCols,
    });
    for (let u = r; u <= last; u++) taken.add(u);
  }
  return found;
}

/** Finds every table on one sheet. */
export function discoverSheet(grid: SheetGrid): SheetTables {
  const titles = findTitles(grid);
  const titleRows = new Set(titles.map((t) => t.row));
  const tables: FoundTable[] = [];
  titles.forEach((title, i) => {
    if (title.kind === 'generic') return;
    const next = titles[i + 1];
    const searchEnd = Math.min(title.row + HEADER_SEARCH_ROWS, next ? next.row - 1 : Infinity);
    const header = findYearHeader(grid, title.row + 1, searchEnd, 0);
    if (!header) return;
    tables.push(title.kind === 'summary' ? discoverSummary(grid, title, header, titleRows) : discoverTechnical(grid, title, header, titleRows));
  });
  tables.push(...discoverOverviews(grid, titles, tables));
  const taken = covered(tables);
  const generic = [...discoverTotalRows(grid, taken, titleRows, titles), ...discoverTotalColumns(grid, taken, titleRows)];
  const all = [...tables, ...generic].sort((a, b) => a.range.start.row - b.range.start.row || a.range.start.col - b.range.start.col);
  const technical: SheetTables['technical'] = {};
  for (const kind of TABLE_KEYS) {
    const t = tables.find((x) => x.kind === kind);
    if (t) technical[kind] = t;
  }
  return { sheet: grid, tables: all, technical, summary: tables.find((t) => t.kind === 'summary') ?? null };
}
