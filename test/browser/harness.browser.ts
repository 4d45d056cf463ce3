/**
 * The add-in end to end in headless Chromium: the built harness (dist/harness.html) runs the real
 * task pane and the real src/excel adapter over the in-memory Excel API, on workbooks built here
 * and never seen before. Expectations come from the engine run in Node on the same files, through
 * the ExcelJS adapter the `tb` CLI uses.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import forslag4Json from '../../examples/forslag4.json';
import {
  annotationChanges,
  checkWorkbook,
  computeProposal,
  condenseFindings,
  formatDanish,
  ProposalSchema,
  readTemplate,
  REPORT_SHEET,
  sheetRef,
  tableWrites,
  TemplateError,
  templateChanges,
  text,
  TOOL_NOTE_MARKER,
  type Finding,
  type WorkbookSnapshot,
} from '../../src/engine';
import { OfficeWorkbook } from '../../src/excel/OfficeWorkbook';
import { FakeExcel, WorkbookModel, xlsxFromModel } from '../../src/excel/fake';
import { XlsxWorkbook } from '../../src/node/xlsxAdapter';
import { DIST, foreignRequests, launchChromium, RESULTS, ROOT, serveStatic, type BrowserSession, type StaticServer } from '../support/browser';
import { buildSeedWorkbook } from '../fixtures/buildSeedWorkbook';
import { SEED_CATALOGUE } from '../fixtures/seed/overview';
import { notesInXlsx } from '../support/xlsx';

const forslag4 = ProposalSchema.parse(forslag4Json);
const PANE_WIDTH = 400;

let server: StaticServer;
let browser: BrowserSession;
let work: string;

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  work = mkdtempSync(path.join(tmpdir(), 'tb-browser-'));
  server = await serveStatic(DIST);
  browser = await launchChromium(PANE_WIDTH);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

// ---- fixtures --------------------------------------------------------------------------------

/** Two proposals as a person pasted them, with defects, and notes a person wrote. */
async function catalogueFixture(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet('Forslag 9');
  a.addRows([
    ['Forslag 9: Fælles indkøb af software'],
    [],
    ['Tabel A. Måltalseffekt - hvis forslaget indarbejdes (nettoeffektivisering)'],
    ['1.000 kr. 2025 p/l'],
    ['Udvalg', 'Bevilling, profitcenter mv.', 2025, 2026, 2027],
    ['Økonomiudvalget', 'PC 1001', -100, -200, -200],
    ['Teknik- og Miljøud-valget', 'PC 2002', -50, '--43.142', -100],
    ['Total', null, -150, -250, -301],
  ]);
  a.getCell('A1').note = 'Kilde: bilag 8';
  a.getCell('E8').note = 'Tjek med Jens';
  const b = wb.addWorksheet('Katalog BC07');
  b.addRows([
    ['BC07: Samling af indkøb'],
    ['Tabel A. Måltalseffekt'],
    ['1.000 kr. 2025 p/l'],
    ['Udvalg', 'Bevilling, profitcenter mv.', 2025, 2026],
    ['ØU', 'PC 1', -100, -100],
    ['TMU', 'PC 2', -200, -200],
    ['Total', null, -300, -300],
    [],
    ['Tabel B. Bevillingsmæssig effekt - varig drift'],
    ['1.000 kr. 2025 p/l'],
    ['Udvalg', 'Bevilling, profitcenter mv.', 2025, 2026],
    ['ØU', null, 10, 10],
    ['TMU', 'PC 2', -5, -10],
    ['Total', null, 5, 0],
    [],
    ['Tabel C. Bevillingsmæssig effekt - hvis forslaget indarbejdes'],
    ['1.000 kr. 2025 p/l'],
    ['Udvalg', 'Bevilling, profitcenter mv.', 2025, 2026],
    ['ØU', 'PC 1', -90, -90],
    ['TMU', 'PC 2', -205, -200],
    ['Total', null, -295, -290],
  ]);
  wb.addWorksheet('Noter').addRows([['Spørgsmål til forvaltningerne'], ['Husk p/l-niveau']]);
  await wb.xlsx.writeFile(file);
}

async function cleanFixture(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Noter').addRows([['Ingen tabeller her'], ['Kun tekst']]);
  await wb.xlsx.writeFile(file);
}

/** A filled template (Forslag 4) whose Tabeller sheet is protected. */
async function protectedTemplateFixture(file: string): Promise<void> {
  const excel = new FakeExcel(WorkbookModel.blank());
  await new OfficeWorkbook(excel).applyChanges(templateChanges(forslag4));
  excel.model.sheet('Tabeller')!.protected = true;
  const { writeFileSync } = await import('node:fs');
  writeFileSync(file, await xlsxFromModel(excel.model));
}

/**
 * Forslag 4's template with typing mistakes on Input: a double minus, an unknown unit, a key that
 * sums to 90 % (or `key`), and any `extra` cells on the same row.
 */
async function inputMistakesFixture(file: string, { key = 'ØU 0,25; TMU 0,65', extra = [] as { col: number; value: number }[] } = {}): Promise<void> {
  const excel = new FakeExcel(WorkbookModel.blank());
  const workbook = new OfficeWorkbook(excel);
  await workbook.applyChanges(templateChanges(forslag4));
  const input = (await workbook.read()).sheets.find((s) => s.name === 'Input')!;
  const effectRow = input.cells.findIndex((r) => r[1]?.kind === 'text' && r[1].value === 'TMU');
  await workbook.applyChanges({
    cells: [
      { sheet: 'Input', row: effectRow, col: 5, value: text('--455') },
      { sheet: 'Input', row: effectRow, col: 1, value: text('Rådhuset') },
      { sheet: 'Input', row: effectRow, col: 2, value: text(key) },
      ...extra.map(({ col, value }) => ({ sheet: 'Input', row: effectRow, col, value: { kind: 'number' as const, value } })),
    ],
  });
  const { writeFileSync } = await import('node:fs');
  writeFileSync(file, await xlsxFromModel(excel.model));
}

async function snapshotOf(file: string): Promise<WorkbookSnapshot> {
  return (await XlsxWorkbook.open(file)).read();
}

async function notesOf(file: string): Promise<Map<string, string>> {
  return notesInXlsx(readFileSync(file));
}

// ---- page helpers ----------------------------------------------------------------------------

/**
 * A new harness page. Each test starts from the pane's defaults (language, the notes choice) unless
 * it asks to keep what an earlier page of the same test remembered.
 */
