/** The fake's defined names, workbook- and sheet-scoped. */
import { sheetRef } from '../../engine/cells';
import type * as Xl from '../api';
import { FakeExcelError } from './errors';
import type { NameModel } from './model';
import type { FakeContext } from './host';
import { FakeObject, FakeCollection, itemPath, methodPath, unknownProperty, type PathSpec } from './object';
import { FakeWorksheet } from './workbook';
import { parseA1Range, absoluteA1, nameTarget } from './addresses';
import { FakeRange } from './range';

export class FakeNamedItemCollection extends FakeCollection<NameModel, FakeNamedItem> implements Xl.XlNamedItemCollection {
  constructor(
    ctx: FakeContext,
    path: PathSpec,
    private readonly scope: FakeWorksheet | null,
  ) {
    super(ctx, path);
  }

  private scopeId(): string | null {
    return this.scope ? this.scope.live().id : null;
  }

  protected list(): NameModel[] {
    const id = this.scopeId();
    return this.ctx.model.names.filter((n) => n.scope === id);
  }

  protected wrap(model: NameModel): FakeNamedItem {
    return new FakeNamedItem(this.ctx, itemPath(this), { resolved: model });
  }

  protected defaultItemProperties(): string[] {
    return ['name', 'type', 'formula', 'visible'];
  }

  add(name: string, reference: Xl.XlRange | string, comment?: string): FakeNamedItem {
    const text = typeof reference === 'string' ? reference : null;
    const range = typeof reference === 'string' ? null : this.ctx.own(reference as FakeRange);
    return new FakeNamedItem(this.ctx, methodPath(this, 'add', [name, reference, comment ?? null]), () => {
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
        formula = text!.startsWith('=') ? text! : `=${text!}`;
      }
      const item: NameModel = { name, scope, formula, visible: true, comment };
      model.names.push(item);
      return item;
    });
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, methodPath(this, 'getItem', [name]), () => this.find(name));
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, methodPath(this, 'getItemOrNullObject', [name]), () => this.find(name), true);
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
    this.queueSet('formula', value, (n) => (n.formula = value.startsWith('=') ? value : `=${value}`));
  }
  get visible(): boolean {
    return this.get('visible');
  }
  set visible(value: boolean) {
    this.queueSet('visible', value, (n) => (n.visible = value));
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
    this.queueMethod('delete', [], (n) => {
      const names = this.ctx.model.names;
      names.splice(names.indexOf(n), 1);
    });
  }

  getRange(): FakeRange {
    return new FakeRange(this.ctx, methodPath(this, 'getRange'), () => {
      const target = nameTarget(this.ctx.model, this.live());
      if (!target) throw new FakeExcelError('InvalidOperation', 'The named item does not refer to a range.');
      return target;
    });
  }

  getRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.ctx,
      methodPath(this, 'getRangeOrNullObject'),
      () => {
        const n = this.liveOrNull();
        return n ? nameTarget(this.ctx.model, n) : null;
      },
      true,
    );
  }
}
