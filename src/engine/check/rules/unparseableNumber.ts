import { cellText } from '../../cells';
import type { FindingDraft } from '../../findings';
import { finding, tableName, type Rule } from '../rule';

/** A value cell that is neither a number nor an accepted blank ("--43.142"). */
export const unparseableNumber: Rule = {
  id: 'unparseable-number',
  severity: 'error',
  appliesTo: (s) => s.tables.length > 0,
  check(s) {
    const out: FindingDraft[] = [];
    for (const t of s.tables) {
      for (const line of [...t.lines, ...(t.memo ?? []), ...(t.total ? [t.total] : [])]) {
        for (const v of line.values) {
          if (v.parsed.kind !== 'invalid') continue;
          const text = cellText(v.raw);
          const hint = /^\s*[-–−]\s*[-–−]/.test(text) ? 'double-minus' : /[a-zæøå]/i.test(text) ? 'letters' : v.raw.kind === 'error' ? 'excel-error' : '';
          out.push(finding(this.id, 'error', s.sheet.name, v, { table: tableName(t.kind, t.title), label: line.label, text, hint }, undefined, text));
        }
      }
    }
    return out;
  },
};
