/**
 * No one round trip grows with the catalogue: used ranges are asked for a bounded number of sheets
 * at a time, notes located a bounded number at a time, and a workbook the size of the seed
 * catalogue costs the same round trips as before.
 */
import { makeCatalogue } from '../../scripts/bench/catalogue';
import { seededRng } from '../../scripts/bench/random';
import { annotationChanges, checkWorkbook, REPORT_SHEET } from '../../src/engine';
import { OfficeWorkbook, type OfficeWorkbookOptions } from '../../src/excel/OfficeWorkbook';
import { FakeExcel, workbookFromRows, type CellLiteral, type WorkbookModel } from '../../src/excel/fake';
import type { XlRequestContext } from '../../src/excel/api';
import { jsonBytes } from '../../src/excel/payload';
import { SEED_SHEETS } from '../fixtures/seed/grids';
import { loadOfficeJs } from '../support/officeJs';

function catalogue(sheets: number): WorkbookModel {
  const rows: Record<string, CellLiteral[][]> = {};
  for (const sheet of makeCatalogue(sheets, seededRng(sheets)).sheets) rows[sheet.name] = sheet.rows as CellLiteral[][];
  return workbookFromRows(rows);
}

function seed(): WorkbookModel {
  const rows: Record<string, CellLiteral[][]> = {};
  for (const sheet of SEED_SHEETS) rows[sheet.name] = sheet.rows as CellLiteral[][];
  return workbookFromRows(rows);
}

/** Read, check, annotate, remove: the syncs of each, and the host's record of every request. */
async function roundTrips(model: WorkbookModel, options: OfficeWorkbookOptions = {}) {
  const excel = new FakeExcel(model);
  const port = new OfficeWorkbook(excel, options);
  const snapshot = await port.read();
  const read = excel.syncCount;
  const changes = annotationChanges(snapshot, checkWorkbook(snapshot));
  const annotated = await port.applyChanges(changes);
  const removed = await port.applyChanges({ clearToolNotes: true, removeSheets: [REPORT_SHEET] });
  return { excel, snapshot, changes, read, annotate: annotated.syncs, remove: removed.syncs, annotated, removed };
}

describe('requests stay bounded on a whole catalogue', () => {
  test('used ranges of at most maxSheetsPerSync sheets per request; the snapshot is the same', async () => {
    const model = catalogue(60);
    const excel = new FakeExcel(model);
    const snapshot = await new OfficeWorkbook(excel, { maxSheetsPerSync: 25 }).read();
    const one = new FakeExcel(model);
    expect(snapshot).toEqual(await new OfficeWorkbook(one, { maxSheetsPerSync: 1000 }).read());
    // Sheet list, then ⌈60 / 25⌉ = 3 requests for used ranges instead of 1, then the cells.
    expect(excel.syncCount).toBe(one.syncCount + 2);
    // Each sheet costs a used range and its names: the largest of those requests holds 25 sheets.
    const usedRanges = excel.syncs.slice(1, 4).map((s) => s.operations);
    expect(Math.max(...usedRanges)).toBeLessThan(one.syncs[1].operations / 2);
  });

  test('hundreds of notes are located and removed in requests of bounded size, every one of them', async () => {
    const { excel, annotated, removed } = await roundTrips(catalogue(60), { maxNotesPerSync: 100 });
    expect(annotated.notesWritten).toBeGreaterThan(300);
    expect(removed.notesRemoved).toBe(annotated.notesWritten);
    expect(excel.model.sheets.reduce((sum, s) => sum + s.notes.size, 0)).toBe(0);
    expect(excel.model.sheets.some((s) => s.name === REPORT_SHEET)).toBe(false);
    // Locating 100 notes is 200 operations and their objects; without the bound one request held them all.
    const unbounded = await roundTrips(catalogue(60), { maxNotesPerSync: 100_000 });
    expect(removed.syncs).toBe(unbounded.removed.syncs + Math.ceil(annotated.notesWritten / 100) - 1);
    // Removal's requests: notes, then their places (with each sheet's protection), …, deletions, the sheet.
    const locating = (e: FakeExcel, syncs: number, notes: number) => e.syncs.slice(-syncs).slice(1, 1 + Math.ceil(notes / 100));
    const sheets = excel.model.sheets.length + 1; // and the report, still there while it is checked
    // 100 locations, each sheet's protection, the next page of notes.
    for (const sync of locating(excel, removed.syncs, annotated.notesWritten)) expect(sync.operations).toBeLessThanOrEqual(2 * 100 + 2 * sheets + 1);
    expect(unbounded.excel.syncs.slice(-unbounded.removed.syncs)[1].operations).toBeGreaterThan(2 * annotated.notesWritten);
  });

  test('the seed catalogue costs the round trips it cost before: read 3, annotate 3, remove 4', async () => {
    const { read, annotate, remove, annotated, removed } = await roundTrips(seed());
    expect(annotated.notesWritten).toBeGreaterThan(0);
    expect(removed.notesRemoved).toBe(annotated.notesWritten);
    expect({ read, annotate, remove }).toEqual({ read: 3, annotate: 3, remove: 4 });
  });
});

describe('a page of notes, as Office.js asks for it', () => {
  // The package's Office.js predates notes (ExcelApi 1.18); comments are paged the same way.
  const pageOf = (context: XlRequestContext) => {
    context.workbook.comments.load({ content: true, id: true, $top: 50, $skip: 10 });
    context.workbook.worksheets.getItem('Ark1').comments.load({ content: true, $top: 3 });
  };

  test('the request is the bytes Office.js sends, and the answer holds exactly that page', async () => {
    const office = loadOfficeJs();
    const officeContext = office.newContext();
    pageOf(officeContext);
    const model = workbookFromRows({ Ark1: [[1, 2, 3, 4]] });
    ['A1', 'B1', 'C1', 'D1'].forEach((a1, i) => model.sheets[0].notes.set(a1, { content: `Note ${i}`, author: 'Revisor' }));
    const excel = new FakeExcel(model);
    const page = await excel.run(async (context) => {
      pageOf(context);
      expect(excel.requestBytes(context)).toBe(jsonBytes(office.pendingBody(officeContext)));
      const notes = context.workbook.notes.load({ content: true, $top: 2, $skip: 1 });
      await context.sync();
      return notes.items.map((n) => n.content);
    });
    expect(page).toEqual(['Note 1', 'Note 2']);
  });

  test('a page size that is not a number is refused when loaded, as Office.js refuses it', async () => {
    const excel = new FakeExcel(workbookFromRows({ Ark1: [[1]] }));
    await expect(
      excel.run(async (context) => {
        context.workbook.notes.load({ content: true, $top: '2' as unknown as number });
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});
