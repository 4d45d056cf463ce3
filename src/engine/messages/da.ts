import type { FindingDraft, ParamValue } from '../findings';
import type { Catalogue } from './index';
import { addressText, d, plain, rangesText, short, yearsText } from './format';

const HINTS_DA: Record<string, string> = {
  'double-minus': ' (dobbelt minus – skal formentlig være ét minus)',
  'excel-error': ' (en Excel-fejlværdi – ret formlen, den bygger på)',
  letters: ' (teksten indeholder bogstaver)',
};

const paybackDa = (f: FindingDraft) => (f.params.expectedYears !== null ? `${d(f.params.expectedYears)} år (${plain(f.params.expectedYear)})` : 'ikke nået');

const INVESTMENT_SOURCE_DA: Record<string, string> = {
  'D+E': 'Tabel D og E',
  D: 'Tabel D',
  E: 'Tabel E',
  summary: 'implementeringsomkostningerne i forslagets økonomitabel',
};

const sheetsDa = (names: ParamValue | undefined) => (Array.isArray(names) ? names.map((n) => `»${n}«`).join(', ') : `»${d(names)}«`);

/** The overview against a proposal's sheet; the row is named by its label, the proposal's cells by sheet and address. */
function overviewDa(f: FindingDraft): string {
  const p = f.params;
  const row = p.label ? `${d(p.table)}, »${short(p.label)}«` : `${d(p.table)}, en række uden navn`;
  switch (p.kind) {
    case 'investment':
      return (
        `${row}, Samlet investering: ` +
        `der står ${d(p.actual)}, men ${INVESTMENT_SOURCE_DA[String(p.source)] ?? d(p.source)} på arket »${d(p.proposal)}« summerer til ` +
        `${d(p.expected)} (${rangesText(p.sourceCells, 'og')}).`
      );
    case 'no-sheet':
      return `${row}: intet ark i projektmappen er dette forslags – hverken efter nummer eller titel – så rækken er ikke sammenlignet. ${
        p.ref
          ? `Giv forslagets ark navnet »${d(p.ref)}«, eller lad arket begynde med forslagets titel.`
          : 'Lad forslagets ark begynde med forslagets titel, som oversigten skriver den.'
      }`;
    case 'several-sheets': {
      const fix = 'Giv hvert forslags ark sit eget nummer eller sin egen titel.';
      return `${row} passer til flere ark (${sheetsDa(p.sheets)}), så rækken er ikke sammenlignet. ${fix}`;
    }
    case 'not-compared': {
      const missing = Array.isArray(p.missing) ? p.missing : [];
      const noA = missing.includes('A');
      const noInvestment = missing.includes('investments');
      const lacks = [noA ? 'ingen Tabel A' : '', noInvestment ? 'hverken Tabel D, Tabel E eller implementeringsomkostninger i en økonomitabel' : '']
        .filter(Boolean)
        .join(' og ');
      const what = noA && noInvestment ? 'rækken' : noA ? 'effekten pr. år' : 'den samlede investering';
      return `${row} hører til arket »${d(p.proposal)}«, men arket har ${lacks}, så ${what} er ikke sammenlignet.`;
    }
    default:
      if (p.inA === false) {
        return (
          `${row} ${plain(p.year)}: ` +
          `der står ${d(p.actual)}, men Tabel A på arket »${d(p.proposal)}« (${addressText(p.sourceRow, p.sourceCol)}) har ingen kolonne for ${plain(p.year)}.`
        );
      }
      return (
        `${row} ${plain(p.year)}: der står ${d(p.actual)}, ` +
        `men Tabel A på arket »${d(p.proposal)}« har i alt ${d(p.tabelA)} (${addressText(p.sourceRow, p.sourceCol)}). ` +
        `Oversigten viser besparelser med positivt fortegn, så der skal stå ${d(p.expected)}.`
      );
  }
}

