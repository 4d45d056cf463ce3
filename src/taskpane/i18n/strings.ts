/**
 * The task pane's wording: one catalogue per language with the same shape, so a missing text is
 * a compile error. Danish is the default (the users are Danish budget staff).
 */
import type { Locale, Severity } from '../../engine';
import type { AnnotationMode } from '../../excel/OfficeWorkbook';

/** The engine's language type: the pane speaks the same two languages. */
export type PaneLocale = Locale;

export interface PaneStrings {
  appTitle: string;
  languageSwitch: string;
  actionsLabel: string;
  insertTemplate: string;
  withExample: string;
  computeTables: string;
  checkConsistency: string;
  removeComments: string;

  confirmReplaceTitle: string;
  confirmReplaceBody: (sheets: string[]) => string;
  confirmReplace: string;
  cancel: string;

  phase: Record<'reading' | 'checking' | 'annotating' | 'computing' | 'writing' | 'inserting' | 'removing', string>;
  progressLabel: string;

  templateInserted: (sheets: string[]) => string;
  templateCancelled: string;
  tablesWritten: (cells: number) => string;
  commentsRemoved: (notes: number, sheetRemoved: boolean) => string;

  resultTitle: string;
  yearHeader: string;
  economicImpactShort: string;
  resultCaption: (priceLevel: number) => string;
  tableName: (key: string) => string;
  economicImpact: string;
  payback: string;
  paybackValue: (years: number, year: number) => string;
  paybackNone: string;

  findingsTitle: string;
  severityName: Record<Severity, string>;
  severityCount: (severity: Severity, count: number) => string;
  filterLabel: string;
  filterAll: string;
  noFindings: string;
  noFindingsInFilter: string;
  sheetGroup: (sheet: string, count: number) => string;
  workbookGroup: string;
  goToCell: (sheet: string, cell: string) => string;
  annotationMode: Record<AnnotationMode, string>;
  notesSkipped: (cells: string[]) => string;
  tablesFound: (count: number) => string;

  errorTitle: Record<'change' | 'template' | 'proposal' | 'excel' | 'unknown', string>;
  templateHint: string;
}
