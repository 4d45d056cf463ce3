/**
 * The "Teknisk beregningsark" template as data: four sheets and the defined names the reader
 * and `tableWrites` find their ranges by.
 */
import { EMPTY, num, sheetRef, text, toA1, type CellRange, type CellValue, type DefinedName } from '../cells';
import type { CellStyle, CellWrite, SheetSpec, WorkbookChanges } from '../changes';
import { computeProposal, type ProposalResult, type TableKey } from '../compute';
import {
  DEFAULT_STYRINGSOMRAADE,
  normalizeProposal,
  type NormalizedLine,
  type NormalizedProposal,
  type Placed,
  type ProposalInput,
  type UnitShare,
} from '../proposal';
import { STANDARD_UNITS, unitOrder } from '../units';
import { GUIDE } from './guide';
import { formatShareKey } from './keys';
import { kvantumSheet } from './kvantumSheet';
import {
  AMOUNT_FORMAT,
  DEFAULT_PRICE_LEVEL,
  DEFAULT_YEARS,
  EXPLANATION_BLOCK,
  GUIDE_SHEET,
  INPUT_AMOUNT_COL,
  INPUT_SHEET,
  KEYS_SECTION,
  NAMES,
  PROFIT_CENTER_HEADER,
  SECTIONS,
  TABEL1_BLOCK,
  TABLE_YEAR_COL,
  TABLES,
  TABLES_SHEET,
  TOTAL_LABEL,
  unitLine,
  YEAR_FORMAT,
  type SectionKey,
} from './layout';

export interface TemplateOptions {
  /** Years of an empty template (default 2024–2029, as in the seed). Ignored with a proposal. */
  years?: number[];
  /** Price level of an empty template (default 2025). Ignored with a proposal. */
  priceLevel?: number;
}

/** Row positions on the Input sheet (0-based). */
const INPUT_ROWS = { title: 2, priceLevel: 3, otherUnits: 4, years: 5, firstSection: 7 } as const;
/** Extra blank rows below a filled-in section, so there is room to add lines. */
const SPARE_ROWS = 2;

/** Collects the cells of one sheet. */
class SheetBuilder {
  readonly cells: CellWrite[] = [];
  constructor(readonly name: string) {}

  put(row: number, col: number, value: CellValue, style?: CellStyle, extra: Partial<CellWrite> = {}): void {
    this.cells.push({ sheet: this.name, row, col, value, ...(style ? { style } : {}), ...extra });
  }
}

/**
 * The template's sheets and names, as changes to an empty workbook: "Vejledning" (the guide),
 * "Input" (the proposal, filled in when `proposal` is given), "Tabeller" (Tables A–E laid out
 * as in the catalogue, with empty value cells for `tableWrites`) and "Kvantum" (the header of
 * the lines `tableWrites` writes). Throws
 * `ProposalValidationError` when `proposal` is given and invalid.
 */
export function templateChanges(proposal?: ProposalInput, options: TemplateOptions = {}): WorkbookChanges {
  const p = proposal === undefined ? null : normalizeProposal(proposal);
  const years = p?.years ?? options.years ?? DEFAULT_YEARS.slice();
  const priceLevel = p?.priceLevel ?? options.priceLevel ?? DEFAULT_PRICE_LEVEL;
  const names: DefinedName[] = [];
  const input = inputSheet(p, years, priceLevel, names);
  const tables = tablesSheet(p, p ? computeProposal(proposal) : null, years, priceLevel, names);
  return { addSheets: [guideSheet(), input, tables, kvantumSheet(null, priceLevel, names)], names };
}

function guideSheet(): SheetSpec {
  const b = new SheetBuilder(GUIDE_SHEET);
  GUIDE.forEach((line, row) => {
    switch (line.kind) {
      case 'blank':
        return;
      case 'title':
        return b.put(row, 0, text(line.text), 'title');
      case 'heading':
        return b.put(row, 0, text(line.text), 'subtitle');
      case 'text':
        return b.put(row, 0, text(line.text), 'label');
      case 'link':
        return b.put(row, 0, text(line.text), 'link', { link: sheetRef(line.sheet, 'A1') });
    }
  });
  return { name: GUIDE_SHEET, cells: b.cells, columnWidths: [130] };
}

interface InputLine {
  texts: [string, string, string];
  amounts: number[];
  /** Blank when the line has the default bevilling (its styringsområde). */
  bevilling: string;
}

