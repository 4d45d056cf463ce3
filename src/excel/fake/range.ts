/** The fake's ranges: values and formulas as Excel reads them, formats, merged areas. */
import { dateToSerial, rangeToA1, sheetRef, type CellRange } from '../../engine/cells';
import type * as Xl from '../api';
import { assertUnprotected, FakeExcelError, propertyNotLoaded } from './errors';
import { evaluateFormula, UnsupportedFormula, type FormulaHost } from './formula';
import { cellKey, parseCellKey, WorkbookModel, type CellModel, type Scalar, type SheetModel } from './model';
import { FakeObject, methodPath, propertyPath, unknownProperty } from './object';
import { ACTION_INSTANTIATE, ACTION_SET_PROPERTY, type PathHolder } from './wire';
import { FakeWorksheet } from './workbook';
import { checkedRange, findName } from './addresses';

export interface RangeTarget {
  sheet: SheetModel;
  range: CellRange;
}

export function rangeRows(t: RangeTarget): number {
  return t.range.end.row - t.range.start.row + 1;
}

export function rangeCols(t: RangeTarget): number {
  return t.range.end.col - t.range.start.col + 1;
}

function intersects(a: CellRange, b: CellRange): boolean {
  return a.start.row <= b.end.row && b.start.row <= a.end.row && a.start.col <= b.end.col && b.start.col <= a.end.col;
}

/** Whether `outer` holds all of `inner`. */
function contains(outer: CellRange, inner: CellRange): boolean {
  return outer.start.row <= inner.start.row && outer.start.col <= inner.start.col && outer.end.row >= inner.end.row && outer.end.col >= inner.end.col;
}

/** Office.js's tri-state for a range: true when every cell is in one of `areas`, false when none is, else null. */
function allOrNone(t: RangeTarget, areas: readonly CellRange[]): boolean | null {
  const mine = areas.filter((a) => intersects(a, t.range));
  if (mine.length === 0) return false;
  let inside = 0;
  for (let r = t.range.start.row; r <= t.range.end.row; r++) {
    for (let c = t.range.start.col; c <= t.range.end.col; c++) {
      if (mine.some((a) => r >= a.start.row && r <= a.end.row && c >= a.start.col && c <= a.end.col)) inside++;
    }
  }
  return inside === rangeRows(t) * rangeCols(t) ? true : null;
}

const DANISH_MONTHS = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/**
 * Excel's reading of a value written through `values`/`formulas`: as if typed, so `=…` is a
 * formula, a leading `'` makes text (and is dropped), and text that looks like a number, a
 * boolean or a date becomes one, also the Danish forms a Danish Excel recognises: `(1.144)` is
 * -1144, `SAND`/`FALSK` are booleans, `maj 2025` is 1 May 2025.
 */
function coerceInput(input: unknown): { value?: Scalar; formula?: string } {
  if (input === null || input === undefined || input === '') return {};
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input };
  // Excel reads any other input as the text it would show; the adapter sends strings.
  const text = typeof input === 'string' ? input : (JSON.stringify(input) ?? '');
  if (text.startsWith('=') && text.length > 1) return { formula: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  const trimmed = text.trim();
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) return { value: Number(trimmed) };
  const negative = /^\((\d{1,3}(?:\.\d{3})*|\d+)(?:,(\d+))?\)$/.exec(trimmed);
  if (negative) return { value: -Number(`${negative[1].replace(/\./g, '')}.${negative[2] ?? '0'}`) };
  if (/^(true|false|sand|falsk)$/i.test(trimmed)) return { value: /^(true|sand)$/i.test(trimmed) };
  const month = /^([a-zæøå]{3})[a-zæøå]*\.?\s+(\d{4})$/i.exec(trimmed);
  if (month && DANISH_MONTHS.includes(month[1].toLowerCase())) {
    return { value: dateToSerial(new Date(Date.UTC(Number(month[2]), DANISH_MONTHS.indexOf(month[1].toLowerCase()), 1))) };
  }
  return { value: text };
}

export class FakeRange extends FakeObject<RangeTarget> implements Xl.XlRange {
  private formatProxy?: FakeRangeFormat;

