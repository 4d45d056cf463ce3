/**
 * `npx tsx scripts/bench-writes.ts [--quick]`: only the write times of `npm run bench` (compute and
 * check --annotate, patched package against ExcelJS re-serialising), without the read benchmarks.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { benchWrites, writeTable } from './bench/writes';

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tb-bench-writes-'));
  try {
    const results = await benchWrites(dir, quick ? [10, 100] : [10, 100, 240], quick ? 3 : 5);
    process.stdout.write(`${writeTable(results)}\n`);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
