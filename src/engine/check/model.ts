/**
 * What table discovery finds in a sheet, in engine coordinates (0-based rows and columns).
 */
import type { CellAddress, CellRange, CellValue, SheetGrid } from '../cells';
import { TABLE_KEYS, type TableKey } from '../compute';
import type { ParsedNumber } from '../numbers';
import type { UnitInfo } from '../units';

/**
 * A table the checker finds: one of the technical tables A–E (`TableKey`), the summary, a
 * catalogue's overview of its proposals (`overview.ts`), or another table with a total.
 */
export type TableKind = TableKey | 'summary' | 'overview' | 'generic';

/** True for the technical tables A–E. */
export function isTechnical(kind: TableKind): kind is TableKey {
  return (TABLE_KEYS as readonly string[]).includes(kind);
}

/** One value cell under a year (or other value) column. */
export interface ValueCell {
  row: number;
  col: number;
  raw: CellValue;
  parsed: ParsedNumber;
}

/** Summary-table line roles ("Forslagets samlede økonomiske konsekvenser"). */
export type LineRole =
  | 'permanent-line'
  | 'permanent-subtotal'
  | 'permanent-total'
  | 'implementation-line'
  | 'implementation-subtotal'
  | 'implementation-total'
  | 'impact'
  | 'payback'
  | 'section'
  | 'body'
  | 'total';

export interface TableLine {
  row: number;
  labelCol: number;
  label: string;
  /** For tables A–E and generic tables: the unit the label names, if any. */
  unit: UnitInfo | null;
  /** Aligned with the table's value columns. */
  values: ValueCell[];
  role: LineRole;
  /** Styringsområde (summary) as written: anlæg, service, … lower case; '' when none. */
  area: string;
  /** Summary subtotal qualifier: the kind (`anlæg`/`service`) or administration it sums over. */
  qualifier: string;
  /** Text in the "Bevilling, profitcenter mv." column; null when the table has no such column. */
  bevilling: string | null;
  /** Payback lines: the stated value and where it is. */
  stated?: { text: string; cell: CellAddress };
}

export interface YearHeader {
  row: number;
  cols: number[];
  /** The year each value column states (NaN where the header cell is not a year). */
  years: number[];
}

export interface PriceLevel {
  /** 2025 for "1.000 kr. 2025 p/l"; null for "løbende p/l". */
  year: number | null;
  text: string;
  cell: CellAddress;
}

export interface FoundTable {
  kind: TableKind;
  sheet: string;
  title: string;
  titleCell: CellAddress;
  range: CellRange;
  priceLevel: PriceLevel | null;
  header: YearHeader;
  lines: TableLine[];
  /** Lines inside the table that its sums leave out ("heraf …", "herunder …"). */
  memo?: TableLine[];
  total: TableLine | null;
  bevillingCol: number | null;
  /** Generic tables: a column that holds each row's total. */
  totalCol: number | null;
  /** Generic tables: the value columns a total column sums. */
  partCols: number[];
}

export interface SheetTables {
  sheet: SheetGrid;
  tables: FoundTable[];
  /** The first table of each technical kind on the sheet (one sheet is one proposal). */
  technical: Partial<Record<TableKey, FoundTable>>;
  summary: FoundTable | null;
}

/** The number in a value cell, blank and unreadable counted as 0. */
export function valueOf(cell: ValueCell | undefined): number {
  return cell && cell.parsed.kind === 'number' ? cell.parsed.value : 0;
}

export function isInvalid(cell: ValueCell | undefined): boolean {
  return cell !== undefined && cell.parsed.kind === 'invalid';
}
