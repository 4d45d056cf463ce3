import fc from 'fast-check';
import { computeProposal, STANDARD_KEYS, type ResultTable, type UnkeyedProposalInput } from '../../src/engine';

/** An independent, deliberately naive implementation of the model, without rounding. */
function referenceModel(p: UnkeyedProposalInput) {
  const n = p.years.length;
  const blank = () => new Map<string, number[]>();
  const A = blank();
  const C = blank();
  const D = blank();
  const E = blank();
  const add = (m: Map<string, number[]>, unit: string, amounts: number[], f = 1) => {
    const row = m.get(unit) ?? new Array<number>(n).fill(0);
    amounts.forEach((a, y) => (row[y] += a * f));
    m.set(unit, row);
  };
  for (const e of p.effects ?? []) {
    for (const [u, s] of Object.entries(e.credit ?? { [e.unit]: 1 })) add(A, u, e.amounts, s);
    add(C, e.unit, e.amounts);
  }
  for (const d of p.operatingCosts ?? []) {
    for (const [u, s] of Object.entries(d.financing ?? { [d.unit]: 1 })) add(A, u, d.amounts, s);
    add(C, d.unit, d.amounts);
  }
  for (const t of p.transfers ?? []) {
    add(C, t.to, t.amounts);
    add(C, t.from, t.amounts, -1);
  }
  for (const v of p.investments ?? []) add(v.kind === 'anlæg' ? D : E, v.unit, v.amounts);
  // The exact totals come from the amounts themselves: shares sum to 1.
  const total = (items: { amounts: number[] }[]) => YEARS.map((_, y) => items.reduce((s, i) => s + i.amounts[y], 0));
  const permanent = total([...(p.effects ?? []), ...(p.operatingCosts ?? [])]);
  const totals = {
    A: permanent,
    C: permanent,
    D: total((p.investments ?? []).filter((v) => v.kind === 'anlæg')),
    E: total((p.investments ?? []).filter((v) => v.kind === 'service')),
  };
  return { A, C, D, E, totals };
}

const YEARS = [2024, 2025, 2026, 2027, 2028, 2029];
const unit = fc.constantFrom(...STANDARD_KEYS);
const amount = fc.oneof(fc.integer({ min: -50_000, max: 50_000 }), fc.integer({ min: -5_000_000, max: 5_000_000 }).map((x) => x / 100));
const amounts = fc.array(amount, { minLength: YEARS.length, maxLength: YEARS.length });
// Shares that sum to exactly 1: quarters, or an even split among k units.
const shares = fc.oneof(
  fc.uniqueArray(unit, { minLength: 1, maxLength: 4 }).map((us) => Object.fromEntries(us.map((u) => [u, 1 / us.length]))),
  fc.tuple(unit, unit).filter(([a, b]) => a !== b).map(([a, b]) => ({ [a]: 0.25, [b]: 0.75 })),
);

const proposal: fc.Arbitrary<UnkeyedProposalInput> = fc.record({
  title: fc.constant('Tilfældigt forslag'),
  priceLevel: fc.constant(2025),
  years: fc.constant(YEARS),
  effects: fc.array(fc.record({ label: fc.constant('e'), unit, amounts, credit: fc.option(shares, { nil: undefined }) }), { maxLength: 4 }),
  operatingCosts: fc.array(fc.record({ label: fc.constant('d'), unit, amounts, financing: fc.option(shares, { nil: undefined }) }), { maxLength: 3 }),
  transfers: fc.array(
    fc.tuple(unit, unit, amounts).filter(([a, b]) => a !== b).map(([from, to, a]) => ({ label: 't', from, to, amounts: a })),
    { maxLength: 2 },
  ),
  investments: fc.array(fc.record({ label: fc.constant('i'), kind: fc.constantFrom('anlæg' as const, 'service' as const), unit, amounts }), { maxLength: 3 }),
});

function roundHalfAway(x: number): number {
  const v = Math.round(x * 1e9) / 1e9;
  return Math.sign(v) * Math.round(Math.abs(v)) || 0;
}

// Plain checks instead of expect(): thousands of cells per run would make expect() the bottleneck.
function check(condition: boolean, what: () => string) {
  if (!condition) throw new Error(what());
}

function expectRowsAddUp(key: string, t: ResultTable) {
  t.total.forEach((total, y) => {
    const sum = t.rows.reduce((s, r) => s + r.values[y], 0);
    check(sum === total, () => `Tabel ${key} year ${y}: rows add up to ${sum}, total ${total}`);
  });
}

describe('computeProposal on 1,000 random proposals', () => {
  it('agrees with an independent implementation within rounding, with every invariant exact', () => {
    fc.assert(
      fc.property(proposal, (p) => {
        const r = computeProposal(p);
        const ref = referenceModel(p);
        for (const key of ['A', 'C', 'D', 'E'] as const) {
          const table = r.tables[key];
          const exact = ref[key];
          YEARS.forEach((_, y) => {
            for (const row of table.rows) {
              const e = exact.get(row.unit)?.[y] ?? 0;
              const v = row.values[y];
              check(Number.isInteger(v) && Math.abs(v - e) < 1 + 1e-6, () => `Tabel ${key} ${row.unit} year ${y}: ${v} vs exact ${e}`);
            }
            const want = roundHalfAway(ref.totals[key][y]);
            check(table.total[y] === want, () => `Tabel ${key} total year ${y}: ${table.total[y]} vs ${want}`);
          });
          expectRowsAddUp(key, table);
        }
        const { A, B, C } = r.tables;
        B.rows.forEach((row, u) =>
          row.values.forEach((b, y) => check(b === C.rows[u].values[y] - A.rows[u].values[y], () => `C ≠ A + B for ${row.unit} year ${y}`)),
        );
        check(B.total.every((v) => v === 0), () => `Σ B ≠ 0: ${B.total}`);
        expectRowsAddUp('B', B);
        check(A.total.every((v, y) => v === C.total[y] && v === r.summary.netPermanent[y]), () => 'Σ A ≠ Σ C');
      }),
      { numRuns: 1000, seed: 20251126 },
    );
  });
});
