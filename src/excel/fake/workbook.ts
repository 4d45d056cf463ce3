/** The fake's workbook, its protection, and its worksheets. */
import type * as Xl from '../api';
import { FakeExcelError } from './errors';
import { MAX_COLUMNS, MAX_ROWS, type SheetModel } from './model';
import type { FakeContext } from './host';
import { FakeObject, FakeCollection, itemPath, methodPath, propertyPath, unknownProperty } from './object';
import { PATH_INDEXER, type PathHolder } from './wire';
import { checkedRange, resolveAddress } from './addresses';
import { FakeRange } from './range';
import { FakeNamedItemCollection } from './names';
import { FakeNoteCollection, FakeCommentCollection } from './annotations';

/** The workbook: Office.js's global object; its collections are created on first use, as there. */
export class FakeWorkbook implements Xl.XlWorkbook, PathHolder {
  private children: {
    worksheets?: FakeWorksheetCollection;
    names?: FakeNamedItemCollection;
    notes?: FakeNoteCollection;
    comments?: FakeCommentCollection;
    protection?: FakeProtection;
  } = {};

  constructor(
    readonly ctx: FakeContext,
    readonly pathId: number,
  ) {}

  get worksheets(): FakeWorksheetCollection {
    return (this.children.worksheets ??= new FakeWorksheetCollection(this.ctx, propertyPath(this, 'worksheets')));
  }

  get names(): FakeNamedItemCollection {
    return (this.children.names ??= new FakeNamedItemCollection(this.ctx, propertyPath(this, 'names'), null));
  }

  get notes(): FakeNoteCollection {
    return (this.children.notes ??= new FakeNoteCollection(this.ctx, propertyPath(this, 'notes'), null));
  }

  get comments(): FakeCommentCollection {
    return (this.children.comments ??= new FakeCommentCollection(this.ctx, propertyPath(this, 'comments'), null));
  }

  get protection(): FakeProtection {
    return (this.children.protection ??= new FakeProtection(this.ctx, propertyPath(this, 'protection'), () => ({ workbook: true as const })));
  }

  getSelectedRange(): FakeRange {
    return new FakeRange(this.ctx, methodPath(this, 'getSelectedRange'), () => {
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
    return new FakeWorksheet(this.ctx, itemPath(this), { resolved: model });
  }

  protected defaultItemProperties(): string[] {
    return ['name', 'id', 'position', 'visibility'];
  }

  add(name?: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, methodPath(this, 'add', [name ?? null]), () => {
      const model = this.ctx.model;
      if (model.structureProtected) throw new FakeExcelError('AccessDenied', 'The workbook structure is protected.');
      let sheetName = name;
      for (let n = model.sheets.length + 1; !sheetName; n++) if (!model.sheet(`Ark${n}`)) sheetName = `Ark${n}`;
      return model.addSheet(sheetName);
    });
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, { ...methodPath(this, '', [key]), type: PATH_INDEXER }, () => this.find(key));
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, methodPath(this, 'getItemOrNullObject', [key]), () => this.find(key), true);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, methodPath(this, 'getActiveWorksheet'), () => this.ctx.model.activeSheet);
  }

  private find(key: string): SheetModel | null {
    const model = this.ctx.model;
    return model.sheet(key) ?? model.sheetById(key) ?? null;
  }
}

export class FakeWorksheet extends FakeObject<SheetModel> implements Xl.XlWorksheet {
  private children: {
    protection?: FakeProtection;
    names?: FakeNamedItemCollection;
    notes?: FakeNoteCollection;
    comments?: FakeCommentCollection;
    freezePanes?: FakeFreezePanes;
  } = {};

  get name(): string {
    return this.get('name');
  }

  set name(value: string) {
    this.queueSet('name', value, (sheet) => {
      if (this.ctx.model.structureProtected) throw new FakeExcelError('AccessDenied', 'The workbook structure is protected.');
      this.ctx.model.renameSheet(sheet, value);
    });
  }

  get visibility(): string {
    return this.get('visibility');
  }

