/**
 * `npm run bench [-- --quick] [-- --reps N] [-- --keep]`: how checking a whole catalogue compares
 * with the physical floor, reading the file.
 *
 * Generates catalogues of 10, 100, 240 and 1,000 proposal sheets (and a workbook of 1,000,000 used
 * cells), writes them with ExcelJS to a temporary folder and prints, per size: engine throughput,
 * `tb check` time against a bare ExcelJS read of the same file (each in a fresh process, paired
 * and repeated), peak memory of both, `sync()` calls of the Office adapter's whole-workbook read
 * on the in-memory Excel API, and scaling; then `tb compute` and `tb check --annotate` write times,
 * patching the package against re-serialising with ExcelJS. `--quick`: 10 and 100 sheets only.
 *
 * A script that prints figures, not a test: nothing here fails on a slow machine.
 */
import { execSync } from 'node:child_process';
import { promises as fs, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeCatalogue } from './bench/catalogue';
import { cliCheck, compile, LIB, measure } from './bench/children';
import type { Measurement } from './bench/measure';
import { officeReadSyncs, type SyncCount } from './bench/office';
import { seededRng } from './bench/random';
import { benchWrites, writeTable } from './bench/writes';
import { writeCatalogue, writeLargeWorkbook } from './bench/xlsx';

type Engine = typeof import('../src/engine');

interface Options {
  quick: boolean;
  /** Paired runs per size: `--reps N`, or 5 up to 240 sheets and 3 above (2 with --quick). */
  reps: (sheets: number) => number;
  keep: boolean;
}

function options(argv: string[]): Options {
  const at = argv.indexOf('--reps');
  const fixed = at >= 0 ? Math.max(1, Number(argv[at + 1]) || 1) : null;
  const quick = argv.includes('--quick');
  return {
    quick,
    reps: (sheets) => fixed ?? (quick ? 2 : sheets <= 240 ? 5 : 3),
    keep: argv.includes('--keep'),
  };
}

