/**
 * A formula cell without a cached value is not a 0. A workbook saved by a program that does not
 * calculate (ExcelJS writes `<f>` without `<v>` here, as such programs do) gets one finding per
 * table saying it has not been calculated, and no false total-mismatch.
 */
import * as path from 'node:path';
import { checkWorkbook } from '../src/engine';
import { XlsxWorkbook } from '../src/node/xlsxAdapter';
import { editXlsx, ROOT, tb, tempDir } from './support/xlsx';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

/** The filled template with Tabel A's Total row and one unit row as formulas, calculated or not. */
async function templateWithFormulas(calculated: boolean): Promise<string> {
  const file = tmp.file(calculated ? 'beregnet.xlsx' : 'uberegnet.xlsx');
  expect((await tb('init', file, '--from', path.join(ROOT, 'examples', 'forslag4.json'))).code).toBe(0);
  await editXlsx(file, (wb) => {
    const ws = wb.getWorksheet('Tabeller')!;
    for (const col of ['C', 'D', 'E', 'F', 'G', 'H']) {
      const total = ws.getCell(`${col}19`);
      const unit = ws.getCell(`${col}17`);
      const totalResult = total.value as number;
      const unitResult = unit.value as number;
      total.value = calculated ? { formula: `SUM(${col}8:${col}18)`, result: totalResult } : { formula: `SUM(${col}8:${col}18)` };
      unit.value = calculated ? { formula: `${unitResult}+0`, result: unitResult } : { formula: `${unitResult}+0` };
    }
  });
  return file;
}

describe('uncalculated formulas', () => {
  it('tb check: one uncalculated-formula finding for Tabel A, exit 1, and no false total-mismatch', async () => {
    const file = await templateWithFormulas(false);
    const run = await tb('check', file, '--format', 'json');
    expect(run.code).toBe(1);
    const { findings } = JSON.parse(run.stdout) as { findings: { rule: string; sheet: string; cell: string; severity: string; message: string }[] };
    expect(findings.filter((f) => f.rule === 'uncalculated-formula')).toEqual([
      {
        rule: 'uncalculated-formula',
        severity: 'error',
        sheet: 'Tabeller',
        cell: 'C17',
        message:
          'Tabel A: 12 formelceller har intet beregnet resultat – projektmappen er gemt uden at være beregnet (fx af et program, der ikke regner formler ud). Åbn den i Excel, gem den, og tjek igen; arkets øvrige tjek er sprunget over.',
      },
    ]);
    expect(findings.map((f) => f.rule)).not.toContain('total-mismatch');
    expect(findings.map((f) => f.rule)).not.toContain('c-equals-a-plus-b');
  });

  it('in English with --locale en', async () => {
    const file = await templateWithFormulas(false);
    const run = await tb('check', file, '--format', 'json', '--locale', 'en');
    const { findings } = JSON.parse(run.stdout) as { findings: { rule: string; message: string }[] };
    expect(findings.find((f) => f.rule === 'uncalculated-formula')?.message).toMatch(
      /^Tabel A: 12 formula cells have no calculated result – the workbook was saved without being calculated/,
    );
  });

  it('the same formulas with their cached results: no finding at all', async () => {
    const file = await templateWithFormulas(true);
    const snapshot = await (await XlsxWorkbook.open(file)).read();
    const tabeller = snapshot.sheets.find((s) => s.name === 'Tabeller')!;
    expect(tabeller.formulas?.get('18,2')).toBe('=SUM(C8:C18)');
    expect(tabeller.uncalculated).toBeUndefined();
    expect(checkWorkbook(snapshot).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('the adapter marks exactly the formula cells without a result', async () => {
    const file = await templateWithFormulas(false);
    const snapshot = await (await XlsxWorkbook.open(file)).read();
    const tabeller = snapshot.sheets.find((s) => s.name === 'Tabeller')!;
    const cols = [2, 3, 4, 5, 6, 7];
    expect([...(tabeller.uncalculated ?? [])].sort()).toEqual([...cols.map((c) => `16,${c}`), ...cols.map((c) => `18,${c}`)].sort());
    for (const key of tabeller.uncalculated!) expect(tabeller.formulas!.has(key)).toBe(true);
  });
});
