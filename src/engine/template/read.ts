/**
 * Reads a filled-in "Teknisk beregningsark" back into a proposal, accepting what people type:
 * numbers or Danish number text, unit names broken by PDF hyphenation or abbreviated, blank rows.
 */
import { cellAt, cellText, rangeToA1, sheetRef, type CellRange, type SheetGrid, type WorkbookSnapshot } from '../cells';
import { ProposalValidationError, TemplateError, type InputProblem } from '../errors';
import type { Locale } from '../messages';
import { parseNumber } from '../numbers';
import { normalizeProposal, type ProposalInput } from '../proposal';
import { withinAmountLimit } from '../proposalMessages';
import { foldLabel, resolveUnit } from '../units';
import { parseShareKey } from './keys';
import { TEMPLATE_MESSAGES as M, type TemplateField } from './messages';
import { DEFAULT_PRICE_LEVEL, INPUT_AMOUNT_COL, INPUT_SHEET, KEYS_SECTION, NAMES, SECTIONS, type SectionSpec } from './layout';
import { findNamedRange, findRowByLabel, findRowStartingWith, findSheet, isBlankRow } from './locate';

type Effect = NonNullable<ProposalInput['effects']>[number];
type OperatingCost = NonNullable<ProposalInput['operatingCosts']>[number];
type Transfer = NonNullable<ProposalInput['transfers']>[number];
type Investment = NonNullable<ProposalInput['investments']>[number];
type Memo = NonNullable<ProposalInput['memo']>[number];

/** Labels the fallback looks for in column A when a defined name is missing. */
const FALLBACK_LABELS = { title: 'Forslagets titel', priceLevel: 'Pris- og lønniveau', otherUnits: 'Øvrige enheder', years: 'År' } as const;

/** Where a problem lies: a sheet, or a cell or range on it. */
interface Where {
  sheet: string;
  range?: CellRange;
}

const at = (sheet: string, row: number, col: number): Where => ({ sheet, range: { start: { row, col }, end: { row, col } } });

/** Shares must sum to 1 within this (as the proposal's own check). */
const SHARE_TOLERANCE = 1e-6;

/** A section's rows on the Input sheet: header row, then input rows up to `lastRow`. */
interface SectionRows {
  headerRow: number;
  lastRow: number;
  firstCol: number;
  /** Found by its heading rather than its name: it then runs up to the next heading. */
  byHeading: boolean;
}

/**
 * Reads the proposal from a template workbook through its defined names (falling back to the
 * headings of the Input sheet when a name is missing). Collects every problem (unreadable
 * number, unknown unit, missing sheet or name, shares not summing to 100 %, …) in one pass and
 * throws them together as `TemplateError`, each located by its sheet and cell
 * (`Input!E12: "--43" er ikke et tal`); a missing sheet, name or section is marked `missing`.
 * Problems are worded in `locale` (Danish by default).
 */
export function readTemplate(snapshot: WorkbookSnapshot, options: { locale?: Locale } = {}): ProposalInput {
  return new TemplateReader(snapshot, options.locale ?? 'da').read();
}

class TemplateReader {
  private readonly problems: InputProblem[] = [];
  private readonly places: Where[] = [];
  /** Where each part of the proposal came from, so the model's own checks point at cells. */
  private readonly origins = new Map<string, Where>();
  private otherUnits = new Map<string, string>();
  /** Keys of the "Fordelingsnøgler" section by folded name. */
  private readonly keyNames = new Map<string, string>();
  private readonly effects: Effect[] = [];
  private readonly operatingCosts: OperatingCost[] = [];
  private readonly transfers: Transfer[] = [];
  private readonly investments: Investment[] = [];
  private readonly memo: Memo[] = [];

  constructor(
    private readonly snapshot: WorkbookSnapshot,
    private readonly locale: Locale,
  ) {}