function sectionLines(p: NormalizedProposal | null, key: SectionKey): InputLine[] {
  if (!p) return [];
  const own = (line: NormalizedLine) => (line.bevilling === line.styringsomraade ? '' : line.bevilling);
  switch (key) {
    case 'effects':
      return p.effects.map((e) => ({ texts: [e.label, e.unit, creditText(e, e.creditKey, e.credit)], amounts: e.amounts, bevilling: own(e) }));
    case 'operatingCosts':
      return p.operatingCosts.map((d) => ({ texts: [d.label, d.unit, creditText(d, d.financingKey, d.financing)], amounts: d.amounts, bevilling: own(d) }));
    case 'transfers':
      return p.transfers.map((t) => ({ texts: [t.label, t.from.unit, t.to.unit], amounts: t.amounts, bevilling: own(t) }));
    case 'investments':
      return p.investments.map((v) => ({ texts: [v.label, v.kind, v.unit], amounts: v.amounts, bevilling: own(v) }));
    case 'memo':
      return p.memo.map((m) => ({
        texts: [m.label, m.styringsomraade === DEFAULT_STYRINGSOMRAADE.service ? '' : m.styringsomraade, ''],
        amounts: m.amounts,
        bevilling: '',
      }));
  }
}

/** A credit or financing cell: blank when it follows the line's own key, else the key's name or the shares. */
function creditText(line: Placed, key: string | null, shares: readonly UnitShare[]): string {
  if (key !== null) return key === line.key ? '' : key;
  return keyText(shares, line.unit);
}

/** A key equal to the default (the unit itself, whole) is left blank, as people would. */
function keyText(shares: readonly { unit: string; share: number }[], unit: string): string {
  if (shares.length === 1 && shares[0].unit === unit && shares[0].share === 1) return '';
  return formatShareKey(shares);
}

function inputSheet(p: NormalizedProposal | null, years: readonly number[], priceLevel: number, names: DefinedName[]): SheetSpec {
  const b = new SheetBuilder(INPUT_SHEET);
  const lastCol = INPUT_AMOUNT_COL + years.length - 1;
  const merges: CellRange[] = [];
  const name = (n: string, startRow: number, startCol: number, endRow = startRow, endCol = startCol) =>
    names.push({ name: n, sheet: INPUT_SHEET, range: { start: { row: startRow, col: startCol }, end: { row: endRow, col: endCol } } });
  const wideInput = (row: number, value: CellValue) => {
    b.put(row, 1, value, 'input');
    for (let col = 2; col <= lastCol; col++) b.put(row, col, EMPTY, 'input');
    merges.push({ start: { row, col: 1 }, end: { row, col: lastCol } });
  };

  b.put(0, 0, text('Teknisk beregningsark – input'), 'title');
  b.put(1, 0, text(`Beløb i 1.000 kr. Besparelser og merindtægter med minus. Udfyld de gule felter; se fanen ${GUIDE_SHEET}.`), 'note');

  b.put(INPUT_ROWS.title, 0, text('Forslagets titel'), 'label');
  wideInput(INPUT_ROWS.title, p && p.title !== '' ? text(p.title) : EMPTY);
  name(NAMES.title, INPUT_ROWS.title, 1);

  b.put(INPUT_ROWS.priceLevel, 0, text('Pris- og lønniveau (p/l)'), 'label');
  b.put(INPUT_ROWS.priceLevel, 1, num(priceLevel), 'input', { numberFormat: YEAR_FORMAT });
  name(NAMES.priceLevel, INPUT_ROWS.priceLevel, 1);

  const others = p ? [...p.units.values()].filter((u) => !u.standard).map((u) => u.key) : [];
  b.put(INPUT_ROWS.otherUnits, 0, text('Øvrige enheder (adskilt med ;)'), 'label');
  wideInput(INPUT_ROWS.otherUnits, others.length > 0 ? text(others.join('; ')) : EMPTY);
  name(NAMES.otherUnits, INPUT_ROWS.otherUnits, 1);

  b.put(INPUT_ROWS.years, 0, text('År'), 'label');
  years.forEach((year, i) => b.put(INPUT_ROWS.years, INPUT_AMOUNT_COL + i, num(year), 'input', { numberFormat: YEAR_FORMAT }));
  name(NAMES.years, INPUT_ROWS.years, INPUT_AMOUNT_COL, INPUT_ROWS.years, lastCol);

  let row = INPUT_ROWS.firstSection;
  for (const section of SECTIONS) {
    b.put(row, 0, text(section.heading), 'subtitle');
    const header = row + 1;
    const textCols = section.columns.filter((label) => label !== '').length;
    section.columns.forEach((label, col) => b.put(header, col, label === '' ? EMPTY : text(label), 'header'));
    years.forEach((year, i) => {
      const col = INPUT_AMOUNT_COL + i;
      b.put(header, col, num(year), 'header', { formula: `=${toA1({ row: INPUT_ROWS.years, col })}`, numberFormat: YEAR_FORMAT });
    });
    const bevillingCol = lastCol + 1;
    if (section.bevilling) b.put(header, bevillingCol, text(PROFIT_CENTER_HEADER), 'header');
    const lines = sectionLines(p, section.key);
    const count = Math.max(section.blankRows, lines.length + SPARE_ROWS);
    for (let i = 0; i < count; i++) {
      const r = header + 1 + i;
      const line = lines[i];
      for (let col = 0; col < 3; col++) b.put(r, col, line && line.texts[col] !== '' ? text(line.texts[col]) : EMPTY, col < textCols ? 'input' : undefined);
      years.forEach((_, y) => b.put(r, INPUT_AMOUNT_COL + y, line ? num(line.amounts[y]) : EMPTY, 'input'));
      if (section.bevilling) b.put(r, bevillingCol, line && line.bevilling !== '' ? text(line.bevilling) : EMPTY, 'input');
    }
    const last = header + count;
    name(section.name, header, 0, last, section.bevilling ? bevillingCol : lastCol);
    row = last + 2;
  }
  keysSection(b, p, row, names);

  return {
    name: INPUT_SHEET,
    cells: b.cells,
    columnWidths: [46, 24, 30, ...years.map(() => 10), 30],
    merges,
    frozenRows: INPUT_ROWS.years + 1,
  };
}

