/** Base classes of the fake's API objects: queued operations, loaded properties, collections. */
import { FakeExcelError, propertyNotLoaded } from './errors';
import type { FakeContext } from './host';

/** Bytes of a value as JSON (the fake's measure of a payload). */
export function jsonSize(value: unknown): number {
  if (value === undefined) return 0;
  return JSON.stringify(value)?.length ?? 0;
}

export type Resolver<T> = () => T | null;

export function parseProperties(names: string | string[] | undefined): string[] | null {
  if (names === undefined) return null;
  const list = Array.isArray(names) ? names : names.split(',');
  return list.map((n) => n.trim()).filter((n) => n !== '');
}

export function unknownProperty(name: string): FakeExcelError {
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
export abstract class FakeCollection<M, I extends FakeObject<M>> {
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