  get address(): string {
    return this.get('address');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get values(): Scalar[][] {
    return this.get('values');
  }
  set values(values: unknown[][]) {
    this.queueSet('values', values, (t) => this.writeCells(t, values));
  }
  get formulas(): Scalar[][] {
    return this.get('formulas');
  }
  set formulas(formulas: unknown[][]) {
    this.queueSet('formulas', formulas, (t) => this.writeCells(t, formulas));
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(formats: unknown[][]) {
    this.queueSet('numberFormat', formats, (t) =>
      this.eachInput(t, formats, (cell, input, r, c) => {
        cell.numberFormat = typeof input === 'string' && input !== 'General' ? input : undefined;
        // A cell with nothing left in it is no cell at all, as in Excel's file.
        if (cell.value === undefined && cell.formula === undefined && !cell.numberFormat && !cell.style && !cell.fileStyle && !cell.hyperlink)
          t.sheet.cells.delete(cellKey(r, c));
      }),
    );
  }
  /** ExcelApi 1.12: true when every cell is part of a spill, false when none is, null when some are. */
  get hasSpill(): boolean | null {
    return this.get('hasSpill');
  }
  /** ExcelApi 1.12: the same for cells saved as an array formula (a legacy array, or a spill's anchor). */
  get savedAsArray(): boolean | null {
    return this.get('savedAsArray');
  }
  get hyperlink(): Xl.XlRangeHyperlink {
    return this.get('hyperlink');
  }
  set hyperlink(link: Xl.XlRangeHyperlink) {
    this.queueSet('hyperlink', link, (t) => {
      this.assertEditable(t);
      for (let r = t.range.start.row; r <= t.range.end.row; r++) {
        for (let c = t.range.start.col; c <= t.range.end.col; c++) {
          const cell = this.ctx.model.editCell(t.sheet, r, c);
          cell.hyperlink = { ...link };
          if (link.textToDisplay !== undefined && cell.formula === undefined) cell.value = link.textToDisplay;
        }
      }
    });
  }

  get format(): FakeRangeFormat {
    return (this.formatProxy ??= new FakeRangeFormat(this));
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, propertyPath(this, 'worksheet'), () => this.live().sheet);
  }

  protected override exists(t: RangeTarget): boolean {
    return this.ctx.model.sheets.includes(t.sheet);
  }

  protected defaultProperties(): string[] {
    return ['address', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex', 'values', 'formulas', 'numberFormat'];
  }

  protected readProperty(name: string, t: RangeTarget): unknown {
    switch (name) {
      case 'address':
        return this.ctx.model.address(t.sheet, t.range);
      case 'rowCount':
        return rangeRows(t);
      case 'columnCount':
        return rangeCols(t);
      case 'rowIndex':
        return t.range.start.row;
      case 'columnIndex':
        return t.range.start.col;
      case 'values':
        this.assertLoadable(t);
        return this.grid(t, (cell, r, c) => (cell ? displayValue(this.ctx.model, t.sheet, r, c, new Set()) : ''));
      case 'formulas':
        this.assertLoadable(t);
        return this.grid(t, (cell) => cell?.formula ?? cell?.value ?? '');
      case 'numberFormat':
        this.assertLoadable(t);
        return this.grid(t, (cell) => cell?.numberFormat ?? 'General');
      case 'hasSpill':
        return allOrNone(t, t.sheet.spills);
      case 'savedAsArray':
        return allOrNone(t, [...t.sheet.arrays, ...t.sheet.spills.map((s) => ({ start: s.start, end: s.start }))]);
      case 'hyperlink': {
        const cell = this.ctx.model.cell(t.sheet, t.range.start.row, t.range.start.col);
        return { ...(cell?.hyperlink ?? {}) };
      }
      default:
        throw unknownProperty(name);
    }
  }

  protected override loadRequirement(names: readonly string[]): string | undefined {
    return names.includes('hasSpill') || names.includes('savedAsArray') ? '1.12' : this.requires;
  }

  private assertLoadable(t: RangeTarget): void {
    // Excel refuses to load the values of more than five million cells at once.
    if (rangeRows(t) * rangeCols(t) > 5_000_000) {
      throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', 'The range is too large to load its values at once.');
    }
  }

  private grid<V>(t: RangeTarget, read: (cell: CellModel | undefined, row: number, col: number) => V): V[][] {
    const rows: V[][] = [];
    for (let r = t.range.start.row; r <= t.range.end.row; r++) {
      const row: V[] = [];
      for (let c = t.range.start.col; c <= t.range.end.col; c++) row.push(read(this.ctx.model.cell(t.sheet, r, c), r, c));
      rows.push(row);
    }
    return rows;
  }

  /** Protected sheets refuse every edit. */
  private assertEditable(t: RangeTarget): void {
    assertUnprotected(t.sheet);
  }

  /** Calls `apply` for every cell with its input, broadcasting a single value as Excel does. */
  private eachInput(t: RangeTarget, inputs: unknown, apply: (cell: CellModel, input: unknown, row: number, col: number) => void): void {
    this.assertEditable(t);
    const rows = rangeRows(t);
    const cols = rangeCols(t);
    const isGrid = Array.isArray(inputs);
    if (isGrid) {
      const grid = inputs as unknown[][];
      if (grid.length !== rows || grid.some((row) => !Array.isArray(row) || row.length !== cols)) {
        throw new FakeExcelError(
          'InvalidArgument',
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (${rows}×${cols} expected)`,
        );
      }
    }
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const input = isGrid ? (inputs as unknown[][])[i][j] : inputs;
        const r = t.range.start.row + i;
        const c = t.range.start.col + j;
        apply(this.ctx.model.editCell(t.sheet, r, c), input, r, c);
      }
    }
  }

  /**
   * `values` and `formulas` take the same input in Excel: typed text, a number or a formula.
   * Part of a legacy array formula is refused whole ("You can't change part of an array"); a value
   * written into a dynamic array's spill is taken, and blocks the spill: its formula shows #SPILL!.
   */
  private writeCells(t: RangeTarget, inputs: unknown): void {
    const part = t.sheet.arrays.find((a) => intersects(a, t.range) && !contains(t.range, a));
    if (part) {
      throw new FakeExcelError('InvalidOperation', `You can't change part of an array. (${sheetRef(t.sheet.name, rangeToA1(part))})`);
    }
    const hidden = t.sheet.merges.filter((m) => intersects(m, t.range));
    this.eachInput(t, inputs, (cell, input, r, c) => {
      const coerced = coerceInput(input);
      const inHiddenPart = hidden.some(
        (m) => intersects(m, { start: { row: r, col: c }, end: { row: r, col: c } }) && !(m.start.row === r && m.start.col === c),
      );
      if (inHiddenPart && (coerced.value !== undefined || coerced.formula !== undefined)) {
        throw new FakeExcelError(
          'InvalidOperation',
          `Cannot change part of a merged cell. (${sheetRef(t.sheet.name, rangeToA1({ start: { row: r, col: c }, end: { row: r, col: c } }))})`,
        );
      }
      cell.value = coerced.value;
      cell.formula = coerced.formula;
      delete cell.spillBlocked;
      if (coerced.value === undefined && coerced.formula === undefined && !cell.numberFormat && !cell.style && !cell.fileStyle && !cell.hyperlink) {
        t.sheet.cells.delete(cellKey(r, c));
      }
    });
    // A whole array written over is an array no more.
    t.sheet.arrays = t.sheet.arrays.filter((a) => !intersects(a, t.range));
    this.blockSpills(t, inputs);
  }

  /** Spills the write lands in: over the anchor, the spill is gone; a value inside it blocks it. */
  private blockSpills(t: RangeTarget, inputs: unknown): void {
    const hit = t.sheet.spills.filter((s) => intersects(s, t.range));
    if (hit.length === 0) return;
    const nonEmpty = (r: number, c: number) => {
      const input = Array.isArray(inputs) ? (inputs as unknown[][])[r - t.range.start.row][c - t.range.start.col] : inputs;
      return input !== '' && input !== null && input !== undefined;
    };
    for (const spill of hit) {
      const anchorWritten = contains(t.range, { start: spill.start, end: spill.start });
      let blocked = false;
      for (let r = Math.max(spill.start.row, t.range.start.row); r <= Math.min(spill.end.row, t.range.end.row); r++) {
        for (let c = Math.max(spill.start.col, t.range.start.col); c <= Math.min(spill.end.col, t.range.end.col); c++) {
          if (nonEmpty(r, c)) blocked = true;
        }
      }
      if (!anchorWritten && !blocked) continue;
      // The spilled results go (the written cells keep what was written) …
      for (let r = spill.start.row; r <= spill.end.row; r++) {
        for (let c = spill.start.col; c <= spill.end.col; c++) {
          const isAnchor = r === spill.start.row && c === spill.start.col;
          if (isAnchor || contains(t.range, { start: { row: r, col: c }, end: { row: r, col: c } })) continue;
          const cell = this.ctx.model.cell(t.sheet, r, c);
          if (!cell) continue;
          cell.value = undefined;
          if (cell.formula === undefined && !cell.numberFormat && !cell.style && !cell.fileStyle && !cell.hyperlink) t.sheet.cells.delete(cellKey(r, c));
        }
      }
      // … and a formula still in the anchor shows #SPILL!.
      const anchor = this.ctx.model.cell(t.sheet, spill.start.row, spill.start.col);
      if (!anchorWritten && anchor?.formula) anchor.spillBlocked = true;
      t.sheet.spills = t.sheet.spills.filter((s) => s !== spill);
    }
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.ctx, methodPath(this, 'getCell', [row, column]), () => {
      const t = this.live();
      const range = checkedRange(t.range.start.row + row, t.range.start.col + column, 1, 1);
      return { sheet: t.sheet, range };
    });
  }

  /** ExcelApi 1.12: the anchor of the spill a single cell is part of, else a null object. */
  getSpillParentOrNullObject(): FakeRange {
    return new FakeRange(
      this.ctx,
      methodPath(this, 'getSpillParentOrNullObject'),
      () => {
        const t = this.live();
        const spill = rangeRows(t) === 1 && rangeCols(t) === 1 ? t.sheet.spills.find((s) => intersects(s, t.range)) : undefined;
        return spill ? { sheet: t.sheet, range: { start: spill.start, end: spill.start } } : null;
      },
      true,
      '1.12',
    );
  }

  /** ExcelApi 1.12: the whole spill when called on its anchor cell, else a null object. */
  getSpillingToRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.ctx,
      methodPath(this, 'getSpillingToRangeOrNullObject'),
      () => {
        const t = this.live();
        const spill = t.sheet.spills.find((s) => s.start.row === t.range.start.row && s.start.col === t.range.start.col);
        return spill && rangeRows(t) === 1 && rangeCols(t) === 1 ? { sheet: t.sheet, range: spill } : null;
      },
      true,
      '1.12',
    );
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(
      this.ctx,
      methodPath(this, 'getMergedAreasOrNullObject'),
      () => {
        const t = this.live();
        const merges = t.sheet.merges.filter((m) => intersects(m, t.range));
        return merges.length ? { sheet: t.sheet, ranges: merges } : null;
      },
      true,
      '1.13',
    );
  }

  merge(across = false): void {
    this.queueMethod('merge', [across], (t) => {
      this.assertEditable(t);
      const blocks = across
        ? Array.from({ length: rangeRows(t) }, (_, i) => ({
            start: { row: t.range.start.row + i, col: t.range.start.col },
            end: { row: t.range.start.row + i, col: t.range.end.col },
          }))
        : [t.range];
      for (const block of blocks) {
        t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, block));
        t.sheet.merges.push(block);
        for (const [key, cell] of t.sheet.cells) {
          const { row, col } = parseCellKey(key);
          const inside = row >= block.start.row && row <= block.end.row && col >= block.start.col && col <= block.end.col;
          if (inside && !(row === block.start.row && col === block.start.col)) {
            cell.value = undefined;
            cell.formula = undefined;
          }
        }
      }
    });
  }

  select(): void {
    this.queueMethod('select', [], (t) => this.ctx.model.select(t.sheet, t.range));
  }

  /** For the adapter's own arguments: this range's target inside an operation. */
  targetDuringSync(): RangeTarget {
    return this.live();
  }
}

