import { ruleName, severityCount, severityLabel } from '../../engine';
import type { PaneStrings } from './strings';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
const list = (items: string[]) => items.map((s) => `»${s}«`).join(items.length === 2 ? ' and ' : ', ');

export const en: PaneStrings = {
  appTitle: 'Technical calculation sheet',
  languageSwitch: 'English',
  intro: [
    'Computes the technical Tables A–E for Kvantum and checks whether the tables in a workbook add up.',
    'New proposal: follow steps 1–3. Finished tables: use »Check consistency«.',
  ],
  actionsLabel: 'Actions',
  stepsLabel: 'Compute the tables of a proposal',
  stepInsert: 'Insert the template (the sheets Vejledning, Input, Tabeller and Kvantum).',
  stepFill: 'Fill in the Input sheet: title, price level, years and the proposal’s lines.',
  stepCompute: 'Compute Tables A–E on the Tabeller sheet.',
  checkLabel: 'Check a workbook',
  checkHelp: 'Finds tables on every sheet and lists what does not add up. The workbook changes only if you choose so.',
  insertTemplate: 'Insert template',
  withExample: 'Fill with example (Forslag 4)',
  computeTables: 'Compute tables',
  checkConsistency: 'Check consistency',
  writeAnnotations: 'Also write notes on the cells and the Valideringsrapport sheet',
  removeComments: 'Remove notes and report',
  busyHint: 'Wait until the running action has finished.',

  confirmReplaceTitle: 'Replace sheets?',
  confirmReplaceBody: (sheets) =>
    `The workbook already has the sheet${sheets.length === 1 ? '' : 's'} ${list(sheets)}. ` +
    `The template replaces ${sheets.length === 1 ? 'it' : 'them'}, and what is there now is lost.`,
  confirmReplace: 'Replace',
  cancel: 'Cancel',

  phase: {
    reading: 'Reading the workbook …',
    checking: 'Checking the tables …',
    annotating: 'Writing notes and the Valideringsrapport …',
    computing: 'Computing the tables …',
    writing: 'Writing Tables A–E …',
    inserting: 'Inserting the template …',
    removing: 'Removing the tool’s notes and the Valideringsrapport sheet …',
  },
  checkingSheets: (done, total) => `Checking sheet ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} …`,
  progressLabel: 'Progress',

  templateInserted: (sheets) => `The template is inserted: ${list(sheets)}. Fill in the Input sheet and press »Compute tables«.`,
  templateCancelled: 'The template was not inserted. Nothing has changed.',
  tablesWritten: (cells) => `Tables A–E are written on the Tabeller sheet and the Kvantum lines on the Kvantum sheet (${plural(cells, 'cell', 'cells')}).`,
  commentsRemoved: (notes, sheetRemoved, mode) =>
    `Removed: ${mode === 'comments' ? plural(notes, 'comment', 'comments') : plural(notes, 'note', 'notes')} of the tool` +
    `${sheetRemoved ? ' and the Valideringsrapport sheet' : ''}. Your own ${mode === 'comments' ? 'comments' : 'notes'} are untouched.`,
  nothingToRemove: 'There were no notes or Valideringsrapport of the tool to remove. Nothing has changed.',
  checkDone: (counts) =>
    `Check finished: ${severityCount('error', counts.error, 'en')}, ` +
    `${severityCount('warning', counts.warning, 'en')} and ${severityCount('info', counts.info, 'en')}.`,
  nothingWritten: 'The workbook has not been changed. Tick »Also write notes …« to have the findings on the cells.',
  annotationsWritten: (cells, mode) =>
    mode === 'report-only'
      ? 'Written: the Valideringsrapport sheet (this Excel can write neither notes nor comments). Remove it with »Remove notes and report«.'
      : `Written: ${mode === 'comments' ? plural(cells, 'comment', 'comments') : plural(cells, 'note', 'notes')} on the cells and the ` +
        `Valideringsrapport sheet${mode === 'comments' ? ' (this Excel cannot write notes)' : ''}. Remove them with »Remove notes and report«; ` +
        `your own ${mode === 'comments' ? 'comments' : 'notes'} stay.`,

  resultTitle: 'Computed tables',
  explanationTitle: 'Explanation',
  explanationInDanish: 'In Danish, as it is written under the tables:',
  yearHeader: 'Year',
  economicImpactShort: 'Total',
  resultCaption: (priceLevel) => `Totals of Tables A–E and the total economic impact (Total), DKK 1,000 at ${priceLevel} prices.`,
  tableName: (key) => `Table ${key}`,
  economicImpact: 'Total economic impact',
  payback: 'Payback',
  paybackValue: (years, year) => `${plural(years, 'year', 'years')} (${year})`,
  paybackNone: 'Not reached within the years',

  findingsTitle: 'Findings',
  severityName: { error: severityLabel('error', 'en'), warning: severityLabel('warning', 'en'), info: severityLabel('info', 'en') },
  severityCount: (severity, n) => severityCount(severity, n, 'en'),
  ruleName: (rule) => ruleName(rule, 'en'),
  foldedCount: (n) => `${n.toLocaleString('en-GB')} findings together`,
  filterLabel: 'Show',
  filterAll: 'All',
  filterProblems: 'Errors and warnings',
  showInfos: (n) => `Show ${plural(n, 'remark', 'remarks')}`,
  hideInfos: 'Hide remarks',
  listLabel: 'Findings, use the arrow keys',
  hiddenSheetMark: '(hidden sheet)',
  noFindings: 'No errors found',
  noFindingsInFilter: 'No findings of the chosen kind.',
  sheetGroup: (sheet, n) => `${sheet} (${n})`,
  workbookGroup: 'The workbook',
  goToCell: (sheet, cell) => `Go to ${sheet}!${cell}`,
  notesSkipped: (cells) => `No note on ${cells.join(', ')}: the cell already has a comment.`,
  tablesFound: (n) => `${plural(n, 'table', 'tables')} found.`,

  errorTitle: {
    change: 'The workbook has not been changed',
    template: 'The template cannot be read',
    input: 'The Input sheet has errors',
    proposal: 'The proposal in the template is invalid',
    excel: 'Excel refused the request',
    unknown: 'Something went wrong',
  },
  templateHint: 'If the workbook has no Teknisk beregningsark yet, use »Insert template« first.',
  inputHint: 'Correct the cells (click to go to them) and press »Compute tables« again. Nothing has been written.',
};
