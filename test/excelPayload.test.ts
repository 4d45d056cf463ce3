/**
 * Payload sizes measured the way Office.js measures them. The fake builds each request in Office.js's
 * wire format; here the same batch is queued on Microsoft's own library (loaded offline) and the two
 * bodies are compared, so a fake request under 5 MB is a real request under 5 MB.
 */
import { makeCatalogue } from '../scripts/bench/catalogue';
import { seededRng } from '../scripts/bench/random';
import { annotationChanges, checkWorkbook } from '../src/engine';
import { OfficeWorkbook } from '../src/excel/OfficeWorkbook';
import type { XlRequestContext } from '../src/excel/api';
import { EXCEL_WEB_PAYLOAD_LIMIT, FakeExcel, workbookFromRows, type CellLiteral } from '../src/excel/fake';
import { officeJsRequestBytes } from '../src/excel/officeHost';
import { jsonBytes, utf8Bytes } from '../src/excel/payload';
import { loadOfficeJs } from './support/officeJs';

/** What an annotation does: cell writes of every kind, threaded comments, formats, names, a new sheet, loads. */
function annotationBatch(context: XlRequestContext, findings: number): void {
  const wb = context.workbook;
  wb.worksheets.load('items/name,items/visibility');
  const ws = wb.worksheets.getItem('Tabel A');
  for (let r = 0; r < findings; r++) ws.getRangeByIndexes(r, 2, 1, 4).formulas = [[r, 'tekst med æøå', '=C1*2', "'(1.144)"]];
  for (let r = 0; r < findings; r++) wb.comments.add(ws.getCell(r, 7), `[Teknisk beregningsark]\nFund ${r}: Total stemmer ikke: 5 forventet, 6 fundet`);
  wb.comments.add("'Tabel A'!J1", 'Adresse med arknavn');
  const format = ws.getRangeByIndexes(0, 0, 1, 3).format;
  format.fill.color = '#FFF2CC';
  format.font.bold = true;
  format.font.color = '#595959';
  format.columnWidth = 52.5;
  ws.getRangeByIndexes(0, 0, 1, 2).numberFormat = [['@', '#,##0;-#,##0;"-"']];
  ws.getCell(3, 3).hyperlink = { documentReference: "'Tabel A'!C7", textToDisplay: 'C7' };
  wb.names.add('TB_X', "='Tabel A'!$C$5");
  const added = wb.worksheets.add('Valideringsrapport');
  added.position = 0;
  added.getRange('A1').values = [['Valideringsrapport']];
  added.getRangeByIndexes(0, 0, 1, 4).merge(false);
  ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
  const box = ws.getRangeByIndexes(0, 0, 100, 10);
  box.getMergedAreasOrNullObject().load('address');
  box.load('hasSpill,savedAsArray');
  ws.getCell(1, 1).load('hasSpill,savedAsArray').getSpillParentOrNullObject().load('address');
  ws.getCell(0, 0).getSpillingToRangeOrNullObject().load('address');
  ws.freezePanes.freezeRows(1);
  ws.protection.load('protected');
  wb.protection.load('protected');
  wb.names.load('items/name');
}

/** Bytes of the batch's request as the fake measures it (the batch is not sent). */
async function fakeBytes(batch: (context: XlRequestContext) => void): Promise<number> {
  const excel = new FakeExcel(workbookFromRows({ 'Tabel A': [[1]] }));
  let bytes = -1;
  await excel
    .run(async (context) => {
      batch(context);
      bytes = excel.requestBytes(context);
      throw new Error('not sent');
    })
    .catch(() => undefined);
  return bytes;
}

function officeBytes(batch: (context: XlRequestContext) => void): number {
  const office = loadOfficeJs();
  const context = office.newContext();
  batch(context);
  return jsonBytes(office.pendingBody(context));
}

describe('request sizes as Office.js serializes them', () => {
  test.each([1, 10, 200])('an annotation batch with %i findings: the fake’s bytes are Office.js’s bytes', async (findings) => {
    const office = officeBytes((c) => annotationBatch(c, findings));
    const fake = await fakeBytes((c) => annotationBatch(c, findings));
    expect(fake).toBe(office);
  });

  test('the real host reads the size from Office.js’s own request builder', () => {
    const office = loadOfficeJs();
    const context = office.newContext();
    annotationBatch(context, 3);
    expect(officeJsRequestBytes(context)).toBe(jsonBytes(office.pendingBody(context)));
    expect(officeJsRequestBytes({})).toBeNull();
  });

  test('one finding costs what a person would not guess: measured, not estimated', async () => {
    const one = (n: number) => (c: XlRequestContext) => {
      const ws = c.workbook.worksheets.getItem('Tabel A');
      for (let i = 0; i < n; i++) c.workbook.comments.add(ws.getCell(i, 2), `[Teknisk beregningsark]\nFund ${i}`);
    };
    const perFinding = ((await fakeBytes(one(101))) - (await fakeBytes(one(1)))) / 100;
    expect(perFinding).toBe((officeBytes(one(101)) - officeBytes(one(1))) / 100);
    // Printed for the README's figure.
    console.log(`one threaded comment costs ${perFinding} bytes of request`);
  });
});

