/**
 * `planChanges`: every reason to refuse a batch, decided from facts read beforehand.
 */
import { num, type CellWrite, type WorkbookChanges } from '../src/engine';
import { parseAreas, planChanges, type WorkbookFacts } from '../src/excel/plan';

function facts(over: Partial<WorkbookFacts> = {}): WorkbookFacts {
  return {
    sheets: [
      { name: 'Tabel A', visible: true },
      { name: 'Valideringsrapport', visible: true },
    ],
    workbookProtected: false,
    protectedSheets: new Set(),
    merges: [],
    toolNotes: [],
    ...over,
  };
}

const write = (sheet: string, row: number, col: number): CellWrite => ({ sheet, row, col, value: num(1) });

describe('planChanges', () => {
  it('accepts a batch that writes into existing, unprotected, unmerged cells', () => {
    expect(planChanges({ cells: [write('tabel a', 4, 2)] }, facts())).toEqual({ problems: [], removed: [] });
  });

  it('refuses a sheet that exists unless the batch may replace it', () => {
    const add: WorkbookChanges = { addSheets: [{ name: 'Valideringsrapport', cells: [] }] };
    expect(planChanges(add, facts()).problems).toEqual([{ code: 'sheet-exists', sheet: 'Valideringsrapport' }]);
    expect(planChanges({ ...add, replaceSheets: ['Valideringsrapport'] }, facts()).problems).toEqual([]);
  });

  it('names the protected sheet and the first cell it would write', () => {
    const plan = planChanges({ cells: [write('Tabel A', 6, 3), write('Tabel A', 7, 3)] }, facts({ protectedSheets: new Set(['tabel a']) }));
    expect(plan.problems).toEqual([{ code: 'sheet-protected', sheet: 'Tabel A', cell: 'D7' }]);
  });

  it('refuses structure changes in a protected workbook, and a missing sheet', () => {
    const plan = planChanges({ removeSheets: ['Valideringsrapport'], cells: [write('Tabel Z', 0, 0)] }, facts({ workbookProtected: true }));
    expect(plan.problems.map((p) => p.code)).toEqual(['workbook-protected', 'missing-sheet']);
    expect(plan.removed).toEqual(['Valideringsrapport']);
  });

  it('refuses to remove the last visible sheet', () => {
    const plan = planChanges(
      { removeSheets: ['Tabel A'] },
      facts({
        sheets: [
          { name: 'Tabel A', visible: true },
          { name: 'Skjult', visible: false },
        ],
      }),
    );
    expect(plan.problems).toEqual([{ code: 'last-sheet', sheet: 'Tabel A' }]);
  });

  it('reports each merged area under the writes once', () => {
    const merges = parseAreas("'Tabel A'!C5:D5, 'Tabel A'!F9:F10");
    const plan = planChanges({ cells: [write('Tabel A', 4, 2), write('Tabel A', 4, 3), write('Tabel A', 0, 0)] }, facts({ merges }));
    expect(plan.problems).toEqual([{ code: 'merged-cells', sheet: 'Tabel A', cell: 'C5:D5' }]);
  });
});