  read(): ProposalInput {
    const grid = this.inputGrid();
    if (!grid) throw new TemplateError(this.problems);

    const title = this.single(grid, NAMES.title, FALLBACK_LABELS.title, false);
    const priceLevelCell = this.single(grid, NAMES.priceLevel, FALLBACK_LABELS.priceLevel, true);
    const otherUnitsCell = this.single(grid, NAMES.otherUnits, FALLBACK_LABELS.otherUnits, false);
    const priceLevel = priceLevelCell ? this.year(grid, priceLevelCell.row, priceLevelCell.col, 'priceLevel') : null;
    if (priceLevelCell) this.origins.set('priceLevel', at(grid.name, priceLevelCell.row, priceLevelCell.col));
    const otherUnits = otherUnitsCell ? this.readOtherUnits(grid, otherUnitsCell.row, otherUnitsCell.col) : [];
    const years = this.readYears(grid);

    const keys = this.readKeys(grid);
    const located = SECTIONS.map((section) => ({ section, rows: this.locateSection(grid, section) }));
    const stops = located.flatMap(({ rows }) => (rows ? [rows.headerRow - 1, rows.headerRow] : []));
    for (const { section, rows } of located) {
      if (rows) this.readSection(grid, section, this.extendSection(grid, rows, stops, years), years);
    }
    const proposal: ProposalInput = {
      title: title ? cellText(cellAt(grid, title.row, title.col)) : '',
      priceLevel: priceLevel ?? 0,
      years: years.map((y) => y.year),
      ...(Object.keys(keys).length > 0 ? { keys } : {}),
      effects: this.effects,
      operatingCosts: this.operatingCosts,
      transfers: this.transfers,
      investments: this.investments,
      ...(this.memo.length > 0 ? { memo: this.memo } : {}),
      otherUnits,
    };

    // An unreadable price level is reported already; a stand-in lets the model check the rest.
    this.validate({ ...proposal, priceLevel: priceLevel ?? DEFAULT_PRICE_LEVEL });
    if (this.problems.length > 0) throw new TemplateError(this.inReadingOrder());
    return proposal;
  }

  private problem(where: Where, message: string, missing = false): void {
    const cell = where.range ? rangeToA1(where.range) : undefined;
    const problem: InputProblem = { path: cell ? sheetRef(where.sheet, cell) : where.sheet, message, sheet: where.sheet };
    if (cell) problem.cell = cell;
    if (missing) problem.missing = true;
    this.problems.push(problem);
    this.places.push(where);
  }

  /** Whole-sheet problems first, then cell by cell, row by row, as a person reads the sheet. */
  private inReadingOrder(): InputProblem[] {
    const order = this.problems.map((problem, i) => ({ problem, start: this.places[i].range?.start ?? { row: -1, col: -1 }, i }));
    order.sort((a, b) => a.start.row - b.start.row || a.start.col - b.start.col || a.i - b.i);
    return order.map((o) => o.problem);
  }

  /** A problem already reported at (or over) this place: the model's checks must not repeat it. */
  private reported(where: Where): boolean {
    return this.places.some((p) => {
      if (p.sheet !== where.sheet) return false;
      if (!p.range || !where.range) return true;
      const [a, b] = [p.range, where.range];
      return a.start.row <= b.end.row && b.start.row <= a.end.row && a.start.col <= b.end.col && b.start.col <= a.end.col;
    });
  }

  private inputGrid(): SheetGrid | undefined {
    // A renamed sheet keeps its names; look there before looking for the sheet by its name.
    for (const name of [NAMES.years, SECTIONS[0].name, NAMES.priceLevel]) {
      const named = findNamedRange(this.snapshot, name);
      if (named) return named.grid;
    }
    const grid = findSheet(this.snapshot, INPUT_SHEET);
    if (!grid) this.problem({ sheet: INPUT_SHEET }, M.missingSheet(this.locale, { sheet: INPUT_SHEET }), true);
    return grid;
  }

