/**
 * An in-memory Excel JavaScript API: `Excel.run`, `RequestContext.sync` and the objects the
 * adapter uses, with Excel's semantics where they matter to an add-in:
 *
 * - every property write and method call is queued and runs only at `sync()`, in order; a
 *   failing operation rejects the sync and the operations after it do not run (those before did,
 *   as in Excel);
 * - reading a property that was not loaded and synced throws `PropertyNotLoaded`;
 * - objects of a finished `run` are dead (`InvalidObjectPath`), and an object of one context
 *   passed to another gives `InvalidRequestContext`;
 * - requirement sets are enforced (notes need ExcelApi 1.18, comments 1.10, merged areas 1.13);
 * - a request or response over the payload limit (5 MB, Excel on the web) is refused whole;
 * - protected sheets refuse edits, merged cells refuse writes to their hidden part.
 *
 * `FakeExcel` counts `sync()` calls, which is how tests prove the adapter's round trips.
 */
import { columnLetters, fromA1, rangeToA1, sheetRef, splitSheetAddress, type CellRange } from '../../engine/cells';
import type * as Xl from '../api';
import { FakeExcelError, propertyNotLoaded } from './errors';
import { evaluateFormula, UnsupportedFormula, type FormulaHost } from './formula';
import { cellKey, MAX_COLUMNS, MAX_ROWS, parseCellKey, WorkbookModel, type CellModel, type CommentModel, type CommentReplyModel, type NameModel, type Scalar, type SheetModel } from './model';

export interface FakeExcelOptions {
  /** Highest ExcelApi version the host supports: `1.18` (notes), `1.12` (comments), `1.7`. */
  apiVersion?: string;
  /** Limit of one request and of one response, in bytes (Excel on the web: 5 MB). */
  payloadLimitBytes?: number;
  /** Author of the notes and comments the add-in writes. */
  userName?: string;
}

/** One round trip, as the host saw it. */
export interface SyncRecord {
  operations: number;
  requestBytes: number;
  responseBytes: number;
}

export const EXCEL_WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function jsonSize(value: unknown): number {
  if (value === undefined) return 0;
  return JSON.stringify(value)?.length ?? 0;
}

/** The host: `run` like `Excel.run`, `isSetSupported` like `Office.context.requirements`. */
export class FakeExcel implements Xl.ExcelHost {
  readonly syncs: SyncRecord[] = [];
  readonly apiVersion: string;
  readonly payloadLimitBytes: number;
  readonly userName: string;
  private readonly listeners = new Set<() => void>();

  constructor(
    private currentModel: WorkbookModel = WorkbookModel.blank(),
    options: FakeExcelOptions = {},
  ) {
    this.apiVersion = options.apiVersion ?? '1.18';
    this.payloadLimitBytes = options.payloadLimitBytes ?? EXCEL_WEB_PAYLOAD_LIMIT;
    this.userName = options.userName ?? 'Teknisk beregningsark';
  }

  get model(): WorkbookModel {
    return this.currentModel;
  }

  /** Opens another workbook, as the harness does when a file is chosen. */
  open(model: WorkbookModel): void {
    this.currentModel = model;
    this.notify();
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  resetCounters(): void {
    this.syncs.length = 0;
  }

  isSetSupported(name: string, minVersion: string): boolean {
    if (name !== 'ExcelApi') return false;
    return compareVersions(this.apiVersion, minVersion) >= 0;
  }

  async run<T>(batch: (context: Xl.XlRequestContext) => Promise<T>): Promise<T> {
    const context = new FakeContext(this);
    try {
      const result = await batch(context);
      // Excel.run sends what is still queued when the batch returns.
      if (context.hasPending) await context.sync();
      return result;
    } finally {
      context.close();
    }
  }

  /** Called after every executed batch; the harness re-renders on it. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    for (const listener of this.listeners) listener();
  }

  record(sync: SyncRecord): void {
    this.syncs.push(sync);
  }
}

interface Operation {
  requestBytes: number;
  requires?: string;
  /** Runs against the model; returns the bytes it adds to the response. */
  run(): number;
}

export class FakeContext implements Xl.XlRequestContext {
  readonly workbook: FakeWorkbook;
  private queue: Operation[] = [];
  private open = true;

