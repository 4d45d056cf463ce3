import type { FindingDraft } from '../../findings';
import { TABLE_KEYS } from '../../compute';
import { isTechnical, valueOf } from '../model';
import { finding, tableName, type Rule } from '../rule';

/** A non-zero row of a table A–E with no "Bevilling, profitcenter mv." entry for Kvantum. */
export const missingBevilling: Rule = {
  id: 'missing-bevilling',
  appliesTo: (s) => TABLE_KEYS.some((k) => s.technical[k]?.bevillingCol != null),
  check(s) {
    const out: FindingDraft[] = [];
    for (const t of s.tables) {
      if (!isTechnical(t.kind) || t.bevillingCol === null) continue;
      for (const line of t.lines) {
        if (!line.unit || line.bevilling || line.values.every((v) => valueOf(v) === 0)) continue;
        out.push(finding(this.id, 'info', s.sheet.name, { row: line.row, col: t.bevillingCol }, { table: tableName(t.kind, t.title), unit: line.unit.name }));
      }
    }
    return out;
  },
};
