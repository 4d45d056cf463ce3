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

/** Header of the Kvantum CSV, in Danish as the columns of the technical tables. */
export const KVANTUM_CSV_HEADER = ['Tabel', 'Udvalg', 'Navn', 'Bevilling, profitcenter mv.', 'Styringsområde', 'År', 'Beløb'] as const;

function csvField(text: string): string {
  return /[;"\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number as Danish Excel reads it: decimal comma, no thousands separator, minus sign first. */
export function csvNumber(value: number): string {
  return String(value === 0 ? 0 : value).replace('.', ',');
}

/**
 * The Kvantum lines as CSV that Danish Excel opens by a double click: UTF-8 with a byte-order
 * mark (so æ, ø, å survive), semicolons between fields, decimal comma, CRLF line ends and a
 * header row. The amount column says its unit and price level ("Beløb (1.000 kr. 2025 p/l)").
 */
export function kvantumCsv(result: { kvantum: readonly KvantumLine[]; priceLevel: number; tables: Readonly<Record<TableKey, ResultTable>> }): string {
  const names = new Map<string, string>();
  for (const table of ORDER) for (const row of result.tables[table].rows) names.set(row.unit, row.name);
  const header = [...KVANTUM_CSV_HEADER.slice(0, -1), `Beløb (1.000 kr. ${result.priceLevel} p/l)`];
  const lines = [header.map(csvField).join(';')];
  for (const l of result.kvantum) {
    lines.push([l.table, l.unit, names.get(l.unit) ?? l.unit, l.bevilling, l.styringsomraade, String(l.year), csvNumber(l.amount)].map(csvField).join(';'));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
