/** Every consistency rule, in the order it runs: per sheet (`RULES`), then over the workbook (`WORKBOOK_RULES`). */
import { aMatchesSummary } from './rules/aMatchesSummary';
import { bBalances } from './rules/bBalances';
import { cEqualsAPlusB } from './rules/cEqualsAPlusB';
import { investmentsMatch } from './rules/investmentsMatch';
import { missingBevilling } from './rules/missingBevilling';
import { overviewMatchesProposal } from './rules/overviewMatchesProposal';
import { paybackMismatch } from './rules/paybackMismatch';
import { priceLevelMismatch } from './rules/priceLevelMismatch';
import { swappedRows } from './rules/swappedRows';
import { totalMismatch } from './rules/totalMismatch';
import { uncalculatedFormula } from './rules/uncalculatedFormula';
import { unknownUnit } from './rules/unknownUnit';
import { unparseableNumber } from './rules/unparseableNumber';
import { yearSequence } from './rules/yearSequence';
import type { Rule, WorkbookRule } from './rule';

export const RULES: readonly Rule[] = [
  // First: on a sheet saved without calculation every other rule would read formulas as 0.
  uncalculatedFormula,
  unparseableNumber,
  yearSequence,
  totalMismatch,
  cEqualsAPlusB,
  bBalances,
  aMatchesSummary,
  investmentsMatch,
  swappedRows,
  priceLevelMismatch,
  unknownUnit,
  paybackMismatch,
  missingBevilling,
];

/** Rules that compare sheets with each other, run once every sheet has been discovered. */
export const WORKBOOK_RULES: readonly WorkbookRule[] = [overviewMatchesProposal];
