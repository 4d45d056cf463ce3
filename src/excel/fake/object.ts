/** Base classes of the fake's API objects: queued operations, loaded properties, collections. */
import type * as Xl from '../api';
import { FakeExcelError, propertyNotLoaded } from './errors';
import type { FakeContext } from './host';
import {
  ACTION_INSTANTIATE,
  ACTION_METHOD,
  ACTION_QUERY,
  ACTION_SET_PROPERTY,
  PATH_INDEXER,
  PATH_METHOD,
  PATH_PROPERTY,
  wireArguments,
  type PathHolder,
  type WirePath,
} from './wire';

/** The id Excel gives an item of a loaded collection; the fake gives every item this one. */
const ITEM_ID = '{00000000-0001-0000-0000-000000000000}';

/** Where an object comes from, as Office.js names it in the request. */
export type PathSpec = Omit<WirePath, 'id'>;

/** `parent.name(args)`: an object a method returns (`getRangeByIndexes`, `add`). */
export function methodPath(parent: PathHolder, name: string, args: readonly unknown[] = []): PathSpec {
  return { type: PATH_METHOD, name: pascal(name), parent: parent.pathId, ...wireArguments(args) };
}

/** `parent.name`: an object a property holds (`worksheets`, `format`, `font`). */
export function propertyPath(parent: PathHolder, name: string): PathSpec {
  return { type: PATH_PROPERTY, name: pascal(name), parent: parent.pathId };
}

/** An item of a loaded collection: Office.js addresses it by the id Excel sent. */
export function itemPath(collection: PathHolder): PathSpec {
  return { type: PATH_INDEXER, name: '', parent: collection.pathId, args: [ITEM_ID] };
}

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export type Resolver<T> = () => T | null;

function parseProperties(names: string | string[] | undefined): string[] | null {
  if (names === undefined) return null;
  const list = Array.isArray(names) ? names : names.split(',');
  return list.map((n) => n.trim()).filter((n) => n !== '');
}

export function unknownProperty(name: string): FakeExcelError {
  return new FakeExcelError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (property "${name}")`);
}

/** Base of every API object: resolution at sync time, loaded properties, queued writes. */
export abstract class FakeObject<T> implements PathHolder {
  protected target: T | null | undefined = undefined;
  private readonly loaded = new Map<string, unknown>();
  private resolved = false;
  readonly pathId: number;

  constructor(
    readonly ctx: FakeContext,
    path: PathSpec,
    resolver: Resolver<T> | { resolved: T },
    private readonly nullable = false,
    protected readonly requires?: string,
  ) {
    this.pathId = ctx.newPath(path);
    if (typeof resolver === 'function') {
      ctx.enqueue(
        { type: ACTION_INSTANTIATE, name: '', path: this.pathId },
        () => {
          const t = resolver();
          if (t === null && !nullable) throw this.notFound();
          this.target = t;
          this.resolved = true;
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
    // A null object's load answers null, as Excel does.
    this.ctx.enqueue(
      { type: ACTION_QUERY, name: '', path: this.pathId, select: names },
      () => (this.target === null ? null : this.loadDuringSync(names)),
      this.loadRequirement(names),
    );
    return this;
  }

  /** The requirement set a load of these properties needs (some properties are newer than their object). */
  protected loadRequirement(_names: readonly string[]): string | undefined {
    return this.requires;
  }

  /**
   * Loads properties while a batch executes (collections load their items this way); returns them
   * as Excel's response carries them, by their wire names (`Values`, `NumberFormat`).
   */
  loadDuringSync(names: readonly string[]): Record<string, unknown> {
    const target = this.live();
    const values: Record<string, unknown> = {};
    for (const name of names) {
      const value = this.readProperty(name, target);
      this.loaded.set(name, value);
      values[pascal(name)] = value;
    }
    return values;
  }

  protected get<V>(name: string): V {
    if (!this.loaded.has(name)) throw propertyNotLoaded(name);
    return this.loaded.get(name) as V;
  }

  /** `object.name = value`, applied at sync. */
  protected queueSet(name: string, value: unknown, apply: (target: T) => void): void {
    this.ctx.enqueue(
      { type: ACTION_SET_PROPERTY, name: pascal(name), path: this.pathId, args: [value] },
      () => {
        apply(this.live());
      },
      this.requires,
    );
  }

  /** `object.name(args)` for a method that returns nothing, applied at sync. */
  protected queueMethod(name: string, args: readonly unknown[], apply: (target: T) => void): void {
    this.ctx.enqueue(
      { type: ACTION_METHOD, name: pascal(name), path: this.pathId, ...wireArguments(args) },
      () => {
        apply(this.live());
      },
      this.requires,
    );
  }
}

/** A collection: `items` after load, items created already resolved. */
export abstract class FakeCollection<M, I extends FakeObject<M>> implements PathHolder {
  private loadedItems: I[] | null = null;
  readonly pathId: number;

  constructor(
    readonly ctx: FakeContext,
    path: PathSpec,
    protected readonly requires?: string,
  ) {
    this.pathId = ctx.newPath(path);
    ctx.enqueue({ type: ACTION_INSTANTIATE, name: '', path: this.pathId }, () => undefined, requires);
  }

  get items(): I[] {
    if (!this.loadedItems) throw propertyNotLoaded('items');
    return this.loadedItems;
  }

  protected abstract list(): M[];
  protected abstract wrap(model: M): I;

  /**
   * Property names, or Office.js's strict load options: `{ content: true, $top: 200, $skip: 400 }`
   * loads one page of the items (a number is required, as Office.js checks before sending).
   */
  load(propertyNames?: string | string[] | Xl.XlCollectionLoadOptions): this {
    let page: { top?: number; skip?: number } = {};
    let requested: string[] | null;
    if (typeof propertyNames === 'object' && !Array.isArray(propertyNames)) {
      requested = [];
      for (const [key, value] of Object.entries(propertyNames)) {
        if (key === '$top' || key === '$skip') {
          if (typeof value !== 'number')
            throw new FakeExcelError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (option.${key})`);
          page = { ...page, [key === '$top' ? 'top' : 'skip']: value };
        } else if (value === true) requested.push(key);
        else if (value !== false) throw new FakeExcelError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (option.${key})`);
      }
    } else requested = parseProperties(propertyNames);
    const names = (requested ?? []).map((n) => n.replace(/^items\//, '')).filter((n) => n !== 'items');
    const select = names.length ? names : this.defaultItemProperties();
    this.ctx.enqueue(
      { type: ACTION_QUERY, name: '', path: this.pathId, select, ...page },
      () => {
        // {"_Items":[{"_Id":"{…}","Name":…},…]}: Office.js makes the items from `_Items`.
        const items: Record<string, unknown>[] = [];
        const skip = page.skip ?? 0;
        const all = this.list();
        this.loadedItems = all.slice(skip, page.top === undefined ? all.length : skip + page.top).map((m) => {
          const item = this.wrap(m);
          items.push({ _Id: ITEM_ID, ...item.loadDuringSync(select) });
          return item;
        });
        return { _Items: items };
      },
      this.requires,
    );
    return this;
  }

  protected abstract defaultItemProperties(): string[];
}
