import type { FindingDraft } from '../../findings';
import { finding, tableName, type Rule } from '../rule';

/** A year header that is not strictly consecutive ("2027 2028 2028"). */
export const yearSequence: Rule = {
  id: 'year-sequence',
  appliesTo: (s) => s.tables.length > 0,
  check(s) {
    const out: FindingDraft[] = [];
    for (const t of s.tables) {
      const { years, cols, row } = t.header;
      for (let i = 1; i < years.length; i++) {
        if (Number.isNaN(years[i]) || Number.isNaN(years[i - 1])) continue;
        if (years[i] !== years[i - 1] + 1) {
          out.push(
            finding(
              this.id,
              'error',
              s.sheet.name,
              { row, col: cols[i] },
              { table: tableName(t.kind, t.title), previous: years[i - 1], expected: years[i - 1] + 1, actual: years[i] },
              years[i - 1] + 1,
              years[i],
            ),
          );
          break;
        }
      }
    }
    return out;
  },
};