interface SizeResult {
  sheets: number;
  cells: number;
  fileKB: number;
  defects: number;
  proposalsPerSecond: number;
  bare: Measurement[];
  check: Measurement[];
  /** check/bare of each adjacent pair, wall time and CPU time. */
  ratios: number[];
  cpuRatios: number[];
  cli: { ms: number; code: number | null; findings: number | null } | null;
  syncs: SyncCount;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function log(text: string): void {
  process.stderr.write(`${text}\n`);
}

/**
 * Proposals per second of `computeProposal` (zod validation included) over these proposals:
 * the median of five 200 ms windows after 300 ms of warm-up.
 */
function engineThroughput(engine: Engine, proposals: unknown[]): number {
  const window = (ms: number) => {
    let done = 0;
    const start = performance.now();
    while (performance.now() - start < ms) {
      for (const p of proposals) engine.computeProposal(p);
      done += proposals.length;
    }
    return done / ((performance.now() - start) / 1000);
  };
  window(300);
  return median([0, 1, 2, 3, 4].map(() => window(200)));
}

/** Bare read and check alternately in fresh processes, `reps` pairs. */
async function pairs(file: string, reps: number, lib: string | null) {
  const bare: Measurement[] = [];
  const check: Measurement[] = [];
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  for (let i = 0; i < reps; i++) {
    // Alternate which goes first, so neither always meets the machine as the other left it.
    const first = i % 2 === 0 ? 'bare' : 'check';
    const a = await measure(first, file, lib);
    const b = await measure(first === 'bare' ? 'check' : 'bare', file, lib);
    const [m, c] = first === 'bare' ? [a, b] : [b, a];
    bare.push(m);
    check.push(c);
    ratios.push(c.ms / m.ms);
    cpuRatios.push(c.cpuMs / m.cpuMs);
  }
  return { bare, check, ratios, cpuRatios };
}

async function benchSize(dir: string, sheets: number, opts: Options, engine: Engine, lib: string | null): Promise<SizeResult> {
  const { sheets: laidOut, proposals } = makeCatalogue(sheets, seededRng(sheets));
  const file = path.join(dir, `katalog-${sheets}.xlsx`);
  const cells = await writeCatalogue(file, laidOut);
  const defects = laidOut.filter((s) => s.defect).length;
  laidOut.length = 0; // the rows are on disk now; the engine should not pay for keeping them
  log(`  ${sheets} sheets: ${cells} cells written, measuring …`);
  const proposalsPerSecond = engineThroughput(engine, proposals);
  const { bare, check, ratios, cpuRatios } = await pairs(file, opts.reps(sheets), lib);
  const cli = await cliCheck(file, lib);
  const syncs = await officeReadSyncs(file);
  return {
    sheets,
    cells,
    fileKB: statSync(file).size / 1024,
    defects,
    proposalsPerSecond,
    bare,
    check,
    ratios,
    cpuRatios,
    cli,
    syncs,
  };
}

// ---------------------------------------------------------------------------------------------
// Printing

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(head), `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');
}

const int = (x: number) => Math.round(x).toLocaleString('en-US');
const fix = (x: number, d = 2) => x.toFixed(d);
const mark = (ok: boolean) => (ok ? '✓' : '✗');
const findingCounts = (f: Measurement['findings'], planted: number | null) =>
  f ? `${f.error}/${f.warning}/${f.info}${planted === null ? '' : ` (${planted} planted)`}` : '?';

function machine(): string {
  const cpu = /model name\s*:\s*(.*)/.exec(safe(() => execSync('cat /proc/cpuinfo', { encoding: 'utf8' })))?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const mem = safe(() => execSync('free -h', { encoding: 'utf8' }).split('\n')[1]?.trim().split(/\s+/)[1] ?? '');
  return `node ${process.version}, ${os.cpus().length} cores (nproc ${safe(() => execSync('nproc', { encoding: 'utf8' }).trim())}), ${cpu}, ${mem} RAM (free -h), load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at the end`;
}

function safe(f: () => string): string {
  try {
    return f();
  } catch {
    return '';
  }
}

interface Big {
  cells: number;
  bare: Measurement;
  check: Measurement;
  syncs: SyncCount;
}

function report(results: SizeResult[], big: Big | null, opts: Options, lib: string | null, seconds: number): string {
  const out: string[] = [];
  out.push(
    `Catalogue check benchmark, ${new Date().toISOString().slice(0, 10)}; ${results.map((r) => opts.reps(r.sheets)).join('/')} paired runs per size, medians; code: ${lib ? 'compiled (tsconfig.build.json), as the CLI runs it' : 'TypeScript sources through tsx (compiling failed)'}`,
  );
  out.push(`Machine: ${machine()}`);
  out.push('');
  out.push(
    table(
      [
        'Sheets',
        'Used cells',
        'File',
        'Engine (proposals/s)',
        'Bare read',
        'Check',
        'Check ÷ bare',
        'CPU ÷',
        'checkWorkbook',
        'tb check CLI',
        'Findings E/W/I',
      ],
      results.map((r) => [
        String(r.sheets),
        int(r.cells),
        `${int(r.fileKB)} KB`,
        `${int(r.proposalsPerSecond)} ${mark(r.proposalsPerSecond >= 10_000)}`,
        `${int(median(r.bare.map((m) => m.ms)))} ms`,
        `${int(median(r.check.map((m) => m.ms)))} ms`,
        `${fix(median(r.ratios))}× ${mark(median(r.ratios) <= 1.5)}`,
        `${fix(median(r.cpuRatios))}×`,
        `${int(median(r.check.map((m) => m.checkMs ?? 0)))} ms`,
        r.cli ? `${int(r.cli.ms)} ms (exit ${r.cli.code})` : 'n/a',
        findingCounts(r.check[0]?.findings, r.defects),
      ]),
    ),
  );
  out.push('');
  out.push(
    table(
      ['Sheets', 'Peak RSS bare', 'Peak RSS check', 'RSS ÷', 'Peak heap bare', 'Peak heap check', 'Heap ÷', 'Office read sync() calls'],
      results.map((r) => {
        const rssB = median(r.bare.map((m) => m.maxRssMB));
        const rssC = median(r.check.map((m) => m.maxRssMB));
        const heapB = median(r.bare.map((m) => m.peakHeapMB));
        const heapC = median(r.check.map((m) => m.peakHeapMB));
        return [
          String(r.sheets),
          `${int(rssB)} MB`,
          `${int(rssC)} MB`,
          `${fix(rssC / rssB)}× ${mark(rssC / rssB <= 2)}`,
          `${int(heapB)} MB`,
          `${int(heapC)} MB`,
          `${fix(heapC / heapB)}× ${mark(heapC / heapB <= 2)}`,
          r.syncs.syncs === null ? `n/a (${r.syncs.reason})` : `${r.syncs.syncs} (${int(r.syncs.ms ?? 0)} ms)`,
        ];
      }),
    ),
  );
  out.push('');
  const at = (n: number) => results.find((r) => r.sheets === n);
  const r100 = at(100);
  const r1000 = at(1000);
  if (r100 && r1000) {
    const s = (f: (r: SizeResult) => number) => f(r1000) / f(r100);
    const bareS = s((r) => median(r.bare.map((m) => m.ms)));
    const checkS = s((r) => median(r.check.map((m) => m.ms)));
    const cellsS = r1000.cells / r100.cells;
    out.push(
      `Scaling time(1,000 sheets) ÷ time(100 sheets), cells ×${fix(cellsS, 1)}: bare read ×${fix(bareS, 1)}, check ×${fix(checkS, 1)} ${mark(checkS <= cellsS * 1.3)}, checkWorkbook alone ×${fix(
        s((r) => median(r.check.map((m) => m.checkMs ?? 0))),
        1,
      )}, CLI ×${r100.cli && r1000.cli ? fix(r1000.cli.ms / r100.cli.ms, 1) : 'n/a'}; sync() calls ${r100.syncs.syncs ?? 'n/a'} → ${r1000.syncs.syncs ?? 'n/a'}`,
    );
  }
  if (big) {
    out.push(
      `Limits: ${int(big.cells)} used cells: bare read ${int(big.bare.ms)} ms, check ${int(big.check.ms)} ms (${fix(big.check.ms / big.bare.ms)}× ${mark(big.check.ms / big.bare.ms <= 1.5)}, CPU ${fix(big.check.cpuMs / big.bare.cpuMs)}×; checkWorkbook ${int(big.check.checkMs ?? 0)} ms, findings ${findingCounts(big.check.findings, null)}); peak RSS ${int(big.bare.maxRssMB)} → ${int(big.check.maxRssMB)} MB (${fix(big.check.maxRssMB / big.bare.maxRssMB)}× ${mark(big.check.maxRssMB / big.bare.maxRssMB <= 2)}), peak heap ${int(big.bare.peakHeapMB)} → ${int(big.check.peakHeapMB)} MB; Office read ${big.syncs.syncs === null ? `n/a (${big.syncs.reason})` : `${big.syncs.syncs} sync() calls`}`,
    );
  }
  out.push('');
  out.push(
    'Targets: check ≤ 1.5× bare read at every size (goal 1.2×); engine ≥ 10,000 proposals/s with validation (goal 100,000); peak memory ≤ 2× bare read; scaling near-linear (check ×≈ cells ×); sync() calls constant in the number of sheets.',
  );
  out.push(
    'Bare read: ExcelJS loads the file and visits every cell. Check: XlsxWorkbook.open + read + checkWorkbook (what `tb check` does). Each in a fresh process, module loading excluded; ratios are medians of adjacent pairs (wall time; CPU ÷ the same with user + system CPU time, steadier on a busy machine).',
  );
  out.push(
    "tb check CLI: the real `tb check FILE --format json`, once, including Node start-up and module loading (exit 1: the check found errors). Peak heap is sampled every 5 ms. sync() calls: OfficeWorkbook.read() on the in-memory Excel API (src/excel/fake), which reads at most 40,000 cells per sync to stay under Excel on the web's 5 MB limit.",
  );
  out.push(`Whole bench: ${fix(seconds, 0)} s.`);
  return out.join('\n');
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const started = performance.now();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tb-bench-'));
  try {
    log('compiling src/engine and src/node …');
    const failure = compile();
    if (failure) log(`compiling failed (${failure}); measuring the TypeScript sources through tsx`);
    const lib = failure ? null : LIB;
    const load = createRequire(__filename);
    const engine = load(lib ? path.join(lib, 'engine', 'index.js') : path.join(__dirname, '..', 'src', 'engine')) as Engine;

    // Warm the engine once, so the first size is not the one that pays for the JIT.
    engineThroughput(engine, makeCatalogue(200, seededRng(7)).proposals);

    const sizes = opts.quick ? [10, 100] : [10, 100, 240, 1000];
    const results: SizeResult[] = [];
    for (const n of sizes) results.push(await benchSize(dir, n, opts, engine, lib));

    let big: Big | null = null;
    if (!opts.quick) {
      const file = path.join(dir, 'million.xlsx');
      const rng = seededRng(1_000_000);
      const first = makeCatalogue(1, rng).sheets[0];
      const cells = await writeLargeWorkbook(file, 1_000_000, first, rng);
      log(`  1,000,000-cell workbook: ${cells} cells written, measuring …`);
      const bare = await measure('bare', file, lib);
      const check = await measure('check', file, lib);
      big = { cells, bare, check, syncs: await officeReadSyncs(file) };
    }
    log('writes: compute and check --annotate, patched package against ExcelJS re-serialising …');
    const writes = await benchWrites(dir, opts.quick ? [10, 100] : [10, 100, 240], opts.quick ? 3 : 5);
    process.stdout.write(`${report(results, big, opts, lib, (performance.now() - started) / 1000)}\n`);
    process.stdout.write(`\nWrites (in-process, median; "write" is the save step alone, "total" includes opening and applying):\n${writeTable(writes)}\n`);
  } finally {
    if (opts.keep) log(`files kept in ${dir}`);
    else await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
