/**
 * The engine's `WorkbookPort` over the Excel JavaScript API: the only code that calls `Excel.run`
 * (through an `ExcelHost`, so the same code runs in Excel, in the harness and in jest).
 *
 * Round trips are counted, not left to chance:
 * - `read` costs 2 syncs plus one per block of cells (one block unless the workbook holds more
 *   than `maxCellsPerSync` used cells), whatever the number of sheets;
 * - `apply` costs 2 syncs to check, then one to write (more only when the request, measured as
 *   Office.js serializes it, reaches `maxRequestBytes`), plus one for threaded comments on hosts
 *   without notes.
 * Every request stays well under Excel on the web's 5 MB and a bounded number of steps; a request
 * Excel refuses for its size (it ran nothing) is sent again in halves, a response too large for a
 * read is asked for in smaller blocks.
 * Every reason to refuse a batch is found before the first write, so a refused batch leaves the
 * workbook exactly as it was.
 */
import {
  sheetRef,
  splitSheetAddress,
  TOOL_NOTE_MARKER,
  type WorkbookChanges,
  type WorkbookPort,
  type WorkbookSnapshot,
} from '../engine';
import { POINTS_PER_CHARACTER, type ExcelHost, type XlRequestContext, type XlWorksheet } from './api';
import { ExcelRequestError, WorkbookChangeError } from './errors';
import { boundingBox, groupBySheet, parseAreas, planChanges } from './plan';
import { readWorkbook } from './read';
import { isPayloadLimitError, REQUEST_BUDGET_BYTES } from './payload';
import { absoluteA1, cellSteps, key, noteSteps, OPERATION_BYTES, threadSteps, type AnnotationMode, type ApplyReport, type ExistingComment, type ExistingNote, type Step } from './write';

export type { AnnotationMode, ApplyReport } from './write';

export interface OfficeWorkbookOptions {
  /** Cells loaded per sync; values and formulas of 40,000 cells stay well under Excel on the web's 5 MB. */
  maxCellsPerSync?: number;
  /** Request size, as Office.js serializes it, at which a write batch is sent (default 2 MB). */
  maxRequestBytes?: number;
  /** Steps (each a few operations) per request at most. */
  maxStepsPerRequest?: number;
}

const DEFAULT_MAX_CELLS = 40_000;
const DEFAULT_MAX_STEPS = 2_000;
/** Estimated bytes queued between two measurements of the pending request, at least. */
const MEASURE_EVERY_BYTES = 16_000;

export class OfficeWorkbook implements WorkbookPort {
  private readonly maxCellsPerSync: number;
  private readonly maxRequestBytes: number;
  private readonly maxStepsPerRequest: number;

  constructor(
    private readonly host: ExcelHost,
    options: OfficeWorkbookOptions = {},
  ) {
    this.maxCellsPerSync = options.maxCellsPerSync ?? DEFAULT_MAX_CELLS;
    this.maxRequestBytes = options.maxRequestBytes ?? REQUEST_BUDGET_BYTES;
    this.maxStepsPerRequest = options.maxStepsPerRequest ?? DEFAULT_MAX_STEPS;
  }

  /** How this host shows findings on cells. */
  annotationMode(): AnnotationMode {
    if (this.host.isSetSupported('ExcelApi', '1.18')) return 'notes';
    if (this.host.isSetSupported('ExcelApi', '1.10')) return 'comments';
    return 'report-only';
  }

  private async run<T>(batch: (context: XlRequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.host.run(batch);
    } catch (error) {
      throw ExcelRequestError.wrap(error);
    }
  }

