/**
 * The consistency checker: finds technical tables anywhere in a workbook and reports what does
 * not add up. (Being built: discovery and rules land in this folder.)
 */
import type { WorkbookSnapshot } from '../cells';
import type { WorkbookChanges } from '../changes';
import type { Finding } from '../findings';
import type { Locale } from '../messages';

export type TableKind = 'A' | 'B' | 'C' | 'D' | 'E' | 'summary' | 'generic';

/** A table the checker found. */
export interface TableInfo {
  sheet: string;
  kind: TableKind;
  /** A1 range of the whole table, title included. */
  range: string;
  title: string;
}

export interface CheckReport {
  findings: Finding[];
  tables: TableInfo[];
}

export interface CheckOptions {
  locale?: Locale;
}

/** Checks every sheet of a workbook. Never throws on content: what it cannot read is a finding. */
export function checkWorkbook(_snapshot: WorkbookSnapshot, _options: CheckOptions = {}): CheckReport {
  return { findings: [], tables: [] };
}

/**
 * The changes that annotate a workbook with a report: a tool note on every cited cell (a
 * person's own note on the same cell is kept), and the sheet `Valideringsrapport` replaced.
 */
export function annotationChanges(_snapshot: WorkbookSnapshot, _report: CheckReport, _options: CheckOptions = {}): WorkbookChanges {
  return { clearToolNotes: true, notes: [], replaceSheets: [], addSheets: [] };
}