  constructor(readonly host: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  get model(): WorkbookModel {
    return this.host.model;
  }

  get hasPending(): boolean {
    return this.queue.length > 0;
  }

  close(): void {
    this.open = false;
    this.queue = [];
  }

  assertOpen(): void {
    if (!this.open) {
      throw new FakeExcelError(
        'InvalidObjectPath',
        'The object path isn\'t working for what you\'re trying to do. The object belongs to an Excel.run batch that has finished.',
      );
    }
  }

  /** Checks that an API object passed as an argument belongs to this context. */
  own<T extends FakeObject<unknown>>(object: T): T {
    if (object.ctx !== this) throw new FakeExcelError('InvalidRequestContext', 'Cannot use the object across different request contexts.');
    return object;
  }

  enqueue(requestBytes: number, run: () => number, requires?: string): void {
    this.assertOpen();
    this.queue.push({ requestBytes, run, requires });
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    this.assertOpen();
    const operations = this.queue;
    this.queue = [];
    const requestBytes = operations.reduce((sum, op) => sum + op.requestBytes, 0);
    const record: SyncRecord = { operations: operations.length, requestBytes, responseBytes: 0 };
    this.host.record(record);
    // A round trip: the batch runs after the caller's synchronous code, like a real request.
    await Promise.resolve();
    if (requestBytes > this.host.payloadLimitBytes) {
      throw new FakeExcelError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${requestBytes} bytes).`);
    }
    try {
      for (const op of operations) {
        if (op.requires && !this.host.isSetSupported('ExcelApi', op.requires)) {
          throw new FakeExcelError('ApiNotFound', `The API you are trying to use could not be found. It needs ExcelApi ${op.requires}.`);
        }
        record.responseBytes += op.run();
      }
    } finally {
      this.host.notify();
    }
    if (record.responseBytes > this.host.payloadLimitBytes) {
      throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${record.responseBytes} bytes).`);
    }
    return passThroughValue as T;
  }
}

type Resolver<T> = () => T | null;

function parseProperties(names: string | string[] | undefined): string[] | null {
  if (names === undefined) return null;
  const list = Array.isArray(names) ? names : names.split(',');
  return list.map((n) => n.trim()).filter((n) => n !== '');
}

function unknownProperty(name: string): FakeExcelError {
  return new FakeExcelError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (property "${name}")`);
}

/** Base of every API object: resolution at sync time, loaded properties, queued writes. */
export abstract class FakeObject<T> {
  protected target: T | null | undefined = undefined;
  private readonly loaded = new Map<string, unknown>();
  private resolved = false;

  constructor(
    readonly ctx: FakeContext,
    resolver: Resolver<T> | { resolved: T },
    private readonly nullable = false,
    protected readonly requires?: string,
  ) {
    if (typeof resolver === 'function') {
      ctx.enqueue(
        40,
        () => {
          const t = resolver();
          if (t === null && !nullable) throw this.notFound();
          this.target = t;
          this.resolved = true;
          return 0;
        },
        requires,
      );
    } else {
      this.target = resolver.resolved;
      this.resolved = true;
    }
  }

  get isNullObject(): boolean {
    if (!this.resolved) throw propertyNotLoaded('isNullObject');
    return this.target === null;
  }

  /** The model object inside an operation; a null object refuses writes. */
  live(): T {
    if (this.target === undefined) throw new Error('fake Excel: object used before it was resolved');
    if (this.target === null || !this.exists(this.target)) throw this.notFound();
    return this.target;
  }

  /** The model object or null (for a null object), inside an operation. */
  liveOrNull(): T | null {
    if (this.target === null) return null;
    return this.live();
  }

  protected exists(_target: T): boolean {
    return true;
  }

  protected notFound(): FakeExcelError {
    return new FakeExcelError('ItemNotFound', `The requested resource doesn't exist. (${this.constructor.name.replace(/^Fake/, '')})`);
  }

  protected abstract readProperty(name: string, target: T): unknown;
  protected abstract defaultProperties(): string[];

  load(propertyNames?: string | string[]): this {
    const names = parseProperties(propertyNames) ?? this.defaultProperties();
    this.ctx.enqueue(20 + names.join(',').length, () => (this.target === null ? 0 : this.loadDuringSync(names)), this.requires);
    return this;
  }

  /** Loads properties while a batch executes (collections load their items this way). */
  loadDuringSync(names: readonly string[]): number {
    const target = this.live();
    let bytes = 0;
    for (const name of names) {
      const value = this.readProperty(name, target);
      this.loaded.set(name, value);
      bytes += name.length + jsonSize(value);
    }
    return bytes;
  }

  protected get<V>(name: string): V {
    if (!this.loaded.has(name)) throw propertyNotLoaded(name);
    return this.loaded.get(name) as V;
  }

  protected queueWrite(value: unknown, apply: (target: T) => void): void {
    this.ctx.enqueue(
      40 + jsonSize(value),
      () => {
        apply(this.live());
        return 0;
      },
      this.requires,
    );
  }
}

/** A collection: `items` after load, items created already resolved. */
abstract class FakeCollection<M, I extends FakeObject<M>> {
  private loadedItems: I[] | null = null;

  constructor(
    readonly ctx: FakeContext,
    protected readonly requires?: string,
  ) {}

  get items(): I[] {
    if (!this.loadedItems) throw propertyNotLoaded('items');
    return this.loadedItems;
  }

  protected abstract list(): M[];
  protected abstract wrap(model: M): I;