  /** Sheet names in tab order (one sync). */
  async sheetNames(): Promise<string[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  /** Activates the sheet, then selects the cell or range (activating first is what Excel needs). */
  async select(sheet: string, address: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      await context.sync();
      ws.getRange(address).select();
      await context.sync();
    });
  }

  /** Every sheet's used cells (values and formulas) and every defined name. */
  async read(): Promise<WorkbookSnapshot> {
    return this.run((context) => readWorkbook(context, this.maxCellsPerSync));
  }

  /**
   * Applies a batch of changes. Refuses with `WorkbookChangeError`, before writing anything, when
   * the workbook's structure or a sheet to write is protected, an output cell is merged, a sheet
   * to add exists (and is not listed in `replaceSheets`) or a sheet to write does not exist.
   */
  async apply(changes: WorkbookChanges): Promise<void> {
    await this.applyChanges(changes);
  }

  /** {@link apply}, saying what it did: the annotation mode, what was written, the round trips. */
  async applyChanges(changes: WorkbookChanges): Promise<ApplyReport> {
    const mode = this.annotationMode();
    const wantsNotes = Boolean(changes.clearToolNotes) || (changes.notes?.length ?? 0) > 0;
    const canComment = this.host.isSetSupported('ExcelApi', '1.10');
    const canFindMerges = this.host.isSetSupported('ExcelApi', '1.13');
    return this.run(async (context) => {
      let syncs = 0;
      const sync = async () => {
        syncs++;
        await context.sync();
      };
      const wb = context.workbook;

      // Check, round trip 1: sheets, names, workbook protection, existing notes and comments.
      const sheetList = wb.worksheets.load('items/name,items/visibility,items/position');
      const workbookProtection = wb.protection.load('protected');
      const nameList = wb.names.load('items/name');
      const noteList = wantsNotes && mode === 'notes' ? wb.notes.load('items/content') : null;
      const commentList = wantsNotes && canComment ? wb.comments.load('items/content,items/id') : null;
      await sync();

      // Check, round trip 2: sheet protection, merged cells under the writes, note locations.
      const sheets = new Map(sheetList.items.map((ws) => [ws.name.toLowerCase(), ws]));
      const protections = sheetList.items.map((ws) => ({ ws, protection: ws.protection.load('protected') }));
      const writesBySheet = groupBySheet(changes.cells ?? []);
      const merges = canFindMerges
        ? [...writesBySheet].flatMap(([sheetKey, writes]) => {
            const ws = sheets.get(sheetKey);
            if (!ws) return [];
            const box = boundingBox(writes);
            const areas = ws.getRangeByIndexes(box.start.row, box.start.col, box.end.row - box.start.row + 1, box.end.col - box.start.col + 1).getMergedAreasOrNullObject();
            return [{ sheetKey, areas: areas.load('address') }];
          })
        : [];
      const noteLocations = noteList ? noteList.items.map((note) => ({ note, location: note.getLocation().load('address') })) : [];
      const commentLocations = commentList
        ? commentList.items.map((comment) => ({ comment, location: comment.getLocation().load('address'), replies: comment.replies.load('items/content') }))
        : [];
      await sync();

      const existingNotes = new Map<string, ExistingNote>();
      for (const { note, location } of noteLocations) {
        const { sheet, address } = splitSheetAddress(location.address);
        if (sheet !== null) existingNotes.set(key(sheet, address), { sheet, a1: address, note, content: note.content });
      }
      const existingComments = new Map<string, ExistingComment>();
      for (const { comment, location, replies } of commentLocations) {
        const { sheet, address } = splitSheetAddress(location.address);
        if (sheet !== null) {
          existingComments.set(key(sheet, address), { sheet, a1: address, comment, content: comment.content, replies: replies.items.map((reply) => ({ reply, content: reply.content })) });
        }
      }

      const plan = planChanges(changes, {
        sheets: sheetList.items.map((ws) => ({ name: ws.name, visible: ws.visibility === 'Visible' })),
        workbookProtected: workbookProtection.protected,
        protectedSheets: new Set(protections.filter((p) => p.protection.protected).map((p) => p.ws.name.toLowerCase())),
        merges: merges.flatMap((m) => (m.areas.isNullObject ? [] : parseAreas(m.areas.address))),
        toolNotes: mode === 'notes' ? [...existingNotes.values()].filter((n) => n.content.includes(TOOL_NOTE_MARKER)) : [],
      });
      if (plan.problems.length > 0) throw new WorkbookChangeError(plan.problems);

      // Write.
      const report: ApplyReport = {
        annotationMode: mode,
        sheetsAdded: (changes.addSheets ?? []).map((s) => s.name),
        sheetsRemoved: plan.removed,
        cellsWritten: 0,
        notesWritten: 0,
        notesRemoved: 0,
        notesSkipped: [],
        syncs: 0,
      };
      const steps: Step[] = [];
      const live = new Map(sheets);
      const replacedOld: XlWorksheet[] = [];
      let temp = 0;
      for (const spec of changes.addSheets ?? []) {
        const old = sheets.get(spec.name.toLowerCase());
        if (old) {
          let tempName = '';
          do tempName = `~tb-erstattes-${++temp}`;
          while (sheets.has(tempName));
          steps.push({ bytes: OPERATION_BYTES, queue: () => (old.name = tempName) });
          replacedOld.push(old);
        }
      }
      for (const spec of changes.addSheets ?? []) {
        const old = sheets.get(spec.name.toLowerCase());
        let ws: XlWorksheet | undefined;
        steps.push({
          bytes: OPERATION_BYTES,
          queue: () => {
            ws = wb.worksheets.add(spec.name);
            // A replaced sheet keeps its place among the tabs.
            if (old) ws.position = old.position;
            live.set(spec.name.toLowerCase(), ws);
          },
        });
        steps.push(...cellSteps(() => ws!, spec.cells));
        for (const m of spec.merges ?? []) {
          steps.push({ bytes: OPERATION_BYTES, queue: () => ws!.getRangeByIndexes(m.start.row, m.start.col, m.end.row - m.start.row + 1, m.end.col - m.start.col + 1).merge() });
        }
        (spec.columnWidths ?? []).forEach((chars, col) => {
          if (chars > 0) steps.push({ bytes: OPERATION_BYTES, queue: () => (ws!.getRangeByIndexes(0, col, 1, 1).format.columnWidth = chars * POINTS_PER_CHARACTER) });
        });
        if (spec.frozenRows && spec.frozenRows > 0) steps.push({ bytes: OPERATION_BYTES, queue: () => ws!.freezePanes.freezeRows(spec.frozenRows) });
        report.cellsWritten += spec.cells.length;
      }
      for (const old of replacedOld) steps.push({ bytes: OPERATION_BYTES, queue: () => old.delete() });
      for (const name of plan.removed) {
        const ws = sheets.get(name.toLowerCase())!;
        steps.push({ bytes: OPERATION_BYTES, queue: () => ws.delete() });
      }
      const existingNames = new Map(nameList.items.map((n) => [n.name.toLowerCase(), n]));
      const finalSheetName = new Map(sheetList.items.map((ws) => [ws.name.toLowerCase(), ws.name]));
      for (const spec of changes.addSheets ?? []) finalSheetName.set(spec.name.toLowerCase(), spec.name);
      for (const n of changes.names ?? []) {
        steps.push({
          bytes: OPERATION_BYTES * 2,
          queue: () => {
            existingNames.get(n.name.toLowerCase())?.delete();
            wb.names.add(n.name, `=${sheetRef(finalSheetName.get(n.sheet.toLowerCase()) ?? n.sheet, absoluteA1(n.range))}`);
          },
        });
      }
      for (const [sheetKey, writes] of writesBySheet) {
        steps.push(...cellSteps(() => live.get(sheetKey)!, writes));
        report.cellsWritten += writes.length;
      }

      const sheetProxy = (name: string) => live.get(name.toLowerCase());
      const commentSteps: Step[] = [];
      if (mode === 'notes') {
        steps.push(...noteSteps(changes, existingNotes, existingComments, sheetProxy, report));
      } else if (mode === 'comments') {
        commentSteps.push(...threadSteps(changes, existingComments, sheetProxy, report));
      }
      await this.runSteps(context, steps, sync);
      if (commentSteps.length > 0) {
        try {
          await this.runSteps(context, commentSteps, sync);
        } catch (error) {
          const wrapped = ExcelRequestError.wrap(error);
          report.annotationError = wrapped.message;
        }
      }
      report.syncs = syncs;
      return report;
    });
  }

  /**
   * Queues steps and sends them whenever the pending request, as Office.js serializes it, reaches
   * `maxRequestBytes` or `maxStepsPerRequest` steps. Measuring builds the whole request, so it is
   * done after every `MEASURE_EVERY_BYTES` of estimated growth, or a quarter of what is left of the
   * budget; between two measurements the request grows by a few hundred kB at most (a step is
   * bounded by `cellSteps`), far below the 5 MB Excel on the web allows.
   */
  private async runSteps(context: XlRequestContext, steps: Step[], sync: () => Promise<void>): Promise<void> {
    let batch: Step[] = [];
    let measured = 0;
    let sinceMeasured = 0;
    const send = async () => {
      if (batch.length > 0) await this.send(batch, sync, true);
      batch = [];
      measured = 0;
      sinceMeasured = 0;
    };
    for (const step of steps) {
      step.queue();
      batch.push(step);
      sinceMeasured += step.bytes;
      if (batch.length >= this.maxStepsPerRequest) {
        await send();
      } else if (sinceMeasured >= Math.max(MEASURE_EVERY_BYTES, (this.maxRequestBytes - measured) / 4)) {
        // A host that cannot measure falls back to the steps' own estimates.
        measured = this.host.requestBytes(context) ?? measured + sinceMeasured;
        sinceMeasured = 0;
        if (measured >= this.maxRequestBytes) await send();
      }
    }
    await send();
  }

  /**
   * Sends the steps (already queued, or queued here). A request Excel refuses for its size ran
   * nothing (Excel checks the size before it runs anything), so it is sent again in halves.
   */
  private async send(steps: Step[], sync: () => Promise<void>, queued: boolean): Promise<void> {
    try {
      if (!queued) for (const step of steps) step.queue();
      await sync();
    } catch (error) {
      if (isPayloadLimitError(error) !== 'request' || steps.length < 2) throw error;
      const half = Math.ceil(steps.length / 2);
      await this.send(steps.slice(0, half), sync, false);
      await this.send(steps.slice(half), sync, false);
    }
  }
}