  /** The cell of a single-cell input: its defined name, else the cell right of its label. */
  private single(grid: SheetGrid, name: string, label: string, required: boolean): { row: number; col: number } | null {
    const named = findNamedRange(this.snapshot, name);
    if (named && named.grid === grid) return named.range.start;
    const row = findRowStartingWith(grid, 0, label);
    if (row >= 0) return { row, col: 1 };
    if (required) this.problem({ sheet: grid.name }, M.missingField(this.locale, { label }), true);
    return null;
  }

  private year(grid: SheetGrid, row: number, col: number, what: TemplateField): number | null {
    const parsed = parseNumber(cellAt(grid, row, col));
    const where = at(grid.name, row, col);
    if (parsed.kind === 'blank') {
      this.problem(where, M.missingValue(this.locale, { field: what }));
      return null;
    }
    if (parsed.kind === 'invalid' || !Number.isInteger(parsed.value) || parsed.value < 1990 || parsed.value > 2100) {
      this.problem(where, M.notAYear(this.locale, { text: cellText(cellAt(grid, row, col)), field: what }));
      return null;
    }
    return parsed.value;
  }

  private readOtherUnits(grid: SheetGrid, row: number, col: number): string[] {
    const names = cellText(cellAt(grid, row, col))
      .split(/[;\n\r]+/)
      .map((n) => n.trim())
      .filter((n) => n !== '');
    this.otherUnits = new Map(names.map((n) => [foldLabel(n), n]));
    return names;
  }

  /** Years from `TB_Aar` (or the row labelled "År"): one per column, blank columns at the end ignored. */
  private readYears(grid: SheetGrid): { year: number; col: number }[] {
    let range: CellRange;
    const named = findNamedRange(this.snapshot, NAMES.years);
    if (named && named.grid === grid) {
      range = named.range;
    } else {
      const row = findRowByLabel(grid, 0, FALLBACK_LABELS.years);
      if (row < 0) {
        this.problem({ sheet: grid.name }, M.missingRow(this.locale, { label: FALLBACK_LABELS.years }), true);
        return [];
      }
      let end = INPUT_AMOUNT_COL;
      while (cellText(cellAt(grid, row, end + 1)) !== '') end++;
      range = { start: { row, col: INPUT_AMOUNT_COL }, end: { row, col: end } };
    }
    const years: { year: number; col: number }[] = [];
    let ended = false;
    for (let col = range.start.col; col <= range.end.col; col++) {
      const row = range.start.row;
      if (parseNumber(cellAt(grid, row, col)).kind === 'blank') {
        ended = true;
        continue;
      }
      if (ended) {
        this.problem(at(grid.name, row, col), M.yearGap(this.locale));
        continue;
      }
      const year = this.year(grid, row, col, 'year');
      if (year !== null) years.push({ year, col });
    }
    if (years.length === 0 && !this.reported({ sheet: grid.name, range })) this.problem({ sheet: grid.name, range }, M.noYears(this.locale));
    this.origins.set('years', { sheet: grid.name, range });
    return years;
  }

  private locateSection(grid: SheetGrid, section: SectionSpec): SectionRows | null {
    const named = findNamedRange(this.snapshot, section.name);
    if (named && named.grid === grid)
      return { headerRow: named.range.start.row, lastRow: named.range.end.row, firstCol: named.range.start.col, byHeading: false };
    const heading = findRowByLabel(grid, 0, section.heading);
    if (heading >= 0) return { headerRow: heading + 1, lastRow: heading + 1, firstCol: 0, byHeading: true };
    if (section.optional) return null;
    this.problem({ sheet: grid.name }, M.missingSection(this.locale, { heading: section.heading }), true);
    return null;
  }

  /**
   * Rows typed just below a section's named range (Excel does not grow a name when a row is
   * inserted under its last row) still belong to it, up to a blank row or the next section.
   * A section found by its heading runs up to the next heading.
   */
  private extendSection(grid: SheetGrid, rows: SectionRows, stops: readonly number[], years: readonly { col: number }[]): SectionRows {
    const lastCol = Math.max(rows.firstCol + 2, ...years.map((y) => y.col));
    let last = rows.lastRow;
    while (
      last + 1 < grid.cells.length &&
      !stops.includes(last + 1) &&
      !this.isHeading(grid, last + 1) &&
      (rows.byHeading || !isBlankRow(grid, last + 1, rows.firstCol, lastCol))
    ) {
      last++;
    }
    return { ...rows, lastRow: last };
  }

