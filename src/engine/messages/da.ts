import type { FindingDraft } from '../findings';
import type { Catalogue } from './index';
import { d, plain, yearsText } from './format';

const HINTS_DA: Record<string, string> = {
  'double-minus': ' (dobbelt minus – skal formentlig være ét minus)',
  'excel-error': ' (en Excel-fejlværdi – ret formlen, den bygger på)',
  letters: ' (teksten indeholder bogstaver)',
};

const paybackDa = (f: FindingDraft) => (f.params.expectedYears !== null ? `${d(f.params.expectedYears)} år (${plain(f.params.expectedYear)})` : 'ikke nået');

export const da: Catalogue = {
  'cell-rounding-imbalance': (f) =>
    `Med celle-afrunding summerer rækkerne i Tabel ${d(f.params.table)} ${plain(f.params.year)} til ${d(f.params.actual)}, men totalen er ${d(f.params.expected)}.`,
  'unparseable-number': (f) =>
    `${d(f.params.table)}: cellen indeholder »${d(f.params.text)}«, som ikke er et tal${HINTS_DA[String(f.params.hint)] ?? ''}. Skriv et tal, »-« eller lad cellen stå tom.`,
  'total-mismatch': (f) =>
    `${d(f.params.table)}, »${d(f.params.label)}«${f.params.year ? ` ${plain(f.params.year)}` : ''}: summen af delene er ${d(f.params.expected)}, men der står ${d(f.params.actual)} (forskel ${d(f.params.diff)})${
      Math.abs(Number(f.params.diff)) <= 1 ? ' – formentlig afrunding celle for celle' : ''
    }.`,
  'year-sequence': (f) =>
    `${d(f.params.table)}: årstallene følger ikke hinanden – efter ${plain(f.params.previous)} står ${plain(f.params.actual)}, forventet ${plain(f.params.expected)}.`,
  'c-equals-a-plus-b': (f) =>
    f.params.withinOeu
      ? `Tabel C for ${d(f.params.unitName)} ${yearsText(f.params.years)} afviger fra A + B (forventet ${d(f.params.expected)}, fundet ${d(f.params.actual)}), men Økonomiudvalget stemmer samlet – beløbene er kun fordelt anderledes mellem ØU's egne linjer.`
      : `Tabel C for ${d(f.params.unitName)} ${yearsText(f.params.years)} skal være A + B: forventet ${d(f.params.expected)}, fundet ${d(f.params.actual)}${
          f.params.missingRow ? ' (udvalget mangler i Tabel C)' : ''
        }.`,
  'b-balances': (f) => `Tabel B summerer ikke til 0 i ${plain(f.params.year)}: summen er ${d(f.params.actual)}. Tabel B flytter budget mellem udvalg og skal gå i nul; indeholder den driftsudgifterne selv?`,
  'a-matches-summary': (f) =>
    `Tabel A's total for ${plain(f.params.year)} er ${d(f.params.actual)}, men »Samlet varig ændring« i forslagets økonomitabel er ${d(f.params.expected)}.`,
  'investments-match': (f) =>
    `Tabel ${d(f.params.table)}'s total for ${plain(f.params.year)} er ${d(f.params.actual)}, men implementeringsomkostningerne (${d(f.params.kind)}) i forslagets økonomitabel er ${d(f.params.expected)}.`,
  'price-level-mismatch': (f) =>
    `${d(f.params.table)} er opgjort i ${plain(f.params.actual)} p/l, men ${f.params.fromSummary ? 'forslagets økonomitabel' : 'de øvrige tabeller'} er i ${plain(f.params.expected)} p/l. Er beløbene omregnet?`,
  'swapped-rows': (f) =>
    `${d(f.params.table)}: rækkerne for ${d(f.params.unitA)} og ${d(f.params.unitB)} ser ud til at være byttet om – hver række indeholder det, der forventes for det andet udvalg.`,
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
    `${d(f.params.table)}: ${f.params.count === 1 ? 'en formelcelle har' : `${d(f.params.count)} formelceller har`} intet beregnet resultat – projektmappen er gemt uden at være beregnet (fx af et program, der ikke regner formler ud). Åbn den i Excel, gem den, og tjek igen; arkets øvrige tjek er sprunget over.`,
  'missing-bevilling': (f) => `${d(f.params.table)}: ${d(f.params.unit)} har beløb, men ingen »Bevilling, profitcenter mv.« til Kvantum.`,
};
