import type { FindingDraft } from '../../findings';
import { TABLE_KEYS } from '../../compute';
import { isTechnical } from '../model';
import { finding, tableName, type Rule } from '../rule';

/** A row of a table A–E whose label is no known unit. */
export const unknownUnit: Rule = {
  id: 'unknown-unit',
  appliesTo: (s) => TABLE_KEYS.some((k) => s.technical[k]),
  check(s) {
    const out: FindingDraft[] = [];
    for (const t of s.tables) {
      if (!isTechnical(t.kind)) continue;
      for (const line of t.lines) {
        if (line.unit) continue;
        out.push(
          finding(
            this.id,
            'warning',
            s.sheet.name,
            { row: line.row, col: line.labelCol },
            { table: tableName(t.kind, t.title), label: line.label },
            undefined,
            line.label,
          ),
        );
      }
    }
    return out;
  },
};
