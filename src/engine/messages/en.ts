import type { FindingDraft, ParamValue } from '../findings';
import type { Catalogue } from './index';
import { addressText, e, plain, rangesText, short, yearsText } from './format';

const HINTS_EN: Record<string, string> = {
  'double-minus': ' (double minus sign – probably meant as one minus)',
  'excel-error': ' (an Excel error value – correct the formula it comes from)',
  letters: ' (the text contains letters)',
};

const paybackEn = (f: FindingDraft) =>
  f.params.expectedYears !== null ? `${e(f.params.expectedYears)} years (${plain(f.params.expectedYear)})` : 'not reached';

const INVESTMENT_SOURCE_EN: Record<string, string> = {
  'D+E': 'Tables D and E',
  D: 'Table D',
  E: 'Table E',
  summary: "the implementation costs in the proposal's summary table",
};

const sheetsEn = (names: ParamValue | undefined) => (Array.isArray(names) ? names.map((n) => `"${n}"`).join(', ') : `"${e(names)}"`);

function overviewEn(f: FindingDraft): string {
  const p = f.params;
  const row = p.label ? `${e(p.table)}, "${short(p.label)}"` : `${e(p.table)}, a row without a name`;
  switch (p.kind) {
    case 'investment':
      return (
        `${row}, total investment: it says ${e(p.actual)}, ` +
        `but ${INVESTMENT_SOURCE_EN[String(p.source)] ?? e(p.source)} on sheet "${e(p.proposal)}" add up to ${e(p.expected)} ` +
        `(${rangesText(p.sourceCells, 'and')}).`
      );
    case 'no-sheet':
      return `${row}: no sheet in the workbook is this proposal's – by number or by title – so the row was not compared. ${
        p.ref
          ? `Name the proposal's sheet "${e(p.ref)}", or start the sheet with the proposal's title.`
          : "Start the proposal's sheet with its title as the overview writes it."
      }`;
    case 'several-sheets':
      return `${row} matches several sheets (${sheetsEn(p.sheets)}), so the row was not compared. Give each proposal's sheet its own number or title.`;
    case 'not-compared': {
      const missing = Array.isArray(p.missing) ? p.missing : [];
      const noA = missing.includes('A');
      const noInvestment = missing.includes('investments');
      const lacks = [noA ? 'no Table A' : '', noInvestment ? 'neither Table D, Table E nor implementation costs in a summary table' : '']
        .filter(Boolean)
        .join(' and ');
      const what = noA && noInvestment ? 'the row was' : noA ? 'the effects per year were' : 'the total investment was';
      return `${row} belongs to sheet "${e(p.proposal)}", but the sheet has ${lacks}, so ${what} not compared.`;
    }
    default:
      if (p.inA === false) {
        return (
          `${row} ${plain(p.year)}: ` +
          `it says ${e(p.actual)}, but Table A on sheet "${e(p.proposal)}" (${addressText(p.sourceRow, p.sourceCol)}) has no column for ${plain(p.year)}.`
        );
      }
      return (
        `${row} ${plain(p.year)}: it says ${e(p.actual)}, ` +
        `but Table A on sheet "${e(p.proposal)}" totals ${e(p.tabelA)} (${addressText(p.sourceRow, p.sourceCol)}). ` +
        `The overview shows savings as positive numbers, so it should say ${e(p.expected)}.`
      );
  }
}

