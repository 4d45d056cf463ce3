import type { PaneStrings } from './strings';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
const list = (items: string[]) => items.map((s) => `"${s}"`).join(items.length === 2 ? ' and ' : ', ');

export const en: PaneStrings = {
  appTitle: 'Technical calculation sheet',
  languageSwitch: 'English',
  actionsLabel: 'Actions',
  insertTemplate: 'Insert template',
  withExample: 'Fill with example (Forslag 4)',
  computeTables: 'Compute tables',
  checkConsistency: 'Check consistency',
  removeComments: 'Remove comments',

  confirmReplaceTitle: 'Replace sheets?',
  confirmReplaceBody: (sheets) =>
    `The workbook already has the sheet${sheets.length === 1 ? '' : 's'} ${list(sheets)}. The template replaces ${sheets.length === 1 ? 'it' : 'them'}, and what is there now is lost.`,
  confirmReplace: 'Replace',
  cancel: 'Cancel',

  phase: {
    reading: 'Reading the workbook …',
    checking: 'Checking the tables …',
    annotating: 'Writing notes and the Valideringsrapport …',
    computing: 'Computing the tables …',
    writing: 'Writing Tables A–E …',
    inserting: 'Inserting the template …',
    removing: "Removing the tool's notes …",
  },
  progressLabel: 'Progress',

  templateInserted: (sheets) => `The template is inserted: ${list(sheets)}. Fill in the Input sheet and press "Compute tables".`,
  templateCancelled: 'The template was not inserted. Nothing has changed.',
  tablesWritten: (cells) => `Tables A–E are written on the Tabeller sheet (${plural(cells, 'cell', 'cells')}).`,
  commentsRemoved: (notes, sheetRemoved) => `Removed: ${plural(notes, 'note', 'notes')} of the tool${sheetRemoved ? ' and the Valideringsrapport sheet' : ''}. Your own notes are untouched.`,

  resultTitle: 'Computed tables',
  yearHeader: 'Year',
  economicImpactShort: 'Total',
  resultCaption: (priceLevel) => `Totals of Tables A–E and the total economic impact (Total), DKK 1,000 at ${priceLevel} prices.`,
  tableName: (key) => `Table ${key}`,
  economicImpact: 'Total economic impact',
  payback: 'Payback',
  paybackValue: (years, year) => `${plural(years, 'year', 'years')} (${year})`,
  paybackNone: 'Not reached within the years',

  findingsTitle: 'Findings',
  severityName: { error: 'Errors', warning: 'Warnings', info: 'Info' },
  severityCount: (severity, n) => (severity === 'error' ? plural(n, 'error', 'errors') : severity === 'warning' ? plural(n, 'warning', 'warnings') : plural(n, 'info', 'info')),
  filterLabel: 'Show',
  filterAll: 'All',
  noFindings: 'No errors found',
  noFindingsInFilter: 'No findings of the chosen kind.',
  sheetGroup: (sheet, n) => `${sheet} (${n})`,
  workbookGroup: 'The workbook',
  goToCell: (sheet, cell) => `Go to ${sheet}!${cell}`,
  annotationMode: {
    notes: 'The findings are notes on the cells and listed on the Valideringsrapport sheet.',
    comments: 'This Excel cannot write notes: the findings are comments on the cells and listed on the Valideringsrapport sheet.',
    'report-only': 'This Excel can write neither notes nor comments: the findings are listed on the Valideringsrapport sheet only.',
  },
  notesSkipped: (cells) => `No note on ${cells.join(', ')}: the cell already has a comment.`,
  tablesFound: (n) => `${plural(n, 'table', 'tables')} found.`,

  errorTitle: {
    change: 'The workbook has not been changed',
    template: 'The template cannot be read',
    proposal: 'The proposal in the template is invalid',
    excel: 'Excel refused the request',
    unknown: 'Something went wrong',
  },
  templateHint: 'If the workbook has no Teknisk beregningsark yet, use "Insert template" first.',
};
