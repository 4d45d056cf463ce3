/**
 * Child processes of the bench: measurements in fresh processes, the real CLI, and compiling the
 * engine and the ExcelJS adapter the way `npm run build` does (the CLI runs compiled code).
 */
import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { Measurement } from './measure';

const ROOT = path.resolve(__dirname, '..', '..');
/** Compiled engine and adapter, inside node_modules so that their own imports resolve. */
export const LIB = path.join(ROOT, 'node_modules', '.cache', 'tb-bench');

/** Compiles src/engine and src/node (tsconfig.build.json) into {@link LIB}; null on success. */
export function compile(): string | null {
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const run = spawnSync(
    process.execPath,
    [tsc, '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', LIB, '--declaration', 'false', '--sourceMap', 'false'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (run.status === 0) return null;
  return (run.stdout + run.stderr).trim().split('\n').slice(0, 3).join(' | ') || `tsc exited ${run.status}`;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function run(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - start }));
  });
}

/** One `bare` or `check` measurement in a fresh process (see measure.ts). */
export async function measure(mode: 'bare' | 'check', file: string, lib: string | null): Promise<Measurement> {
  const args = ['--import', 'tsx', path.join(__dirname, 'measure.ts'), mode, file];
  if (lib) args.push(lib);
  const r = await run(args);
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.code !== 0 || !line.startsWith('{'))
    throw new Error(`measure ${mode} ${file} failed (exit ${r.code}): ${r.stderr.trim().split('\n').slice(0, 5).join(' | ')}`);
  return JSON.parse(line) as Measurement;
}

/** The real `tb check FILE --format json` as a shell runs it; wall time includes Node's startup. */
export async function cliCheck(file: string, lib: string | null): Promise<{ ms: number; code: number | null; findings: number | null }> {
  const args = lib ? [path.join(lib, 'node', 'cli.js')] : ['--import', 'tsx', path.join(ROOT, 'src', 'node', 'cli.ts')];
  const r = await run([...args, 'check', file, '--format', 'json']);
  let findings: number | null;
  try {
    findings = (JSON.parse(r.stdout) as { findings: unknown[] }).findings.length;
  } catch {
    findings = null;
  }
  return { ms: r.ms, code: r.code, findings };
}
