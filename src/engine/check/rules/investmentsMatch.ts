import type { FindingDraft } from '../../findings';
import type { FoundTable } from '../model';
import { finding, roundingSeverity, same, type Rule } from '../rule';
import { summaryAmounts } from '../summary';
import { tableTotal, tableTotalInvalid, totalCellOf, yearsOf } from '../unitRows';

/** Tabel D / E totals equal the summary's anlæg / service implementation costs. */
export const investmentsMatch: Rule = {
  id: 'investments-match',
  appliesTo: (s) => s.summary !== null && (s.technical.D !== undefined || s.technical.E !== undefined),
  check(s) {
    const amounts = summaryAmounts(s.summary as FoundTable);
    const out: FindingDraft[] = [];
    for (const [table, kind] of [
      ['D', 'anlæg'],
      ['E', 'service'],
    ] as const) {
      const t = s.technical[table];
      if (!t) continue;
      for (const year of yearsOf(t)) {
        const j = amounts.years.indexOf(year);
        if (j < 0 || tableTotalInvalid(t, year)) continue;
        const expected = amounts[kind][j];
        const actual = tableTotal(t, year);
        if (same(expected, actual)) continue;
        out.push(
          finding(this.id, roundingSeverity(actual - expected), s.sheet.name, totalCellOf(t, year), { table, kind, year, expected, actual }, expected, actual),
        );
      }
    }
    return out;
  },
};
