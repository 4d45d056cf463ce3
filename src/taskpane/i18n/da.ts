import type { PaneStrings } from './strings';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('da-DK')} ${n === 1 ? one : many}`;
const list = (items: string[]) => items.map((s) => `»${s}«`).join(items.length === 2 ? ' og ' : ', ');

export const da: PaneStrings = {
  appTitle: 'Teknisk beregningsark',
  languageSwitch: 'English',
  actionsLabel: 'Handlinger',
  insertTemplate: 'Indsæt skabelon',
  withExample: 'Udfyld med eksempel (Forslag 4)',
  computeTables: 'Beregn tabeller',
  checkConsistency: 'Tjek konsistens',
  removeComments: 'Fjern kommentarer',

  confirmReplaceTitle: 'Erstat ark?',
  confirmReplaceBody: (sheets) =>
    `Projektmappen har allerede ${sheets.length === 1 ? 'arket' : 'arkene'} ${list(sheets)}. Skabelonen erstatter ${sheets.length === 1 ? 'det' : 'dem'}, og det, der står der nu, går tabt.`,
  confirmReplace: 'Erstat',
  cancel: 'Annuller',

  phase: {
    reading: 'Læser projektmappen …',
    checking: 'Tjekker tabellerne …',
    annotating: 'Skriver noter og Valideringsrapport …',
    computing: 'Beregner tabellerne …',
    writing: 'Skriver Tabel A–E …',
    inserting: 'Indsætter skabelonen …',
    removing: 'Fjerner værktøjets noter …',
  },
  progressLabel: 'Fremdrift',

  templateInserted: (sheets) => `Skabelonen er indsat: ${list(sheets)}. Udfyld fanen Input, og tryk på »Beregn tabeller«.`,
  templateCancelled: 'Skabelonen blev ikke indsat. Intet er ændret.',
  tablesWritten: (cells) => `Tabel A–E er skrevet på fanen Tabeller (${plural(cells, 'celle', 'celler')}).`,
  commentsRemoved: (notes, sheetRemoved) =>
    `Fjernet: ${plural(notes, 'note', 'noter')} fra værktøjet${sheetRemoved ? ' og arket Valideringsrapport' : ''}. Dine egne noter er urørte.`,

  resultTitle: 'Beregnede tabeller',
  yearHeader: 'År',
  economicImpactShort: 'I alt',
  resultCaption: (priceLevel) => `Totaler af Tabel A–E og samlet økonomisk påvirkning (I alt), 1.000 kr. ${priceLevel} p/l.`,
  tableName: (key) => `Tabel ${key}`,
  economicImpact: 'Samlet økonomisk påvirkning',
  payback: 'Tilbagebetalingstid',
  paybackValue: (years, year) => `${plural(years, 'år', 'år')} (${year})`,
  paybackNone: 'Nås ikke inden for årene',

  findingsTitle: 'Fund',
  severityName: { error: 'Fejl', warning: 'Advarsler', info: 'Info' },
  severityCount: (severity, n) => (severity === 'error' ? plural(n, 'fejl', 'fejl') : severity === 'warning' ? plural(n, 'advarsel', 'advarsler') : plural(n, 'info', 'info')),
  filterLabel: 'Vis',
  filterAll: 'Alle',
  noFindings: 'Ingen fejl fundet',
  noFindingsInFilter: 'Ingen fund af den valgte slags.',
  sheetGroup: (sheet, n) => `${sheet} (${n})`,
  workbookGroup: 'Projektmappen',
  goToCell: (sheet, cell) => `Gå til ${sheet}!${cell}`,
  annotationMode: {
    notes: 'Fundene står som noter i cellerne og på arket Valideringsrapport.',
    comments: 'Denne Excel kan ikke skrive noter: fundene står som kommentarer i cellerne og på arket Valideringsrapport.',
    'report-only': 'Denne Excel kan hverken skrive noter eller kommentarer: fundene står kun på arket Valideringsrapport.',
  },
  notesSkipped: (cells) => `Ingen note på ${cells.join(', ')}: cellen har allerede en kommentar.`,
  tablesFound: (n) => `${plural(n, 'tabel', 'tabeller')} fundet.`,

  errorTitle: {
    change: 'Projektmappen er ikke ændret',
    template: 'Skabelonen kan ikke læses',
    proposal: 'Forslaget i skabelonen er ugyldigt',
    excel: 'Excel afviste forespørgslen',
    unknown: 'Noget gik galt',
  },
  templateHint: 'Har projektmappen ikke Teknisk beregningsark endnu, så brug »Indsæt skabelon« først.',
};
