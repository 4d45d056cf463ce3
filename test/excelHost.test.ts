/**
 * The real host (src/excel/officeHost.ts) over a stand-in for the global `Excel`: every batch asks
 * Excel to wait while the user is editing a cell, instead of failing.
 */
import { officeHost } from '../src/excel/officeHost';

describe('officeHost', () => {
  const globals = globalThis as unknown as { Excel?: unknown; Office?: unknown };
  afterEach(() => {
    delete globals.Excel;
    delete globals.Office;
  });

  test('every Excel.run carries delayForCellEdit: true', async () => {
    const calls: unknown[] = [];
    const context = { workbook: {}, sync: async () => undefined };
    globals.Excel = {
      run: (options: unknown, batch: (c: unknown) => Promise<unknown>) => {
        calls.push(options);
        return batch(context);
      },
    };
    globals.Office = { context: { requirements: { isSetSupported: (name: string, version: string) => name === 'ExcelApi' && version === '1.13' } } };
    const host = officeHost();
    expect(await host.run(async () => 'done')).toBe('done');
    await host.run(async () => undefined);
    expect(calls).toEqual([{ delayForCellEdit: true }, { delayForCellEdit: true }]);
    expect(host.isSetSupported('ExcelApi', '1.13')).toBe(true);
  });
});