/** The value Excel shows in a cell: a formula's result, else the stored value, '' when empty. */
export function cellDisplayValue(model: WorkbookModel, sheet: SheetModel, row: number, col: number): Scalar {
  return displayValue(model, sheet, row, col, new Set());
}

function displayValue(model: WorkbookModel, sheet: SheetModel, row: number, col: number, visiting: Set<string>): Scalar {
  const cell = model.cell(sheet, row, col);
  if (!cell) return '';
  if (cell.formula === undefined) return cell.value ?? '';
  if (cell.spillBlocked) return '#SPILL!';
  const key = `${sheet.id}:${row},${col}`;
  if (visiting.has(key)) return 0;
  visiting.add(key);
  try {
    const host: FormulaHost = {
      cellValue: (sheetName, r, c) => {
        const s = model.sheet(sheetName);
        return s ? displayValue(model, s, r, c, visiting) : null;
      },
      nameReference: (name, sheetName) => {
        const n = findName(model, name, model.sheet(sheetName) ?? null);
        return n ? n.formula.replace(/^=/, '') : null;
      },
    };
    return evaluateFormula(cell.formula, sheet.name, host);
  } catch (e) {
    if (e instanceof UnsupportedFormula) return cell.value ?? '#NAME?';
    throw e;
  } finally {
    visiting.delete(key);
  }
}