/** Loads of every kind the adapter makes; returns a reader of what they loaded. */
function loadBatch(context: XlRequestContext): () => unknown {
  const wb = context.workbook;
  const sheets = wb.worksheets.load('items/name,items/visibility');
  const names = wb.names.load('items/name,items/type,items/formula');
  const ws = wb.worksheets.getItem('Tabel A');
  const used = ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
  const cells = ws.getRangeByIndexes(0, 0, 3, 3).load(['values', 'formulas', 'numberFormat']);
  const box = ws.getRangeByIndexes(0, 0, 3, 3).load('hasSpill,savedAsArray,address');
  const missing = wb.worksheets.getItemOrNullObject('Findes ikke').load('name');
  const merged = ws.getRangeByIndexes(0, 0, 3, 3).getMergedAreasOrNullObject().load('address');
  const protection = wb.protection.load('protected');
  return () => ({
    sheets: sheets.items.map((s) => [s.name, s.visibility]),
    names: names.items.map((n) => [n.name, n.type, n.formula]),
    used: [used.rowIndex, used.columnIndex, used.rowCount, used.columnCount],
    cells: [cells.values, cells.formulas, cells.numberFormat],
    box: [box.hasSpill, box.savedAsArray, box.address],
    missing: missing.isNullObject,
    merged: merged.address,
    protection: protection.protected,
  });
}

describe('response sizes: the fake answers in the JSON Office.js reads', () => {
  test('Office.js, handed the fake’s response, loads exactly what the fake’s objects loaded', async () => {
    const model = workbookFromRows({
      'Tabel A': [
        ['Udvalg', 2025, 'æøå "citat"'],
        ['ØU', -369, '=B2*2'],
        ['KS', 0.5, true],
      ],
      Skjult: [[1]],
    });
    model.sheets[0].merges.push({ start: { row: 0, col: 0 }, end: { row: 0, col: 1 } });
    model.sheets[0].cells.get('1,1')!.numberFormat = '#,##0';
    model.sheets[1].visibility = 'Hidden';
    model.names.push({ name: 'TB_X', scope: null, formula: "='Tabel A'!$B$2", visible: true });
    const excel = new FakeExcel(model);
    const fromFake = await excel.run(async (context) => {
      const read = loadBatch(context);
      await context.sync();
      return read();
    });
    const response = excel.lastResponse!;
    expect(jsonBytes(response)).toBe(excel.syncs[0].responseBytes);

    const office = loadOfficeJs();
    const context = office.newContext();
    const read = loadBatch(context);
    office.receive(context, response);
    expect(read()).toEqual(fromFake);
    expect(fromFake).toMatchObject({
      sheets: [
        ['Tabel A', 'Visible'],
        ['Skjult', 'Hidden'],
      ],
      missing: true,
      merged: "'Tabel A'!A1:B1",
    });
  });

  test('a response over the limit is refused, measured from the values it would carry', async () => {
    const text = 'Lang tekst med æøå. '.repeat(50); // 1,150 bytes of UTF-8, 1,152 as a JSON string
    const excel = new FakeExcel(workbookFromRows({ Ark1: Array.from({ length: 100 }, () => [text, text]) }), { payloadLimitBytes: 200_000 });
    const load = (rows: number) =>
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Ark1').getRangeByIndexes(0, 0, rows, 2).load('values');
        await context.sync();
      });
    await load(80);
    const eighty = excel.syncs[0].responseBytes;
    expect(eighty).toBeGreaterThan(80 * 2 * 1_152);
    expect(eighty).toBeLessThan(80 * 2 * 1_152 + 2_000);
    await expect(load(100)).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });
});

