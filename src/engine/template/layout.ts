/**
 * The layout of the "Teknisk beregningsark" template: sheet names, defined names, sections and
 * table titles. The builder writes this layout and the reader looks for it, so both live here.
 */
import type { TableKey } from '../compute';

export const GUIDE_SHEET = 'Vejledning';
export const INPUT_SHEET = 'Input';
export const TABLES_SHEET = 'Tabeller';
export const KVANTUM_SHEET = 'Kvantum';

/** Defined names of the single input cells and the year header. */
export const NAMES = {
  title: 'TB_Titel',
  priceLevel: 'TB_Prisniveau',
  otherUnits: 'TB_OevrigeEnheder',
  years: 'TB_Aar',
} as const;

export type SectionKey = 'effects' | 'operatingCosts' | 'transfers' | 'investments' | 'memo';

/** Header of the optional bevilling column on Input and of the tables' second column. */
export const PROFIT_CENTER_HEADER = 'Bevilling, profitcenter mv.';

/** One input section: a heading row, then a header row and input rows covered by `name`. */
export interface SectionSpec {
  key: SectionKey;
  /** Defined name over the header row and the input rows, first column to the last column. */
  name: string;
  heading: string;
  /** Headers of the three text columns before the amounts ('' for a column the section does not use). */
  columns: readonly [string, string, string];
  /** Blank input rows in an empty template. */
  blankRows: number;
  /**
   * The section has a "Bevilling, profitcenter mv." column after the years. It is optional in a
   * workbook: the reader finds it by its header, and templates made before it have none.
   */
  bevilling: boolean;
  /** Templates made before the section have none; the reader then reads none. */
  optional?: boolean;
}

export const SECTIONS: readonly SectionSpec[] = [
  {
    key: 'effects',
    name: 'TB_Effekter',
    heading: 'Effekter',
    columns: ['Tekst', 'Udvalg (placering)', 'Måltal krediteres (nøgle)'],
    blankRows: 8,
    bevilling: true,
  },
  {
    key: 'operatingCosts',
    name: 'TB_Drift',
    heading: 'Varig drift',
    columns: ['Tekst', 'Udvalg (placering)', 'Finansieres af (nøgle)'],
    blankRows: 6,
    bevilling: true,
  },
  { key: 'transfers', name: 'TB_Flyt', heading: 'Bevillingsflyt', columns: ['Tekst', 'Fra udvalg', 'Til udvalg'], blankRows: 4, bevilling: true },
  {
    key: 'investments',
    name: 'TB_Investeringer',
    heading: 'Investeringer',
    columns: ['Tekst', 'Anlæg eller service', 'Udvalg'],
    blankRows: 8,
    bevilling: true,
  },
  {
    key: 'memo',
    name: 'TB_Heraf',
    heading: 'Heraf-linjer (vises i Tabel 1, tælles ikke med)',
    columns: ['Tekst (heraf …)', 'Styringsområde', ''],
    blankRows: 3,
    bevilling: false,
    optional: true,
  },
];

/**
 * The "Fordelingsnøgler" section under the line sections of the Input sheet: one row per key
 * (its name, then a basis per unit: hours, devices, m², kr.), one column per unit. A key's name
 * typed in a unit, credit or financing column spreads the line by it.
 */
export const KEYS_SECTION = {
  name: 'TB_Noegler',
  heading: 'Fordelingsnøgler',
  keyHeader: 'Nøgle (grundlag pr. enhed)',
  blankRows: 4,
  /** Columns with a blank header, for units outside the eleven rows (Borgerrådgiveren …). */
  spareColumns: 2,
} as const;

export interface TableSpec {
  key: TableKey;
  /** Defined name over the header row, the unit rows and the Total row. */
  name: string;
  title: string;
}

/** Tables A–E with the titles the seed uses. */
export const TABLES: readonly TableSpec[] = [
  { key: 'A', name: 'TB_TabelA', title: 'Tabel A. Måltalseffekt - hvis forslaget indarbejdes (nettoeffektivisering)' },
  { key: 'B', name: 'TB_TabelB', title: 'Tabel B. Bevillingsmæssig effekt - varig drift' },
  { key: 'C', name: 'TB_TabelC', title: 'Tabel C. Bevillingsmæssig effekt - hvis forslaget indarbejdes (bruttoeffektivisering)' },
  { key: 'D', name: 'TB_TabelD', title: 'Tabel D. Fordeling af anlægsinvesteringer mellem udvalg' },
  { key: 'E', name: 'TB_TabelE', title: 'Tabel E. Fordeling af serviceinvesteringer mellem udvalg' },
];

/**
 * Blocks under Tables A–E that the tool fills in whole (labels too): Tabel 1 with its payback,
 * and the explanation. Rows beyond what a proposal needs are written blank.
 */
export const TABEL1_BLOCK = { name: 'TB_Tabel1', title: 'Tabel 1. Forslagets samlede økonomiske konsekvenser', rows: 40 } as const;
export const EXPLANATION_BLOCK = { name: 'TB_Forklaring', title: 'Forklaring', rows: 10 } as const;

/**
 * The Kvantum sheet: the lines to key into Kvantum, one per table, unit, bevilling and year. The
 * tool's area is the defined name over the header row and the lines it wrote last; each
 * computation rewrites it, blanks the rows it no longer needs and moves the name.
 */
export const KVANTUM_AREA = {
  name: 'TB_Kvantum',
  title: 'Linjer til Kvantum',
  headers: ['Tabel', 'Enhed', 'Bevilling/profitcenter', 'Styringsområde', 'År', 'Beløb (1.000 kr.)'],
  /** 0-based row of the header in a sheet the tool makes (title, note and price level above). */
  headerRow: 4,
} as const;

export const TOTAL_LABEL = 'Total';

/** Number formats of the amounts (whole 1.000 kr., 0 shown as 0) and of year cells. */
export const AMOUNT_FORMAT = '#,##0;-#,##0;0';
export const YEAR_FORMAT = '0';

/** The seed's default period: budget 2025, years 2024–2029. */
export const DEFAULT_PRICE_LEVEL = 2025;
export const DEFAULT_YEARS: readonly number[] = [2024, 2025, 2026, 2027, 2028, 2029];

/** Input sheet: the three text columns come first, amounts start in this 0-based column. */
export const INPUT_AMOUNT_COL = 3;
/** Tables sheet: unit name, "Bevilling, profitcenter mv.", then one column per year. */
export const TABLE_YEAR_COL = 2;

/** "1.000 kr. 2025 p/l", the unit line over every table. */
export function unitLine(priceLevel: number): string {
  return `1.000 kr. ${priceLevel} p/l`;
}
