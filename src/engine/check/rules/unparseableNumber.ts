import { cellText, EXCEL_ERROR } from '../../cells';
import type { FindingDraft } from '../../findings';
import { finding, tableName, type Rule } from '../rule';

/**
 * Why a text is not a number, for the message. An Excel error (`#DIV/0!`, `#N/A`) is tested
 * first: its letters must not hide it.
 */
function hintFor(isError: boolean, text: string): 'excel-error' | 'double-minus' | 'letters' | '' {
  if (isError || EXCEL_ERROR.test(text)) return 'excel-error';
  if (/^\s*[-–−]\s*[-–−]/.test(text)) return 'double-minus';
  if (/[a-zæøå]/i.test(text)) return 'letters';
  return '';
}

/** A value cell that is neither a number nor an accepted blank ("--43.142"). */
export const unparseableNumber: Rule = {
  id: 'unparseable-number',
  appliesTo: (s) => s.tables.length > 0,
  check(s) {
    const out: FindingDraft[] = [];
    for (const t of s.tables) {
      for (const line of [...t.lines, ...(t.memo ?? []), ...(t.total ? [t.total] : [])]) {
        for (const v of line.values) {
          if (v.parsed.kind !== 'invalid') continue;
          const text = cellText(v.raw);
          const hint = hintFor(v.raw.kind === 'error', text);
          out.push(finding(this.id, 'error', s.sheet.name, v, { table: tableName(t.kind, t.title), label: line.label, text, hint }, undefined, text));
        }
      }
    }
    return out;
  },
};
