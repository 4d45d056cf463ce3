/**
 * Round trips of a whole-workbook read through the Office.js adapter, on the in-memory Excel API
 * (src/excel/fake): the figure Excel on the web punishes when it grows.
 */
import { promises as fs } from 'node:fs';

export interface SyncCount {
  syncs: number | null;
  /** Why there is no figure, when there is none. */
  reason?: string;
  ms?: number;
}

export async function officeReadSyncs(file: string): Promise<SyncCount> {
  let fake: typeof import('../../src/excel/fake');
  let adapter: typeof import('../../src/excel/OfficeWorkbook');
  try {
    fake = await import('../../src/excel/fake/index.js');
    adapter = await import('../../src/excel/OfficeWorkbook.js');
  } catch (error) {
    return { syncs: null, reason: `src/excel cannot be loaded: ${(error as Error).message.split('\n')[0]}` };
  }
  const model = await fake.modelFromXlsx(await fs.readFile(file));
  const excel = new fake.FakeExcel(model);
  const start = performance.now();
  try {
    await new adapter.OfficeWorkbook(excel).read();
  } catch (error) {
    return { syncs: null, reason: `read failed: ${(error as Error).message.split('\n')[0]}` };
  }
  return { syncs: excel.syncCount, ms: performance.now() - start };
}
