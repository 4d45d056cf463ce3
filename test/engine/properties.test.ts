/**
 * computeProposal against an oracle specified from a different angle: exact rational arithmetic
 * (BigInt numerators over a common denominator) over each line's contribution, its own
 * half-away-from-zero rounding and its own largest-remainder allocation (sort and hand out), with
 * the inputs generated as what they stand for (amounts as whole øre-hundredths, keys as integer
 * weights) rather than as floats. A misunderstanding of the model, or a rounding that drifts
 * on a float, shows up as a disagreement in a single cell.
 */
import fc from 'fast-check';
import { computeProposal, STANDARD_KEYS, type ResultTable, type UnkeyedProposalInput } from '../../src/engine';

// Fewer runs under mutation testing (jest.stryker.config.js sets TB_PROPERTY_RUNS).
const PROPERTY_RUNS = process.env.TB_PROPERTY_RUNS ? Number(process.env.TB_PROPERTY_RUNS) : undefined;
const YEARS = [2024, 2025, 2026, 2027, 2028, 2029];
const N = YEARS.length;

// ---------------------------------------------------------------------------------------------
// Exact rationals over one common denominator. Amounts are hundredths; weights sum to a divisor
// of 120, so 12 000 holds every share of every amount exactly.
const DEN = 12_000n;
type Exact = bigint; // numerator over DEN

const fromHundredths = (h: number): Exact => BigInt(h) * (DEN / 100n);
const times = (x: Exact, weight: number, of: number): Exact => (x * BigInt(weight)) / BigInt(of); // exact: `of` divides 120

/** floor(x / DEN) for negative x too. */
function floorDiv(x: Exact): bigint {
  const q = x / DEN;
  return x % DEN !== 0n && x < 0n ? q - 1n : q;
}

/** Half away from zero, on the exact value: |x| + ½, floored, signed. */
function roundExact(x: Exact): bigint {
  const magnitude = (2n * (x < 0n ? -x : x) + DEN) / (2n * DEN);
  return x < 0n ? -magnitude : magnitude;
}

/**
 * Largest remainder as a textbook states it: floor every value, then give one unit each to the
 * rows with the largest remainders (ties: larger magnitude, then the earlier row) until the rows
 * add up to the rounded total.
 */
