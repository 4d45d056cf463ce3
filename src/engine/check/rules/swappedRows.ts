import type { FindingDraft } from '../../findings';
import { OEU_SUBUNITS, resolveUnit } from '../../units';
import { TECHNICAL_KINDS, valueOf, type FoundTable, type SheetTables } from '../model';
import { finding, same, tableName, type Rule } from '../rule';
import { unitValue, yearsOf } from '../unitRows';

type Vector = Map<number, number>;

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

/** Expected rows by unit: from A + B (for Tabel C) and from summary lines naming a unit. */
function expectations(s: SheetTables, kind: string): Map<string, Vector[]> {
  const out = new Map<string, Vector[]>();
  const add = (unit: string, v: Vector) => out.set(unit, [...(out.get(unit) ?? []), v]);
  const { A, B, C } = s.technical;
  if (kind === 'C' && C && (A || B)) {
    const units = new Set([...(A?.lines ?? []), ...(B?.lines ?? [])].flatMap((l) => (l.unit ? [l.unit.key] : [])));
    for (const unit of units) add(unit, new Map(yearsOf(C).map((y) => [y, unitValue(A, unit, y) + unitValue(B, unit, y)])));
  }
  if (s.summary) {
    const wanted = kind === 'D' ? ['implementation-line', 'implementation-subtotal'] : kind === 'E' ? ['implementation-line', 'implementation-subtotal'] : ['permanent-line', 'permanent-subtotal'];
    for (const line of s.summary.lines) {
      if (!wanted.includes(line.role)) continue;
      const named = unitsNamed(line.label);
      if (named.length !== 1) continue;
      add(named[0], new Map(s.summary.header.years.map((y, i) => [y, valueOf(line.values[i])])));
    }
  }
  return out;
}

function rowVector(t: FoundTable, unit: string): Vector {
  return new Map(yearsOf(t).map((y) => [y, unitValue(t, unit, y)]));
}

function matches(row: Vector, candidates: Vector[] | undefined): boolean {
  if (!candidates) return false;
  return candidates.some((c) => {
    let overlap = 0;
    for (const [y, v] of row) {
      if (!c.has(y)) continue;
      overlap++;
      if (!same(v, c.get(y) as number)) return false;
    }
    return overlap > 0;
  });
}

const committee = (u: string) => (OEU_SUBUNITS.includes(u) ? 'ØU' : u);

/** Two units' rows each hold what the other unit should have. */
export const swappedRows: Rule = {
  id: 'swapped-rows',
  severity: 'error',
  appliesTo: (s) => TECHNICAL_KINDS.some((k) => s.technical[k]),
  check(s) {
    const out: FindingDraft[] = [];
    for (const kind of TECHNICAL_KINDS) {
      const t = s.technical[kind];
      if (!t) continue;
      const expected = expectations(s, kind);
      if (expected.size < 2) continue;
      const lines = t.lines.filter((l) => l.unit);
      for (let i = 0; i < lines.length; i++) {
        for (let j = i + 1; j < lines.length; j++) {
          const u = lines[i].unit!.key;
          const v = lines[j].unit!.key;
          if (committee(u) === committee(v)) continue;
          const ru = rowVector(t, u);
          const rv = rowVector(t, v);
          if ([...ru.values()].every((x) => x === 0) || [...rv.values()].every((x) => x === 0)) continue;
          if (matches(ru, expected.get(u)) || matches(rv, expected.get(v))) continue;
          if (!matches(ru, expected.get(v)) || !matches(rv, expected.get(u))) continue;
          out.push(finding(this.id, 'error', s.sheet.name, { row: lines[i].row, col: lines[i].labelCol }, { table: tableName(kind, t.title), unitA: lines[i].unit!.name, unitB: lines[j].unit!.name, keyA: u, keyB: v }));
        }
      }
    }
    return out;
  },
};
