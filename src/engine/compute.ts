/**
 * The calculation model (see README "Beregningsregler"):
 *   A[u] = Σ effects credited to u + Σ shares of operating costs financed by u   (måltalseffekt)
 *   C[u] = Σ effects and operating costs placed at u + transfers into u − out of u
 *   B[u] = C[u] − A[u]                                                          (varig drift)
 *   D/E[u] = anlæg / service investments placed at u
 */
import type { Finding } from './findings';
import { wordFinding } from './messages';
import { normalizeProposal, type NormalizedProposal } from './proposal';
import { roundHalfAway, roundLargestRemainder, snap } from './rounding';
import { STANDARD_UNITS, unitOrder, type UnitInfo } from './units';

export type TableKey = 'A' | 'B' | 'C' | 'D' | 'E';
export const TABLE_KEYS: readonly TableKey[] = ['A', 'B', 'C', 'D', 'E'];

export interface TableRow {
  unit: string;
  name: string;
  values: number[];
}

export interface ResultTable {
  rows: TableRow[];
  total: number[];
}

export interface Payback {
  /** Years counted from the first year with any amount (that year is year 1). */
  years: number;
  /** The calendar year in which the cumulative economic impact first is ≤ 0. */
  year: number;
}

export interface ProposalResult {
  years: number[];
  priceLevel: number;
  tables: Record<TableKey, ResultTable>;
  summary: {
    netPermanent: number[];
    investments: { anlæg: number[]; service: number[] };
    economicImpact: number[];
    payback: Payback | null;
  };
  findings: Finding[];
}

export type RoundingMode = 'total' | 'cell';

export interface ComputeOptions {
  /**
   * `total` (default): rows add up to the rounded total, C = A + B holds exactly.
   * `cell`: every cell rounded on its own, as older tables were; totals may then differ by one.
   */
  rounding?: RoundingMode;
}

/** Exact (unrounded) tables by unit key and year index. */
export interface ExactTables {
  units: UnitInfo[];
  A: number[][];
  C: number[][];
  D: number[][];
  E: number[][];
  /**
   * Exact totals from the amounts themselves (Σ A = Σ C = effects + operating costs), free of
   * the noise that shares such as 1/3 leave in the rows.
   */
  totals: { permanent: number[]; anlæg: number[]; service: number[] };
}

/** The model without rounding: one row per unit of `units`, one column per year. */
export function computeExact(p: NormalizedProposal): ExactTables {
  const keys = unitOrder([...STANDARD_UNITS.map((u) => u.key), ...p.units.keys()]);
  const index = new Map(keys.map((k, i) => [k, i]));
  const units = keys.map((k) => p.units.get(k) ?? STANDARD_UNITS.find((u) => u.key === k)!);
  const n = p.years.length;
  const zeros = () => keys.map(() => new Array<number>(n).fill(0));
  const A = zeros();
  const C = zeros();
  const D = zeros();
  const E = zeros();
  const add = (table: number[][], unit: string, amounts: readonly number[], factor = 1) => {
    const row = table[index.get(unit)!];
    for (let y = 0; y < n; y++) row[y] += factor * amounts[y];
  };
  for (const e of p.effects) {
    for (const s of e.credit) add(A, s.unit, e.amounts, s.share);
    add(C, e.unit, e.amounts);
  }
  for (const d of p.operatingCosts) {
    for (const s of d.financing) add(A, s.unit, d.amounts, s.share);
    add(C, d.unit, d.amounts);
  }
  for (const t of p.transfers) {
    add(C, t.to, t.amounts);
    add(C, t.from, t.amounts, -1);
  }
  for (const v of p.investments) add(v.kind === 'anlæg' ? D : E, v.unit, v.amounts);
  const sum = (items: { amounts: number[] }[]) => {
    const total = new Array<number>(n).fill(0);
    for (const item of items) for (let y = 0; y < n; y++) total[y] += item.amounts[y];
    return total.map(snap);
  };
  return {
    units,
    // Rows keep their floating-point noise; every rounding step snaps it away.
    A,
    C,
    D,
    E,
    totals: {
      permanent: sum([...p.effects, ...p.operatingCosts]),
      anlæg: sum(p.investments.filter((v) => v.kind === 'anlæg')),
      service: sum(p.investments.filter((v) => v.kind === 'service')),
    },
  };
}