  load(propertyNames?: string | string[]): this {
    const names = (parseProperties(propertyNames) ?? []).map((n) => n.replace(/^items\//, '')).filter((n) => n !== 'items');
    this.ctx.enqueue(
      20 + names.join(',').length,
      () => {
        const models = this.list();
        let bytes = 0;
        this.loadedItems = models.map((m) => {
          const item = this.wrap(m);
          bytes += item.loadDuringSync(names.length ? names : this.defaultItemProperties());
          return item;
        });
        return bytes;
      },
      this.requires,
    );
    return this;
  }

  protected abstract defaultItemProperties(): string[];
}

// ---- workbook ----

export class FakeWorkbook implements Xl.XlWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly notes: FakeNoteCollection;
  readonly comments: FakeCommentCollection;
  readonly protection: FakeProtection;

  constructor(readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx, null);
    this.notes = new FakeNoteCollection(ctx, null);
    this.comments = new FakeCommentCollection(ctx, null);
    this.protection = new FakeProtection(ctx, { resolved: { workbook: true } });
  }

  getSelectedRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.ctx.model.activeSheet;
      return { sheet, range: sheet.selection };
    });
  }
}

type ProtectionTarget = { workbook: true } | { sheet: FakeWorksheet };

export class FakeProtection extends FakeObject<ProtectionTarget> implements Xl.XlProtection {
  get protected(): boolean {
    return this.get('protected');
  }

  protected readProperty(name: string, target: ProtectionTarget): unknown {
    if (name !== 'protected') throw unknownProperty(name);
    return 'workbook' in target ? this.ctx.model.structureProtected : target.sheet.live().protected;
  }

  protected defaultProperties(): string[] {
    return ['protected'];
  }
}

// ---- worksheets ----

export class FakeWorksheetCollection extends FakeCollection<SheetModel, FakeWorksheet> implements Xl.XlWorksheetCollection {
  protected list(): SheetModel[] {
    return this.ctx.model.sheets.slice();
  }

  protected wrap(model: SheetModel): FakeWorksheet {
    return new FakeWorksheet(this.ctx, { resolved: model });
  }

  protected defaultItemProperties(): string[] {
    return ['name', 'id', 'position', 'visibility'];
  }

  add(name?: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const model = this.ctx.model;
      if (model.structureProtected) throw new FakeExcelError('AccessDenied', 'The workbook structure is protected.');
      let sheetName = name;
      for (let n = model.sheets.length + 1; !sheetName; n++) if (!model.sheet(`Ark${n}`)) sheetName = `Ark${n}`;
      return model.addSheet(sheetName);
    });
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.find(key));
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.find(key), true);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.model.activeSheet);
  }

  private find(key: string): SheetModel | null {
    const model = this.ctx.model;
    return model.sheet(key) ?? model.sheetById(key) ?? null;
  }
}

export class FakeWorksheet extends FakeObject<SheetModel> implements Xl.XlWorksheet {
  private children: { protection?: FakeProtection; names?: FakeNamedItemCollection; notes?: FakeNoteCollection; comments?: FakeCommentCollection } = {};

  get name(): string {
    return this.get('name');
  }

  set name(value: string) {
    this.queueWrite(value, (sheet) => {
      if (this.ctx.model.structureProtected) throw new FakeExcelError('AccessDenied', 'The workbook structure is protected.');
      this.ctx.model.renameSheet(sheet, value);
    });
  }

  get visibility(): string {
    return this.get('visibility');
  }

  set visibility(value: string) {
    this.queueWrite(value, (sheet) => {
      if (value !== 'Visible' && value !== 'Hidden' && value !== 'VeryHidden') throw unknownProperty(`visibility=${value}`);
      sheet.visibility = value;
    });
  }

  get position(): number {
    return this.get('position');
  }

  set position(value: number) {
    this.queueWrite(value, (sheet) => {
      const sheets = this.ctx.model.sheets;
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(Math.max(0, Math.min(value, sheets.length)), 0, sheet);
    });
  }

  get id(): string {
    return this.get('id');
  }

  get protection(): FakeProtection {
    return (this.children.protection ??= new FakeProtection(this.ctx, { resolved: { sheet: this } }));
  }

  get names(): FakeNamedItemCollection {
    return (this.children.names ??= new FakeNamedItemCollection(this.ctx, this));
  }

  get notes(): FakeNoteCollection {
    return (this.children.notes ??= new FakeNoteCollection(this.ctx, this));
  }

  get comments(): FakeCommentCollection {
    return (this.children.comments ??= new FakeCommentCollection(this.ctx, this));
  }

  get freezePanes(): Xl.XlFreezePanes {
    return {
      freezeRows: (count = 1) => this.queueWrite(count, (sheet) => (sheet.frozenRows = count)),
    };
  }

  protected override exists(sheet: SheetModel): boolean {
    return this.ctx.model.sheets.includes(sheet);
  }

  protected readProperty(name: string, sheet: SheetModel): unknown {
    switch (name) {
      case 'name':
        return sheet.name;
      case 'id':
        return sheet.id;
      case 'visibility':
        return sheet.visibility;
      case 'position':
        return this.ctx.model.sheets.indexOf(sheet);
      default:
        throw unknownProperty(name);
    }
  }

  protected defaultProperties(): string[] {
    return ['name', 'id', 'position', 'visibility'];
  }

  activate(): void {
    this.queueWrite(null, (sheet) => this.ctx.model.activate(sheet));
  }