export const da: Catalogue = {
  'cell-rounding-imbalance': (f) =>
    `Med celle-afrunding summerer rækkerne i Tabel ${d(f.params.table)} ${plain(f.params.year)} til ${d(f.params.actual)}, ` +
    `men totalen er ${d(f.params.expected)}.`,
  'unparseable-number': (f) =>
    `${d(f.params.table)}: cellen indeholder »${d(f.params.text)}«, som ikke er et tal${HINTS_DA[String(f.params.hint)] ?? ''}. ` +
    `Skriv et tal, »-« eller lad cellen stå tom.`,
  'total-mismatch': (f) =>
    `${d(f.params.table)}, »${d(f.params.label)}«${f.params.year ? ` ${plain(f.params.year)}` : ''}: ` +
    `summen af delene er ${d(f.params.expected)}, men der står ${d(f.params.actual)} (forskel ${d(f.params.diff)})${
      Math.abs(Number(f.params.diff)) <= 1 ? ' – formentlig afrunding celle for celle' : ''
    }.`,
  'year-sequence': (f) =>
    `${d(f.params.table)}: årstallene følger ikke hinanden – efter ${plain(f.params.previous)} står ${plain(f.params.actual)}, ` +
    `forventet ${plain(f.params.expected)}.`,
  'c-equals-a-plus-b': (f) =>
    f.params.withinOeu
      ? `Tabel C for ${d(f.params.unitName)} ${yearsText(f.params.years)} afviger fra A + B (forventet ${d(f.params.expected)}, ` +
        `fundet ${d(f.params.actual)}), men Økonomiudvalget stemmer samlet – beløbene er kun fordelt anderledes mellem ØU's egne linjer.`
      : `Tabel C for ${d(f.params.unitName)} ${yearsText(f.params.years)} skal være A + B: forventet ${d(f.params.expected)}, fundet ${d(f.params.actual)}${
          f.params.missingRow ? ' (udvalget mangler i Tabel C)' : ''
        }.`,
  'b-balances': (f) =>
    `Tabel B summerer ikke til 0 i ${plain(f.params.year)}: summen er ${d(f.params.actual)}. Tabel B flytter budget mellem udvalg og skal gå i nul; ` +
    `indeholder den driftsudgifterne selv?`,
  'a-matches-summary': (f) =>
    `Tabel A's total for ${plain(f.params.year)} er ${d(f.params.actual)}, men »Samlet varig ændring« i forslagets økonomitabel er ${d(f.params.expected)}.`,
  'investments-match': (f) =>
    `Tabel ${d(f.params.table)}'s total for ${plain(f.params.year)} er ${d(f.params.actual)}, ` +
    `men implementeringsomkostningerne (${d(f.params.kind)}) i forslagets økonomitabel er ${d(f.params.expected)}.`,
  'price-level-mismatch': (f) =>
    `${d(f.params.table)} er opgjort i ${plain(f.params.actual)} p/l, ` +
    `men ${f.params.fromSummary ? 'forslagets økonomitabel' : 'de øvrige tabeller'} er i ${plain(f.params.expected)} p/l. Er beløbene omregnet?`,
  'swapped-rows': (f) =>
    `${d(f.params.table)}: rækkerne for ${d(f.params.unitA)} og ${d(f.params.unitB)} ser ud til at være byttet om – hver række indeholder det, ` +
    `der forventes for det andet udvalg.`,
  'unknown-unit': (f) =>
    f.params.label
      ? `${d(f.params.table)}: »${d(f.params.label)}« er ikke et kendt udvalg. Brug udvalgets navn eller forkortelse (fx ØU, KFU, BUU, SUU, SU, TMU, BIU).`
      : `${d(f.params.table)}: rækken har beløb, men intet udvalg.`,
  'payback-mismatch': {
    message: (f) =>
      `»${d(f.params.label)}« angiver ${d(f.params.actual)}, men beregnet tilbagebetalingstid er ${paybackDa(f)}${
        f.params.continuedFrom ? `, når den varige ændring fra ${plain(f.params.continuedFrom)} fortsætter efter forslagets sidste år` : ''
      } (år 1 er det første år med beløb; tilbagebetalt når den akkumulerede økonomiske påvirkning er ≤ 0).`,
    expected: (f) => (f.params.expectedYears !== null ? paybackDa(f) : 'ikke inden for forslagets år'),
  },
  'uncalculated-formula': (f) =>
    `${d(f.params.table)}: ${f.params.count === 1 ? 'en formelcelle har' : `${d(f.params.count)} formelceller har`} intet beregnet resultat – ` +
    `projektmappen er gemt uden at være beregnet (fx af et program, der ikke regner formler ud). Åbn den i Excel, gem den, og tjek igen; ` +
    `arkets øvrige tjek er sprunget over.`,
  'missing-bevilling': (f) => `${d(f.params.table)}: ${d(f.params.unit)} har beløb, men ingen »Bevilling, profitcenter mv.« til Kvantum.`,
  'overview-matches-proposal': overviewDa,
};
