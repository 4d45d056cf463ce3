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

/**
 * The writer's problems ("Beregn tabeller", `tb compute`): where the computed tables cannot go.
 * The defined names (`TB_TabelA`) are named as Excel's Navnestyring shows them.
 */
export const WRITE_MESSAGES = {
  tableMissing: (l: Locale, p: { table: string; name: string; title: string }) =>
    l === 'da'
      ? `${p.table} mangler (hverken navnet ${p.name} eller titlen »${p.title}« findes)`
      : `${p.table} is missing (neither the name ${p.name} nor the title »${p.title}« exists)`,
  tabel1Years: (l: Locale, p: { first: number; last: number }) =>
    l === 'da'
      ? `Tabel 1's overskrift har ikke forslagets år ${p.first}–${p.last} i kolonne C og frem; ret årene på fanen Input`
      : `Tabel 1's header does not have the proposal's years ${p.first}–${p.last} in column C onwards; correct the years on the Input sheet`,
  blockRoom: (l: Locale, p: { block: 'tabel1' | 'explanation'; rows: number; room: number; name: string }) =>
    l === 'da'
      ? `${p.block === 'tabel1' ? `Tabel 1 har ${p.rows} rækker` : `forklaringen har ${p.rows} afsnit`}, men skabelonen har plads til ${p.room}; ` +
        `indsæt rækker inden for navnet ${p.name}`
      : `${p.block === 'tabel1' ? `Tabel 1 has ${p.rows} rows` : `the explanation has ${p.rows} paragraphs`}, but the template has room for ${p.room}; ` +
        `insert rows inside the name ${p.name}`,
  yearColumns: (l: Locale, p: { table: string; missing: readonly number[]; first: number; last: number }) =>
    l === 'da'
      ? `${p.table} har ingen kolonne til ${p.missing.join(', ')} (forslagets år er ${p.first}–${p.last}); ` +
        `ret årene på fanen Input eller i tabellens overskrift`
      : `${p.table} has no column for ${p.missing.join(', ')} (the proposal's years are ${p.first}–${p.last}); ` +
        `correct the years on the Input sheet or in the table's header`,
  unknownRow: (l: Locale, p: { label: string; table: string }) =>
    l === 'da' ? `"${p.label}" i ${p.table} er ikke et kendt udvalg` : `"${p.label}" in ${p.table} is not a known committee`,
  totalMissing: (l: Locale, p: { table: string; total: string }) =>
    l === 'da' ? `${p.table} mangler rækken »${p.total}«` : `${p.table} has no row »${p.total}«`,
  bevillingRowMissing: (l: Locale, p: { table: string; unit: string; bevilling: string }) =>
    l === 'da'
      ? `${p.table} har ingen række til ${p.unit} med bevillingen »${p.bevilling}«; ` +
        `indsæt en række over Total med »${p.unit}« i kolonne A (kolonne B skrives af beregningen)`
      : `${p.table} has no row for ${p.unit} with the bevilling »${p.bevilling}«; ` +
        `insert a row above Total with »${p.unit}« in column A (the computation writes column B)`,
  twoRows: (l: Locale, p: { table: string; unit: string }) => (l === 'da' ? `${p.table} har to rækker til ${p.unit}` : `${p.table} has two rows for ${p.unit}`),
  unitRowMissing: (l: Locale, p: { table: string; unit: string }) =>
    l === 'da'
      ? `${p.table} har ingen række til ${p.unit}, som forslaget bruger; indsæt en række med navnet »${p.unit}« over Total`
      : `${p.table} has no row for ${p.unit}, which the proposal uses; insert a row named »${p.unit}« above Total`,
  kvantumSheetTaken: (l: Locale, p: { sheet: string }) =>
    l === 'da'
      ? `arket »${p.sheet}« er ikke lavet af Teknisk beregningsark, så Kvantum-linjerne skrives ikke dér; ` +
        `omdøb arket (fx til »${p.sheet} (egen)«), og beregn igen`
      : `the sheet »${p.sheet}« was not made by Teknisk beregningsark, so the Kvantum lines are not written there; ` +
        `rename the sheet (e.g. to »${p.sheet} (own)«) and compute again`,
  kvantumRowsTaken: (l: Locale, p: { from: number; to: number; occupied: number }) =>
    l === 'da'
      ? `Kvantum-linjerne skal bruge rækkerne ${p.from}–${p.to} under linjerne fra sidste beregning, ` +
        `men række ${p.occupied} er ikke tom; flyt det, der står dér, og beregn igen`
      : `the Kvantum lines need rows ${p.from}–${p.to} below the lines of the last computation, ` +
        `but row ${p.occupied} is not empty; move what is there and compute again`,
} as const;