describe('the adapter against Excel on the web’s payload limits', () => {
  const LIMIT = EXCEL_WEB_PAYLOAD_LIMIT;

  test('a 1,000-sheet catalogue is checked and annotated with every request and response under 5 MB', async () => {
    const catalogue = makeCatalogue(1000, seededRng(9));
    const sheets: Record<string, CellLiteral[][]> = {};
    for (const sheet of catalogue.sheets) sheets[sheet.name] = sheet.rows as CellLiteral[][];
    const excel = new FakeExcel(workbookFromRows(sheets));
    const port = new OfficeWorkbook(excel);
    const snapshot = await port.read();
    const changes = annotationChanges(snapshot, checkWorkbook(snapshot));
    expect(changes.notes!.length).toBeGreaterThan(3_200); // more than the old estimate let through
    const report = await port.applyChanges(changes);
    expect(report.notesWritten).toBe(new Set(changes.notes!.map((n) => `${n.sheet}!${n.row},${n.col}`)).size);
    expect(report.notesSkipped).toEqual([]);
    const noted = excel.model.sheets.reduce((sum, s) => sum + s.notes.size, 0);
    expect(noted).toBe(report.notesWritten);
    for (const sync of excel.syncs) {
      expect(sync.requestBytes).toBeLessThan(LIMIT / 2);
      expect(sync.responseBytes).toBeLessThan(LIMIT);
    }
    const largest = Math.max(...excel.syncs.map((s) => s.requestBytes));
    console.log(`1,000 sheets: ${changes.notes!.length} notes, ${excel.syncCount} syncs, largest request ${largest} bytes`);
  }, 120_000);

  test('a request Excel refuses for its size is sent again in halves, and everything lands once', async () => {
    const rows = (n: number) => Array.from({ length: n }, (_, r) => [`Række ${r}`, r]);
    const changes = {
      notes: Array.from({ length: 400 }, (_, r) => ({ sheet: 'Ark1', row: r, col: 1, text: `Fund ${r}: ${'x'.repeat(400)}` })),
    };
    const reference = new FakeExcel(workbookFromRows({ Ark1: rows(400) }));
    await new OfficeWorkbook(reference).applyChanges(changes);
    // The same batch against a host that refuses requests over 100 kB.
    const excel = new FakeExcel(workbookFromRows({ Ark1: rows(400) }), { payloadLimitBytes: 100_000 });
    const report = await new OfficeWorkbook(excel).applyChanges(changes);
    expect(report.notesWritten).toBe(400);
    expect(excel.syncs.some((s) => s.requestBytes > 100_000)).toBe(true); // refused at least once…
    expect([...excel.model.sheets[0].notes]).toEqual([...reference.model.sheets[0].notes]); // …and recovered, nothing twice
  });

  test('a sheet of long texts is read in blocks whose responses, as measured, stay under 5 MB', async () => {
    // 2,000 rows of two texts of 1.6 kB (æøå: two bytes each in UTF-8) and a number: about 12 MB as
    // values and formulas, so the first 40,000-cell request's answer is too large.
    const long = (r: number, c: number) => `${r}:${c} ${'Lang tekst om forslaget, på dansk. '.repeat(45)}`;
    const rows: CellLiteral[][] = Array.from({ length: 2_000 }, (_, r) => [long(r, 0), long(r, 1), r]);
    const excel = new FakeExcel(workbookFromRows({ Tekster: rows }));
    const snapshot = await new OfficeWorkbook(excel).read();
    const grid = snapshot.sheets[0].cells;
    expect(grid).toHaveLength(2_000);
    rows.forEach((row, r) => expect(grid[r].map((c) => (c.kind === 'empty' ? null : c.value))).toEqual(row));

    const refused = excel.syncs.filter((s) => s.responseBytes > LIMIT);
    const answered = excel.syncs.filter((s) => s.responseBytes <= LIMIT);
    expect(refused.length).toBeGreaterThanOrEqual(1); // the texts did not fit at first …
    expect(refused.length).toBeLessThanOrEqual(2); // … and halving found a size that does
    expect(Math.max(...answered.map((s) => s.responseBytes))).toBeGreaterThan(LIMIT / 4); // blocks not needlessly small
    // What was answered carries every text twice (values and formulas), as UTF-8.
    const textBytes = rows.reduce((sum, row) => sum + utf8Bytes(String(row[0])) + utf8Bytes(String(row[1])), 0);
    expect(answered.reduce((sum, s) => sum + s.responseBytes, 0)).toBeGreaterThan(2 * textBytes);
    console.log(`long texts: ${excel.syncCount} syncs, ${refused.length} refused, largest answer ${Math.max(...answered.map((s) => s.responseBytes))} bytes`);
  });
});

describe('the adapter sizes requests by the host’s measure', () => {
  test('a host that measures its requests as larger gets more, smaller requests', async () => {
    const changes = { notes: Array.from({ length: 300 }, (_, r) => ({ sheet: 'Ark1', row: r, col: 0, text: `Fund ${r}` })) };
    const syncsWith = async (scale: number | null) => {
      const excel = new FakeExcel(workbookFromRows({ Ark1: [[1]] }));
      const measured = excel.requestBytes.bind(excel);
      (excel as { requestBytes: (c: XlRequestContext) => number | null }).requestBytes = (context) => (scale === null ? null : measured(context) * scale);
      await new OfficeWorkbook(excel, { maxRequestBytes: 200_000 }).applyChanges(changes);
      return excel.syncCount;
    };
    const plain = await syncsWith(1);
    expect(await syncsWith(20)).toBeGreaterThanOrEqual(plain + 2);
    // A host that cannot measure falls back to the steps' estimates and still writes everything.
    expect(await syncsWith(null)).toBeGreaterThanOrEqual(plain);
  });
});
