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
  /** Two lines: what the pane does, and where to start. */
  intro: [string, string];
  actionsLabel: string;
  stepsLabel: string;
  /** The numbered steps: Indsæt skabelon → udfyld Input → Beregn tabeller. */
  stepInsert: string;
  stepFill: string;
  stepCompute: string;
  checkLabel: string;
  checkHelp: string;
  insertTemplate: string;
  withExample: string;
  computeTables: string;
  checkConsistency: string;
  /** The choice next to "Tjek konsistens": write notes and the report sheet too. */
  writeAnnotations: string;
  removeComments: string;
  busyHint: string;

  confirmReplaceTitle: string;
  confirmReplaceBody: (sheets: string[]) => string;
  confirmReplace: string;
  cancel: string;

  phase: Record<'reading' | 'checking' | 'annotating' | 'computing' | 'writing' | 'inserting' | 'removing', string>;
  checkingSheets: (done: number, total: number) => string;
  progressLabel: string;

  templateInserted: (sheets: string[]) => string;
  templateCancelled: string;
  tablesWritten: (cells: number) => string;
  commentsRemoved: (notes: number, sheetRemoved: boolean, mode: AnnotationMode) => string;
  nothingToRemove: string;
  checkDone: (counts: Record<Severity, number>) => string;
  nothingWritten: string;
  annotationsWritten: (cells: number, mode: AnnotationMode) => string;

  resultTitle: string;
  explanationTitle: string;
  /** Said before the explanation where the pane is not in Danish (the explanation is). */
  explanationInDanish: string;
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
  ruleName: (rule: string) => string;
  foldedCount: (count: number) => string;
  filterLabel: string;
  filterAll: string;
  filterProblems: string;
  showInfos: (count: number) => string;
  hideInfos: string;
  listLabel: string;
  /** Beside a finding on a hidden or very hidden sheet, so going to it is no surprise. */
  hiddenSheetMark: string;
  noFindings: string;
  noFindingsInFilter: string;
  sheetGroup: (sheet: string, count: number) => string;
  workbookGroup: string;
  goToCell: (sheet: string, cell: string) => string;
  notesSkipped: (cells: string[]) => string;
  tablesFound: (count: number) => string;

  errorTitle: Record<'change' | 'template' | 'input' | 'proposal' | 'excel' | 'unknown', string>;
  templateHint: string;
  inputHint: string;
}