/** The keys the lines use, each as a basis per unit (a key another key splits into is merged into it). */
function keyRows(p: NormalizedProposal | null): { name: string; bases: Map<string, number> }[] {
  if (!p) return [];
  const used = new Set<string>();
  const note = (key: string | null) => key !== null && used.add(key);
  for (const e of p.effects) [e.key, e.creditKey].forEach(note);
  for (const d of p.operatingCosts) [d.key, d.financingKey].forEach(note);
  for (const t of p.transfers) [t.from.key, t.to.key].forEach(note);
  for (const v of p.investments) note(v.key);
  return [...p.keys.values()].filter((k) => used.has(k.name)).map((k) => ({ name: k.name, bases: new Map(k.shares.map((s) => [s.unit, s.basis.toNumber()])) }));
}

function keysSection(b: SheetBuilder, p: NormalizedProposal | null, row: number, names: DefinedName[]): void {
  const units = unitOrder([...STANDARD_UNITS.map((u) => u.key), ...(p ? p.units.keys() : [])]);
  const lastCol = units.length + KEYS_SECTION.spareColumns;
  b.put(row, 0, text(KEYS_SECTION.heading), 'subtitle');
  const header = row + 1;
  b.put(header, 0, text(KEYS_SECTION.keyHeader), 'header');
  units.forEach((unit, i) => b.put(header, 1 + i, text(unit), 'header'));
  for (let col = units.length + 1; col <= lastCol; col++) b.put(header, col, EMPTY, 'input');
  const keys = keyRows(p);
  const count = Math.max(KEYS_SECTION.blankRows, keys.length + SPARE_ROWS);
  for (let i = 0; i < count; i++) {
    const r = header + 1 + i;
    const key = keys[i];
    b.put(r, 0, key ? text(key.name) : EMPTY, 'input');
    for (let col = 1; col <= lastCol; col++) {
      const basis = key?.bases.get(units[col - 1]);
      b.put(r, col, basis === undefined ? EMPTY : num(basis), 'input');
    }
  }
  names.push({ name: KEYS_SECTION.name, sheet: INPUT_SHEET, range: { start: { row: header, col: 0 }, end: { row: header + count, col: lastCol } } });
}

/** How many rows a unit needs in a table: one per bevilling with amounts, at least one. */
function bevillingRows(result: ProposalResult | null, table: TableKey, unit: string): number {
  if (!result) return 1;
  const used = new Set(result.tables[table].rows.filter((r) => r.unit === unit && r.values.some((v) => v !== 0)).map((r) => r.bevilling));
  return Math.max(1, used.size);
}

