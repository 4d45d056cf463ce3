/**
 * Test helpers for workbooks: in-memory snapshots built from `WorkbookChanges` (with Excel's row
 * insertion), real .xlsx files edited the way a person would, and the `tb` CLI run in-process
 * or as a child process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as ExcelJS from 'exceljs';
// ExcelJS's own zip library (a dependency of exceljs), to read and patch the raw workbook XML.
import JSZip from 'jszip';
import {
  cellAt,
  EMPTY,
  fromA1,
  splitSheetAddress,
  toCell,
  type CellAddress,
  type CellValue,
  type SheetGrid,
  type WorkbookChanges,
  type WorkbookSnapshot,
} from '../../src/engine';
import { runCli } from '../../src/node/cli';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CLI = path.join(ROOT, 'src', 'node', 'cli.ts');

/** `a1('C7')` → `{ row: 6, col: 2 }`. */
export function a1(ref: string): CellAddress {
  return fromA1(ref);
}

/** Every note in an .xlsx file, as ExcelJS reads it: `Sheet!A1` → text. */
export async function notesInXlsx(bytes: Uint8Array): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const notes = new Map<string, string>();
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const note = cell.note as unknown;
        if (note === undefined || note === null) return;
        const text = typeof note === 'string' ? note : ((note as { texts?: { text: string }[] }).texts ?? []).map((t) => t.text).join('');
        notes.set(`${ws.name}!${cell.address}`, text);
      }),
    ),
  );
  return notes;
}

// ---------------------------------------------------------------------------------------------
// In-memory workbooks

/** The workbook an empty host would hold after applying `changes` (sheets, names, cells). */
export function snapshotFromChanges(changes: WorkbookChanges, base: WorkbookSnapshot = { sheets: [], names: [] }): WorkbookSnapshot {
  const snapshot = cloneSnapshot(base);
  for (const spec of changes.addSheets ?? []) {
    const grid: SheetGrid = { name: spec.name, cells: [] };
    snapshot.sheets.push(grid);
    for (const w of spec.cells) setCell(grid, w.row, w.col, w.value);
  }
  for (const n of changes.names ?? []) {
    snapshot.names = snapshot.names.filter((m) => m.name !== n.name);
    snapshot.names.push(n);
  }
  for (const w of changes.cells ?? []) setCell(sheetOf(snapshot, w.sheet), w.row, w.col, w.value);
  return snapshot;
}

function cloneSnapshot(s: WorkbookSnapshot): WorkbookSnapshot {
  return {
    sheets: s.sheets.map((g) => ({ ...g, cells: g.cells.map((r) => r.slice()) })),
    names: s.names.map((n) => ({ ...n, range: { start: { ...n.range.start }, end: { ...n.range.end } } })),
  };
}

export function sheetOf(snapshot: WorkbookSnapshot, name: string): SheetGrid {
  const grid = snapshot.sheets.find((s) => s.name === name);
  if (!grid) throw new Error(`no sheet ${name}`);
  return grid;
}

function setCell(grid: SheetGrid, row: number, col: number, value: CellValue): void {
  while (grid.cells.length <= row) grid.cells.push([]);
  const r = grid.cells[row];
  while (r.length <= col) r.push(EMPTY);
  r[col] = value;
}

/** Types into cells as a person would: `type(s, { 'Input!E12': '-1.144' })`. */
export function type(snapshot: WorkbookSnapshot, edits: Record<string, unknown>): WorkbookSnapshot {
  const next = cloneSnapshot(snapshot);
  for (const [ref, value] of Object.entries(edits)) {
    const { sheet, address } = splitSheetAddress(ref);
    const at = a1(address);
    setCell(sheetOf(next, sheet!), at.row, at.col, toCell(value));
  }
  return next;
}

/** A cell's value by reference: `valueAt(s, 'Tabeller!C8')`. */
export function valueAt(snapshot: WorkbookSnapshot, ref: string): CellValue {
  const { sheet, address } = splitSheetAddress(ref);
  const at = a1(address);
  return cellAt(sheetOf(snapshot, sheet!), at.row, at.col);
}

