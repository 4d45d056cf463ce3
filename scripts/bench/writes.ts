/**
 * Write times: `tb compute` into a filled template and `tb check --annotate` on a catalogue,
 * written by patching the package (today) against re-serialising the whole workbook with ExcelJS
 * (how both commands wrote before). Both sides read the file the same way and apply the same
 * changes; only the write differs. In-process, medians of paired runs.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as ExcelJS from 'exceljs';
import { annotationChanges, checkWorkbook, computeProposal, readTemplate, tableWrites, withToolNote, type WorkbookChanges } from '../../src/engine';
import { runCli } from '../../src/node/cli';
import { XlsxWorkbook } from '../../src/node/xlsxAdapter';
import { makeCatalogue } from './catalogue';
import { seededRng } from './random';
import { writeCatalogue } from './xlsx';

export interface WriteTimes {
  label: string;
  fileKB: number;
  /** Milliseconds: open + read + apply + write, and the write alone (median). */
  patch: { total: number; write: number };
  exceljs: { total: number; write: number };
  /** Parts of the package the patched write changed or added, of all parts. */
  partsTouched: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function patchRun(
  file: string,
  out: string,
  changes: (wb: XlsxWorkbook) => Promise<WorkbookChanges>,
): Promise<{ total: number; write: number; touched: string }> {
  const t0 = performance.now();
  const wb = await XlsxWorkbook.open(file);
  await wb.apply(await changes(wb));
  const t1 = performance.now();
  await wb.save(out);
  const t2 = performance.now();
  const pkg = (wb as unknown as { pkg: { touched(): string[]; parts(): string[] } }).pkg;
  return { total: t2 - t0, write: t2 - t1, touched: `${pkg.touched().length} of ${pkg.parts().length}` };
}

/** The old write: ExcelJS loads the file, the same cells and notes are set, ExcelJS writes it all. */
async function exceljsRun(file: string, out: string, changes: (wb: XlsxWorkbook) => Promise<WorkbookChanges>): Promise<{ total: number; write: number }> {
  const t0 = performance.now();
  const snapshotSide = await XlsxWorkbook.open(file);
  const c = await changes(snapshotSide);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  for (const w of c.cells ?? []) book.getWorksheet(w.sheet)!.getCell(w.row + 1, w.col + 1).value = w.value.kind === 'number' ? w.value.value : null;
  for (const n of c.notes ?? []) {
    const cell = book.getWorksheet(n.sheet)!.getCell(n.row + 1, n.col + 1);
    cell.note = withToolNote(typeof cell.note === 'string' ? cell.note : '', n.text);
  }
  for (const spec of c.addSheets ?? []) {
    const ws = book.getWorksheet(spec.name) ?? book.addWorksheet(spec.name);
    for (const w of spec.cells)
      ws.getCell(w.row + 1, w.col + 1).value =
        w.value.kind === 'empty'
          ? null
          : w.value.kind === 'error'
            ? ({ error: w.value.value } as ExcelJS.CellErrorValue)
            : (w.value.value as ExcelJS.CellValue);
  }
  const t1 = performance.now();
  await fs.writeFile(out, new Uint8Array(await book.xlsx.writeBuffer()));
  const t2 = performance.now();
  return { total: t2 - t0, write: t2 - t1 };
}

async function pair(label: string, file: string, dir: string, reps: number, changes: (wb: XlsxWorkbook) => Promise<WorkbookChanges>): Promise<WriteTimes> {
  const patch: { total: number; write: number }[] = [];
  const old: { total: number; write: number }[] = [];
  let touched = '';
  await patchRun(file, path.join(dir, 'warm.xlsx'), changes);
  for (let i = 0; i < reps; i++) {
    const p = await patchRun(file, path.join(dir, `patch-${i}.xlsx`), changes);
    touched = p.touched;
    patch.push(p);
    old.push(await exceljsRun(file, path.join(dir, `exceljs-${i}.xlsx`), changes));
  }
  const fileKB = Math.round((await fs.stat(file)).size / 1024);
  const m = (xs: { total: number; write: number }[]) => ({ total: median(xs.map((x) => x.total)), write: median(xs.map((x) => x.write)) });
  return { label, fileKB, patch: m(patch), exceljs: m(old), partsTouched: touched };
}

/** Measures compute into the Forslag 4 template and annotate on catalogues of `sizes` sheets. */
export async function benchWrites(dir: string, sizes: readonly number[], reps: number): Promise<WriteTimes[]> {
  const results: WriteTimes[] = [];
  const template = path.join(dir, 'forslag4.xlsx');
  const quiet = { out: () => undefined, err: () => undefined };
  await runCli(['init', template, '--force', '--from', path.join(__dirname, '..', '..', 'examples', 'forslag4.json')], quiet);
  results.push(
    await pair('compute Forslag 4 template', template, dir, reps, async (wb) => {
      const snapshot = await wb.read();
      return tableWrites(snapshot, computeProposal(readTemplate(snapshot)));
    }),
  );
  for (const n of sizes) {
    const file = path.join(dir, `annotate-${n}.xlsx`);
    await writeCatalogue(file, makeCatalogue(n, seededRng(n)).sheets);
    results.push(
      await pair(`check --annotate, ${n} sheets`, file, dir, reps, async (wb) => {
        const snapshot = await wb.read();
        return annotationChanges(snapshot, checkWorkbook(snapshot));
      }),
    );
  }
  return results;
}

export function writeTable(results: readonly WriteTimes[]): string {
  const head = ['', 'file KB', 'patched write ms', 'ExcelJS write ms', 'patched total ms', 'ExcelJS total ms', 'parts touched'];
  const rows = results.map((r) => [
    r.label,
    String(r.fileKB),
    r.patch.write.toFixed(0),
    r.exceljs.write.toFixed(0),
    r.patch.total.toFixed(0),
    r.exceljs.total.toFixed(0),
    r.partsTouched,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}