function tablesSheet(
  p: NormalizedProposal | null,
  result: ProposalResult | null,
  years: readonly number[],
  priceLevel: number,
  names: DefinedName[],
): SheetSpec {
  const b = new SheetBuilder(TABLES_SHEET);
  const lastCol = TABLE_YEAR_COL + years.length - 1;
  const rowUnits = p
    ? unitOrder([...STANDARD_UNITS.map((u) => u.key), ...p.units.keys()]).map((k) => p.units.get(k) ?? STANDARD_UNITS.find((u) => u.key === k)!)
    : STANDARD_UNITS;
  const merges: CellRange[] = [];
  const inputRef = (row: number, col: number) => sheetRef(INPUT_SHEET, toA1({ row, col }));

  b.put(0, 0, text('Tekniske tabeller til korrektioner i Kvantum'), 'title');
  b.put(1, 0, p && p.title !== '' ? text(p.title) : EMPTY, 'subtitle', { formula: `=IF(${NAMES.title}="","",${NAMES.title})` });
  b.put(2, 0, text(`Tallene og kolonnen »${PROFIT_CENTER_HEADER}« skrives af »Beregn tabeller« ud fra fanen ${INPUT_SHEET}.`), 'note');

  let row = 4;
  for (const table of TABLES) {
    b.put(row, 0, text(table.title), 'subtitle');
    b.put(row + 1, 0, text('Udvalg'), 'header');
    b.put(row + 1, 1, text(unitLine(priceLevel)), 'header', { formula: `="1.000 kr. "&${NAMES.priceLevel}&" p/l"` });
    for (let col = 2; col <= lastCol; col++) b.put(row + 1, col, EMPTY, 'header');
    merges.push({ start: { row: row + 1, col: 1 }, end: { row: row + 1, col: lastCol } });

    const header = row + 2;
    b.put(header, 0, EMPTY, 'header');
    b.put(header, 1, text(PROFIT_CENTER_HEADER), 'header');
    years.forEach((year, i) =>
      b.put(header, TABLE_YEAR_COL + i, num(year), 'header', { formula: `=${inputRef(INPUT_ROWS.years, INPUT_AMOUNT_COL + i)}`, numberFormat: YEAR_FORMAT }),
    );
    // One row per unit and bevilling, as the catalogue prints them; »Beregn tabeller« fills the bevilling.
    const rows = rowUnits.flatMap((unit) => Array.from({ length: bevillingRows(result, table.key, unit.key) }, () => unit));
    rows.forEach((unit, i) => {
      const r = header + 1 + i;
      b.put(r, 0, text(unit.name), 'label');
      b.put(r, 1, EMPTY, 'output');
      years.forEach((_, y) => b.put(r, TABLE_YEAR_COL + y, EMPTY, 'output', { numberFormat: AMOUNT_FORMAT }));
    });
    const total = header + 1 + rows.length;
    b.put(total, 0, text(TOTAL_LABEL), 'total');
    b.put(total, 1, EMPTY, 'total');
    years.forEach((_, y) => b.put(total, TABLE_YEAR_COL + y, EMPTY, 'total', { numberFormat: AMOUNT_FORMAT }));
    names.push({ name: table.name, sheet: TABLES_SHEET, range: { start: { row: header, col: 0 }, end: { row: total, col: lastCol } } });
    row = total + 3;
  }

  // Tabel 1 and the explanation: written in whole by »Beregn tabeller« / tb compute.
  b.put(row, 0, text(TABEL1_BLOCK.title), 'subtitle');
  const header = row + 1;
  b.put(header, 0, text(unitLine(priceLevel)), 'header', { formula: `="1.000 kr. "&${NAMES.priceLevel}&" p/l"` });
  b.put(header, 1, text('Styringsområde'), 'header');
  years.forEach((year, i) =>
    b.put(header, TABLE_YEAR_COL + i, num(year), 'header', { formula: `=${inputRef(INPUT_ROWS.years, INPUT_AMOUNT_COL + i)}`, numberFormat: YEAR_FORMAT }),
  );
  for (let i = 1; i <= TABEL1_BLOCK.rows; i++) {
    for (let col = 0; col <= lastCol; col++) b.put(header + i, col, EMPTY, 'output', col >= TABLE_YEAR_COL ? { numberFormat: AMOUNT_FORMAT } : {});
  }
  names.push({
    name: TABEL1_BLOCK.name,
    sheet: TABLES_SHEET,
    range: { start: { row: header, col: 0 }, end: { row: header + TABEL1_BLOCK.rows, col: lastCol } },
  });
  row = header + TABEL1_BLOCK.rows + 2;
  b.put(row, 0, text(EXPLANATION_BLOCK.title), 'subtitle');
  for (let i = 1; i <= EXPLANATION_BLOCK.rows; i++) b.put(row + i, 0, EMPTY, 'output');
  names.push({ name: EXPLANATION_BLOCK.name, sheet: TABLES_SHEET, range: { start: { row, col: 0 }, end: { row: row + EXPLANATION_BLOCK.rows, col: 0 } } });

  return { name: TABLES_SHEET, cells: b.cells, columnWidths: [40, 30, ...years.map(() => 10)], merges };
}