/**
 * Inserts `count` empty rows before 0-based `at`, as Excel does: cells move down, and a defined
 * name grows when the insertion falls strictly inside it, or moves down when it lies below.
 */
export function insertRows(snapshot: WorkbookSnapshot, sheet: string, at: number, count = 1): WorkbookSnapshot {
  const next = cloneSnapshot(snapshot);
  const grid = sheetOf(next, sheet);
  while (grid.cells.length < at) grid.cells.push([]);
  grid.cells.splice(at, 0, ...Array.from({ length: count }, () => [] as CellValue[]));
  for (const n of next.names) {
    if (n.sheet !== sheet) continue;
    if (n.range.start.row >= at) {
      n.range.start.row += count;
      n.range.end.row += count;
    } else if (n.range.end.row >= at) {
      n.range.end.row += count;
    }
  }
  return next;
}

/** Every non-empty cell of a snapshot as `Sheet!A1 → value`, for before/after comparisons. */
export function cellMap(snapshot: WorkbookSnapshot): Map<string, CellValue> {
  const map = new Map<string, CellValue>();
  for (const grid of snapshot.sheets) {
    grid.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell.kind !== 'empty') map.set(`${grid.name}!${r},${c}`, cell);
      }),
    );
  }
  return map;
}

// ---------------------------------------------------------------------------------------------
// Files

/** A fresh temporary folder, removed by the returned `cleanup`. */
export function tempDir(prefix = 'tb-test-'): { dir: string; file: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, file: (name) => path.join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Opens an .xlsx with ExcelJS directly, lets `edit` change it as a person would, saves it. */
export async function editXlsx(file: string, edit: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  await edit(wb);
  await wb.xlsx.writeFile(file);
}

/** Types values into an .xlsx: `typeXlsx(file, { 'Input!E12': '-1.144', 'Input!B12': 'TMF' })`. */
export async function typeXlsx(file: string, edits: Record<string, ExcelJS.CellValue>): Promise<void> {
  await editXlsx(file, (wb) => {
    for (const [ref, value] of Object.entries(edits)) {
      const { sheet, address } = splitSheetAddress(ref);
      wb.getWorksheet(sheet!)!.getCell(address).value = value;
    }
  });
}

/** The raw `xl/workbook.xml` of an .xlsx (sheets, defined names as Excel stores them). */
export async function workbookXml(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  return zip.file('xl/workbook.xml')!.async('string');
}

/** Rewrites `xl/workbook.xml` of an .xlsx, for content ExcelJS cannot create (formula names). */
export async function patchWorkbookXml(file: string, patch: (xml: string) => string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  zip.file('xl/workbook.xml', patch(await zip.file('xl/workbook.xml')!.async('string')));
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
}

/** Every cell of every sheet as its ExcelJS model (value, formula, style, note), by `Sheet!A1`. */
export async function xlsxCellModels(file: string): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const map = new Map<string, string>();
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const blank = cell.type === ExcelJS.ValueType.Null && !cell.note && Object.keys(cell.style ?? {}).length === 0;
        if (!blank) map.set(`${ws.name}!${cell.address}`, JSON.stringify({ value: cell.value, style: cell.style, note: cell.note ?? null }));
      }),
    );
  });
  return map;
}

// ---------------------------------------------------------------------------------------------
// The CLI

export interface TbRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `tb` in-process (fast; same code path as the binary below `process.exit`). */
export async function tb(...args: string[]): Promise<TbRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { out: (t) => void (stdout += t), err: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

/** Runs `tb` as a child process through tsx, as a person would from a shell. */
export function tbProcess(args: readonly string[], cwd = ROOT): TbRun {
  const run = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  if (run.error) throw run.error;
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/** A stack trace line, which no user-facing output may contain. */
export const STACK_TRACE = /^\s+at .+\(.*:\d+:\d+\)$|^\s+at .+:\d+:\d+$/m;
