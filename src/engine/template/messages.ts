/**
 * The wording of the template reader's problems, in Danish and English, kept apart from the
 * reading. Sheet, section and field names stay as the template writes them (Danish): they are
 * what the person sees in the workbook.
 */
import type { Locale } from '../messages';
import { formatNumber } from '../proposalMessages';

const UNIT_EXAMPLES = 'ØU, KS, KIT, KEJD, BYK, KFU, BUU, SUU, SU, TMU, BIU';

/** What a missing or unreadable cell should hold. */
export type TemplateField = 'priceLevel' | 'year' | 'unit' | 'fromUnit' | 'toUnit';

const FIELDS: Record<TemplateField, Record<Locale, string>> = {
  priceLevel: { da: 'pris- og lønniveau', en: 'price level' },
  year: { da: 'år', en: 'year' },
  unit: { da: 'udvalg', en: 'committee' },
  fromUnit: { da: '»fra« udvalg', en: '»from« committee' },
  toUnit: { da: '»til« udvalg', en: '»to« committee' },
};

/** A share as people write it in a key: 0.9 → "90 %", 1/3 → "33,33 %" (English "33.33 %"). */
function percent(share: number, l: Locale): string {
  return `${formatNumber(Number((share * 100).toFixed(2)), l)} %`;
}

/** The reader's problems, keyed by problem; each takes the locale and its parameters. */
export const TEMPLATE_MESSAGES = {
  missingSheet: (l: Locale, p: { sheet: string }) =>
    l === 'da' ? `arket »${p.sheet}« mangler; er det et Teknisk beregningsark?` : `the sheet »${p.sheet}« is missing; is this a Teknisk beregningsark?`,
  missingField: (l: Locale, p: { label: string }) => (l === 'da' ? `feltet »${p.label}« mangler` : `the field »${p.label}« is missing`),
  missingRow: (l: Locale, p: { label: string }) => (l === 'da' ? `rækken »${p.label}« mangler` : `the row »${p.label}« is missing`),
  missingSection: (l: Locale, p: { heading: string }) => (l === 'da' ? `sektionen »${p.heading}« mangler` : `the section »${p.heading}« is missing`),
  missingValue: (l: Locale, p: { field: TemplateField }) => (l === 'da' ? `mangler ${FIELDS[p.field].da}` : `${FIELDS[p.field].en} is missing`),
  notAYear: (l: Locale, p: { text: string; field: TemplateField }) =>
    l === 'da' ? `»${p.text}« er ikke et årstal (${FIELDS[p.field].da})` : `»${p.text}« is not a year (${FIELDS[p.field].en})`,
  yearGap: (l: Locale) => (l === 'da' ? 'årene skal stå uden tomme kolonner imellem' : 'the years must stand without blank columns between them'),
  noYears: (l: Locale) => (l === 'da' ? 'mangler mindst ét år' : 'needs at least one year'),
  notANumber: (l: Locale, p: { text: string }) => (l === 'da' ? `»${p.text}« er ikke et tal` : `»${p.text}« is not a number`),
  amountLimit: (l: Locale, p: { value: number }) =>
    l === 'da'
      ? `beløbet ${formatNumber(p.value, l)} er uden for det mulige: et beløb i 1.000 kr. skal ligge numerisk under 1.000.000.000.000`
      : `the amount ${formatNumber(p.value, l)} is out of range: an amount in DKK 1,000 must be numerically below 1,000,000,000,000`,
  unknownUnit: (l: Locale, p: { name: string }) =>
    l === 'da'
      ? `ukendt udvalg »${p.name}« (brug fx ${UNIT_EXAMPLES}, eller skriv enheden under Øvrige enheder)`
      : `unknown committee »${p.name}« (use e.g. ${UNIT_EXAMPLES}, or write the unit under Øvrige enheder)`,
  unknownKeyColumn: (l: Locale, p: { name: string; heading: string }) =>
    l === 'da'
      ? `ukendt udvalg »${p.name}« i overskriften til ${p.heading} (skriv en enhed som ØU, KS, KFU … eller en under Øvrige enheder)`
      : `unknown committee »${p.name}« in the header of ${p.heading} (write a unit such as ØU, KS, KFU … or one under Øvrige enheder)`,
  keyWithoutName: (l: Locale, p: { cell: string }) =>
    l === 'da' ? `mangler nøglens navn (der står grundlag i ${p.cell})` : `the key's name is missing (there is a basis in ${p.cell})`,
  duplicateKey: (l: Locale, p: { name: string; heading: string }) =>
    l === 'da' ? `nøglen »${p.name}« står to gange i ${p.heading}` : `the key »${p.name}« appears twice in ${p.heading}`,
  shareOutside: (l: Locale, p: { unit: string; share: number }) =>
    l === 'da'
      ? `andelen til ${p.unit} er ${percent(p.share, l)}, men skal ligge mellem 0 % og 100 %`
      : `the share of ${p.unit} is ${percent(p.share, l)}, but must lie between 0 % and 100 %`,
  sharesSum: (l: Locale, p: { sum: number }) =>
    l === 'da'
      ? `andelene i nøglen summerer til ${percent(p.sum, l)}, men skal summere til 100 %`
      : `the shares of the key add up to ${percent(p.sum, l)}, but must add up to 100 %`,
  missingKind: (l: Locale) => (l === 'da' ? 'mangler »anlæg« eller »service«' : '»anlæg« or »service« is missing'),
  wrongKind: (l: Locale, p: { text: string }) => (l === 'da' ? `»${p.text}« skal være »anlæg« eller »service«` : `»${p.text}« must be »anlæg« or »service«`),
  shareMissing: (l: Locale, p: { name: string }) =>
    l === 'da' ? `»${p.name}« mangler en andel (skriv fx »${p.name} 50 %«)` : `»${p.name}« has no share (write e.g. »${p.name} 50 %«)`,
  notAShare: (l: Locale, p: { text: string }) => (l === 'da' ? `»${p.text}« er ikke en andel` : `»${p.text}« is not a share`),
  unknownKeyUnit: (l: Locale, p: { name: string }) => (l === 'da' ? `ukendt udvalg »${p.name}« i nøglen` : `unknown committee »${p.name}« in the key`),
} as const;