  private isHeading(grid: SheetGrid, row: number): boolean {
    const label = foldLabel(cellText(cellAt(grid, row, 0)));
    return SECTIONS.some((s) => foldLabel(s.heading) === label) || foldLabel(KEYS_SECTION.heading) === label;
  }

  /**
   * The "Fordelingsnøgler" section (optional: older templates have none): a header row naming a
   * unit per column, then a key per row, its name first and a basis per unit (blank is none).
   */
  private readKeys(grid: SheetGrid): Record<string, Record<string, number>> {
    const keys: Record<string, Record<string, number>> = {};
    const named = findNamedRange(this.snapshot, KEYS_SECTION.name);
    let header: number;
    let lastRow: number;
    let lastCol: number;
    if (named && named.grid === grid) {
      ({ row: header } = named.range.start);
      lastRow = named.range.end.row;
      lastCol = named.range.end.col;
    } else {
      const heading = findRowByLabel(grid, 0, KEYS_SECTION.heading);
      if (heading < 0) return keys;
      header = heading + 1;
      lastRow = grid.cells.length - 1;
      lastCol = Math.max(0, ...grid.cells.slice(header, lastRow + 1).map((r) => r.length - 1));
    }
    // Rows typed just under the name still count, up to a blank row.
    while (lastRow + 1 < grid.cells.length && !isBlankRow(grid, lastRow + 1, 0, lastCol)) lastRow++;
    const columns: { col: number; unit: string }[] = [];
    for (let col = 1; col <= lastCol; col++) {
      const written = cellText(cellAt(grid, header, col));
      if (written === '') continue;
      const unit = this.resolve(written);
      if (unit) columns.push({ col, unit });
      else this.problem(at(grid.name, header, col), M.unknownKeyColumn(this.locale, { name: written, heading: KEYS_SECTION.heading }));
    }
    for (let row = header + 1; row <= lastRow; row++) {
      const name = cellText(cellAt(grid, row, 0));
      const parsed = columns.map((c) => ({ ...c, value: parseNumber(cellAt(grid, row, c.col)) }));
      if (name === '') {
        const typed = parsed.find((c) => c.value.kind !== 'blank');
        if (typed)
          this.problem(
            at(grid.name, row, 0),
            M.keyWithoutName(this.locale, { cell: sheetRef(grid.name, rangeToA1({ start: { row, col: typed.col }, end: { row, col: typed.col } })) }),
          );
        continue;
      }
      const where = at(grid.name, row, 0);
      if (this.keyNames.has(foldLabel(name))) {
        this.problem(where, M.duplicateKey(this.locale, { name, heading: KEYS_SECTION.heading }));
        continue;
      }
      this.keyNames.set(foldLabel(name), name);
      const bases: Record<string, number> = {};
      for (const c of parsed) {
        if (c.value.kind === 'invalid') this.problem(at(grid.name, row, c.col), M.notANumber(this.locale, { text: c.value.text }));
        else if (c.value.kind === 'number') {
          bases[c.unit] = (bases[c.unit] ?? 0) + c.value.value;
          this.origins.set(`keys.${name}.${c.unit}`, at(grid.name, row, c.col));
        }
      }
      keys[name] = bases;
      this.origins.set(`keys.${name}`, { sheet: grid.name, range: { start: { row, col: 0 }, end: { row, col: lastCol } } });
    }
    return keys;
  }

  /** A key named in a unit, credit or financing cell: `{ key }`, else null. */
  private keyRef(written: string): { key: string } | null {
    const name = this.keyNames.get(foldLabel(written));
    return name === undefined ? null : { key: name };
  }

