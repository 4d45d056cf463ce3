/**
 * Kvantum lines: what is finally keyed into Kvantum, one correction per table, unit,
 * bevilling/profitcenter and year. The technical tables are these lines summed.
 */
import type { KvantumLine, ResultTable, TableKey } from './compute';

const ORDER: readonly TableKey[] = ['A', 'B', 'C', 'D', 'E'];

/** Every non-zero cell of Tables A–E as a line, table by table, row by row, year by year. */
export function kvantumLines(tables: Readonly<Record<TableKey, ResultTable>>, years: readonly number[]): KvantumLine[] {
  const lines: KvantumLine[] = [];
  for (const table of ORDER) {
    for (const row of tables[table].rows) {
      row.values.forEach((amount, y) => {
        if (amount !== 0) lines.push({ table, unit: row.unit, bevilling: row.bevilling, styringsomraade: row.styringsomraade, year: years[y], amount });
      });
    }
  }
  return lines;
}
