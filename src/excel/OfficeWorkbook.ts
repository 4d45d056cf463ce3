/**
 * The engine's `WorkbookPort` over the Excel JavaScript API: the only code that calls `Excel.run`
 * (through an `ExcelHost`, so the same code runs in Excel, in the harness and in jest).
 *
 * Round trips are counted, not left to chance:
 * - `read` costs 2 syncs plus one per block of cells (one block unless the workbook holds more
 *   than `maxCellsPerSync` used cells), plus one per further `maxSheetsPerSync` sheets;
 * - `apply` costs 2 syncs to check (a third only where an array formula or a spill lies near the
 *   cells it writes), one to record what cell writes into existing sheets replace,
 *   then one to write (more only when the request, measured as Office.js serializes it, reaches
 *   `maxRequestBytes`), and one to delete the sheets it replaces or removes.
 * Every request stays well under Excel on the web's 5 MB and a bounded number of steps; a request
 * Excel refuses for its size (it ran nothing) is sent again in halves, a response too large for a
 * read is asked for in smaller blocks.
 *
 * All or nothing: every reason to refuse a batch is found before the first write; new sheets are
 * written under temporary names and swapped in at the end; a failure while writing puts the
 * workbook back (`./rollback.ts`). A batch with notes or comments is then tried once more with
 * the annotations cell by cell, skipping the cells Excel refuses.
 */
import { sheetRef, splitSheetAddress, TOOL_NOTE_MARKER, type WorkbookChanges, type WorkbookPort, type WorkbookSnapshot } from '../engine';
import {
  POINTS_PER_CHARACTER,
  type ExcelHost,
  type XlComment,
  type XlCommentReplyCollection,
  type XlNote,
  type XlRange,
  type XlRequestContext,
  type XlWorksheet,
} from './api';
import { ExcelRequestError, HiddenSheetError, WorkbookChangeError } from './errors';
import { arrayCells, probeArrays } from './arrays';
import { boundingBox, groupBySheet, parseAreas, planChanges } from './plan';
import { loadBlocks, readWorkbook } from './read';
import { rollback, type PriorState } from './rollback';
import { isPayloadLimitError, REQUEST_BUDGET_BYTES } from './payload';
import { timeSlicer, type Slicer } from './slices';
import {
  absoluteA1,
  cellSteps,
  key,
  noteSteps,
  OPERATION_BYTES,
  threadSteps,
  type AnnotationMode,
  type ApplyReport,
  type ExistingComment,
  type ExistingNote,
  type Step,
} from './write';

export type { AnnotationMode, ApplyReport } from './write';

export interface OfficeWorkbookOptions {
  /** Cells loaded per sync; values and formulas of 40,000 cells stay well under Excel on the web's 5 MB. */
  maxCellsPerSync?: number;
  /** Request size, as Office.js serializes it, at which a write batch is sent (default 2 MB). */
  maxRequestBytes?: number;
  /** Steps (each a few operations) per request at most. */
  maxStepsPerRequest?: number;
  /** Sheets whose used range is asked for in one request. */
  maxSheetsPerSync?: number;
  /** Notes and comments loaded, and located, per request. */
  maxNotesPerSync?: number;
}

const DEFAULT_MAX_CELLS = 40_000;
const DEFAULT_MAX_STEPS = 2_000;
/** A catalogue of 100 proposals is read with one request for the used ranges. */
const DEFAULT_MAX_SHEETS = 100;
/** Locating a note is two actions of a few hundred bytes: 2,000 make a request well under 1 MB. */
const DEFAULT_MAX_NOTES = 2_000;
/** The longest the adapter plans between two looks at the page, in ms (as the pane's check). */
const SLICE_MS = 25;
/** Steps queued between two looks at the clock. */
const PAUSE_EVERY_STEPS = 20;
/** Estimated bytes queued between two measurements of the pending request, at least. */
const MEASURE_EVERY_BYTES = 16_000;

export class OfficeWorkbook implements WorkbookPort {
  private readonly maxCellsPerSync: number;
  private readonly maxRequestBytes: number;
  private readonly maxStepsPerRequest: number;
  private readonly maxSheetsPerSync: number;
  private readonly maxNotesPerSync: number;