  private resolve(name: string): string | null {
    return resolveUnit(name)?.key ?? this.otherUnits.get(foldLabel(name)) ?? null;
  }

  private unit(grid: SheetGrid, row: number, col: number, what: TemplateField): string | { key: string } {
    const written = cellText(cellAt(grid, row, col));
    const where = at(grid.name, row, col);
    if (written === '') {
      this.problem(where, M.missingValue(this.locale, { field: what }));
      return '';
    }
    const byKey = this.keyRef(written);
    if (byKey) return byKey;
    const key = this.resolve(written);
    if (!key) {
      this.problem(where, M.unknownUnit(this.locale, { name: written }));
      return written;
    }
    return key;
  }

  private shares(grid: SheetGrid, row: number, col: number): Record<string, number> | { key: string } | undefined {
    const byKey = this.keyRef(cellText(cellAt(grid, row, col)));
    if (byKey) return byKey;
    const parsed = parseShareKey(cellText(cellAt(grid, row, col)), (name) => this.resolve(name), this.locale);
    switch (parsed.kind) {
      case 'blank':
        return undefined;
      case 'invalid':
        this.problem(at(grid.name, row, col), parsed.message);
        return undefined;
      case 'shares': {
        // Checked here, where the cell is known, and worded as typed: in per cent.
        const outside = parsed.shares.find((s) => s.share < -SHARE_TOLERANCE || s.share > 1 + SHARE_TOLERANCE);
        const sum = parsed.shares.reduce((total, s) => total + s.share, 0);
        if (outside) this.problem(at(grid.name, row, col), M.shareOutside(this.locale, { unit: outside.unit, share: outside.share }));
        else if (Math.abs(sum - 1) > SHARE_TOLERANCE) this.problem(at(grid.name, row, col), M.sharesSum(this.locale, { sum }));
        else return Object.fromEntries(parsed.shares.map((s) => [s.unit, s.share]));
        return undefined;
      }
    }
  }

  private kind(grid: SheetGrid, row: number, col: number): 'anlæg' | 'service' {
    const written = cellText(cellAt(grid, row, col));
    const folded = foldLabel(written).replace('ae', 'æ');
    if (folded.startsWith('anl')) return 'anlæg';
    if (folded.startsWith('serv')) return 'service';
    this.problem(at(grid.name, row, col), written === '' ? M.missingKind(this.locale) : M.wrongKind(this.locale, { text: written }));
    return 'service';
  }

  /** The section's "Bevilling, profitcenter mv." column, found by its header right of the text columns; -1 when it has none. */
  private bevillingColumn(grid: SheetGrid, section: SectionSpec, rows: SectionRows): number {
    if (!section.bevilling) return -1;
    const header = grid.cells[rows.headerRow] ?? [];
    for (let col = rows.firstCol + 3; col < header.length; col++) {
      if (foldLabel(cellText(header[col])).startsWith(foldLabel('Bevilling'))) return col;
    }
    return -1;
  }