export class FakeRangeAreas extends FakeObject<{ sheet: SheetModel; ranges: CellRange[] }> implements Xl.XlRangeAreas {
  get address(): string {
    return this.get('address');
  }

  protected readProperty(name: string, t: { sheet: SheetModel; ranges: CellRange[] }): unknown {
    if (name === 'address') return t.ranges.map((r) => this.ctx.model.address(t.sheet, r)).join(', ');
    if (name === 'areaCount') return t.ranges.length;
    throw unknownProperty(name);
  }

  protected defaultProperties(): string[] {
    return ['address', 'areaCount'];
  }
}

/** `range.format`, `format.font`, `format.fill`: object paths of their own, as in Office.js. */
class FormatPart implements PathHolder {
  readonly pathId: number;

  constructor(
    private readonly range: FakeRange,
    parent: PathHolder,
    name: string,
  ) {
    this.pathId = range.ctx.newPath(propertyPath(parent, name));
    range.ctx.enqueue({ type: ACTION_INSTANTIATE, name: '', path: this.pathId }, () => undefined);
  }

  /** `part.name = value`, applied to every cell of the range at sync. */
  set(name: string, value: unknown, apply: (t: RangeTarget) => void): void {
    const range = this.range;
    range.ctx.enqueue({ type: ACTION_SET_PROPERTY, name: name.charAt(0).toUpperCase() + name.slice(1), path: this.pathId, args: [value] }, () => {
      apply(range.targetDuringSync());
    });
  }
}

