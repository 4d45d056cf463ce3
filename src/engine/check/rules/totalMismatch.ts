import type { FindingDraft } from '../../findings';
import { isInvalid, valueOf, type FoundTable, type TableLine, type ValueCell } from '../model';
import { finding, roundingSeverity, same, tableName, type Rule } from '../rule';
import { summaryParts } from '../summary';

const ID = 'total-mismatch';

function compare(t: FoundTable, sheet: string, label: string, total: ValueCell, parts: (ValueCell | undefined)[], year: number, out: FindingDraft[]) {
  if (isInvalid(total) || parts.some(isInvalid)) return;
  const sum = parts.reduce((acc, p) => acc + valueOf(p), 0);
  const stated = valueOf(total);
  if (same(sum, stated)) return;
  const expected = Math.round(sum * 1e6) / 1e6;
  out.push(
    finding(
      ID,
      roundingSeverity(stated - sum),
      sheet,
      total,
      {
        table: tableName(t.kind, t.title),
        label,
        year: Number.isNaN(year) ? null : year,
        expected,
        actual: stated,
        diff: Math.round((stated - sum) * 1e6) / 1e6,
      },
      expected,
      stated,
    ),
  );
}

function totalRow(t: FoundTable, sheet: string, out: FindingDraft[]) {
  const total = t.total as TableLine;
  total.values.forEach((cell, i) => {
    // The corner cell of a table with a total column is checked once, down the total column.
    if (t.header.cols[i] === t.totalCol) return;
    compare(
      t,
      sheet,
      total.label,
      cell,
      t.lines.map((l) => l.values[i]),
      t.header.years[i],
      out,
    );
  });
}

function totalColumn(t: FoundTable, sheet: string, out: FindingDraft[]) {
  const at = t.header.cols.indexOf(t.totalCol as number);
  const parts = t.partCols.map((c) => t.header.cols.indexOf(c));
  for (const line of t.lines)
    compare(
      t,
      sheet,
      line.label,
      line.values[at],
      parts.map((i) => line.values[i]),
      NaN,
      out,
    );
  if (t.total) {
    // The corner: the total row's own parts, or the column's rows, whichever the table states.
    const corner = t.total.values[at];
    compare(
      t,
      sheet,
      t.total.label,
      corner,
      t.lines.map((l) => l.values[at]),
      NaN,
      out,
    );
  }
}

function summaryTotals(t: FoundTable, sheet: string, out: FindingDraft[]) {
  for (const { line, parts } of summaryParts(t)) {
    const flat = parts.flatMap((p) => (Array.isArray(p) ? p : [p]));
    line.values.forEach((cell, i) =>
      compare(
        t,
        sheet,
        line.label,
        cell,
        flat.map((p) => p.values[i]),
        t.header.years[i],
        out,
      ),
    );
  }
}

/** A total row, total column or summary subtotal that differs from the sum of its parts. */
export const totalMismatch: Rule = {
  id: ID,
  appliesTo: (s) => s.tables.length > 0,
  check(s) {
    const out: FindingDraft[] = [];
    for (const t of s.tables) {
      if (t.kind === 'summary') summaryTotals(t, s.sheet.name, out);
      else {
        if (t.total) totalRow(t, s.sheet.name, out);
        if (t.totalCol !== null) totalColumn(t, s.sheet.name, out);
      }
    }
    return out;
  },
};