async function openHarness(query = '', { keepPreferences = false } = {}): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/harness.html${query}`);
  if (!keepPreferences) {
    await page.evaluate(() => localStorage.clear());
    await page.reload();
  }
  await page.getByRole('button', { name: /^(Tjek konsistens|Check consistency)$/ }).waitFor();
  return page;
}

/** Chooses a file; does not wait for it to load (the pane's actions do). */
async function chooseWorkbook(page: Page, file: string): Promise<void> {
  await page.getByLabel('Åbn projektmappe').setInputFiles(file);
}

async function openWorkbook(page: Page, file: string): Promise<void> {
  await chooseWorkbook(page, file);
  await page.locator(`[data-testid=file-name]:text-is("${path.basename(file)}")`).waitFor();
}

/** Holds the next file's bytes until `window.releaseFile()`, so a click surely lands while it loads. */
async function holdNextFile(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { releaseFile?: () => void };
    const read = Blob.prototype.arrayBuffer;
    Blob.prototype.arrayBuffer = function (this: Blob) {
      Blob.prototype.arrayBuffer = read;
      return new Promise<void>((resolve) => (w.releaseFile = resolve)).then(() => read.call(this));
    };
  });
}

async function download(page: Page, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
  const target = path.join(work, name);
  await file.saveAs(target);
  return target;
}

type Shown = Pick<Finding, 'rule' | 'severity' | 'sheet' | 'cell'> & { hiddenSheet: boolean };

/** The findings rendered now (the list renders only the rows in view), by their place in the list. */
async function renderedFindings(page: Page): Promise<Map<number, Shown>> {
  const items = await page.locator('[data-rule]').evaluateAll((els) =>
    els.map((el) => ({
      index: Number(el.getAttribute('data-index')),
      rule: el.getAttribute('data-rule') ?? '',
      severity: el.getAttribute('data-severity') ?? '',
      sheet: el.getAttribute('data-sheet') ?? '',
      cell: el.getAttribute('data-cell') ?? '',
      hiddenSheet: el.hasAttribute('data-hidden-sheet'),
    })),
  );
  return new Map(items.map(({ index, ...f }) => [index, f as Shown]));
}

const twoFrames = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/**
 * Scrolls the findings list from top to bottom and returns every finding it shows, in order;
 * `until` stops early, with the finding it accepted rendered.
 */
async function scrollFindings(page: Page, until?: (f: Shown) => boolean): Promise<Shown[]> {
  const scroller = page.getByTestId('findings-scroller');
  if ((await scroller.count()) === 0) return [];
  const total = Number(await scroller.getAttribute('data-findings'));
  const seen = new Map<number, Shown>();
  await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
  await twoFrames(page);
  for (let step = 0; step < 10_000; step++) {
    for (const [index, f] of await renderedFindings(page)) {
      seen.set(index, f);
      if (until?.(f)) return [...seen.values()];
    }
    const atEnd = await scroller.evaluate((el) => {
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) return true;
      el.scrollTop += Math.max(1, Math.floor(el.clientHeight * 0.8));
      return false;
    });
    if (atEnd) break;
    await twoFrames(page);
  }
  if (until) throw new Error('No such finding in the list');
  expect(seen.size).toBe(total);
  return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, f]) => f);
}

async function shownFindings(page: Page): Promise<Shown[]> {
  return scrollFindings(page);
}

async function check(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Tjek konsistens' }).click();
  await page.getByTestId('findings').waitFor();
}

async function screenshotPane(page: Page, name: string): Promise<void> {
  await page.getByTestId('task-pane').screenshot({ path: path.join(RESULTS, name), animations: 'disabled' });
}

/** The element that has the focus, as its test id or tag, and whether it lies inside the result. */
async function focusState(page: Page): Promise<{ inResult: boolean; tag: string; text: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const result = document.querySelector('[data-testid=result]');
    return { inResult: !!(el && result && result.contains(el)), tag: el?.tagName ?? '', text: el?.textContent?.trim() ?? '' };
  });
}

const key = (f: Pick<Finding, 'rule' | 'severity' | 'sheet' | 'cell'>) => `${f.sheet}|${f.rule}|${f.severity}|${f.cell}`;

// ---- tests -------------------------------------------------------------------------------------

describe('the harness in headless Chromium, 400 px wide', () => {
  test('"Tjek konsistens" lists the condensed findings of tb check, errors first, infos behind a count, and writes nothing', async () => {
    const original = path.join(work, 'katalog.xlsx');
    await catalogueFixture(original);
    const snapshot = await snapshotOf(original);
    const expected = checkWorkbook(snapshot);
    const condensed = condenseFindings(expected.findings);
    // The fixture holds a double minus, a total off by one, an unbalanced Tabel B and C ≠ A + B.
    expect(expected.findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(0);
    expect(expected.findings.filter((f) => f.severity === 'info').length).toBeGreaterThan(0);

    const page = await openHarness();
    await openWorkbook(page, original);
    await check(page);

    // Errors and warnings by default; the first one shown is an error; no info until asked.
    const shown = await shownFindings(page);
    expect(shown.map(key)).toEqual(condensed.filter((f) => f.severity !== 'info').map(key));
    expect(shown[0].severity).toBe('error');
    expect(shown.some((f) => f.severity === 'info')).toBe(false);
    const counts = page.getByTestId('severity-counts');
    expect(await counts.getAttribute('data-errors')).toBe(String(condensed.filter((f) => f.severity === 'error').length));
    const infos = condensed.filter((f) => f.severity === 'info').length;
    expect(await page.getByTestId('show-infos').textContent()).toBe(`Vis ${infos} ${infos === 1 ? 'bemærkning' : 'bemærkninger'}`);
    // The detail line: a singular severity and the rule's Danish name.
    expect(await page.getByTestId('finding-detail').first().textContent()).toMatch(/^Fejl · [a-zæøå]/);
    expect(await page.getByTestId('finding-detail').allTextContents()).not.toContainEqual(expect.stringMatching(/[a-z]+-[a-z]+/));
    // Nothing was written, and the pane says so.
    expect(await page.getByTestId('annotation-mode').getAttribute('data-mode')).toBe('none');
    expect(await page.getByTestId('annotation-mode').textContent()).toMatch(/Projektmappen er ikke ændret/);
    await screenshotPane(page, 'pane-findings.png');
    const untouched = await download(page, 'katalog-kun-tjekket.xlsx');
    expect(await notesOf(untouched)).toEqual(await notesOf(original));
    expect((await snapshotOf(untouched)).sheets).toEqual(snapshot.sheets);

    // Infos when asked for; the severity filter.
    await page.getByTestId('show-infos').click();
    expect((await shownFindings(page)).map(key)).toEqual(condensed.map(key));
    await page.locator('[data-filter=error]').click();
    expect((await shownFindings(page)).map(key)).toEqual(condensed.filter((f) => f.severity === 'error').map(key));
    await page.locator('[data-filter=problems]').click();

    // A click on a finding activates its sheet and selects its cell; then one on another sheet.
    const sheets = [...new Set(condensed.filter((f) => f.severity !== 'info').map((f) => f.sheet))];
    expect(sheets.length).toBeGreaterThan(1);
    for (const sheet of [...sheets].reverse()) {
      const finding = condensed.find((f) => f.sheet === sheet && f.severity !== 'info')!;
      await scrollFindings(page, (f) => f.sheet === finding.sheet && f.cell === finding.cell);
      await page.locator(`[data-sheet="${finding.sheet}"][data-cell="${finding.cell}"]`).first().click();
      const wanted = `'${finding.sheet.replace(/'/g, "''")}'!${finding.cell}`;
      await page.locator(`[data-testid=name-box][data-selection="${wanted}"]`).waitFor();
      expect(await page.locator('[role=tab][aria-selected=true]').textContent()).toBe(finding.sheet);
    }
    await page.screenshot({ path: path.join(RESULTS, 'harness-400.png'), fullPage: true });
    await page.close();
  });

  test('notes and the report sheet only when chosen (remembered); the result says what was written; removal takes exactly them', async () => {
    const original = path.join(work, 'katalog-noter.xlsx');
    await catalogueFixture(original);
    const snapshot = await snapshotOf(original);
    const expected = checkWorkbook(snapshot);

    const page = await openHarness();
    await openWorkbook(page, original);
    const choice = page.getByRole('checkbox', { name: /Skriv også noter/ });
    expect(await choice.isChecked()).toBe(false);
    await choice.check();
    await check(page);
    const cited = annotationChanges(snapshot, expected).notes ?? [];
    expect(cited.length).toBeGreaterThan(0);
    expect(await page.getByTestId('annotation-mode').getAttribute('data-mode')).toBe('notes');
    expect(await page.getByTestId('annotation-mode').textContent()).toBe(
      `Skrevet: ${cited.length} noter i cellerne og arket Valideringsrapport. Fjern dem med »Fjern noter og rapport«; dine egne noter bliver stående.`,
    );

    const annotated = await download(page, 'katalog-tjekket.xlsx');
    const noted = await notesOf(annotated);
    // Every note the tool wrote is in the downloaded file as ExcelJS reads it, on empty cells too.
    const isEmpty = (n: { sheet: string; row: number; col: number }) =>
      (snapshot.sheets.find((s) => s.name === n.sheet)?.cells[n.row]?.[n.col]?.kind ?? 'empty') === 'empty';
    expect(cited.filter(isEmpty).length).toBeGreaterThan(0);
    for (const n of cited) {
      const cell = `${n.sheet}!${String.fromCharCode(65 + n.col)}${n.row + 1}`;
      expect([cell, noted.get(cell)?.includes(TOOL_NOTE_MARKER)]).toEqual([cell, true]);
    }
    expect([...noted.values()].filter((text) => text.includes(TOOL_NOTE_MARKER))).toHaveLength(cited.length);
    expect(noted.get('Forslag 9!A1')).toBe('Kilde: bilag 8');
    expect(noted.get('Forslag 9!E8')?.startsWith('Tjek med Jens')).toBe(true);
    const after = await snapshotOf(annotated);
    expect(after.sheets.filter((s) => s.name === REPORT_SHEET)).toHaveLength(1);
    // The report sheet's severities are the pane's (and the CLI's) words, one per finding.
    const report = after.sheets.find((s) => s.name === REPORT_SHEET)!;
    const severities = report.cells.slice(4).map((row) => (row[2]?.kind === 'text' ? row[2].value : ''));
    expect(severities).toEqual(expected.findings.map((f) => ({ error: 'Fejl', warning: 'Advarsel', info: 'Bemærkning' })[f.severity]));
    expect(after.sheets.filter((s) => s.name !== REPORT_SHEET)).toEqual(snapshot.sheets);

    // The choice is remembered in a new pane.
    const again = await openHarness('', { keepPreferences: true });
    expect(await again.getByRole('checkbox', { name: /Skriv også noter/ }).isChecked()).toBe(true);
    await again.getByRole('checkbox', { name: /Skriv også noter/ }).uncheck();
    await again.close();

    // "Fjern noter og rapport": exactly the tool's notes and the report sheet go.
    await page.getByRole('button', { name: 'Fjern noter og rapport' }).click();
    await page.getByTestId('message-success').waitFor();
    expect(await page.getByTestId('message-success').textContent()).toMatch(/^Fjernet: \d+ noter fra værktøjet og arket Valideringsrapport/);
    const cleaned = await download(page, 'katalog-renset.xlsx');
    expect(await notesOf(cleaned)).toEqual(await notesOf(original));
    expect((await snapshotOf(cleaned)).sheets).toEqual(snapshot.sheets);
    await page.close();
  });

  test('notes on empty cells survive Download and opening the file again: a LibreOffice file with comments on empty cells, checked, reopened, cleaned', async () => {
    // LibreOffice, like Excel, leaves an empty commented cell out of <sheetData>.
    const original = path.join(ROOT, 'test', 'fixtures', 'libreoffice', 'libreoffice-notes.xlsx');
    const people = {
      'Forslag 9!A1': 'Kilde: bilag 8',
      'Forslag 9!B7': 'Bevilling aftales med TMF',
      'Forslag 9!E8': 'Total for 2027 mangler, spørg ØKF',
      'Forslag 9!C12': 'Husk heraf-linjerne',
    };
    const snapshot = await snapshotOf(original);
    const cited = annotationChanges(snapshot, checkWorkbook(snapshot)).notes ?? [];
    const citedCells = cited.map((n) => `${n.sheet}!${String.fromCharCode(65 + n.col)}${n.row + 1}`);
    // The check cites empty cells, one of them (E8, the missing total) under a person's note.
    expect(citedCells).toEqual(expect.arrayContaining(['Forslag 9!B7', 'Forslag 9!E8']));
    /** The notes the harness's grid shows on the sheet Forslag 9. */
    const gridNotes = async (page: Page) => {
      await page.locator('[data-sheet-tab="Forslag 9"]').click();
      return page
        .locator('[data-testid=sheet-grid][data-sheet="Forslag 9"] td[data-note]')
        .evaluateAll((tds) => Object.fromEntries(tds.map((td) => [`Forslag 9!${td.getAttribute('data-cell')}`, td.getAttribute('data-note') ?? ''])));
    };

    const page = await openHarness();
    await openWorkbook(page, original);
    expect(await gridNotes(page)).toEqual(people);
    await page.getByRole('checkbox', { name: /Skriv også noter/ }).check();
    await check(page);
    const annotated = await download(page, 'libreoffice-noter-tjekket.xlsx');

    // Opened again through the file input: the person's notes and the tool's, on empty cells too.
    await openWorkbook(page, annotated);
    const reopened = await gridNotes(page);
    expect(Object.keys(reopened).sort()).toEqual([...new Set([...Object.keys(people), ...citedCells])].sort());
    for (const [cell, note] of Object.entries(people)) expect([cell, reopened[cell].startsWith(note)]).toEqual([cell, true]);
    for (const cell of citedCells) expect([cell, reopened[cell].includes(TOOL_NOTE_MARKER)]).toEqual([cell, true]);

    // The reopened workbook's tool notes are all found and removed; the person's stay as they were.
    await page.getByRole('button', { name: 'Fjern noter og rapport' }).click();
    await page.getByTestId('message-success').waitFor();
    expect(await page.getByTestId('message-success').textContent()).toMatch(
      new RegExp(`^Fjernet: ${cited.length} noter fra værktøjet og arket Valideringsrapport`),
    );
    // The grid repaints a moment after the pane's round trips, as Excel's does.
    await page.waitForFunction(
      (marker) => ![...document.querySelectorAll('td[data-note]')].some((td) => td.getAttribute('data-note')?.includes(marker)),
      TOOL_NOTE_MARKER,
    );
    expect(await gridNotes(page)).toEqual(people);
    const cleaned = await download(page, 'libreoffice-noter-renset.xlsx');
    expect(Object.fromEntries(await notesOf(cleaned))).toEqual(people);
    expect((await snapshotOf(cleaned)).sheets).toEqual(snapshot.sheets);
    await page.close();
  });

  test('keyboard: Enter on "Tjek konsistens" puts focus in the result and the live region holds it; the list is one Tab stop with arrow keys', async () => {
    const file = path.join(work, 'katalog-tastatur.xlsx');
    await catalogueFixture(file);
    const page = await openHarness();
    await openWorkbook(page, file);
    await page.getByRole('button', { name: 'Tjek konsistens' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('findings').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid=result]')?.contains(document.activeElement));
    expect((await focusState(page)).inResult).toBe(true);
    const live = page.getByTestId('live-region');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    expect(await live.textContent()).toMatch(/^Tjek færdigt: \d+ fejl, \d+ advars(el|ler) og \d+ bemærkning(er)?\. Projektmappen er ikke ændret/);

    // One Tab stop for the whole list; the arrows move inside it.
    const items = page.locator('[data-rule]');
    expect(await items.count()).toBeGreaterThan(2);
    expect(await page.locator('[data-rule][tabindex="0"]').count()).toBe(1);
    await page.locator('[data-rule][tabindex="0"]').focus();
    const focusedIndex = (index: number) => page.waitForFunction((i) => document.activeElement?.getAttribute('data-index') === String(i), index);
    await page.keyboard.press('ArrowDown');
    await focusedIndex(1);
    await page.keyboard.press('End');
    await focusedIndex(Number(await page.getByTestId('findings-scroller').getAttribute('data-findings')) - 1);
    await page.keyboard.press('Home');
    await focusedIndex(0);
    expect(await page.locator('[data-rule][tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-rule'))).toBe(false);
    await page.close();
  });

  test('a workbook without defects shows "Ingen fejl fundet"', async () => {
    const file = path.join(work, 'ren.xlsx');
    await cleanFixture(file);
    expect(checkWorkbook(await snapshotOf(file)).findings).toEqual([]);
    const page = await openHarness();
    await openWorkbook(page, file);
    await check(page);
    await page.getByTestId('empty-state').waitFor();
    expect(await page.getByTestId('empty-state').textContent()).toBe('Ingen fejl fundet');
    await screenshotPane(page, 'pane-empty.png');
    await page.close();
  });

  test('a guided start: numbered steps, and the primary button follows the workbook', async () => {
    const page = await openHarness();
    expect(await page.getByTestId('intro').locator('p').count()).toBe(2);
    const steps = await page.locator('ol > li').allTextContents();
    expect(steps.map((s) => s.slice(0, 20))).toEqual([
      expect.stringMatching(/^Indsæt skabelonen/),
      expect.stringMatching(/^Udfyld fanen Input/),
      expect.stringMatching(/^Beregn Tabel A–E/),
    ]);
    // Numbered as steps: the items keep their list markers.
    expect(
      await page
        .locator('ol > li')
        .first()
        .evaluate((el) => getComputedStyle(el).display),
    ).toBe('list-item');
    // The example switch sits in the template's step, next to its button.
    expect(await page.locator('ol > li').first().getByRole('switch', { name: 'Udfyld med eksempel (Forslag 4)' }).count()).toBe(1);
    const primary = () => page.locator('[data-primary=true]').textContent();
    await page.waitForFunction(() => document.querySelector('[data-primary=true]')?.textContent === 'Indsæt skabelon');
    expect(await primary()).toBe('Indsæt skabelon');
    await page.getByRole('button', { name: 'Indsæt skabelon' }).click();
    await page.getByTestId('message-success').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-primary=true]')?.textContent === 'Beregn tabeller');

    const catalogue = path.join(work, 'katalog-primaer.xlsx');
    await catalogueFixture(catalogue);
    await openWorkbook(page, catalogue);
    await page.waitForFunction(() => document.querySelector('[data-primary=true]')?.textContent === 'Tjek konsistens');
    await page.close();
  });

  test('"Indsæt skabelon" then "Beregn tabeller" writes the tables of computeProposal (Forslag 4); the replace dialog defaults to Annuller and gives focus back', async () => {
    const page = await openHarness();
    // Without a template there is nothing to compute: the template's error, with its hint.
    await page.getByRole('button', { name: 'Beregn tabeller' }).click();
    await page.getByTestId('error-state').waitFor();
    expect(await page.getByTestId('error-state').textContent()).toMatch(/Skabelonen kan ikke læses.*Indsæt skabelon/);
    expect(await page.getByTestId('error-state').textContent()).not.toMatch(/tb init|TB_/);

    await page.getByRole('switch', { name: 'Udfyld med eksempel (Forslag 4)' }).check();
    await page.getByRole('button', { name: 'Indsæt skabelon' }).click();
    await page.getByTestId('message-success').waitFor();
    await page.getByRole('button', { name: 'Beregn tabeller' }).click();
    await page.getByTestId('result-summary').waitFor();
    await screenshotPane(page, 'pane-tables.png');

    const result = computeProposal(forslag4);
    const shownA = await page.locator('td[data-table=A]').allTextContents();
    expect(shownA).toEqual(result.tables.A.total.map((v) => formatDanish(v, 0)));
    const payback = result.summary.payback;
    expect(await page.getByTestId('payback').textContent()).toContain(payback ? String(payback.year) : 'Nås ikke');
    // The engine's explanation, paragraph by paragraph, readable at 320 px (no sideways scrolling).
    expect(result.explanation.length).toBeGreaterThan(1);
    expect(await page.getByTestId('explanation-text').locator('p').allTextContents()).toEqual(result.explanation);
    await page.setViewportSize({ width: 320, height: 1000 });
    const explanation = page.getByTestId('explanation');
    const fits = await explanation.evaluate((el) => ({ inside: el.scrollWidth <= el.clientWidth, right: el.getBoundingClientRect().right }));
    expect(fits.inside).toBe(true);
    expect(fits.right).toBeLessThanOrEqual(320);
    await explanation.screenshot({ path: path.join(RESULTS, 'pane-explanation-320.png') });
    await page.setViewportSize({ width: PANE_WIDTH, height: 1000 });

    const computed = await download(page, 'forslag4.xlsx');
    const snapshot = await snapshotOf(computed);
    const writes = tableWrites(snapshot, result).cells ?? [];
    expect(writes.length).toBeGreaterThan(0);
    // The Kvantum lines go to their own sheet, and the pane says so.
    expect(writes.filter((w) => w.sheet === 'Kvantum').length).toBeGreaterThan(result.kvantum.length);
    await page
      .getByText(/og Kvantum-linjerne på fanen Kvantum/)
      .first()
      .waitFor();
    for (const w of writes) {
      const grid = snapshot.sheets.find((s) => s.name === w.sheet)!;
      const cell = grid.cells[w.row]?.[w.col] ?? { kind: 'empty' };
      expect([w.sheet, w.row, w.col, cell]).toEqual([w.sheet, w.row, w.col, w.value]);
    }
    // Years in the sheet read as years, as Excel shows them.
    await page.locator('[data-sheet-tab=Input]').click();
    expect(await page.locator('[data-testid=sheet-grid] td[data-cell=D6]').textContent()).toBe('2024');

    // Again: the sheets exist now, so the pane asks, with "Annuller" focused; Enter keeps everything.
    await page.getByRole('button', { name: 'Indsæt skabelon' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/»Vejledning«, »Input«, »Tabeller«/);
    await page.waitForFunction(() => document.activeElement?.textContent === 'Annuller');
    await page.screenshot({ path: path.join(RESULTS, 'pane-confirm.png'), animations: 'disabled' });
    await page.keyboard.press('Enter');
    await page.getByTestId('message-info').getByText('Skabelonen blev ikke indsat. Intet er ændret.').waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Indsæt skabelon');
    // Escape closes it as well, and focus goes back to the opener.
    await page.getByRole('button', { name: 'Indsæt skabelon' }).click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.textContent === 'Indsæt skabelon');
    const unchanged = await download(page, 'forslag4-uaendret.xlsx');
    expect((await snapshotOf(unchanged)).sheets).toEqual(snapshot.sheets);
    await page.close();
  });

  test('typing mistakes on Input: "Fanen Input har fejl", every problem at once, each cell a link', async () => {
    const file = path.join(work, 'input-fejl.xlsx');
    await inputMistakesFixture(file);
    const page = await openHarness();
    await openWorkbook(page, file);
    await page.getByRole('button', { name: 'Beregn tabeller' }).click();
    const error = page.getByTestId('error-state');
    await error.waitFor();
    const textShown = await error.textContent();
    expect(textShown).toMatch(/^Fanen Input har fejl/);
    expect(textShown).not.toMatch(/Skabelonen kan ikke læses|Indsæt skabelon/);
    expect(textShown).toContain('»--455« er ikke et tal');
    expect(textShown).toContain('ukendt udvalg »Rådhuset«');
    expect(textShown).toContain('summerer til 90 %');
    const links = error.locator('[data-go-cell]');
    expect(await links.count()).toBe(3);
    await screenshotPane(page, 'pane-input-errors.png');
    const last = links.last();
    const cell = await last.getAttribute('data-go-cell');
    await last.click();
    await page.locator(`[data-testid=name-box][data-selection="'Input'!${cell}"]`).waitFor();
    expect(await page.locator('[role=tab][aria-selected=true]').textContent()).toBe('Input');
    await page.close();
  });

  test('typing mistakes on Input, in English: title, problems and hint in English, numbers in English form, each cell a link, worded again on a language switch', async () => {
    const file = path.join(work, 'input-fejl-en.xlsx');
    // A key that sums to 90.5 % and an amount beyond the limit, so the numbers show their form.
    await inputMistakesFixture(file, { key: 'ØU 0,25; TMU 0,655', extra: [{ col: 6, value: 2_500_000_000_000 }] });
    const snapshot = await snapshotOf(file);
    /** The reader's problems on the same file in Node, as the pane shows them: `Input!B11: …`. */
    const problemLines = (locale: 'da' | 'en') => {
      try {
        readTemplate(snapshot, { locale });
      } catch (error) {
        expect(error).toBeInstanceOf(TemplateError);
        expect((error as TemplateError).missingParts).toBe(false);
        return (error as TemplateError).problems.map((p) => `${sheetRef(p.sheet!, p.cell!)}: ${p.message}`);
      }
      throw new Error('the template was read without problems');
    };
    const english = problemLines('en');
    expect(english).toHaveLength(4);

    const page = await openHarness();
    await page.getByRole('switch', { name: 'English' }).check();
    await openWorkbook(page, file);
    await page.getByRole('button', { name: 'Compute tables' }).click();
    const error = page.getByTestId('error-state');
    await error.waitFor();
    const shown = async () => ({
      title: await error.locator('.fui-MessageBarTitle').textContent(),
      lines: await error.locator('li').allTextContents(),
      text: (await error.textContent()) ?? '',
    });
    const en = await shown();
    expect(en.title).toBe('The Input sheet has errors');
    expect(en.lines).toEqual(english);
    expect(en.text.endsWith('Correct the cells (click to go to them) and press »Compute tables« again. Nothing has been written.')).toBe(true);
    // Numbers in the English form, none in the Danish one; no Danish sentence and no template hint.
    expect(en.text).toContain('add up to 90.5 %');
    expect(en.text).toContain('the amount 2,500,000,000,000 is out of range');
    expect(en.text).not.toMatch(/90,5|2\.500\.000/);
    expect(en.text).not.toMatch(/\b(er|ikke|og|skal|mangler|fejl|Fanen|udvalg|andelene|summerer|beløbet|Ret|Intet|tryk)\b/);
    expect(en.text).not.toMatch(/Insert template|Indsæt skabelon/);
    expect(await page.getByTestId('live-region').textContent()).toBe(`The Input sheet has errors. ${english.join(' ')}`);
    await screenshotPane(page, 'pane-input-errors-en.png');

    // Every cited cell is a link to it.
    const links = error.locator('[data-go-cell]');
    expect(await links.count()).toBe(english.length);
    for (let i = 0; i < english.length; i++) {
      const link = links.nth(i);
      const cell = await link.getAttribute('data-go-cell');
      expect(english[i].startsWith(`Input!${cell}: `)).toBe(true);
      await link.click();
      await page.locator(`[data-testid=name-box][data-selection="'Input'!${cell}"]`).waitFor();
      expect(await page.locator('[role=tab][aria-selected=true]').textContent()).toBe('Input');
    }

    // The language switch words the problems again, both ways.
    await page.getByRole('switch', { name: 'English' }).uncheck();
    await page.getByRole('button', { name: 'Tjek konsistens' }).waitFor();
    const da = await shown();
    expect(da.title).toBe('Fanen Input har fejl');
    expect(da.lines).toEqual(problemLines('da'));
    expect(da.text).toContain('summerer til 90,5 %');
    expect(await page.getByTestId('live-region').textContent()).toMatch(/^Fanen Input har fejl\. /);
    await page.getByRole('switch', { name: 'English' }).check();
    await page.getByRole('button', { name: 'Check consistency' }).waitFor();
    expect((await shown()).lines).toEqual(english);
    await page.close();
  });

  test('a protected Tabeller sheet: a clear Danish error and nothing half-written', async () => {
    const file = path.join(work, 'beskyttet.xlsx');
    await protectedTemplateFixture(file);
    const page = await openHarness();
    await openWorkbook(page, file);
    await page.getByRole('button', { name: 'Beregn tabeller' }).click();
    await page.getByTestId('error-state').waitFor();
    expect(await page.getByTestId('error-state').textContent()).toMatch(/Arket »Tabeller« er beskyttet/);
    await screenshotPane(page, 'pane-error.png');
    const after = await download(page, 'beskyttet-efter.xlsx');
    expect((await snapshotOf(after)).sheets).toEqual((await snapshotOf(file)).sheets);
    await page.close();
  });

  test('"Tjek konsistens" clicked while a file is still loading checks that file, not the previous workbook', async () => {
    const first = path.join(work, 'foerst.xlsx');
    await cleanFixture(first);
    const second = path.join(work, 'saa.xlsx');
    await catalogueFixture(second);
    const page = await openHarness();
    await openWorkbook(page, first);
    await holdNextFile(page);
    await chooseWorkbook(page, second);
    await page.waitForFunction(() => typeof (window as unknown as { releaseFile?: unknown }).releaseFile === 'function');
    expect(await page.getByTestId('file-name').textContent()).toBe('foerst.xlsx');
    await page.getByRole('button', { name: 'Tjek konsistens' }).click();
    // The check waits for the file: progress, and no findings of the previous workbook meanwhile.
    await page.getByTestId('progress').waitFor();
    await twoFrames(page);
    await page.waitForTimeout(300);
    expect(await page.getByTestId('findings').count()).toBe(0);
    await page.evaluate(() => (window as unknown as { releaseFile: () => void }).releaseFile());
    await page.getByTestId('findings').waitFor();
    expect(await page.getByTestId('file-name').textContent()).toBe('saa.xlsx');
    const sheets = new Set((await shownFindings(page)).map((f) => f.sheet));
    expect(sheets).toContain('Forslag 9');
    await page.close();
  });

  test('findings on a hidden sheet say so in the list, and a click on one offers to show the sheet', async () => {
    const file = path.join(work, 'katalog-skjult.xlsx');
    await catalogueFixture(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet('Katalog BC07')!.state = 'hidden';
    await wb.xlsx.writeFile(file);
    const page = await openHarness();
    await openWorkbook(page, file);
    await check(page);
    const shown = await shownFindings(page);
    const onHidden = shown.filter((f) => f.sheet === 'Katalog BC07');
    expect(onHidden.length).toBeGreaterThan(0);
    expect(onHidden.every((f) => f.hiddenSheet)).toBe(true);
    expect(shown.filter((f) => f.sheet !== 'Katalog BC07').some((f) => f.hiddenSheet)).toBe(false);
    expect(await page.locator('[data-group-sheet="Katalog BC07"]').textContent()).toBe(`Katalog BC07 (${onHidden.length}) (skjult ark)`);
    await scrollFindings(page, (f) => f.sheet === 'Katalog BC07');
    const item = page.locator('[data-rule][data-sheet="Katalog BC07"]').first();
    // The mark is part of the item's name, so a screen reader says it too.
    expect(await item.textContent()).toContain('(skjult ark)');
    const cell = await item.getAttribute('data-cell');
    await item.click();
    const notice = page.getByTestId('hidden-sheet');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Arket »Katalog BC07« er skjult');
    await notice.getByRole('button', { name: 'Vis arket' }).click();
    await page.locator(`[data-testid=name-box][data-selection="'Katalog BC07'!${cell}"]`).waitFor();
    expect(await page.locator('[role=tab][aria-selected=true]').textContent()).toBe('Katalog BC07');
    await page.close();
  });

  test('English: every action and the findings; remembered when a file opens and in a new pane', async () => {
    const page = await openHarness();
    await page.getByRole('switch', { name: 'English' }).check();
    for (const name of ['Insert template', 'Compute tables', 'Check consistency', 'Remove notes and report']) {
      await page.getByRole('button', { name }).waitFor();
    }
    const file = path.join(work, 'katalog-en.xlsx');
    await catalogueFixture(file);
    await openWorkbook(page, file);
    await page.getByRole('button', { name: 'Check consistency' }).click();
    await page.getByTestId('findings').waitFor();
    expect(await page.getByTestId('finding-detail').first().textContent()).toMatch(/^Error · /);
    expect(await page.getByTestId('annotation-mode').textContent()).toMatch(/^The workbook has not been changed/);
    const again = await openHarness('', { keepPreferences: true });
    await again.getByRole('button', { name: 'Check consistency' }).waitFor();
    await again.getByRole('switch', { name: 'English' }).uncheck();
    await again.getByRole('button', { name: 'Tjek konsistens' }).waitFor();
    await again.close();
    await page.close();
  });

  test('the pane follows a dark Office theme', async () => {
    const page = await openHarness('?theme=dark');
    const background = await page.getByTestId('task-pane').evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect(0.2126 * r + 0.7152 * g + 0.0722 * b).toBeLessThan(80);
    await screenshotPane(page, 'pane-dark.png');
    await page.close();
  });

  test('the seed catalogue: the first finding is an error, no remark until asked for, nothing written; one finding per table, per run of years and per cause', async () => {
    const file = path.join(work, 'seed-catalogue.xlsx');
    await buildSeedWorkbook(file, SEED_CATALOGUE);
    const snapshot = await snapshotOf(file);
    const raw = checkWorkbook(snapshot).findings;
    const condensed = condenseFindings(raw);

    const page = await openHarness();
    await openWorkbook(page, file);
    await check(page);
    // The list renders the rows in view only, not every finding.
    const scroller = page.getByTestId('findings-scroller');
    const total = Number(await scroller.getAttribute('data-findings'));
    expect(total).toBe(condensed.filter((f) => f.severity !== 'info').length);
    expect(await page.locator('[data-rule]').count()).toBeLessThan(total);
    const shown = await shownFindings(page);
    expect(shown.map(key)).toEqual(condensed.filter((f) => f.severity !== 'info').map(key));
    expect(shown[0].severity).toBe('error');
    expect(shown.some((f) => f.severity === 'info')).toBe(false);
    const infos = condensed.filter((f) => f.severity === 'info').length;
    expect(infos).toBeGreaterThan(0);
    expect(await page.getByTestId('show-infos').textContent()).toBe(`Vis ${infos} bemærkninger`);
    // Nothing written: no note, no report sheet.
    const after = await download(page, 'seed-kun-tjekket.xlsx');
    expect((await notesOf(after)).size).toBe(0);
    expect((await snapshotOf(after)).sheets.map((s) => s.name)).toEqual(snapshot.sheets.map((s) => s.name));
    expect((await snapshotOf(after)).sheets.map((s) => s.name)).not.toContain(REPORT_SHEET);

    await page.getByTestId('show-infos').click();
    const all = await shownFindings(page);
    // A missing bevilling once per table: one finding over the table's rows, where the engine found one per row.
    const bevilling = all.filter((f) => f.rule === 'missing-bevilling');
    expect(bevilling.length).toBeLessThan(raw.filter((f) => f.rule === 'missing-bevilling').length);
    expect(bevilling.every((f) => /^B\d+:B\d+$/.test(f.cell ?? ''))).toBe(true);
    // A total off in three years (BC01, row 37) is one finding over the years.
    expect(raw.filter((f) => f.sheet === 'BC01' && f.rule === 'total-mismatch' && /^[FGH]37$/.test(f.cell ?? ''))).toHaveLength(3);
    expect(all.filter((f) => f.sheet === 'BC01' && f.rule === 'total-mismatch' && /37/.test(f.cell ?? '')).map((f) => f.cell)).toEqual(['F37:H37']);
    // Two rules on one cell for one cause: the engine found pairs, the list shows each cell once.
    const pairs = (list: { sheet?: string; cell?: string; rule: string }[]) => {
      const rules = new Map<string, Set<string>>();
      for (const f of list) rules.set(`${f.sheet}!${f.cell}`, (rules.get(`${f.sheet}!${f.cell}`) ?? new Set()).add(f.rule));
      return [...rules.values()].filter((r) => r.has('a-matches-summary') && r.has('total-mismatch')).length;
    };
    expect(pairs(raw)).toBeGreaterThan(0);
    expect(pairs(all)).toBe(0);
    // One quoting style: »…«, never straight or curly quotes.
    expect(await page.getByTestId('task-pane').textContent()).not.toMatch(/["“”„]/);
    await page.close();
  });

  test('an Excel without notes (?api=1.12): the result and the removal speak of kommentarer, as Danish Excel does', async () => {
    const file = path.join(work, 'katalog-kommentarer.xlsx');
    await catalogueFixture(file);
    const snapshot = await snapshotOf(file);
    // A cell that holds a person's note gets no comment (Excel allows one or the other).
    const noted = await notesOf(file);
    const cited = (annotationChanges(snapshot, checkWorkbook(snapshot)).notes ?? []).filter(
      (n) => !noted.has(`${n.sheet}!${String.fromCharCode(65 + n.col)}${n.row + 1}`),
    );
    expect(cited.length).toBeGreaterThan(0);
    const page = await openHarness('?api=1.12');
    await openWorkbook(page, file);
    await page.getByRole('checkbox', { name: /Skriv også noter/ }).check();
    await check(page);
    expect(await page.getByTestId('annotation-mode').getAttribute('data-mode')).toBe('comments');
    expect(await page.getByTestId('annotation-mode').textContent()).toBe(
      `Skrevet: ${cited.length} kommentarer i cellerne og arket Valideringsrapport (denne Excel kan ikke skrive noter). Fjern dem med »Fjern noter og rapport«; dine egne kommentarer bliver stående.`,
    );
    await page.getByRole('button', { name: 'Fjern noter og rapport' }).click();
    await page.getByTestId('message-success').waitFor();
    expect(await page.getByTestId('message-success').textContent()).toBe(
      `Fjernet: ${cited.length} kommentarer fra værktøjet og arket Valideringsrapport. Dine egne kommentarer er urørte.`,
    );
    await page.close();
  });

  test('focus moves into the result after every action, the live region says it, and busy buttons keep their tab stop (aria-disabled)', async () => {
    const page = await openHarness();
    const live = page.getByTestId('live-region');
    const pressEnterOn = async (name: string) => {
      await page.getByRole('button', { name }).focus();
      await page.keyboard.press('Enter');
    };
    const focusInResult = () => page.waitForFunction(() => document.querySelector('[data-testid=result]')?.contains(document.activeElement));

    await pressEnterOn('Indsæt skabelon');
    await page.getByTestId('message-success').waitFor();
    await focusInResult();
    expect(await live.textContent()).toMatch(/^Skabelonen er indsat: /);
    await pressEnterOn('Beregn tabeller');
    await page.getByTestId('result-summary').waitFor();
    await focusInResult();
    expect(await live.textContent()).toMatch(/^Tabel A–E er skrevet på fanen Tabeller/);
    await page.getByRole('checkbox', { name: /Skriv også noter/ }).check();
    await pressEnterOn('Tjek konsistens');
    await page.getByTestId('findings').waitFor();
    await focusInResult();
    expect(await live.textContent()).toMatch(/^Tjek færdigt: /);
    await pressEnterOn('Fjern noter og rapport');
    await page.getByTestId('message-success').waitFor();
    await focusInResult();
    expect(await live.textContent()).toMatch(/^(Fjernet: |Der var ingen noter)/);

    // While a check waits for a file, every action button is aria-disabled, not disabled: it keeps its tab stop.
    const file = path.join(work, 'katalog-travl.xlsx');
    await catalogueFixture(file);
    await holdNextFile(page);
    await chooseWorkbook(page, file);
    await page.waitForFunction(() => typeof (window as unknown as { releaseFile?: unknown }).releaseFile === 'function');
    await page.getByRole('button', { name: 'Tjek konsistens' }).click();
    await page.getByTestId('progress').waitFor();
    for (const name of ['Indsæt skabelon', 'Beregn tabeller', 'Tjek konsistens', 'Fjern noter og rapport']) {
      const button = page.getByRole('button', { name });
      const state = await button.evaluate((el) => ({
        aria: el.getAttribute('aria-disabled'),
        disabled: el.hasAttribute('disabled'),
        tabIndex: (el as HTMLElement).tabIndex,
      }));
      expect([name, state]).toEqual([name, { aria: 'true', disabled: false, tabIndex: 0 }]);
    }
    await page.getByRole('button', { name: 'Beregn tabeller' }).click({ force: true });
    expect(await page.getByTestId('result-summary').count()).toBe(0);
    await page.evaluate(() => (window as unknown as { releaseFile: () => void }).releaseFile());
    await page.getByTestId('findings').waitFor();
    await focusInResult();
    expect(await page.getByRole('button', { name: 'Tjek konsistens' }).getAttribute('aria-disabled')).not.toBe('true');
    await page.close();
  });

  test('the language follows the display language when none is chosen; neither the pane nor the template speaks of the CLI', async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'language', { get: () => 'en-US' }));
    await page.goto(`${server.origin}/harness.html`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.getByRole('button', { name: 'Check consistency' }).waitFor();
    expect(await page.getByRole('switch', { name: 'English' }).isChecked()).toBe(true);
    await page.getByRole('switch', { name: 'English' }).uncheck();
    await page.getByRole('button', { name: 'Indsæt skabelon' }).click();
    await page.getByTestId('message-success').waitFor();
    await page.getByRole('button', { name: 'Beregn tabeller' }).click();
    await page.getByTestId('result-summary').waitFor();
    const cli = /\btb (init|compute|check|kvantum)\b|\bTB_[A-Za-z]|--[a-z]{3,}|\(lav et med/;
    expect(await page.getByTestId('task-pane').textContent()).not.toMatch(cli);
    const inserted = await snapshotOf(await download(page, 'skabelon-ord.xlsx'));
    const texts = inserted.sheets.flatMap((s) => s.cells.flatMap((row) => row.flatMap((c) => (c?.kind === 'text' ? [`${s.name}: ${c.value}`] : []))));
    expect(texts.some((t) => t.startsWith('Vejledning: '))).toBe(true);
    expect(texts.filter((t) => cli.test(t))).toEqual([]);
    await page.close();
  });

  test("a template whose Tabeller sheet was deleted: the template's error, with the »Indsæt skabelon« hint, not an Input error", async () => {
    const excel = new FakeExcel(WorkbookModel.blank());
    await new OfficeWorkbook(excel).applyChanges(templateChanges(forslag4));
    excel.model.deleteSheet(excel.model.sheet('Tabeller')!);
    const file = path.join(work, 'uden-tabeller.xlsx');
    writeFileSync(file, await xlsxFromModel(excel.model));
    const page = await openHarness();
    await openWorkbook(page, file);
    await page.getByRole('button', { name: 'Beregn tabeller' }).click();
    const error = page.getByTestId('error-state');
    await error.waitFor();
    expect(await error.textContent()).toMatch(
      /^Skabelonen kan ikke læses.*Tabel A mangler.*Har projektmappen ikke Teknisk beregningsark endnu, så brug »Indsæt skabelon« først\.$/,
    );
    expect(await error.textContent()).not.toMatch(/Fanen Input har fejl|Ret cellerne/);
    // The writer's problems follow a language switch, as the reader's do.
    await page.getByRole('switch', { name: 'English' }).check();
    await error.filter({ hasText: 'Tabel A is missing' }).waitFor();
    expect(await error.textContent()).toMatch(/Tabel A is missing \(neither the name TB_TabelA nor the title »Tabel A\./);
    expect(await error.textContent()).not.toMatch(/mangler|hverken/);
    await page.close();
  });

  test('nothing left the machine and the Content-Security-Policy was never violated', async () => {
    // Its own traffic: open the harness, a workbook, and check it.
    const file = path.join(work, 'katalog-net.xlsx');
    await catalogueFixture(file);
    const before = browser.requests.length;
    const page = await openHarness();
    await openWorkbook(page, file);
    await check(page);
    await page.close();
    expect(browser.requests.length).toBeGreaterThan(before);
    expect(foreignRequests(browser.requests, server.origin)).toEqual([]);
    expect(browser.errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  });
});