  delete(): void {
    this.queueWrite(null, (sheet) => {
      if (this.ctx.model.structureProtected) throw new FakeExcelError('AccessDenied', 'The workbook structure is protected.');
      this.ctx.model.deleteSheet(sheet);
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const sheet = this.liveOrNull();
        if (!sheet) return null;
        return { sheet, range: checkedRange(startRow, startColumn, rowCount, columnCount) };
      },
      this.target === null,
    );
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.live();
      if (address === undefined) return { sheet, range: { start: { row: 0, col: 0 }, end: { row: MAX_ROWS - 1, col: MAX_COLUMNS - 1 } } };
      return { sheet, range: resolveAddress(this.ctx.model, sheet, address) };
    });
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.live();
      return { sheet, range: this.ctx.model.usedRange(sheet, valuesOnly) ?? { start: { row: 0, col: 0 }, end: { row: 0, col: 0 } } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const sheet = this.liveOrNull();
        if (!sheet) return null;
        const range = this.ctx.model.usedRange(sheet, valuesOnly);
        return range ? { sheet, range } : null;
      },
      true,
    );
  }
}

function checkedRange(row: number, col: number, rows: number, cols: number): CellRange {
  if (!(row >= 0 && col >= 0 && rows >= 1 && cols >= 1 && row + rows <= MAX_ROWS && col + cols <= MAX_COLUMNS)) {
    throw new FakeExcelError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (range ${row},${col} ${rows}×${cols})`);
  }
  return { start: { row, col }, end: { row: row + rows - 1, col: col + cols - 1 } };
}

/** A1, A1:B2, Sheet!A1 (for this sheet) or a defined name. */
function resolveAddress(model: WorkbookModel, sheet: SheetModel, address: string): CellRange {
  const { sheet: named, address: local } = splitSheetAddress(address.replace(/^=/, ''));
  if (named !== null && named.toLowerCase() !== sheet.name.toLowerCase()) {
    throw new FakeExcelError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (address "${address}" is not on "${sheet.name}")`);
  }
  const parsed = parseA1Range(local);
  if (parsed) return parsed;
  const name = findName(model, local, sheet);
  const target = name ? nameTarget(model, name) : null;
  if (target && target.sheet === sheet) return target.range;
  throw new FakeExcelError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (address "${address}")`);
}

function parseA1Range(text: string): CellRange | null {
  if (!/^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/.test(text)) return null;
  const [a, b] = text.split(':');
  const start = fromA1(a);
  const end = b ? fromA1(b) : start;
  const range = {
    start: { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col) },
    end: { row: Math.max(start.row, end.row), col: Math.max(start.col, end.col) },
  };
  if (range.end.row >= MAX_ROWS || range.end.col >= MAX_COLUMNS) return null;
  return range;
}

/** `$C$5:$H$17` */
export function absoluteA1(range: CellRange): string {
  const cell = (r: number, c: number) => `$${columnLetters(c)}$${r + 1}`;
  const a = cell(range.start.row, range.start.col);
  const b = cell(range.end.row, range.end.col);
  return a === b ? a : `${a}:${b}`;
}

function findName(model: WorkbookModel, name: string, sheet: SheetModel | null): NameModel | undefined {
  const wanted = name.toLowerCase();
  return (
    (sheet ? model.names.find((n) => n.scope === sheet.id && n.name.toLowerCase() === wanted) : undefined) ??
    model.names.find((n) => n.scope === null && n.name.toLowerCase() === wanted)
  );
}

/** The range a name refers to, or null for a constant or a broken reference. */
export function nameTarget(model: WorkbookModel, name: NameModel): { sheet: SheetModel; range: CellRange } | null {
  const { sheet: sheetName, address } = splitSheetAddress(name.formula.replace(/^=/, ''));
  if (sheetName === null) return null;
  const sheet = model.sheet(sheetName);
  const range = parseA1Range(address);
  return sheet && range ? { sheet, range } : null;
}

// ---- ranges ----

interface RangeTarget {
  sheet: SheetModel;
  range: CellRange;
}

function rangeRows(t: RangeTarget): number {
  return t.range.end.row - t.range.start.row + 1;
}

function rangeCols(t: RangeTarget): number {
  return t.range.end.col - t.range.start.col + 1;
}

function intersects(a: CellRange, b: CellRange): boolean {
  return a.start.row <= b.end.row && b.start.row <= a.end.row && a.start.col <= b.end.col && b.start.col <= a.end.col;
}

/** Excel's reading of a typed value: `=…` a formula, `'…` text, number-like text a number. */
function coerceInput(input: unknown): { value?: Scalar; formula?: string } {
  if (input === null || input === undefined || input === '') return {};
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input };
  const text = String(input);
  if (text.startsWith('=') && text.length > 1) return { formula: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text.trim())) return { value: Number(text) };
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === 'true' };
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
    this.queueWrite(values, (t) => this.writeCells(t, values));
  }
  get formulas(): Scalar[][] {
    return this.get('formulas');
  }
  set formulas(formulas: unknown[][]) {
    this.queueWrite(formulas, (t) => this.writeCells(t, formulas));
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(formats: unknown[][]) {
    this.queueWrite(formats, (t) =>
      this.eachInput(t, formats, (cell, input) => {
        cell.numberFormat = input === null || input === undefined || input === 'General' ? undefined : String(input);
      }),
    );
  }
  get hyperlink(): Xl.XlRangeHyperlink {
    return this.get('hyperlink');
  }
  set hyperlink(link: Xl.XlRangeHyperlink) {
    this.queueWrite(link, (t) => {
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
    return new FakeWorksheet(this.ctx, () => this.live().sheet);
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
      case 'hyperlink': {
        const cell = this.ctx.model.cell(t.sheet, t.range.start.row, t.range.start.col);
        return { ...(cell?.hyperlink ?? {}) };
      }
      default:
        throw unknownProperty(name);
    }
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
    if (t.sheet.protected) {
      throw new FakeExcelError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet. ("${t.sheet.name}")`);
    }
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

  /** `values` and `formulas` take the same input in Excel: typed text, a number or a formula. */
  private writeCells(t: RangeTarget, inputs: unknown): void {
    const hidden = t.sheet.merges.filter((m) => intersects(m, t.range));
    this.eachInput(t, inputs, (cell, input, r, c) => {
      const coerced = coerceInput(input);
      const inHiddenPart = hidden.some((m) => intersects(m, { start: { row: r, col: c }, end: { row: r, col: c } }) && !(m.start.row === r && m.start.col === c));
      if (inHiddenPart && (coerced.value !== undefined || coerced.formula !== undefined)) {
        throw new FakeExcelError('InvalidOperation', `Cannot change part of a merged cell. (${sheetRef(t.sheet.name, rangeToA1({ start: { row: r, col: c }, end: { row: r, col: c } }))})`);
      }
      cell.value = coerced.value;
      cell.formula = coerced.formula;
      if (coerced.value === undefined && coerced.formula === undefined && !cell.numberFormat && !cell.style && !cell.fileStyle && !cell.hyperlink) {
        t.sheet.cells.delete(cellKey(r, c));
      }
    });
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.live();
      const range = checkedRange(t.range.start.row + row, t.range.start.col + column, 1, 1);
      return { sheet: t.sheet, range };
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(
      this.ctx,
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
    this.queueWrite(across, (t) => {
      this.assertEditable(t);
      const blocks = across
        ? Array.from({ length: rangeRows(t) }, (_, i) => ({ start: { row: t.range.start.row + i, col: t.range.start.col }, end: { row: t.range.start.row + i, col: t.range.end.col } }))
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
    this.queueWrite(null, (t) => this.ctx.model.select(t.sheet, t.range));
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

/** Formats are written through; the fake keeps what the harness shows and the .xlsx keeps. */
export class FakeRangeFormat implements Xl.XlRangeFormat {
  constructor(private readonly range: FakeRange) {}

  private style(value: unknown, apply: (cell: CellModel) => void): void {
    const range = this.range;
    range.ctx.enqueue(40 + jsonSize(value), () => {
      const t = range.targetDuringSync();
      if (t.sheet.protected) throw new FakeExcelError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet. ("${t.sheet.name}")`);
      for (let r = t.range.start.row; r <= t.range.end.row; r++) {
        for (let c = t.range.start.col; c <= t.range.end.col; c++) apply(range.ctx.model.editCell(t.sheet, r, c));
      }
      return 0;
    });
  }

  private styleOf(cell: CellModel) {
    return (cell.style ??= {});
  }

  get columnWidth(): number {
    throw propertyNotLoaded('columnWidth');
  }
  set columnWidth(points: number) {
    const range = this.range;
    range.ctx.enqueue(48, () => {
      const t = range.targetDuringSync();
      for (let c = t.range.start.col; c <= t.range.end.col; c++) t.sheet.columnWidths.set(c, points);
      return 0;
    });
  }
  get horizontalAlignment(): string {
    throw propertyNotLoaded('horizontalAlignment');
  }
  set horizontalAlignment(value: string) {
    this.style(value, (cell) => (this.styleOf(cell).horizontalAlignment = value));
  }
  get wrapText(): boolean {
    throw propertyNotLoaded('wrapText');
  }
  set wrapText(value: boolean) {
    this.style(value, (cell) => (this.styleOf(cell).wrapText = value));
  }

  get font(): Xl.XlRangeFont {
    const set = (apply: (cell: CellModel) => void, value: unknown) => this.style(value, apply);
    const styleOf = (cell: CellModel) => this.styleOf(cell);
    return {
      get bold(): boolean {
        throw propertyNotLoaded('bold');
      },
      set bold(v: boolean) {
        set((cell) => (styleOf(cell).bold = v), v);
      },
      get italic(): boolean {
        throw propertyNotLoaded('italic');
      },
      set italic(v: boolean) {
        set((cell) => (styleOf(cell).italic = v), v);
      },
      get color(): string {
        throw propertyNotLoaded('color');
      },
      set color(v: string) {
        set((cell) => (styleOf(cell).fontColor = v), v);
      },
      get size(): number {
        throw propertyNotLoaded('size');
      },
      set size(v: number) {
        set((cell) => (styleOf(cell).fontSize = v), v);
      },
    };
  }

  get fill(): Xl.XlRangeFill {
    const set = (v: string) => this.style(v, (cell) => (this.styleOf(cell).fill = v));
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

// ---- names ----

export class FakeNamedItemCollection extends FakeCollection<NameModel, FakeNamedItem> implements Xl.XlNamedItemCollection {
  constructor(
    ctx: FakeContext,
    private readonly scope: FakeWorksheet | null,
  ) {
    super(ctx);
  }

  private scopeId(): string | null {
    return this.scope ? this.scope.live().id : null;
  }

  protected list(): NameModel[] {
    const id = this.scopeId();
    return this.ctx.model.names.filter((n) => n.scope === id);
  }

  protected wrap(model: NameModel): FakeNamedItem {
    return new FakeNamedItem(this.ctx, { resolved: model });
  }

  protected defaultItemProperties(): string[] {
    return ['name', 'type', 'formula', 'visible'];
  }

  add(name: string, reference: Xl.XlRange | string, comment?: string): FakeNamedItem {
    const range = typeof reference === 'string' ? null : this.ctx.own(reference as FakeRange);
    return new FakeNamedItem(this.ctx, () => {
      const model = this.ctx.model;
      const scope = this.scopeId();
      if (!/^[A-Za-z_\\\u00C0-\u024F][\w.\u00C0-\u024F]*$/.test(name) || parseA1Range(name) || /^[rRcC]$/.test(name)) {
        throw new FakeExcelError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (name "${name}")`);
      }
      if (model.names.some((n) => n.scope === scope && n.name.toLowerCase() === name.toLowerCase())) {
        throw new FakeExcelError('ItemAlreadyExists', `The resource already exists. (name "${name}")`);
      }
      let formula: string;
      if (range) {
        const t = range.targetDuringSync();
        formula = `=${sheetRef(t.sheet.name, absoluteA1(t.range))}`;
      } else {
        formula = String(reference).startsWith('=') ? String(reference) : `=${reference}`;
      }
      const item: NameModel = { name, scope, formula, visible: true, comment };
      model.names.push(item);
      return item;
    });
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => this.find(name));
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => this.find(name), true);
  }

  private find(name: string): NameModel | null {
    const id = this.scopeId();
    return this.ctx.model.names.find((n) => n.scope === id && n.name.toLowerCase() === name.toLowerCase()) ?? null;
  }
}

export class FakeNamedItem extends FakeObject<NameModel> implements Xl.XlNamedItem {
  get name(): string {
    return this.get('name');
  }
  get type(): string {
    return this.get('type');
  }
  get formula(): string {
    return this.get('formula');
  }
  set formula(value: string) {
    this.queueWrite(value, (n) => (n.formula = value.startsWith('=') ? value : `=${value}`));
  }
  get visible(): boolean {
    return this.get('visible');
  }
  set visible(value: boolean) {
    this.queueWrite(value, (n) => (n.visible = value));
  }

  protected override exists(n: NameModel): boolean {
    return this.ctx.model.names.includes(n);
  }

  protected readProperty(name: string, n: NameModel): unknown {
    switch (name) {
      case 'name':
        return n.name;
      case 'formula':
        return n.formula;
      case 'visible':
        return n.visible;
      case 'comment':
        return n.comment ?? '';
      case 'type': {
        const body = n.formula.replace(/^=/, '');
        if (nameTarget(this.ctx.model, n)) return 'Range';
        if (body.startsWith('#')) return 'Error';
        if (/^(TRUE|FALSE)$/i.test(body)) return 'Boolean';
        if (/^[-+]?\d+$/.test(body)) return 'Integer';
        if (!Number.isNaN(Number(body))) return 'Double';
        return 'String';
      }
      case 'value': {
        const target = nameTarget(this.ctx.model, n);
        return target ? this.ctx.model.address(target.sheet, target.range) : n.formula.replace(/^=/, '');
      }
      default:
        throw unknownProperty(name);
    }
  }

  protected defaultProperties(): string[] {
    return ['name', 'type', 'formula', 'visible', 'comment', 'value'];
  }

  delete(): void {
    this.queueWrite(null, (n) => {
      const names = this.ctx.model.names;
      names.splice(names.indexOf(n), 1);
    });
  }

  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const target = nameTarget(this.ctx.model, this.live());
      if (!target) throw new FakeExcelError('InvalidOperation', 'The named item does not refer to a range.');
      return target;
    });
  }

  getRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const n = this.liveOrNull();
        return n ? nameTarget(this.ctx.model, n) : null;
      },
      true,
    );
  }
}

// ---- notes (ExcelApi 1.18) ----

interface CellTarget {
  sheet: SheetModel;
  /** A1 of the cell. */
  key: string;
}

/** A cell address for a note or comment: a one-cell range of this context, or `A1` / `Sheet!A1`. */
function cellTarget(ctx: FakeContext, scope: FakeWorksheet | null, address: Xl.XlRange | string): CellTarget {
  if (typeof address !== 'string') {
    const t = ctx.own(address as FakeRange).targetDuringSync();
    if (rangeRows(t) !== 1 || rangeCols(t) !== 1) throw new FakeExcelError('InvalidArgument', 'InvalidCellAddress: the range is not a single cell.');
    return { sheet: t.sheet, key: rangeToA1(t.range) };
  }
  const { sheet: sheetName, address: local } = splitSheetAddress(address);
  const sheet = sheetName !== null ? ctx.model.sheet(sheetName) : scope ? scope.live() : null;
  const range = parseA1Range(local);
  if (!sheet || !range || (scope && sheet !== scope.live()) || range.start.row !== range.end.row || range.start.col !== range.end.col) {
    throw new FakeExcelError('InvalidArgument', `InvalidCellAddress: "${address}"`);
  }
  return { sheet, key: rangeToA1(range) };
}

function sortedKeys<V>(map: Map<string, V>): string[] {
  return [...map.keys()].sort((a, b) => {
    const pa = fromA1(a);
    const pb = fromA1(b);
    return pa.row - pb.row || pa.col - pb.col;
  });
}

export class FakeNoteCollection extends FakeCollection<CellTarget, FakeNote> implements Xl.XlNoteCollection {
  constructor(
    ctx: FakeContext,
    private readonly scope: FakeWorksheet | null,
  ) {
    super(ctx, '1.18');
  }

  protected list(): CellTarget[] {
    const sheets = this.scope ? [this.scope.live()] : this.ctx.model.sheets;
    return sheets.flatMap((sheet) => sortedKeys(sheet.notes).map((key) => ({ sheet, key })));
  }

  protected wrap(model: CellTarget): FakeNote {
    return new FakeNote(this.ctx, { resolved: model }, false, '1.18');
  }

  protected defaultItemProperties(): string[] {
    return ['content', 'authorName'];
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  add(cellAddress: Xl.XlRange | string, content: any): FakeNote {
    return new FakeNote(
      this.ctx,
      () => {
        const target = cellTarget(this.ctx, this.scope, cellAddress);
        if (target.sheet.protected) throw new FakeExcelError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet. ("${target.sheet.name}")`);
        if (target.sheet.notes.has(target.key)) throw new FakeExcelError('InvalidOperation', `The cell ${target.key} already has a note.`);
        if (target.sheet.comments.has(target.key)) throw new FakeExcelError('InvalidOperation', `The cell ${target.key} has a threaded comment; a cell holds either a note or a comment.`);
        target.sheet.notes.set(target.key, { content: String(content), author: this.ctx.host.userName });
        return target;
      },
      false,
      '1.18',
    );
  }

  getItem(key: string): FakeNote {
    return new FakeNote(this.ctx, () => this.find(key), false, '1.18');
  }

  getItemOrNullObject(key: string): FakeNote {
    return new FakeNote(this.ctx, () => this.find(key), true, '1.18');
  }

  private find(key: string): CellTarget | null {
    const target = cellTarget(this.ctx, this.scope, key);
    return target.sheet.notes.has(target.key) ? target : null;
  }
}

export class FakeNote extends FakeObject<CellTarget> implements Xl.XlNote {
  get authorName(): string {
    return this.get('authorName');
  }
  get content(): string {
    return this.get('content');
  }
  set content(value: string) {
    this.queueWrite(value, (t) => {
      if (t.sheet.protected) throw new FakeExcelError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet. ("${t.sheet.name}")`);
      t.sheet.notes.get(t.key)!.content = value;
    });
  }

  protected override exists(t: CellTarget): boolean {
    return this.ctx.model.sheets.includes(t.sheet) && t.sheet.notes.has(t.key);
  }

  protected readProperty(name: string, t: CellTarget): unknown {
    const note = t.sheet.notes.get(t.key)!;
    if (name === 'content') return note.content;
    if (name === 'authorName') return note.author;
    throw unknownProperty(name);
  }

  protected defaultProperties(): string[] {
    return ['content', 'authorName'];
  }

  delete(): void {
    this.queueWrite(null, (t) => {
      if (t.sheet.protected) throw new FakeExcelError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet. ("${t.sheet.name}")`);
      t.sheet.notes.delete(t.key);
    });
  }

  getLocation(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.live();
      const at = fromA1(t.key);
      return { sheet: t.sheet, range: { start: at, end: at } };
    });
  }
}