function largestRemainder(values: Exact[], total: Exact): bigint[] {
  const floors = values.map(floorDiv);
  let missing = roundExact(total) - floors.reduce((a, b) => a + b, 0n);
  const abs = (x: bigint) => (x < 0n ? -x : x);
  const order = values
    .map((v, i) => ({ i, rem: v - floors[i] * DEN, mag: abs(v) }))
    .sort((a, b) => (a.rem !== b.rem ? (b.rem > a.rem ? 1 : -1) : a.mag !== b.mag ? (b.mag > a.mag ? 1 : -1) : a.i - b.i));
  if (missing < 0n || missing > BigInt(values.length)) throw new Error(`oracle: cannot hand out ${missing} units over ${values.length} rows`);
  const out = floors.slice();
  for (const { i } of order) {
    if (missing === 0n) break;
    out[i] += 1n;
    missing -= 1n;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The proposal as the oracle sees it: each line a list of (unit, weight) contributions.
interface Line {
  unit: string;
  hundredths: number[];
  key?: { unit: string; weight: number }[];
}
interface Case {
  effects: Line[];
  costs: Line[];
  transfers: { from: string; to: string; hundredths: number[] }[];
  investments: { kind: 'anlæg' | 'service'; unit: string; hundredths: number[] }[];
}

const keyTotal = (key: { weight: number }[]) => key.reduce((s, k) => s + k.weight, 0);

function toInput(c: Case): UnkeyedProposalInput {
  const amounts = (h: number[]) => h.map((x) => x / 100);
  const shares = (key?: { unit: string; weight: number }[]) => (key ? Object.fromEntries(key.map((k) => [k.unit, k.weight / keyTotal(key)])) : undefined);
  return {
    title: 'Tilfældigt forslag',
    priceLevel: 2025,
    years: YEARS,
    effects: c.effects.map((e) => ({ label: 'e', unit: e.unit, amounts: amounts(e.hundredths), credit: shares(e.key) })),
    operatingCosts: c.costs.map((d) => ({ label: 'd', unit: d.unit, amounts: amounts(d.hundredths), financing: shares(d.key) })),
    transfers: c.transfers.map((t) => ({ label: 't', from: t.from, to: t.to, amounts: amounts(t.hundredths) })),
    investments: c.investments.map((v) => ({ label: 'i', kind: v.kind, unit: v.unit, amounts: amounts(v.hundredths) })),
  };
}

interface Oracle {
  tables: Record<'A' | 'B' | 'C' | 'D' | 'E', { rows: Map<string, bigint[]>; total: bigint[] }>;
  payback: { years: number; year: number } | null;
}

/** The model, per line and per unit, in exact arithmetic; then rounded by the oracle's own rules. */
function oracle(c: Case): Oracle {
  const units = STANDARD_KEYS;
  const table = () => new Map(units.map((u) => [u, new Array<Exact>(N).fill(0n)]));
  const A = table();
  const C = table();
  const D = table();
  const E = table();
  const permanent = new Array<Exact>(N).fill(0n);
  const anlæg = new Array<Exact>(N).fill(0n);
  const service = new Array<Exact>(N).fill(0n);
  const contribute = (m: Map<string, Exact[]>, unit: string, y: number, x: Exact) => (m.get(unit)![y] += x);

  for (const line of [...c.effects, ...c.costs]) {
    const key = line.key ?? [{ unit: line.unit, weight: 1 }];
    const of = keyTotal(key);
    line.hundredths.forEach((h, y) => {
      const x = fromHundredths(h);
      for (const k of key) contribute(A, k.unit, y, times(x, k.weight, of)); // whose target it counts for
      contribute(C, line.unit, y, x); // where the budget sits
      permanent[y] += x;
    });
  }
  for (const t of c.transfers) {
    t.hundredths.forEach((h, y) => {
      contribute(C, t.to, y, fromHundredths(h));
      contribute(C, t.from, y, -fromHundredths(h));
    });
  }
  for (const v of c.investments) {
    v.hundredths.forEach((h, y) => {
      contribute(v.kind === 'anlæg' ? D : E, v.unit, y, fromHundredths(h));
      (v.kind === 'anlæg' ? anlæg : service)[y] += fromHundredths(h);
    });
  }

  const rounded = (m: Map<string, Exact[]>, totals: Exact[]) => {
    const rows = new Map(units.map((u) => [u, new Array<bigint>(N).fill(0n)]));
    for (let y = 0; y < N; y++) {
      const column = largestRemainder(
        units.map((u) => m.get(u)![y]),
        totals[y],
      );
      units.forEach((u, i) => (rows.get(u)![y] = column[i]));
    }
    return { rows, total: totals.map(roundExact) };
  };
  const a = rounded(A, permanent);
  const cc = rounded(C, permanent);
  const b = {
    rows: new Map(units.map((u) => [u, cc.rows.get(u)!.map((v, y) => v - a.rows.get(u)![y])])),
    total: cc.total.map((v, y) => v - a.total[y]),
  };
  const d = rounded(D, anlæg);
  const e = rounded(E, service);

  // Payback on the rounded figures: year 1 is the first year with any effect, cost or investment.
  const impact = a.total.map((v, y) => v + d.total[y] + e.total[y]);
  const first = YEARS.findIndex((_, y) => [...c.effects, ...c.costs, ...c.investments].some((l) => l.hundredths[y] !== 0));
  let payback: Oracle['payback'] = null;
  if (first >= 0) {
    let cumulative = 0n;
    for (let y = first; y < N && !payback; y++) {
      cumulative += impact[y];
      if (cumulative <= 0n) payback = { years: y - first + 1, year: YEARS[y] };
    }
  }
  return { tables: { A: a, B: b, C: cc, D: d, E: e }, payback };
}

// ---------------------------------------------------------------------------------------------
const unit = fc.constantFrom(...STANDARD_KEYS);
const hundredths = fc.oneof(
  fc.integer({ min: -50_000, max: 50_000 }).map((x) => x * 100),
  fc.integer({ min: -5_000_000, max: 5_000_000 }),
);
const series = fc.array(fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 4, arbitrary: hundredths }), { minLength: N, maxLength: N });
// A key as the officer states a basis: whole weights per unit, whose sum divides 120 (thirds,
// quarters, fifths, eighths … all occur), given to the engine as the shares they make.
const key = fc
  .uniqueArray(fc.record({ unit, weight: fc.integer({ min: 1, max: 12 }) }), { minLength: 1, maxLength: 4, selector: (k) => k.unit })
  .filter((k) => 120 % keyTotal(k) === 0);
