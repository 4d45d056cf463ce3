/**
 * Technical tables as grid literals for the checker's rule tests: a sheet "Forslag" checked on its
 * own, a table with or without its bevilling column, and one rule's findings in sheet order.
 */
import { checkWorkbook, gridFromRows, type CheckReport, type Finding, type SheetGrid } from '../../src/engine';

export const YEARS = [2025, 2026, 2027];
export const LEVEL = '1.000 kr. 2025 p/l';

export function checkGrid(grid: SheetGrid): CheckReport {
  return checkWorkbook({ sheets: [grid], names: [] });
}

export function sheet(rows: unknown[][]): CheckReport {
  return checkGrid(gridFromRows('Forslag', rows));
}

/** A technical table with a "Bevilling, profitcenter mv." column between the unit and the years. */
export function table(title: string, body: unknown[][], years: unknown[] = YEARS, level = LEVEL): unknown[][] {
  return [[title], ['Udvalg', 'Bevilling, profitcenter mv.', level], [null, null, ...years], ...body, []];
}

/** One rule's findings in sheet order (the report lists errors before warnings). */
export const findingsOf = (findings: Finding[], rule: string) =>
  findings
    .filter((f) => f.rule === rule)
    .sort((a, b) => (a.range?.start.row ?? 0) - (b.range?.start.row ?? 0) || (a.range?.start.col ?? 0) - (b.range?.start.col ?? 0));

export const brief = (f: Finding) => [f.cell, f.severity, f.expected, f.actual];
