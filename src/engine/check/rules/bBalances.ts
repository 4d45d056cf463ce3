import type { FindingDraft } from '../../findings';
import { isInvalid, valueOf, type FoundTable } from '../model';
import { finding, same, type Rule } from '../rule';
import { totalCellOf, yearsOf } from '../unitRows';

/** Tabel B moves budget between committees, so it sums to zero every year. */
export const bBalances: Rule = {
  id: 'b-balances',
  appliesTo: (s) => s.technical.B !== undefined,
  check(s) {
    const B = s.technical.B as FoundTable;
    const out: FindingDraft[] = [];
    for (const year of yearsOf(B)) {
      const i = B.header.years.indexOf(year);
      if (B.lines.some((l) => isInvalid(l.values[i]))) continue;
      const sum = B.lines.reduce((acc, l) => acc + valueOf(l.values[i]), 0);
      if (same(sum, 0)) continue;
      out.push(finding(this.id, 'error', s.sheet.name, totalCellOf(B, year), { year, actual: sum }, 0, sum));
    }
    return out;
  },
};