  set visibility(value: string) {
    this.queueSet('visibility', value, (sheet) => {
      if (value !== 'Visible' && value !== 'Hidden' && value !== 'VeryHidden') throw unknownProperty(`visibility=${value}`);
      sheet.visibility = value;
    });
  }

  get position(): number {
    return this.get('position');
  }

  set position(value: number) {
    this.queueSet('position', value, (sheet) => {
      const sheets = this.ctx.model.sheets;
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(Math.max(0, Math.min(value, sheets.length)), 0, sheet);
    });
  }

  get id(): string {
    return this.get('id');
  }

  get protection(): FakeProtection {
    return (this.children.protection ??= new FakeProtection(this.ctx, propertyPath(this, 'protection'), () => ({ sheet: this })));
  }

  get names(): FakeNamedItemCollection {
    return (this.children.names ??= new FakeNamedItemCollection(this.ctx, propertyPath(this, 'names'), this));
  }

  get notes(): FakeNoteCollection {
    return (this.children.notes ??= new FakeNoteCollection(this.ctx, propertyPath(this, 'notes'), this));
  }

  get comments(): FakeCommentCollection {
    return (this.children.comments ??= new FakeCommentCollection(this.ctx, propertyPath(this, 'comments'), this));
  }

  get freezePanes(): Xl.XlFreezePanes {
    const panes = (this.children.freezePanes ??= new FakeFreezePanes(this.ctx, propertyPath(this, 'freezePanes'), () => this.live()));
    return panes;
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
    this.queueMethod('activate', [], (sheet) => {
      // Excel cannot activate a hidden or very hidden sheet.
      if (sheet.visibility !== 'Visible') throw new FakeExcelError('InvalidOperation', `The sheet "${sheet.name}" is hidden and cannot be activated.`);
      this.ctx.model.activate(sheet);
    });
  }

  delete(): void {
    this.queueMethod('delete', [], (sheet) => {
      if (this.ctx.model.structureProtected) throw new FakeExcelError('AccessDenied', 'The workbook structure is protected.');
      // Excel will not delete a very hidden sheet; it must be made (merely) hidden first.
      if (sheet.visibility === 'VeryHidden') throw new FakeExcelError('InvalidOperation', `A very hidden sheet cannot be deleted. ("${sheet.name}")`);
      this.ctx.model.deleteSheet(sheet);
    });
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.ctx, methodPath(this, 'getCell', [row, column]), () => ({ sheet: this.live(), range: checkedRange(row, column, 1, 1) }));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(
      this.ctx,
      methodPath(this, 'getRangeByIndexes', [startRow, startColumn, rowCount, columnCount]),
      () => {
        const sheet = this.liveOrNull();
        if (!sheet) return null;
        return { sheet, range: checkedRange(startRow, startColumn, rowCount, columnCount) };
      },
      this.target === null,
    );
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, methodPath(this, 'getRange', [address ?? null]), () => {
      const sheet = this.live();
      if (address === undefined) return { sheet, range: { start: { row: 0, col: 0 }, end: { row: MAX_ROWS - 1, col: MAX_COLUMNS - 1 } } };
      return { sheet, range: resolveAddress(this.ctx.model, sheet, address) };
    });
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, methodPath(this, 'getUsedRange', [valuesOnly]), () => {
      const sheet = this.live();
      return { sheet, range: this.ctx.model.usedRange(sheet, valuesOnly) ?? { start: { row: 0, col: 0 }, end: { row: 0, col: 0 } } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.ctx,
      methodPath(this, 'getUsedRangeOrNullObject', [valuesOnly]),
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

/** `worksheet.freezePanes` (ExcelApi 1.7). */
export class FakeFreezePanes extends FakeObject<SheetModel> implements Xl.XlFreezePanes {
  freezeRows(count = 1): void {
    this.queueMethod('freezeRows', [count], (sheet) => (sheet.frozenRows = count));
  }

  protected readProperty(name: string): unknown {
    throw unknownProperty(name);
  }

  protected defaultProperties(): string[] {
    return [];
  }
}