  private readSection(grid: SheetGrid, section: SectionSpec, rows: SectionRows, years: readonly { col: number }[]): void {
    const c = rows.firstCol;
    const bevillingCol = this.bevillingColumn(grid, section, rows);
    for (let row = rows.headerRow + 1; row <= rows.lastRow; row++) {
      const texts = [0, 1, 2].map((i) => cellText(cellAt(grid, row, c + i)));
      const bevilling = bevillingCol < 0 ? '' : cellText(cellAt(grid, row, bevillingCol)).trim();
      const parsed = years.map((y) => parseNumber(cellAt(grid, row, y.col)));
      const empty = texts.every((t) => t === '') && bevilling === '' && parsed.every((p) => p.kind === 'blank' || (p.kind === 'number' && p.value === 0));
      if (empty) continue;

      const amounts = parsed.map((p, i) => {
        if (p.kind === 'invalid') this.problem(at(grid.name, row, years[i].col), M.notANumber(this.locale, { text: p.text }));
        if (p.kind === 'number' && !withinAmountLimit(p.value)) {
          this.problem(at(grid.name, row, years[i].col), M.amountLimit(this.locale, { value: p.value }));
          return 0;
        }
        return p.kind === 'number' ? p.value : 0;
      });
      const label = texts[0] !== '' ? texts[0] : `${section.heading}, række ${row + 1}`;
      const own = bevilling === '' ? {} : { bevilling };
      let prefix: string;
      let fields: [string, number][];
      switch (section.key) {
        case 'effects': {
          const effect: Effect = { label, unit: this.unit(grid, row, c + 1, 'unit'), amounts, ...own };
          const credit = this.shares(grid, row, c + 2);
          if (credit) effect.credit = credit;
          prefix = `effects[${this.effects.push(effect) - 1}]`;
          fields = [
            ['unit', c + 1],
            ['credit', c + 2],
          ];
          break;
        }
        case 'operatingCosts': {
          const cost: OperatingCost = { label, unit: this.unit(grid, row, c + 1, 'unit'), amounts, ...own };
          const financing = this.shares(grid, row, c + 2);
          if (financing) cost.financing = financing;
          prefix = `operatingCosts[${this.operatingCosts.push(cost) - 1}]`;
          fields = [
            ['unit', c + 1],
            ['financing', c + 2],
          ];
          break;
        }
        case 'transfers': {
          const transfer: Transfer = { label, from: this.unit(grid, row, c + 1, 'fromUnit'), to: this.unit(grid, row, c + 2, 'toUnit'), amounts, ...own };
          prefix = `transfers[${this.transfers.push(transfer) - 1}]`;
          fields = [
            ['from', c + 1],
            ['to', c + 2],
          ];
          break;
        }
        case 'investments': {
          const investment: Investment = { label, kind: this.kind(grid, row, c + 1), unit: this.unit(grid, row, c + 2, 'unit'), amounts, ...own };
          prefix = `investments[${this.investments.push(investment) - 1}]`;
          fields = [
            ['kind', c + 1],
            ['unit', c + 2],
          ];
          break;
        }
        case 'memo': {
          const memo: Memo = { label, amounts, ...(texts[1] === '' ? {} : { styringsomraade: texts[1] }) };
          prefix = `memo[${this.memo.push(memo) - 1}]`;
          fields = [['styringsomraade', c + 1]];
          break;
        }
      }
      const lastCol = Math.max(c + 2, ...years.map((y) => y.col));
      this.origins.set(prefix, { sheet: grid.name, range: { start: { row, col: c }, end: { row, col: lastCol } } });
      this.origins.set(`${prefix}.label`, at(grid.name, row, c));
      for (const [field, col] of fields) this.origins.set(`${prefix}.${field}`, at(grid.name, row, col));
      if (bevillingCol >= 0) this.origins.set(`${prefix}.bevilling`, at(grid.name, row, bevillingCol));
      if (years.length > 0) {
        this.origins.set(`${prefix}.amounts`, {
          sheet: grid.name,
          range: { start: { row, col: years[0].col }, end: { row, col: years[years.length - 1].col } },
        });
      }
    }
  }

  /** The model's own checks (shares summing to 1, transfers between two units, …), located by cell. */
  private validate(proposal: ProposalInput): void {
    try {
      normalizeProposal(proposal, { locale: this.locale });
    } catch (error) {
      if (!(error instanceof ProposalValidationError)) throw error;
      // Problems of their own run in the same pass; what was reported at a place already is not repeated.
      for (const p of error.problems) {
        const where = this.locate(p.path);
        if (!this.reported(where)) this.problem(where, p.message);
      }
    }
  }

  private locate(path: string): Where {
    let best = '';
    for (const key of this.origins.keys()) {
      const covers = path === key || path.startsWith(`${key}.`) || path.startsWith(`${key}[`);
      if (covers && key.length > best.length) best = key;
    }
    return best === '' ? { sheet: INPUT_SHEET } : this.origins.get(best)!;
  }
}
