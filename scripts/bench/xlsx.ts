/**
 * Writes bench workbooks with ExcelJS's streaming writer (shared strings, a number format on
 * numbers, bold titles, some merged titles), as a person's saved catalogue would look.
 */
import * as ExcelJS from 'exceljs';
import { formatDanish } from '../../src/engine';
import type { BenchSheet } from './catalogue';
import type { Rng } from './random';

const NUMBER_FORMAT = '#,##0;-#,##0;-';

function addRow(ws: ExcelJS.Worksheet, values: unknown[], titleRow: boolean, merge?: [number, number]): number {
  const row = ws.addRow(values);
  // The streaming writer can merge only rows it has not committed yet.
  if (merge) ws.mergeCells(row.number, merge[0] + 1, row.number, merge[1] + 1);
  let used = 0;
  row.eachCell({ includeEmpty: false }, (cell) => {
    used++;
    if (typeof cell.value === 'number') cell.numFmt = NUMBER_FORMAT;
  });
  if (titleRow) row.font = { bold: true };
  row.commit();
  return used;
}

function isTitle(values: unknown[]): boolean {
  const first = values.find((v) => v !== null && v !== undefined);
  return typeof first === 'string' && /^Tab/.test(first);
}

/** Writes the sheets to `file`; returns the number of used (non-empty) cells. */
export async function writeCatalogue(file: string, sheets: readonly BenchSheet[]): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  let used = 0;
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    const merges = new Map(sheet.merges.map(([r, c1, c2]) => [r, [c1, c2] as [number, number]]));
    sheet.rows.forEach((values, r) => (used += addRow(ws, values, isTitle(values), merges.get(r))));
    ws.commit();
  }
  await wb.commit();
  return used;
}

const ACCOUNTS = ['Lønninger', 'Husleje', 'IT-licenser', 'Konsulenter', 'Indkøb', 'Rengøring', 'Transport', 'Uddannelse'];

/**
 * A workbook with about `cells` used cells: a proposal sheet, then Kvantum extracts of 25
 * columns (profit centre, account, text, 22 yearly amounts as numbers or Danish text) in groups
 * of 50 lines closed by an "I alt" row that adds them up (a few off by one).
 */
export async function writeLargeWorkbook(file: string, cells: number, first: BenchSheet, rng: Rng): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  let used = 0;
  const ws0 = wb.addWorksheet(first.name);
  for (const values of first.rows) used += addRow(ws0, values, false);
  ws0.commit();
  const width = 25;
  const years = Array.from({ length: width - 3 }, (_, i) => 2020 + i);
  const rowsPerSheet = 10_000;
  let sheetNo = 0;
  while (used < cells) {
    const ws = wb.addWorksheet(`Kvantum-udtræk ${++sheetNo}`);
    used += addRow(ws, ['Profitcenter', 'Konto', 'Tekst', ...years], true);
    let group: number[][] = [];
    for (let r = 1; r < rowsPerSheet && used < cells; r++) {
      if (group.length === 50) {
        const sums = years.map((_, i) => group.reduce((acc, g) => acc + g[i], 0) + (rng.chance(0.01) ? 1 : 0));
        used += addRow(ws, ['I alt', null, null, ...sums], false);
        group = [];
        continue;
      }
      const amounts = years.map(() => rng.int(-50_000, 50_000));
      group.push(amounts);
      const shown = amounts.map((v) => (rng.chance(0.3) ? formatDanish(v) : v));
      const row = [`PC${1000 + rng.int(0, 8999)}`, rng.pick(ACCOUNTS), `Budgetlinje ${r}`, ...shown];
      used += addRow(ws, row.slice(0, Math.min(row.length, cells - used)), false);
    }
    ws.commit();
  }
  await wb.commit();
  return used;
}