export const en: Catalogue = {
  'cell-rounding-imbalance': (f) =>
    `With per-cell rounding the rows of Table ${e(f.params.table)} ${plain(f.params.year)} add up to ${e(f.params.actual)}, ` +
    `but the total is ${e(f.params.expected)}.`,
  'unparseable-number': (f) =>
    `${e(f.params.table)}: the cell holds "${e(f.params.text)}", which is not a number${HINTS_EN[String(f.params.hint)] ?? ''}. ` +
    `Enter a number, "-" or leave the cell blank.`,
  'total-mismatch': (f) =>
    `${e(f.params.table)}, "${e(f.params.label)}"${f.params.year ? ` ${plain(f.params.year)}` : ''}: ` +
    `the parts add up to ${e(f.params.expected)}, but it says ${e(f.params.actual)} (difference ${e(f.params.diff)})${
      Math.abs(Number(f.params.diff)) <= 1 ? ' – probably rounding cell by cell' : ''
    }.`,
  'year-sequence': (f) =>
    `${e(f.params.table)}: years are not consecutive – ${plain(f.params.actual)} follows ${plain(f.params.previous)}, expected ${plain(f.params.expected)}.`,
  'c-equals-a-plus-b': (f) =>
    f.params.withinOeu
      ? `Table C for ${e(f.params.unitName)} ${yearsText(f.params.years)} differs from A + B ` +
        `(expected ${e(f.params.expected)}, found ${e(f.params.actual)}), ` +
        `but ØU adds up as a committee: amounts are only split differently between ØU's own lines.`
      : `Table C for ${e(f.params.unitName)} ${yearsText(f.params.years)} must equal A + B: expected ${e(f.params.expected)}, found ${e(f.params.actual)}${
          f.params.missingRow ? ' (the committee has no row in Table C)' : ''
        }.`,
  'b-balances': (f) =>
    `Table B does not sum to 0 in ${plain(f.params.year)}: the sum is ${e(f.params.actual)}. Table B moves budget between committees and must balance; ` +
    `does it hold the operating costs themselves?`,
  'a-matches-summary': (f) =>
    `Table A's total for ${plain(f.params.year)} is ${e(f.params.actual)}, but the summary's net permanent change is ${e(f.params.expected)}.`,
  'investments-match': (f) =>
    `Table ${e(f.params.table)}'s total for ${plain(f.params.year)} is ${e(f.params.actual)}, ` +
    `but the summary's ${e(f.params.kind)} implementation costs are ${e(f.params.expected)}.`,
  'price-level-mismatch': (f) =>
    `${e(f.params.table)} is in ${plain(f.params.actual)} prices, ` +
    `but ${f.params.fromSummary ? "the proposal's summary table" : 'the other tables'} in ${plain(f.params.expected)} prices. Have the amounts been converted?`,
  'swapped-rows': (f) =>
    `${e(f.params.table)}: the rows of ${e(f.params.unitA)} and ${e(f.params.unitB)} appear to be swapped – each holds what is expected for the other.`,
  'unknown-unit': (f) =>
    f.params.label
      ? `${e(f.params.table)}: "${e(f.params.label)}" is not a known committee. ` +
        `Use the committee's name or abbreviation (e.g. ØU, KFU, BUU, SUU, SU, TMU, BIU).`
      : `${e(f.params.table)}: the row has amounts but no committee.`,
  'payback-mismatch': {
    message: (f) =>
      `"${e(f.params.label)}" states ${e(f.params.actual)}, but the computed payback is ${paybackEn(f)}${
        f.params.continuedFrom ? `, continuing the ${plain(f.params.continuedFrom)} permanent change beyond the proposal's last year` : ''
      } (year 1 is the first year with amounts; paid back when the cumulative economic impact is ≤ 0).`,
    expected: (f) => (f.params.expectedYears !== null ? paybackEn(f) : "not within the proposal's years"),
  },
  'missing-bevilling': (f) => `${e(f.params.table)}: ${e(f.params.unit)} has amounts but no "Bevilling, profitcenter mv." for Kvantum.`,
  'uncalculated-formula': (f) =>
    `${e(f.params.table)}: ${f.params.count === 1 ? 'one formula cell has' : `${e(f.params.count)} formula cells have`} no calculated result – ` +
    `the workbook was saved without being calculated (e.g. by a program that does not calculate formulas). Open it in Excel, save it and check again; ` +
    `the sheet's other checks were skipped.`,
  'overview-matches-proposal': overviewEn,
};
