import { formulaKey } from '../../cells';
import type { FindingDraft } from '../../findings';
import type { ValueCell } from '../model';
import { finding, tableName, type Rule } from '../rule';

/**
 * A table cell holding a formula saved without a calculated result (a workbook written by a
 * program that does not calculate). It reads as empty, not as 0: one finding per table cites the
 * first such cell, and the sheet's other rules are skipped, so no false `total-mismatch` follows.
 */
export const uncalculatedFormula: Rule = {
  id: 'uncalculated-formula',
  gatesSheet: true,
  appliesTo: (s) => (s.sheet.uncalculated?.size ?? 0) > 0 && s.tables.length > 0,
  check(s) {
    const uncalculated = s.sheet.uncalculated!;
    const out: FindingDraft[] = [];
    for (const t of s.tables) {
      const cells: ValueCell[] = [];
      for (const line of [...t.lines, ...(t.memo ?? []), ...(t.total ? [t.total] : [])]) {
        for (const v of line.values) if (v.raw.kind === 'empty' && uncalculated.has(formulaKey(v.row, v.col))) cells.push(v);
      }
      if (cells.length === 0) continue;
      cells.sort((a, b) => a.row - b.row || a.col - b.col);
      out.push(finding(this.id, 'error', s.sheet.name, cells[0], { table: tableName(t.kind, t.title), count: cells.length }));
    }
    return out;
  },
};
