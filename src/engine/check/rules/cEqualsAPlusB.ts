import type { FindingDraft } from '../../findings';
import { OEU_SUBUNITS, unitByKey } from '../../units';
import type { FoundTable } from '../model';
import { finding, same, type Rule } from '../rule';
import { unitLine, unitRow, unitsOf, unitValue, yearsOf } from '../unitRows';

const OEU_FAMILY = new Set(['ØU', ...OEU_SUBUNITS]);

function committeeAgrees(A: FoundTable | undefined, B: FoundTable | undefined, C: FoundTable, years: number[]): boolean {
  return years.every((y) => {
    let a = 0;
    let b = 0;
    let c = 0;
    for (const u of OEU_FAMILY) {
      a += unitValue(A, u, y);
      b += unitValue(B, u, y);
      c += unitValue(C, u, y);
    }
    return same(c, a + b);
  });
}

/** Tabel C must equal A + B for every unit and year (a missing A or B counts as zero). */
export const cEqualsAPlusB: Rule = {
  id: 'c-equals-a-plus-b',
  appliesTo: (s) => s.technical.C !== undefined,
  check(s) {
    const { A, B } = s.technical;
    const C = s.technical.C as FoundTable;
    const years = yearsOf(C);
    const out: FindingDraft[] = [];
    // Amounts moved between ØU's own lines are not an error when ØU as a committee adds up.
    // Asked only once an ØU line disagrees: most tables agree line by line.
    let oeuOk: boolean | undefined;
    // Each year's column in A, B and C, found once rather than per unit and year.
    const at = (t: FoundTable | undefined) => years.map((y) => (t ? t.header.years.indexOf(y) : -1));
    const [ia, ib, ic] = [at(A), at(B), at(C)];
    type Row = ReturnType<typeof unitRow>;
    const value = (r: Row, i: number) => (r && i >= 0 ? r.sums[i] : 0);
    const unreadable = (r: Row, i: number) => r !== undefined && i >= 0 && r.invalid[i];
    for (const unit of unitsOf(A, B, C)) {
      const [a, b, c] = [unitRow(A, unit), unitRow(B, unit), unitRow(C, unit)];
      const wrong = years.filter((_, k) => {
        if (unreadable(a, ia[k]) || unreadable(b, ib[k]) || unreadable(c, ic[k])) return false;
        return !same(value(c, ic[k]), value(a, ia[k]) + value(b, ib[k]));
      });
      if (wrong.length === 0) continue;
      const line = unitLine(C, unit);
      const cols = wrong.map((y) => C.header.cols[C.header.years.indexOf(y)]);
      const at = line ? { start: { row: line.row, col: cols[0] }, end: { row: line.row, col: cols[cols.length - 1] } } : C.titleCell;
      const expected = wrong.map((y) => unitValue(A, unit, y) + unitValue(B, unit, y));
      const actual = wrong.map((y) => unitValue(C, unit, y));
      const severity = OEU_FAMILY.has(unit) && (oeuOk ??= committeeAgrees(A, B, C, years)) ? 'info' : 'error';
      out.push(
        finding(
          this.id,
          severity,
          s.sheet.name,
          at,
          {
            unit,
            unitName: unitByKey(unit)?.name ?? unit,
            years: wrong,
            expected,
            actual,
            missingRow: !line,
            withinOeu: severity === 'info',
          },
          expected.join('; '),
          actual.join('; '),
        ),
      );
    }
    return out;
  },
};