// ---- threaded comments (ExcelApi 1.10) ----

export class FakeCommentCollection extends FakeCollection<CellTarget, FakeComment> implements Xl.XlCommentCollection {
  constructor(
    ctx: FakeContext,
    private readonly scope: FakeWorksheet | null,
  ) {
    super(ctx, '1.10');
  }

  protected list(): CellTarget[] {
    const sheets = this.scope ? [this.scope.live()] : this.ctx.model.sheets;
    return sheets.flatMap((sheet) => sortedKeys(sheet.comments).map((key) => ({ sheet, key })));
  }

  protected wrap(model: CellTarget): FakeComment {
    return new FakeComment(this.ctx, { resolved: model }, false, '1.10');
  }

  protected defaultItemProperties(): string[] {
    return ['content', 'authorName', 'id'];
  }

  add(cellAddress: Xl.XlRange | string, content: string): FakeComment {
    return new FakeComment(
      this.ctx,
      () => {
        const target = cellTarget(this.ctx, this.scope, cellAddress);
        if (target.sheet.protected) throw new FakeExcelError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet. ("${target.sheet.name}")`);
        if (target.sheet.comments.has(target.key)) throw new FakeExcelError('InvalidOperation', `The cell ${target.key} already has a comment thread.`);
        if (target.sheet.notes.has(target.key)) throw new FakeExcelError('InvalidOperation', `The cell ${target.key} has a note; a cell holds either a note or a comment.`);
        target.sheet.comments.set(target.key, { id: this.ctx.model.newCommentId(), content, author: this.ctx.host.userName, replies: [] });
        return target;
      },
      false,
      '1.10',
    );
  }

  getItemByCell(cellAddress: Xl.XlRange | string): FakeComment {
    return new FakeComment(
      this.ctx,
      () => {
        const target = cellTarget(this.ctx, this.scope, cellAddress);
        return target.sheet.comments.has(target.key) ? target : null;
      },
      false,
      '1.10',
    );
  }
}

export class FakeComment extends FakeObject<CellTarget> implements Xl.XlComment {
  private repliesProxy?: FakeCommentReplyCollection;

  private comment(t: CellTarget): CommentModel {
    return t.sheet.comments.get(t.key)!;
  }

  get authorName(): string {
    return this.get('authorName');
  }
  get id(): string {
    return this.get('id');
  }
  get content(): string {
    return this.get('content');
  }
  set content(value: string) {
    this.queueWrite(value, (t) => (this.comment(t).content = value));
  }
  get replies(): FakeCommentReplyCollection {
    return (this.repliesProxy ??= new FakeCommentReplyCollection(this.ctx, this));
  }

  /** The comment model inside an operation. */
  modelDuringSync(): CommentModel {
    return this.comment(this.live());
  }

  protected override exists(t: CellTarget): boolean {
    return this.ctx.model.sheets.includes(t.sheet) && t.sheet.comments.has(t.key);
  }

  protected readProperty(name: string, t: CellTarget): unknown {
    const c = this.comment(t);
    if (name === 'content') return c.content;
    if (name === 'authorName') return c.author;
    if (name === 'id') return c.id;
    throw unknownProperty(name);
  }

  protected defaultProperties(): string[] {
    return ['content', 'authorName', 'id'];
  }

  delete(): void {
    this.queueWrite(null, (t) => {
      if (t.sheet.protected) throw new FakeExcelError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet. ("${t.sheet.name}")`);
      t.sheet.comments.delete(t.key);
    });
  }

  getLocation(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.live();
      const at = fromA1(t.key);
      return { sheet: t.sheet, range: { start: at, end: at } };
    });
  }
}

