/**
 * One measurement in a fresh process, so that time and memory of one reader do not pollute the
 * other's: `node --import tsx scripts/bench/measure.ts bare|check FILE.xlsx [LIB]`. With LIB (the
 * compiled engine and adapter, see children.ts) the check runs the code the CLI runs; without it,
 * the TypeScript sources through tsx.
 *
 * - `bare`: ExcelJS loads the file and visits every cell's value: the floor any reader pays.
 * - `check`: what `tb check` does: the ExcelJS adapter opens and reads the workbook as grids,
 *   then `checkWorkbook` finds the tables and runs every rule.
 *
 * Prints one JSON line: wall time (module loading excluded), peak RSS (`maxRSS`, exact) and peak
 * V8 heap (sampled every 5 ms and at the end).
 */
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as ExcelJS from 'exceljs';

type Engine = typeof import('../../src/engine');
type Adapter = typeof import('../../src/node/xlsxAdapter');

export interface Measurement {
  mode: 'bare' | 'check';
  ms: number;
  /** CPU time (user + system, all threads) over the same span: steadier than wall time on a busy machine. */
  cpuMs: number;
  /** check only: ExcelJS load + grid read, and checkWorkbook alone. */
  readMs?: number;
  checkMs?: number;
  maxRssMB: number;
  peakHeapMB: number;
  cells: number;
  /** check only: findings by severity (error / warning / info) and tables found. */
  findings?: { error: number; warning: number; info: number };
  tables?: number;
}

let peakHeap = 0;
const sampleHeap = () => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
};

type Counts = Omit<Measurement, 'ms' | 'cpuMs' | 'maxRssMB' | 'peakHeapMB'>;

async function bare(file: string): Promise<Counts> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fs.readFile(file)) as unknown as ExcelJS.Buffer);
  let cells = 0;
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.value !== null && cell.value !== undefined) cells++;
      });
    });
  }
  sampleHeap();
  return { mode: 'bare', cells };
}

async function check(file: string, start: number, engine: Engine, adapter: Adapter): Promise<Counts> {
  const { checkWorkbook } = engine;
  const wb = await adapter.XlsxWorkbook.open(file);
  const snapshot = await wb.read();
  const read = performance.now();
  sampleHeap();
  const report = checkWorkbook(snapshot);
  sampleHeap();
  let cells = 0;
  for (const sheet of snapshot.sheets) for (const row of sheet.cells) for (const c of row) if (c.kind !== 'empty') cells++;
  return {
    mode: 'check',
    cells,
    readMs: read - start,
    checkMs: performance.now() - read,
    findings: engine.countBySeverity(report.findings),
    tables: report.tables.length,
  };
}

async function main(): Promise<void> {
  const [mode, file, libArg] = process.argv.slice(2);
  const lib = libArg ? path.resolve(libArg) : undefined;
  if ((mode !== 'bare' && mode !== 'check') || !file) {
    console.error('usage: node --import tsx scripts/bench/measure.ts bare|check FILE.xlsx [LIB]');
    process.exit(2);
  }
  // Modules are loaded before the clock starts: module loading is the same for every file size.
  const load = createRequire(__filename);
  const src = path.join(__dirname, '..', '..', 'src');
  const engine = load(lib ? path.join(lib, 'engine', 'index.js') : path.join(src, 'engine')) as Engine;
  const adapter = load(lib ? path.join(lib, 'node', 'xlsxAdapter.js') : path.join(src, 'node', 'xlsxAdapter')) as Adapter;
  const timer = setInterval(sampleHeap, 5);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = mode === 'bare' ? await bare(file) : await check(file, start, engine, adapter);
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  clearInterval(timer);
  sampleHeap();
  const out: Measurement = {
    ...result,
    ms,
    cpuMs: (used.user + used.system) / 1000,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    peakHeapMB: peakHeap / 2 ** 20,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