function roundTable(exact: number[][], exactTotal: number[], mode: RoundingMode): { rows: number[][]; total: number[] } {
  const total = exactTotal.map(roundHalfAway);
  if (mode === 'cell') return { rows: exact.map((row) => row.map(roundHalfAway)), total };
  const rows = exact.map(() => new Array<number>(exactTotal.length).fill(0));
  total.forEach((target, y) => {
    roundLargestRemainder(exact.map((row) => row[y]), target).forEach((v, u) => (rows[u][y] = v));
  });
  return { rows, total };
}

/**
 * Payback: the first year with any amount is year 1; the payback year is the first year in which
 * the cumulative economic impact (net permanent change + investments) is ≤ 0. Null when that
 * does not happen within the years, or when there are no amounts at all.
 */
export function computePayback(years: readonly number[], impact: readonly number[], hasAmount: readonly boolean[]): Payback | null {
  const first = hasAmount.indexOf(true);
  if (first < 0) return null;
  let cumulative = 0;
  for (let y = first; y < years.length; y++) {
    cumulative = snap(cumulative + impact[y]);
    if (cumulative <= 0) return { years: y - first + 1, year: years[y] };
  }
  return null;
}

/**
 * Computes Tables A–E and the summary of one proposal.
 *
 * Values are whole 1.000 kr.; each table's rows add up exactly to its total (the exact total
 * rounded half away from zero); A and C are rounded, B is derived as C − A, so C = A + B and
 * Σ B = 0 hold exactly. Throws `ProposalValidationError` listing every problem of the input.
 */
export function computeProposal(input: unknown, options: ComputeOptions = {}): ProposalResult {
  const p = normalizeProposal(input);
  return computeNormalized(p, options);
}

/** {@link computeProposal} for a proposal already normalized. */
export function computeNormalized(p: NormalizedProposal, options: ComputeOptions = {}): ProposalResult {
  const mode = options.rounding ?? 'total';
  const n = p.years.length;
  const exact = computeExact(p);
  const A = roundTable(exact.A, exact.totals.permanent, mode);
  const C = roundTable(exact.C, exact.totals.permanent, mode);
  const D = roundTable(exact.D, exact.totals.anlæg, mode);
  const E = roundTable(exact.E, exact.totals.service, mode);
  let B: { rows: number[][]; total: number[] };
  if (mode === 'cell') {
    B = roundTable(exact.C.map((row, u) => row.map((c, y) => snap(c - exact.A[u][y]))), new Array<number>(n).fill(0), 'cell');
  } else {
    B = {
      rows: C.rows.map((row, u) => row.map((c, y) => c - A.rows[u][y])),
      total: C.total.map((c, y) => c - A.total[y]),
    };
  }
  const toTable = (t: { rows: number[][]; total: number[] }): ResultTable => ({
    rows: exact.units.map((u, i) => ({ unit: u.key, name: u.name, values: t.rows[i] })),
    total: t.total,
  });

  const netPermanent = A.total;
  const economicImpact = netPermanent.map((v, y) => v + D.total[y] + E.total[y]);
  const hasAmount = p.years.map((_, y) =>
    [...p.effects, ...p.operatingCosts, ...p.investments].some((item) => item.amounts[y] !== 0),
  );

  const findings: Finding[] = [];
  if (mode === 'cell') {
    for (const [key, t] of [['A', A], ['B', B], ['C', C], ['D', D], ['E', E]] as const) {
      t.total.forEach((total, y) => {
        const sum = t.rows.reduce((acc, row) => acc + row[y], 0);
        if (sum !== total) {
          findings.push(
            wordFinding({
              rule: 'cell-rounding-imbalance',
              severity: 'info',
              sheet: '',
              range: null,
              expected: total,
              actual: sum,
              params: { table: key, year: p.years[y], expected: total, actual: sum },
            }),
          );
        }
      });
    }
  }

  return {
    years: p.years.slice(),
    priceLevel: p.priceLevel,
    tables: { A: toTable(A), B: toTable(B), C: toTable(C), D: toTable(D), E: toTable(E) },
    summary: {
      netPermanent,
      investments: { anlæg: D.total, service: E.total },
      economicImpact,
      payback: computePayback(p.years, economicImpact, hasAmount),
    },
    findings,
  };
}
