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
 * - a request or response over the payload limit (5 MB, Excel on the web) is refused whole: the
 *   request as Office.js serializes it, the response as the JSON Excel answers with (`Results`,
 *   each load's properties by their wire names), both measured as UTF-8;
 * - protected sheets refuse edits, merged cells refuse writes to their hidden part.
 *
 * The objects live in `./workbook`, `./range`, `./names` and `./annotations`.
 *
 * `FakeExcel` counts `sync()` calls, which is how tests prove the adapter's round trips.
 */
import type * as Xl from '../api';
import { FakeExcelError } from './errors';
import { WorkbookModel } from './model';
import type { FakeObject } from './object';
import { FakeWorkbook } from './workbook';
import { EXCEL_WEB_PAYLOAD_LIMIT, jsonBytes } from '../payload';
import { ACTION_INSTANTIATE, PATH_GLOBAL, requestBytes, type WireAction, type WirePath } from './wire';

export interface FakeExcelOptions {
  /** Highest ExcelApi version the host supports: `1.18` (notes), `1.12` (comments), `1.7`. */
  apiVersion?: string;
  /** Limit of one request and of one response, in bytes (Excel on the web: 5 MB). */
  payloadLimitBytes?: number;
  /** Author of the notes and comments the add-in writes. */
  userName?: string;
}

/** One load's answer in Excel's response: the loaded properties by wire name, or null (a null object). */
interface ActionResult {
  ActionId: number;
  Value: unknown;
}

/** The body of Excel's answer to one request, as Office.js reads it (`processResponse`). */
export interface ResponseBody {
  Results: ActionResult[];
}

/** One round trip, as the host saw it. */
export interface SyncRecord {
  operations: number;
  requestBytes: number;
  responseBytes: number;
}

export { EXCEL_WEB_PAYLOAD_LIMIT };

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The host: `run` like `Excel.run`, `isSetSupported` like `Office.context.requirements`. */
export class FakeExcel implements Xl.ExcelHost {
  readonly syncs: SyncRecord[] = [];
  readonly apiVersion: string;
  readonly payloadLimitBytes: number;
  readonly userName: string;
  private readonly listeners = new Set<() => void>();
  /** The body of the last response, for comparing with what Office.js reads from it. */
  lastResponse: ResponseBody | null = null;
  /** Operations Excel has run, over every request (tests count them to inject a failure). */
  operationsRun = 0;
  private faultAt: number | null = null;

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

  requestBytes(context: Xl.XlRequestContext): number {
    return (context as FakeContext).pendingRequestBytes;
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

  /**
   * Makes the `operation`-th operation from now (1-based, counting every operation Excel runs)
   * fail once with a `GeneralException`, as a request can fail halfway in Excel: the operations
   * before it in the request have run, those after it have not.
   */
  injectFault(operation: number): void {
    this.faultAt = this.operationsRun + operation;
  }

  /** Called before each operation runs; throws the injected failure when its turn comes. */
  beforeOperation(): void {
    this.operationsRun++;
    if (this.faultAt !== null && this.operationsRun === this.faultAt) {
      this.faultAt = null;
      throw new FakeExcelError('GeneralException', `An internal error has occurred. (injected at operation ${this.operationsRun})`);
    }
  }
}

interface Operation {
  action: WireAction;
  requires?: string;
  /** Runs against the model; a load returns what Excel's response carries for it (null for a null object). */
  run(): unknown;
}

/** An action as the fake's objects queue it; the context numbers it. */
export type ActionSpec = Omit<WireAction, 'id'>;

export class FakeContext implements Xl.XlRequestContext {
  private workbookProxy?: FakeWorkbook;
  private queue: Operation[] = [];
  private open = true;
  private lastId = 0;
  /** Every object path of this context, by id (a request sends those its actions use). */
  readonly paths = new Map<number, WirePath>();

  constructor(readonly host: FakeExcel) {}

  /** The workbook, Office.js's global object path, created on first use. */
  get workbook(): FakeWorkbook {
    if (!this.workbookProxy) {
      const pathId = this.newPath({ type: PATH_GLOBAL, name: '', parent: null });
      this.enqueue({ type: ACTION_INSTANTIATE, name: '', path: pathId }, () => undefined);
      this.workbookProxy = new FakeWorkbook(this, pathId);
    }
    return this.workbookProxy;
  }

  get model(): WorkbookModel {
    return this.host.model;
  }

  get hasPending(): boolean {
    return this.queue.length > 0;
  }

  /** Bytes of the request the next `sync()` sends, as Office.js serializes it. */
  get pendingRequestBytes(): number {
    return requestBytes(
      this.queue.map((op) => op.action),
      this.paths,
    );
  }

  close(): void {
    this.open = false;
    this.queue = [];
  }

  assertOpen(): void {
    if (!this.open) {
      throw new FakeExcelError(
        'InvalidObjectPath',
        "The object path isn't working for what you're trying to do. The object belongs to an Excel.run batch that has finished.",
      );
    }
  }

  /** Checks that an API object passed as an argument belongs to this context. */
  own<T extends FakeObject<unknown>>(object: T): T {
    if (object.ctx !== this) throw new FakeExcelError('InvalidRequestContext', 'Cannot use the object across different request contexts.');
    return object;
  }

  /** Registers an object path; Office.js numbers paths and actions from one counter. */
  newPath(path: Omit<WirePath, 'id'>): number {
    this.assertOpen();
    const id = ++this.lastId;
    this.paths.set(id, { ...path, id });
    return id;
  }

  /** Queues an action; returns its id (a load's result is keyed by it). */
  enqueue(action: ActionSpec, run: () => unknown, requires?: string): number {
    this.assertOpen();
    const id = ++this.lastId;
    this.queue.push({ action: { ...action, id }, run, requires });
    return id;
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    this.assertOpen();
    const operations = this.queue;
    this.queue = [];
    const bytes = requestBytes(
      operations.map((op) => op.action),
      this.paths,
    );
    const record: SyncRecord = { operations: operations.length, requestBytes: bytes, responseBytes: 0 };
    this.host.record(record);
    // A round trip: the batch runs after the caller's synchronous code, like a real request.
    await Promise.resolve();
    // Excel on the web refuses an oversized request before running any of it.
    if (bytes > this.host.payloadLimitBytes) {
      throw new FakeExcelError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit. (${bytes} bytes)`);
    }
    const results: ActionResult[] = [];
    try {
      for (const op of operations) {
        if (op.requires && !this.host.isSetSupported('ExcelApi', op.requires)) {
          throw new FakeExcelError('ApiNotFound', `The API you are trying to use could not be found. It needs ExcelApi ${op.requires}.`);
        }
        this.host.beforeOperation();
        const value = op.run();
        if (value !== undefined) results.push({ ActionId: op.action.id, Value: value });
      }
    } finally {
      this.host.notify();
    }
    // The response as Excel sends it, measured as it travels: JSON, UTF-8.
    const response: ResponseBody = { Results: results };
    record.responseBytes = jsonBytes(response);
    this.host.lastResponse = response;
    if (record.responseBytes > this.host.payloadLimitBytes) {
      throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit. (${record.responseBytes} bytes)`);
    }
    return passThroughValue as T;
  }
}
