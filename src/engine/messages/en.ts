import type { FindingDraft } from '../findings';
import type { Catalogue } from './index';
import { e, plain, yearsText } from './format';

const HINTS_EN: Record<string, string> = {
  'double-minus': ' (double minus sign – probably meant as one minus)',
  'excel-error': ' (an Excel error value – correct the formula it comes from)',
  letters: ' (the text contains letters)',
};

const paybackEn = (f: FindingDraft) => (f.params.expectedYears !== null ? `${e(f.params.expectedYears)} years (${plain(f.params.expectedYear)})` : 'not reached');

export const en: Catalogue = {
  'cell-rounding-imbalance': (f) =>
    `With per-cell rounding the rows of Table ${e(f.params.table)} ${plain(f.params.year)} add up to ${e(f.params.actual)}, but the total is ${e(f.params.expected)}.`,
  'unparseable-number': (f) =>
    `${e(f.params.table)}: the cell holds "${e(f.params.text)}", which is not a number${HINTS_EN[String(f.params.hint)] ?? ''}. Enter a number, "-" or leave the cell blank.`,
  'total-mismatch': (f) =>
    `${e(f.params.table)}, "${e(f.params.label)}"${f.params.year ? ` ${plain(f.params.year)}` : ''}: the parts add up to ${e(f.params.expected)}, but it says ${e(f.params.actual)} (difference ${e(f.params.diff)})${
      Math.abs(Number(f.params.diff)) <= 1 ? ' – probably rounding cell by cell' : ''
    }.`,
  'year-sequence': (f) => `${e(f.params.table)}: years are not consecutive – ${plain(f.params.actual)} follows ${plain(f.params.previous)}, expected ${plain(f.params.expected)}.`,
  'c-equals-a-plus-b': (f) =>
    f.params.withinOeu
      ? `Table C for ${e(f.params.unitName)} ${yearsText(f.params.years)} differs from A + B (expected ${e(f.params.expected)}, found ${e(f.params.actual)}), ` +
        `but ØU adds up as a committee: amounts are only split differently between ØU's own lines.`
      : `Table C for ${e(f.params.unitName)} ${yearsText(f.params.years)} must equal A + B: expected ${e(f.params.expected)}, found ${e(f.params.actual)}${
          f.params.missingRow ? ' (the committee has no row in Table C)' : ''
        }.`,
  'b-balances': (f) =>
    `Table B does not sum to 0 in ${plain(f.params.year)}: the sum is ${e(f.params.actual)}. Table B moves budget between committees and must balance; does it hold the operating costs themselves?`,
  'a-matches-summary': (f) => `Table A's total for ${plain(f.params.year)} is ${e(f.params.actual)}, but the summary's net permanent change is ${e(f.params.expected)}.`,
  'investments-match': (f) => `Table ${e(f.params.table)}'s total for ${plain(f.params.year)} is ${e(f.params.actual)}, but the summary's ${e(f.params.kind)} implementation costs are ${e(f.params.expected)}.`,
  'price-level-mismatch': (f) =>
    `${e(f.params.table)} is in ${plain(f.params.actual)} prices, but ${f.params.fromSummary ? "the proposal's summary table" : 'the other tables'} in ${plain(f.params.expected)} prices. Have the amounts been converted?`,
  'swapped-rows': (f) => `${e(f.params.table)}: the rows of ${e(f.params.unitA)} and ${e(f.params.unitB)} appear to be swapped – each holds what is expected for the other.`,
  'unknown-unit': (f) =>
    f.params.label
      ? `${e(f.params.table)}: "${e(f.params.label)}" is not a known committee. Use the committee's name or abbreviation (e.g. ØU, KFU, BUU, SUU, SU, TMU, BIU).`
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
    `${e(f.params.table)}: ${f.params.count === 1 ? 'one formula cell has' : `${e(f.params.count)} formula cells have`} no calculated result – the workbook was saved without being calculated (e.g. by a program that does not calculate formulas). Open it in Excel, save it and check again; the sheet's other checks were skipped.`,
};
