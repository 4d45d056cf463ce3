import type { FindingDraft } from '../../findings';
import { OEU_SUBUNITS, resolveUnit } from '../../units';
import { TABLE_KEYS } from '../../compute';
import { valueOf, type SheetTables } from '../model';
import { finding, same, tableName, type Rule } from '../rule';
import { unitValue, yearsOf } from '../unitRows';

/** Amounts by year, where the year is stated; the years are the table's (`yearsOf`). */
type Vector = (number | undefined)[];
type ByYear = Map<number, number>;
type Named = [string, ByYear][];

/** Units a summary line names: "SOF sparer …", "… (BUF)", "Samlet varig ændring, service SOF". */
function unitsNamed(label: string): string[] {
  const keys = new Set<string>();
  for (const token of label.split(/[^A-Za-zÆØÅæøå]+/)) {
    if (token.length < 2 || token.length > 4 || token !== token.toUpperCase()) continue;
    const unit = resolveUnit(token);
    if (unit) keys.add(unit.key);
  }
  return [...keys];
}

/** Summary lines naming exactly one unit, by block, read once per sheet for all five tables. */
function summaryRows(s: SheetTables): { permanent: Named; implementation: Named } {
  const out = { permanent: [] as Named, implementation: [] as Named };
  if (!s.summary) return out;
  const years = s.summary.header.years;
  for (const line of s.summary.lines) {
    const block =
      line.role === 'permanent-line' || line.role === 'permanent-subtotal'
        ? out.permanent
        : line.role === 'implementation-line' || line.role === 'implementation-subtotal'
          ? out.implementation
          : null;
    if (!block) continue;
    const named = unitsNamed(line.label);
    if (named.length !== 1) continue;
    block.push([named[0], new Map(years.map((y, i) => [y, valueOf(line.values[i])]))]);
  }
  return out;
}

/** Expected rows by unit over `years`: from A + B (for Tabel C) and from summary lines naming a unit. */
function expectations(s: SheetTables, kind: string, years: number[], summary: { permanent: Named; implementation: Named }): Map<string, Vector[]> {
  const out = new Map<string, Vector[]>();
  const add = (unit: string, v: Vector) => {
    const list = out.get(unit);
    if (list) list.push(v);
    else out.set(unit, [v]);
  };
  const { A, B } = s.technical;
  // `kind` is a table on the sheet, so for 'C' there is a Tabel C.
  if (kind === 'C' && (A || B)) {
    const units = new Set([...(A?.lines ?? []), ...(B?.lines ?? [])].flatMap((l) => (l.unit ? [l.unit.key] : [])));
    for (const unit of units)
      add(
        unit,
        years.map((y) => unitValue(A, unit, y) + unitValue(B, unit, y)),
      );
  }
  for (const [unit, byYear] of kind === 'D' || kind === 'E' ? summary.implementation : summary.permanent)
    add(
      unit,
      years.map((y) => byYear.get(y)),
    );
  return out;
}

/** The row agrees with a candidate on every year both state, and they share at least one. */
function matches(row: number[], candidates: Vector[] | undefined): boolean {
  if (!candidates) return false;
  return candidates.some((c) => {
    let overlap = 0;
    for (let i = 0; i < row.length; i++) {
      const v = c[i];
      if (v === undefined) continue;
      overlap++;
      if (!same(row[i], v)) return false;
    }
    return overlap > 0;
  });
}

const committee = (u: string) => (OEU_SUBUNITS.includes(u) ? 'ØU' : u);

/** Two units' rows each hold what the other unit should have. */
export const swappedRows: Rule = {
  id: 'swapped-rows',
  appliesTo: (s) => TABLE_KEYS.some((k) => s.technical[k]),
  check(s) {
    const out: FindingDraft[] = [];
    const summary = summaryRows(s);
    for (const kind of TABLE_KEYS) {
      const t = s.technical[kind];
      if (!t) continue;
      // Vectors are arrays over the table's years, built once: this rule runs on every table.
      const years = yearsOf(t);
      const expected = expectations(s, kind, years, summary);
      if (expected.size < 2) continue;
      const lines = t.lines.filter((l) => l.unit);
      const rows = new Map<string, number[] | null>();
      const rowOf = (unit: string): number[] | null => {
        let row = rows.get(unit);
        if (row === undefined) {
          const v = years.map((y) => unitValue(t, unit, y));
          row = v.every((x) => x === 0) ? null : v;
          rows.set(unit, row);
        }
        return row;
      };
      // A row that holds what its own unit should have is never half of a swap.
      const suspects = lines.filter((l) => {
        const row = rowOf(l.unit!.key);
        return row !== null && !matches(row, expected.get(l.unit!.key));
      });
      for (let i = 0; i < suspects.length; i++) {
        for (let j = i + 1; j < suspects.length; j++) {
          const u = suspects[i].unit!.key;
          const v = suspects[j].unit!.key;
          if (committee(u) === committee(v)) continue;
          if (!matches(rowOf(u)!, expected.get(v)) || !matches(rowOf(v)!, expected.get(u))) continue;
          out.push(
            finding(
              this.id,
              'error',
              s.sheet.name,
              { row: suspects[i].row, col: suspects[i].labelCol },
              { table: tableName(kind, t.title), unitA: suspects[i].unit!.name, unitB: suspects[j].unit!.name, keyA: u, keyB: v },
            ),
          );
        }
      }
    }
    return out;
  },
};