  constructor(
    private readonly host: ExcelHost,
    options: OfficeWorkbookOptions = {},
  ) {
    this.maxCellsPerSync = options.maxCellsPerSync ?? DEFAULT_MAX_CELLS;
    this.maxRequestBytes = options.maxRequestBytes ?? REQUEST_BUDGET_BYTES;
    this.maxStepsPerRequest = options.maxStepsPerRequest ?? DEFAULT_MAX_STEPS;
    this.maxSheetsPerSync = options.maxSheetsPerSync ?? DEFAULT_MAX_SHEETS;
    this.maxNotesPerSync = options.maxNotesPerSync ?? DEFAULT_MAX_NOTES;
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
      const ws = context.workbook.worksheets.getItem(sheet).load('name,visibility');
      await context.sync();
      // Excel cannot activate a hidden sheet; the pane offers to show it (HiddenSheetError).
      if (ws.visibility !== 'Visible') throw new HiddenSheetError(ws.name, ws.visibility === 'VeryHidden');
      ws.activate();
      await context.sync();
      ws.getRange(address).select();
      await context.sync();
    });
  }

  /** Shows a hidden sheet (a very hidden one refuses: only Visual Basic may show it). */
  async showSheet(sheet: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet).load('name,visibility');
      await context.sync();
      if (ws.visibility === 'VeryHidden') throw new HiddenSheetError(ws.name, true);
      ws.visibility = 'Visible';
      await context.sync();
    });
  }

  /** Every sheet's used cells (values and formulas) and every defined name. */
  async read(): Promise<WorkbookSnapshot> {
    return this.run((context) => readWorkbook(context, this.maxCellsPerSync, this.maxSheetsPerSync));
  }

  /**
   * Applies a batch of changes. Refuses with `WorkbookChangeError`, before writing anything, when
   * the workbook's structure or a sheet to write is protected, an output cell is merged or part of
   * an array formula or a dynamic array's spill, a sheet
   * to add exists (and is not listed in `replaceSheets`) or a sheet to write does not exist.
   */
  async apply(changes: WorkbookChanges): Promise<void> {
    await this.applyChanges(changes);
  }

  /** {@link apply}, saying what it did: the annotation mode, what was written, the round trips. */
  async applyChanges(changes: WorkbookChanges): Promise<ApplyReport> {
    const mode = this.annotationMode();
    const wantsNotes = Boolean(changes.clearToolNotes) || (changes.notes?.length ?? 0) > 0;
    return this.run(async (context) => {
      let syncs = 0;
      // Planning a catalogue's report between two round trips takes turns with the page.
      const slicer = timeSlicer(SLICE_MS);
      const sync = async () => {
        syncs++;
        await context.sync();
        slicer.restart();
      };
      const wb = context.workbook;

      // Check, round trip 1: sheets, names, workbook protection, existing notes and comments.
      const sheetList = wb.worksheets.load('items/name,items/id,items/visibility,items/position');
      const workbookProtection = wb.protection.load('protected');
      const nameList = wb.names.load('items/name,items/formula');
      const annotations = wantsNotes ? queueAnnotations(context, mode, this.maxNotesPerSync) : null;
      await sync();

      // Check, round trip 2: sheet protection, merged cells and arrays under the writes, what the writes
      // replace (for a rollback), note and comment locations.
      const sheets = new Map(sheetList.items.map((ws) => [ws.name.toLowerCase(), ws]));
      const protections = sheetList.items.map((ws) => ({ ws, protection: ws.protection.load('protected') }));
      const writesBySheet = groupBySheet(changes.cells ?? []);
      const targets = [...writesBySheet].flatMap(([sheetKey, writes]) => {
        const ws = sheets.get(sheetKey);
        if (!ws) return [];
        const box = boundingBox(writes);
        const range = ws.getRangeByIndexes(box.start.row, box.start.col, box.end.row - box.start.row + 1, box.end.col - box.start.col + 1);
        return [{ ws, box, areas: range.getMergedAreasOrNullObject().load('address'), arrays: probeArrays(ws.name, ws, writes, range) }];
      });
      const located = annotations?.locate();
      await sync();
      // Only when a box holds an array formula or a spill: which written cells they hold.
      const heldCells = await arrayCells(
        targets.map((t) => t.arrays),
        sync,
      );
      const { existingNotes, existingComments } = (await located?.read(sync)) ?? {
        existingNotes: new Map<string, ExistingNote>(),
        existingComments: new Map<string, ExistingComment>(),
      };

      const plan = planChanges(changes, {
        sheets: sheetList.items.map((ws) => ({ name: ws.name, visible: ws.visibility === 'Visible' })),
        workbookProtected: workbookProtection.protected,
        protectedSheets: new Set(protections.filter((p) => p.protection.protected).map((p) => p.ws.name.toLowerCase())),
        merges: targets.flatMap((t) => (t.areas.isNullObject ? [] : parseAreas(t.areas.address))),
        arrayCells: heldCells,
        toolNotes: mode === 'notes' ? [...existingNotes.values()].filter((n) => n.content.includes(TOOL_NOTE_MARKER)) : [],
      });
      if (plan.problems.length > 0) throw new WorkbookChangeError(plan.problems);

      // What the cell writes replace, for a rollback (one more round trip, when there are any).
      const priorCells: PriorState['cells'] = [];
      const blocks = targets.map((t, sheet) => ({
        sheet,
        row: t.box.start.row,
        col: t.box.start.col,
        rows: t.box.end.row - t.box.start.row + 1,
        cols: t.box.end.col - t.box.start.col + 1,
      }));
      await loadBlocks(
        sync,
        blocks,
        this.maxCellsPerSync,
        (b) => targets[b.sheet].ws,
        ['formulas', 'numberFormat'],
        (b, range) => {
          priorCells.push({ sheetId: targets[b.sheet].ws.id, row: b.row, col: b.col, formulas: range.formulas, numberFormat: range.numberFormat });
        },
      );

      await slicer.pause();
      const prior: PriorState = {
        sheets: sheetList.items.map((ws) => ({ id: ws.id, name: ws.name, position: ws.position })),
        names: nameList.items.map((n) => ({ name: n.name, formula: String(n.formula) })),
        cells: priorCells,
        notes: wantsNotes && mode === 'notes' ? new Map([...existingNotes.values()].map((n) => [n.location, n.content])) : null,
        comments:
          wantsNotes && mode !== 'report-only'
            ? new Map([...existingComments.values()].map((c) => [c.location, { content: c.content, replies: c.replies.map((r) => r.content) }]))
            : null,
      };

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
      // Write: new sheets under temporary names, cells, then notes or comments; then the swap
      // (names and places) and the defined names; deleting old sheets comes last of all.
      // Cell steps are made as they are sent (see `cellSteps`); the rest are few.
      const steps: Iterable<Step>[] = [];
      const swap: Step[] = [];
      const deletions: XlWorksheet[] = [];
      const live = new Map(sheets);
      const taken = new Set(sheets.keys());
      const temporary = (prefix: string) => {
        let n = 1;
        while (taken.has(`${prefix}${n}`)) n++;
        taken.add(`${prefix}${n}`);
        return `${prefix}${n}`;
      };
      for (const spec of changes.addSheets ?? []) {
        const old = sheets.get(spec.name.toLowerCase());
        const newName = temporary('~tb-ny-');
        let ws: XlWorksheet | undefined;
        steps.push([
          {
            bytes: OPERATION_BYTES,
            queue: () => {
              ws = wb.worksheets.add(newName);
              live.set(spec.name.toLowerCase(), ws);
            },
          },
        ]);
        steps.push(cellSteps(() => ws!, spec.cells));
        for (const m of spec.merges ?? []) {
          steps.push([
            {
              bytes: OPERATION_BYTES,
              queue: () => ws!.getRangeByIndexes(m.start.row, m.start.col, m.end.row - m.start.row + 1, m.end.col - m.start.col + 1).merge(),
            },
          ]);
        }
        (spec.columnWidths ?? []).forEach((chars, col) => {
          if (chars > 0)
            steps.push([{ bytes: OPERATION_BYTES, queue: () => (ws!.getRangeByIndexes(0, col, 1, 1).format.columnWidth = chars * POINTS_PER_CHARACTER) }]);
        });
        if (spec.frozenRows && spec.frozenRows > 0) steps.push([{ bytes: OPERATION_BYTES, queue: () => ws!.freezePanes.freezeRows(spec.frozenRows) }]);
        report.cellsWritten += spec.cells.length;
        if (old) {
          const oldName = temporary('~tb-gammel-');
          swap.push({ bytes: OPERATION_BYTES, queue: () => (old.name = oldName) });
          deletions.push(old);
        }
        swap.push({
          bytes: OPERATION_BYTES,
          queue: () => {
            ws!.name = spec.name;
            // A replaced sheet keeps its place among the tabs.
            if (old) ws!.position = old.position;
          },
        });
      }
      for (const name of plan.removed) deletions.push(sheets.get(name.toLowerCase())!);
      const existingNames = new Map(nameList.items.map((n) => [n.name.toLowerCase(), n]));
      const finalSheetName = new Map(sheetList.items.map((ws) => [ws.name.toLowerCase(), ws.name]));
      for (const spec of changes.addSheets ?? []) finalSheetName.set(spec.name.toLowerCase(), spec.name);
      for (const n of changes.names ?? []) {
        swap.push({
          bytes: OPERATION_BYTES * 2,
          queue: () => {
            existingNames.get(n.name.toLowerCase())?.delete();
            wb.names.add(n.name, `=${sheetRef(finalSheetName.get(n.sheet.toLowerCase()) ?? n.sheet, absoluteA1(n.range))}`);
          },
        });
      }
      for (const [sheetKey, writes] of writesBySheet) {
        steps.push(cellSteps(() => live.get(sheetKey)!, writes));
        report.cellsWritten += writes.length;
      }

      const sheetProxy = (name: string) => live.get(name.toLowerCase());
      const annotationSteps = (notes: Map<string, ExistingNote>, comments: Map<string, ExistingComment>, into: ApplyReport): Step[] =>
        mode === 'notes' ? noteSteps(changes, notes, comments, sheetProxy, into) : mode === 'comments' ? threadSteps(changes, comments, sheetProxy, into) : [];
      await slicer.pause();
      const notes = wantsNotes ? annotationSteps(existingNotes, existingComments, report) : [];
      await slicer.pause();
      try {
        // Usually one request for all of it.
        await this.runSteps(context, chain(...steps, notes, swap), sync, slicer);
      } catch (error) {
        await rollback(context, prior, error);
        if (notes.length === 0) throw error;
        // Perhaps a cell refused its note or comment: once more, the annotations cell by cell.
        try {
          await this.runSteps(context, chain(...steps), sync, slicer);
          await this.annotate(context, annotationSteps, report, sync);
          await this.runSteps(context, swap, sync, slicer);
        } catch (again) {
          await rollback(context, prior, again);
          throw again;
        }
      }
      await this.deleteSheets(context, deletions, sync);
      report.syncs = syncs;
      return report;
    });
  }

  /**
   * Notes or comments cell by cell, one request each, from the workbook as it is now: the cells
   * Excel refuses are reported as skipped, the rest is written.
   */
  private async annotate(
    context: XlRequestContext,
    stepsFor: (notes: Map<string, ExistingNote>, comments: Map<string, ExistingComment>, into: ApplyReport) => Step[],
    report: ApplyReport,
    sync: () => Promise<void>,
  ): Promise<void> {
    const annotations = queueAnnotations(context, report.annotationMode, this.maxNotesPerSync);
    await sync();
    const located = annotations.locate();
    await sync();
    const { existingNotes, existingComments } = await located.read(sync);
    const fresh: ApplyReport = { ...report, notesSkipped: [], notesWritten: 0, notesRemoved: 0 };
    const steps = stepsFor(existingNotes, existingComments, fresh);
    for (const step of steps) {
      try {
        step.queue();
        await sync();
      } catch (error) {
        if (!step.cell) throw error;
        fresh.notesSkipped.push(step.cell);
        fresh.notesWritten--;
      }
    }
    Object.assign(report, { notesWritten: fresh.notesWritten, notesRemoved: fresh.notesRemoved, notesSkipped: fresh.notesSkipped });
  }

  /**
   * The last writes: sheets replaced or removed. The new state is complete by now, so a failure
   * here goes forward, not back: what is left to delete is looked up again and deleted one by one.
   * A very hidden sheet is made hidden first (Excel refuses to delete a very hidden sheet).
   */
  private async deleteSheets(context: XlRequestContext, deletions: XlWorksheet[], sync: () => Promise<void>): Promise<void> {
    if (deletions.length === 0) return;
    const ids = deletions.map((ws) => ws.id);
    const queueDelete = (ws: XlWorksheet, visibility: string) => {
      if (visibility === 'VeryHidden') ws.visibility = 'Hidden';
      ws.delete();
    };
    try {
      for (const ws of deletions) queueDelete(ws, ws.visibility);
      await sync();
    } catch {
      const left = ids.map((id) => context.workbook.worksheets.getItemOrNullObject(id).load('id,visibility'));
      await sync();
      for (const ws of left) {
        if (ws.isNullObject) continue;
        queueDelete(ws, ws.visibility);
        await sync();
      }
    }
  }

  /**
   * Queues steps and sends them whenever the pending request, as Office.js serializes it, reaches
   * `maxRequestBytes` or `maxStepsPerRequest` steps. Measuring builds the whole request, so it is
   * done after every `MEASURE_EVERY_BYTES` of estimated growth, or a quarter of what is left of the
   * budget; between two measurements the request grows by a few hundred kB at most (a step is
   * bounded by `cellSteps`), far below the 5 MB Excel on the web allows.
   */
  private async runSteps(context: XlRequestContext, steps: Iterable<Step>, sync: () => Promise<void>, slicer: Slicer): Promise<void> {
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
      if (batch.length % PAUSE_EVERY_STEPS === 0) await slicer.pause();
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

function* chain(...parts: Iterable<Step>[]): Generator<Step> {
  for (const part of parts) yield* part;
}

/**
 * Loads the workbook's notes (notes mode) and threaded comments a page of `perSync` at a time,
 * and their locations (and a comment's replies) in the round trip after their page, with the
 * next page: the first page in the next round trip, then, from `locate`, the rest. A workbook's
 * usual few notes cost two round trips, a catalogue's thousands a bounded request each.
 */
function queueAnnotations(context: XlRequestContext, mode: AnnotationMode, perSync: number) {
  const wb = context.workbook;
  const notes: { note: XlNote; location: XlRange }[] = [];
  const comments: { comment: XlComment; location: XlRange; replies: XlCommentReplyCollection }[] = [];
  const page = (skip: number) => ({ $top: perSync, $skip: skip });
  let notePage = mode === 'notes' ? { skip: 0, items: wb.notes.load({ content: true, ...page(0) }) } : null;
  let commentPage = mode !== 'report-only' ? { skip: 0, items: wb.comments.load({ content: true, id: true, ...page(0) }) } : null;
  /** After a round trip: locates the page it brought, asks for the next one; false when all is asked for. */
  const next = (): boolean => {
    let queued = false;
    if (notePage) {
      const { skip, items } = notePage;
      for (const note of items.items) notes.push({ note, location: note.getLocation().load('address') });
      notePage = items.items.length === perSync ? { skip: skip + perSync, items: wb.notes.load({ content: true, ...page(skip + perSync) }) } : null;
      queued = items.items.length > 0 || notePage !== null;
    }
    if (commentPage) {
      const { skip, items } = commentPage;
      for (const comment of items.items)
        comments.push({ comment, location: comment.getLocation().load('address'), replies: comment.replies.load('items/content') });
      commentPage =
        items.items.length === perSync ? { skip: skip + perSync, items: wb.comments.load({ content: true, id: true, ...page(skip + perSync) }) } : null;
      queued ||= items.items.length > 0 || commentPage !== null;
    }
    return queued;
  };
  return {
    /** Queues the first page's locations (and the second page) to go with the caller's next sync. */
    locate() {
      next();
      return {
        /** The rest of the pages and locations, then every note and comment by its cell. */
        async read(sync: () => Promise<void>) {
          while (notePage || commentPage) {
            if (next()) await sync();
          }
          const existingNotes = new Map<string, ExistingNote>();
          for (const { note, location } of notes) {
            const { sheet, address } = splitSheetAddress(location.address);
            if (sheet !== null) existingNotes.set(key(sheet, address), { sheet, a1: address, location: location.address, note, content: note.content });
          }
          const existingComments = new Map<string, ExistingComment>();
          for (const { comment, location, replies } of comments) {
            const { sheet, address } = splitSheetAddress(location.address);
            if (sheet === null) continue;
            existingComments.set(key(sheet, address), {
              sheet,
              a1: address,
              location: location.address,
              comment,
              content: comment.content,
              replies: replies.items.map((reply) => ({ reply, content: reply.content })),
            });
          }
          return { existingNotes, existingComments };
        },
      };
    },
  };
}