/** Formats are written through; the fake keeps what the harness shows and the .xlsx keeps. */
export class FakeRangeFormat implements Xl.XlRangeFormat {
  private readonly part: FormatPart;
  private fontPart?: FormatPart;
  private fillPart?: FormatPart;

  constructor(private readonly range: FakeRange) {
    this.part = new FormatPart(range, range, 'format');
  }

  /** Sets a style property of every cell; a protected sheet refuses. */
  private style(part: FormatPart, name: string, value: unknown, apply: (style: NonNullable<CellModel['style']>) => void): void {
    part.set(name, value, (t) => {
      assertUnprotected(t.sheet);
      for (let r = t.range.start.row; r <= t.range.end.row; r++) {
        for (let c = t.range.start.col; c <= t.range.end.col; c++) apply((this.range.ctx.model.editCell(t.sheet, r, c).style ??= {}));
      }
    });
  }

  get columnWidth(): number {
    throw propertyNotLoaded('columnWidth');
  }
  set columnWidth(points: number) {
    this.part.set('columnWidth', points, (t) => {
      for (let c = t.range.start.col; c <= t.range.end.col; c++) t.sheet.columnWidths.set(c, points);
    });
  }
  get horizontalAlignment(): string {
    throw propertyNotLoaded('horizontalAlignment');
  }
  set horizontalAlignment(value: string) {
    this.style(this.part, 'horizontalAlignment', value, (style) => (style.horizontalAlignment = value));
  }
  get wrapText(): boolean {
    throw propertyNotLoaded('wrapText');
  }
  set wrapText(value: boolean) {
    this.style(this.part, 'wrapText', value, (style) => (style.wrapText = value));
  }

  get font(): Xl.XlRangeFont {
    const part = (this.fontPart ??= new FormatPart(this.range, this.part, 'font'));
    const set = (name: string, value: unknown, apply: (style: NonNullable<CellModel['style']>) => void) => this.style(part, name, value, apply);
    return {
      get bold(): boolean {
        throw propertyNotLoaded('bold');
      },
      set bold(v: boolean) {
        set('bold', v, (style) => (style.bold = v));
      },
      get italic(): boolean {
        throw propertyNotLoaded('italic');
      },
      set italic(v: boolean) {
        set('italic', v, (style) => (style.italic = v));
      },
      get color(): string {
        throw propertyNotLoaded('color');
      },
      set color(v: string) {
        set('color', v, (style) => (style.fontColor = v));
      },
      get size(): number {
        throw propertyNotLoaded('size');
      },
      set size(v: number) {
        set('size', v, (style) => (style.fontSize = v));
      },
    };
  }

  get fill(): Xl.XlRangeFill {
    const part = (this.fillPart ??= new FormatPart(this.range, this.part, 'fill'));
    const set = (v: string) => this.style(part, 'color', v, (style) => (style.fill = v));
    return {
      get color(): string {
        throw propertyNotLoaded('color');
      },
      set color(v: string) {
        set(v);
      },
    };
  }
}