interface ReplyTarget {
  comment: CommentModel;
  reply: CommentReplyModel;
}

export class FakeCommentReplyCollection extends FakeCollection<ReplyTarget, FakeCommentReply> implements Xl.XlCommentReplyCollection {
  constructor(
    ctx: FakeContext,
    private readonly parent: FakeComment,
  ) {
    super(ctx, '1.10');
  }

  protected list(): ReplyTarget[] {
    const comment = this.parent.modelDuringSync();
    return comment.replies.map((reply) => ({ comment, reply }));
  }

  protected wrap(model: ReplyTarget): FakeCommentReply {
    return new FakeCommentReply(this.ctx, { resolved: model }, false, '1.10');
  }

  protected defaultItemProperties(): string[] {
    return ['content', 'id'];
  }

  add(content: string): FakeCommentReply {
    return new FakeCommentReply(
      this.ctx,
      () => {
        const comment = this.parent.modelDuringSync();
        const reply = { id: this.ctx.model.newCommentId(), content, author: this.ctx.host.userName };
        comment.replies.push(reply);
        return { comment, reply };
      },
      false,
      '1.10',
    );
  }
}

export class FakeCommentReply extends FakeObject<ReplyTarget> implements Xl.XlCommentReply {
  get content(): string {
    return this.get('content');
  }
  set content(value: string) {
    this.queueWrite(value, (t) => (t.reply.content = value));
  }
  get id(): string {
    return this.get('id');
  }

  protected override exists(t: ReplyTarget): boolean {
    return t.comment.replies.includes(t.reply);
  }

  protected readProperty(name: string, t: ReplyTarget): unknown {
    if (name === 'content') return t.reply.content;
    if (name === 'id') return t.reply.id;
    if (name === 'authorName') return t.reply.author;
    throw unknownProperty(name);
  }

  protected defaultProperties(): string[] {
    return ['content', 'id', 'authorName'];
  }

  delete(): void {
    this.queueWrite(null, (t) => t.comment.replies.splice(t.comment.replies.indexOf(t.reply), 1));
  }
}
