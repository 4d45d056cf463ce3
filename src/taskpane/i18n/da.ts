import { ruleName, severityCount, severityLabel } from '../../engine';
import type { PaneStrings } from './strings';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('da-DK')} ${n === 1 ? one : many}`;
const list = (items: string[]) => items.map((s) => `»${s}«`).join(items.length === 2 ? ' og ' : ', ');

export const da: PaneStrings = {
  appTitle: 'Teknisk beregningsark',
  languageSwitch: 'English',
  intro: [
    'Beregner de tekniske tabeller A–E til Kvantum og tjekker, om tabellerne i en projektmappe hænger sammen.',
    'Nyt forslag: følg trin 1–3. Færdige tabeller: brug »Tjek konsistens«.',
  ],
  actionsLabel: 'Handlinger',
  stepsLabel: 'Beregn tabellerne til et forslag',
  stepInsert: 'Indsæt skabelonen (fanerne Vejledning, Input, Tabeller og Kvantum).',
  stepFill: 'Udfyld fanen Input: titel, pris- og lønniveau, år og forslagets linjer.',
  stepCompute: 'Beregn Tabel A–E på fanen Tabeller.',
  checkLabel: 'Tjek en projektmappe',
  checkHelp: 'Finder tabeller på alle ark og viser det, der ikke hænger sammen. Projektmappen ændres kun, hvis du vælger det.',
  insertTemplate: 'Indsæt skabelon',
  withExample: 'Udfyld med eksempel (Forslag 4)',
  computeTables: 'Beregn tabeller',
  checkConsistency: 'Tjek konsistens',
  writeAnnotations: 'Skriv også noter i cellerne og arket Valideringsrapport',
  removeComments: 'Fjern noter og rapport',
  busyHint: 'Vent, til den igangværende handling er færdig.',

  confirmReplaceTitle: 'Erstat ark?',
  confirmReplaceBody: (sheets) =>
    `Projektmappen har allerede ${sheets.length === 1 ? 'arket' : 'arkene'} ${list(sheets)}. ` +
    `Skabelonen erstatter ${sheets.length === 1 ? 'det' : 'dem'}, og det, der står der nu, går tabt.`,
  confirmReplace: 'Erstat',
  cancel: 'Annuller',

  phase: {
    reading: 'Læser projektmappen …',
    checking: 'Tjekker tabellerne …',
    annotating: 'Skriver noter og Valideringsrapport …',
    computing: 'Beregner tabellerne …',
    writing: 'Skriver Tabel A–E …',
    inserting: 'Indsætter skabelonen …',
    removing: 'Fjerner værktøjets noter og arket Valideringsrapport …',
  },
  checkingSheets: (done, total) => `Tjekker ark ${done.toLocaleString('da-DK')} af ${total.toLocaleString('da-DK')} …`,
  progressLabel: 'Fremdrift',

  templateInserted: (sheets) => `Skabelonen er indsat: ${list(sheets)}. Udfyld fanen Input, og tryk på »Beregn tabeller«.`,
  templateCancelled: 'Skabelonen blev ikke indsat. Intet er ændret.',
  tablesWritten: (cells) => `Tabel A–E er skrevet på fanen Tabeller og Kvantum-linjerne på fanen Kvantum (${plural(cells, 'celle', 'celler')}).`,
  commentsRemoved: (notes, sheetRemoved, mode) =>
    `Fjernet: ${mode === 'comments' ? plural(notes, 'kommentar', 'kommentarer') : plural(notes, 'note', 'noter')} fra værktøjet` +
    `${sheetRemoved ? ' og arket Valideringsrapport' : ''}. Dine egne ${mode === 'comments' ? 'kommentarer' : 'noter'} er urørte.`,
  nothingToRemove: 'Der var ingen noter eller Valideringsrapport fra værktøjet at fjerne. Intet er ændret.',
  checkDone: (counts) =>
    `Tjek færdigt: ${severityCount('error', counts.error)}, ${severityCount('warning', counts.warning)} og ${severityCount('info', counts.info)}.`,
  nothingWritten: 'Projektmappen er ikke ændret. Sæt flueben ved »Skriv også noter …«, hvis fundene skal stå i cellerne.',
  annotationsWritten: (cells, mode) =>
    mode === 'report-only'
      ? 'Skrevet: arket Valideringsrapport (denne Excel kan hverken skrive noter eller kommentarer). Fjern det med »Fjern noter og rapport«.'
      : `Skrevet: ${mode === 'comments' ? plural(cells, 'kommentar', 'kommentarer') : plural(cells, 'note', 'noter')} i cellerne og arket ` +
        `Valideringsrapport${mode === 'comments' ? ' (denne Excel kan ikke skrive noter)' : ''}. Fjern dem med »Fjern noter og rapport«; ` +
        `dine egne ${mode === 'comments' ? 'kommentarer' : 'noter'} bliver stående.`,

  resultTitle: 'Beregnede tabeller',
  explanationTitle: 'Forklaring',
  explanationInDanish: '',
  yearHeader: 'År',
  economicImpactShort: 'I alt',
  resultCaption: (priceLevel) => `Totaler af Tabel A–E og samlet økonomisk påvirkning (I alt), 1.000 kr. ${priceLevel} p/l.`,
  tableName: (key) => `Tabel ${key}`,
  economicImpact: 'Samlet økonomisk påvirkning',
  payback: 'Tilbagebetalingstid',
  paybackValue: (years, year) => `${plural(years, 'år', 'år')} (${year})`,
  paybackNone: 'Nås ikke inden for årene',

  findingsTitle: 'Fund',
  severityName: { error: severityLabel('error'), warning: severityLabel('warning'), info: severityLabel('info') },
  severityCount: (severity, n) => severityCount(severity, n),
  ruleName: (rule) => ruleName(rule),
  foldedCount: (n) => `${n.toLocaleString('da-DK')} fund samlet`,
  filterLabel: 'Vis',
  filterAll: 'Alle',
  filterProblems: 'Fejl og advarsler',
  showInfos: (n) => `Vis ${plural(n, 'bemærkning', 'bemærkninger')}`,
  hideInfos: 'Skjul bemærkninger',
  listLabel: 'Fund, brug piletasterne',
  hiddenSheetMark: '(skjult ark)',
  noFindings: 'Ingen fejl fundet',
  noFindingsInFilter: 'Ingen fund af den valgte slags.',
  sheetGroup: (sheet, n) => `${sheet} (${n})`,
  workbookGroup: 'Projektmappen',
  goToCell: (sheet, cell) => `Gå til ${sheet}!${cell}`,
  notesSkipped: (cells) => `Ingen note på ${cells.join(', ')}: cellen har allerede en kommentar.`,
  tablesFound: (n) => `${plural(n, 'tabel', 'tabeller')} fundet.`,

  errorTitle: {
    change: 'Projektmappen er ikke ændret',
    template: 'Skabelonen kan ikke læses',
    input: 'Fanen Input har fejl',
    proposal: 'Forslaget i skabelonen er ugyldigt',
    excel: 'Excel afviste forespørgslen',
    unknown: 'Noget gik galt',
  },
  templateHint: 'Har projektmappen ikke Teknisk beregningsark endnu, så brug »Indsæt skabelon« først.',
  inputHint: 'Ret cellerne (klik for at gå til dem), og tryk på »Beregn tabeller« igen. Intet er skrevet.',
};
