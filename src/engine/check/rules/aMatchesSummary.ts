import type { FindingDraft } from '../../findings';
import { isInvalid, type FoundTable } from '../model';
import { finding, roundingSeverity, same, type Rule } from '../rule';
import { summaryAmounts } from '../summary';
import { tableTotal, tableTotalInvalid, totalCellOf, yearsOf } from '../unitRows';

/** Tabel A's total is the proposal's net permanent change ("Samlet varig ændring"). */
export const aMatchesSummary: Rule = {
  id: 'a-matches-summary',
  appliesTo: (s) => s.technical.A !== undefined && s.summary !== null,
  check(s) {
    const A = s.technical.A as FoundTable;
    const summary = s.summary as FoundTable;
    const amounts = summaryAmounts(summary);
    const out: FindingDraft[] = [];
    for (const year of yearsOf(A)) {
      const j = amounts.years.indexOf(year);
      if (j < 0 || tableTotalInvalid(A, year)) continue;
      if (amounts.netPermanentLine && isInvalid(amounts.netPermanentLine.values[j])) continue;
      const expected = amounts.netPermanent[j];
      const actual = tableTotal(A, year);
      if (same(expected, actual)) continue;
      out.push(finding(this.id, roundingSeverity(actual - expected), s.sheet.name, totalCellOf(A, year), { year, expected, actual }, expected, actual));
    }
    return out;
  },
};
