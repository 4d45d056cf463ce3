/**
 * Writes the seed fixture workbook: `npx tsx scripts/build-fixtures.ts OUTDIR` → OUTDIR/seed-catalogue.xlsx
 * (one worksheet per proposal, see test/fixtures/seed/README.md).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSeedWorkbook } from '../test/fixtures/buildSeedWorkbook';
import { SEED_SHEETS } from '../test/fixtures/seed/grids';

async function main(): Promise<void> {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error('usage: npx tsx scripts/build-fixtures.ts OUTDIR');
    process.exit(2);
  }
  const dir = resolve(outDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'seed-catalogue.xlsx');
  await buildSeedWorkbook(file, SEED_SHEETS);
  console.log(`wrote ${file} (${SEED_SHEETS.map((s) => s.name).join(', ')})`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