const line = fc.record({ unit, hundredths: series, key: fc.option(key, { nil: undefined }) });
const proposal: fc.Arbitrary<Case> = fc.record({
  effects: fc.array(line, { maxLength: 4 }),
  costs: fc.array(line, { maxLength: 3 }),
  transfers: fc.array(
    fc
      .tuple(unit, unit, series)
      .filter(([a, b]) => a !== b)
      .map(([from, to, h]) => ({ from, to, hundredths: h })),
    { maxLength: 2 },
  ),
  investments: fc.array(fc.record({ kind: fc.constantFrom('anlæg' as const, 'service' as const), unit, hundredths: series }), { maxLength: 3 }),
});

// Plain checks instead of expect(): thousands of cells per run would make expect() the bottleneck.
function check(condition: boolean, what: () => string) {
  if (!condition) throw new Error(what());
}

function agree(name: string, got: ResultTable, want: Oracle['tables']['A']) {
  check(got.rows.map((r) => r.unit).join() === STANDARD_KEYS.join(), () => `Tabel ${name}: rows ${got.rows.map((r) => r.unit).join()}`);
  for (const row of got.rows) {
    const exact = want.rows.get(row.unit)!;
    row.values.forEach((v, y) =>
      check(BigInt(v) === exact[y] && !Object.is(v, -0), () => `Tabel ${name} ${row.unit} ${YEARS[y]}: engine ${v}, oracle ${exact[y]}`),
    );
  }
  got.total.forEach((v, y) => check(BigInt(v) === want.total[y], () => `Tabel ${name} total ${YEARS[y]}: engine ${v}, oracle ${want.total[y]}`));
}

describe('computeProposal on 1,000 random proposals', () => {
  it('agrees cell for cell with an exact rational oracle, rounding included', () => {
    fc.assert(
      fc.property(proposal, (c) => {
        const r = computeProposal(toInput(c));
        const o = oracle(c);
        for (const name of ['A', 'B', 'C', 'D', 'E'] as const) agree(name, r.tables[name], o.tables[name]);
        check(
          r.tables.B.total.every((v) => v === 0),
          () => `Σ B ≠ 0: ${r.tables.B.total.join()}`,
        );
        check(
          r.summary.netPermanent.every((v, y) => BigInt(v) === o.tables.A.total[y]),
          () => 'net permanent change ≠ Σ A',
        );
        check(
          JSON.stringify(r.summary.payback) === JSON.stringify(o.payback),
          () => `payback: engine ${JSON.stringify(r.summary.payback)}, oracle ${JSON.stringify(o.payback)}`,
        );
      }),
      { numRuns: PROPERTY_RUNS ?? 1000, seed: 20251126 },
    );
  });

  it('the oracle itself: Forslag 4 as the catalogue prints it', () => {
    // 2026: ØU −455 credited to ØU; TMU −2000; system operation 345 financed ØU 1 : TMU 3; upkeep 250 at TMU; 300 from KIT to TMU.
    const c: Case = {
      effects: [
        { unit: 'ØU', hundredths: [0, 0, -45_500, 0, 0, 0] },
        { unit: 'TMU', hundredths: [0, 0, -200_000, 0, 0, 0] },
      ],
      costs: [
        {
          unit: 'TMU',
          hundredths: [0, 0, 34_500, 0, 0, 0],
          key: [
            { unit: 'ØU', weight: 1 },
            { unit: 'TMU', weight: 3 },
          ],
        },
        { unit: 'TMU', hundredths: [0, 0, 25_000, 0, 0, 0] },
      ],
      transfers: [{ from: 'KIT', to: 'TMU', hundredths: [0, 0, 30_000, 0, 0, 0] }],
      investments: [],
    };
    const o = oracle(c);
    const at = (t: 'A' | 'B' | 'C', u: string) => Number(o.tables[t].rows.get(u)![2]);
    expect([at('A', 'ØU'), at('A', 'TMU'), at('C', 'ØU'), at('C', 'TMU'), at('C', 'KIT')]).toEqual([-369, -1491, -455, -1105, -300]);
    expect([at('B', 'ØU'), at('B', 'TMU'), at('B', 'KIT')]).toEqual([-86, 386, -300]);
  });
});
