/**
 * The calculation model (see README "Beregningsregler"):
 *   A[u] = Σ effects credited to u + Σ shares of operating costs financed by u   (måltalseffekt)
 *   C[u] = Σ effects and operating costs placed at u + transfers into u − out of u
 *   B[u] = C[u] − A[u]                                                          (varig drift)
 *   D/E[u] = anlæg / service investments placed at u
 */
import type { Finding } from './findings';
import { wordFinding } from './messages';
import { Fraction, roundFractionsLargestRemainder } from './exact';
import { explainResult } from './explanation';
import { kvantumLines } from './kvantum';
import { convertPriceLevel, type PriceIndex } from './priceLevel';
import { DEFAULT_STYRINGSOMRAADE, normalizeProposal, type ProposalInput, type NormalizedLine, type NormalizedProposal, type Share } from './proposal';
import { snap } from './rounding';
import { computeTabel1, type Tabel1 } from './tabel1';
import { STANDARD_UNITS, unitOrder, type UnitInfo } from './units';

export type TableKey = 'A' | 'B' | 'C' | 'D' | 'E';
export const TABLE_KEYS: readonly TableKey[] = ['A', 'B', 'C', 'D', 'E'];

/** One row of a table: a unit and a bevilling/profitcenter, as keyed into Kvantum. */
export interface TableRow {
  unit: string;
  name: string;
  /** "Bevilling, profitcenter mv." */
  bevilling: string;
  styringsomraade: string;
  values: number[];
}

export interface ResultTable {
  rows: TableRow[];
  total: number[];
}

/**
 * One correction to key into Kvantum: a table's amount for one unit, bevilling and year, in
 * whole 1.000 kr. Summed per table, unit and year the lines give Tables A–E exactly.
 */
export interface KvantumLine {
  table: TableKey;
  unit: string;
  bevilling: string;
  styringsomraade: string;
  year: number;
  amount: number;
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
  /** The tables as Kvantum lines: every non-zero cell of Tables A–E, row by row, year by year. */
  kvantum: KvantumLine[];
  /** Tabel 1 "Forslagets samlede økonomiske konsekvenser", as the catalogue prints it. */
  tabel1: Tabel1;
  /**
   * The tables in the price level the proposal is implemented in (`implementedPriceLevel`),
   * converted through the index given as `priceIndex`; absent without either.
   */
  implemented?: ImplementedResult;
  /** The explanation in Danish, as the catalogue writes it under its tables: one sentence per paragraph. */
  explanation: string[];
  summary: {
    netPermanent: number[];
    investments: { anlæg: number[]; service: number[] };
    economicImpact: number[];
    payback: Payback | null;
  };
  findings: Finding[];
}

/** Tables A–E, Kvantum lines and Tabel 1 in the price level the proposal is implemented in. */
export interface ImplementedResult {
  priceLevel: number;
  tables: Record<TableKey, ResultTable>;
  kvantum: KvantumLine[];
  tabel1: Tabel1;
}

export type RoundingMode = 'total' | 'cell';

export interface ComputeOptions {
  /**
   * `total` (default): rows add up to the rounded total, C = A + B holds exactly.
   * `cell`: every cell rounded on its own, as older tables were; totals may then differ by one.
   */
  rounding?: RoundingMode;
  /**
   * Pris- og lønindeks for `implementedPriceLevel`: the proposal is converted as `convertPriceLevel`
   * does (service amounts; anlæg too with `convertAnlaeg`) and computed again in that level.
   */
  priceIndex?: PriceIndex;
  convertAnlaeg?: boolean;
}

/** A row of the exact tables: unit, bevilling and styringsområde. */
export interface ExactRow {
  unit: UnitInfo;
  bevilling: string;
  styringsomraade: string;
}

/** Exact (unrounded) rows and totals of one or more tables sharing their rows. */
export interface ExactTable {
  rows: ExactRow[];
  /** Per table: one value per row and year. */
  values: Fraction[][][];
  total: Fraction[];
}

/**
 * The model without rounding. A and C share their rows (B is C − A row by row); D and E have
 * their own. Every cell is an exact fraction: Σ amount · share, the share a key's basis over its
 * total, so nothing is rounded before the tables are.
 */
export interface ExactTables {
  AC: ExactTable;
  D: ExactTable;
  E: ExactTable;
}

/** Rows of tables that share them, filled line by line, then ordered as Kvantum lists units. */
class RowSet {
  private readonly index = new Map<string, number>();
  readonly rows: ExactRow[] = [];
  readonly values: Fraction[][][];

  constructor(
    private readonly units: ReadonlyMap<string, UnitInfo>,
    private readonly years: number,
    tables: number,
  ) {
    this.values = Array.from({ length: tables }, () => []);
  }

  private row(unit: string, bevilling: string, styringsomraade: string): number {
    const id = `${unit}\u0000${bevilling}\u0000${styringsomraade}`;
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.rows.length;
      this.index.set(id, i);
      this.rows.push({ unit: this.units.get(unit)!, bevilling, styringsomraade });
      for (const table of this.values) table.push(new Array<Fraction>(this.years).fill(Fraction.ZERO));
    }
    return i;
  }

  add(table: number, shares: readonly Share[], line: NormalizedLine, amounts: readonly Fraction[], sign: 1 | -1 = 1): void {
    for (const s of shares) {
      const cells = this.values[table][this.row(s.unit, line.bevilling, line.styringsomraade)];
      const share = sign === 1 ? s.exact : s.exact.neg();
      for (let y = 0; y < this.years; y++) cells[y] = cells[y].add(amounts[y].mul(share));
    }
  }

  /** Every unit gets a row (the eleven standard ones always); rows in unit order, then as first used. */
  finish(allUnits: readonly string[], bevilling: string, total: Fraction[]): ExactTable {
    const present = new Set(this.rows.map((r) => r.unit.key));
    for (const unit of allUnits) if (!present.has(unit)) this.row(unit, bevilling, bevilling);
    const rank = new Map(allUnits.map((u, i) => [u, i]));
    const order = this.rows.map((_, i) => i).sort((a, b) => rank.get(this.rows[a].unit.key)! - rank.get(this.rows[b].unit.key)! || a - b);
    return { rows: order.map((i) => this.rows[i]), values: this.values.map((t) => order.map((i) => t[i])), total };
  }
}

/** The model without rounding, every cell exact. */
export function computeExact(p: NormalizedProposal): ExactTables {
  const keys = unitOrder([...STANDARD_UNITS.map((u) => u.key), ...p.units.keys()]);
  const units = new Map(keys.map((k) => [k, p.units.get(k) ?? STANDARD_UNITS.find((u) => u.key === k)!]));
  const n = p.years.length;
  const exactAmounts = new Map<readonly number[], Fraction[]>();
  const exact = (amounts: readonly number[]) => {
    let f = exactAmounts.get(amounts);
    if (!f) exactAmounts.set(amounts, (f = amounts.map((a) => Fraction.fromNumber(a))));
    return f;
  };
  const AC = new RowSet(units, n, 2);
  const D = new RowSet(units, n, 1);
  const E = new RowSet(units, n, 1);
  for (const e of p.effects) {
    AC.add(0, e.credit, e, exact(e.amounts));
    AC.add(1, e.placement, e, exact(e.amounts));
  }
  for (const d of p.operatingCosts) {
    AC.add(0, d.financing, d, exact(d.amounts));
    AC.add(1, d.placement, d, exact(d.amounts));
  }
  for (const t of p.transfers) {
    AC.add(1, t.to.placement, t, exact(t.amounts));
    AC.add(1, t.from.placement, t, exact(t.amounts), -1);
  }
  for (const v of p.investments) (v.kind === 'anlæg' ? D : E).add(0, v.placement, v, exact(v.amounts));
  const sum = (items: { amounts: number[] }[]) => {
    const total = new Array<Fraction>(n).fill(Fraction.ZERO);
    for (const item of items) exact(item.amounts).forEach((a, y) => (total[y] = total[y].add(a)));
    return total;
  };
  return {
    AC: AC.finish(keys, DEFAULT_STYRINGSOMRAADE.service, sum([...p.effects, ...p.operatingCosts])),
    D: D.finish(keys, DEFAULT_STYRINGSOMRAADE.anlæg, sum(p.investments.filter((v) => v.kind === 'anlæg'))),
    E: E.finish(keys, DEFAULT_STYRINGSOMRAADE.service, sum(p.investments.filter((v) => v.kind === 'service'))),
  };
}

interface Rounded {
  rows: number[][];
  total: number[];
}

function roundTable(exact: Fraction[][], exactTotal: readonly Fraction[], mode: RoundingMode): Rounded {
  const total = exactTotal.map((t) => t.roundHalfAway());
  if (mode === 'cell') return { rows: exact.map((row) => row.map((v) => v.roundHalfAway())), total };
  const rows = exact.map(() => new Array<number>(exactTotal.length).fill(0));
  total.forEach((target, y) => {
    roundFractionsLargestRemainder(
      exact.map((row) => row[y]),
      target,
    ).forEach((v, u) => (rows[u][y] = v));
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
 * Computes Tables A–E (one row per unit and bevilling), the Kvantum lines, Tabel 1, the
 * explanation and the summary of one proposal. Lines spread by fordelingsnøgler are distributed
 * exactly; nothing is rounded before the tables.
 *
 * Values are whole 1.000 kr.; each table's rows add up exactly to its total (the exact total
 * rounded half away from zero); A and C are rounded, B is derived as C − A, so C = A + B and
 * Σ B = 0 hold exactly. Throws `ProposalValidationError` listing every problem of the input.
 */
export function computeProposal(input: unknown, options: ComputeOptions = {}): ProposalResult {
  const p = normalizeProposal(input);
  const result = computeNormalized(p, options);
  const to = p.implementedPriceLevel;
  if (options.priceIndex && to !== null && to !== p.priceLevel) {
    const converted = convertPriceLevel(input as ProposalInput, to, options.priceIndex, { includeAnlaeg: options.convertAnlaeg === true });
    const r = computeNormalized(normalizeProposal(converted), { rounding: options.rounding });
    result.implemented = { priceLevel: to, tables: r.tables, kvantum: r.kvantum, tabel1: r.tabel1 };
  }
  return result;
}

/** {@link computeProposal} for a proposal already normalized. */
export function computeNormalized(p: NormalizedProposal, options: ComputeOptions = {}): ProposalResult {
  const mode = options.rounding ?? 'total';
  const n = p.years.length;
  const exact = computeExact(p);
  const A = roundTable(exact.AC.values[0], exact.AC.total, mode);
  const C = roundTable(exact.AC.values[1], exact.AC.total, mode);
  const D = roundTable(exact.D.values[0], exact.D.total, mode);
  const E = roundTable(exact.E.values[0], exact.E.total, mode);
  let B: Rounded;
  if (mode === 'cell') {
    const diff = exact.AC.values[1].map((row, r) => row.map((c, y) => c.sub(exact.AC.values[0][r][y])));
    B = roundTable(diff, new Array<Fraction>(n).fill(Fraction.ZERO), 'cell');
  } else {
    B = {
      rows: C.rows.map((row, r) => row.map((c, y) => c - A.rows[r][y])),
      total: C.total.map((c, y) => c - A.total[y]),
    };
  }
  const toTable = (t: Rounded, rows: readonly ExactRow[]): ResultTable => ({
    rows: rows.map((r, i) => ({ unit: r.unit.key, name: r.unit.name, bevilling: r.bevilling, styringsomraade: r.styringsomraade, values: t.rows[i] })),
    total: t.total,
  });
  const tables: Record<TableKey, ResultTable> = {
    A: toTable(A, exact.AC.rows),
    B: toTable(B, exact.AC.rows),
    C: toTable(C, exact.AC.rows),
    D: toTable(D, exact.D.rows),
    E: toTable(E, exact.E.rows),
  };

  const netPermanent = A.total;
  const economicImpact = netPermanent.map((v, y) => v + D.total[y] + E.total[y]);
  const hasAmount = p.years.map((_, y) => [...p.effects, ...p.operatingCosts, ...p.investments].some((item) => item.amounts[y] !== 0));

  const findings: Finding[] = [];
  if (mode === 'cell') {
    for (const [key, t] of [
      ['A', A],
      ['B', B],
      ['C', C],
      ['D', D],
      ['E', E],
    ] as const) {
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
    tables,
    kvantum: kvantumLines(tables, p.years),
    tabel1: computeTabel1(p),
    explanation: explainResult({ years: p.years, priceLevel: p.priceLevel, tables }),
    summary: {
      netPermanent,
      investments: { anlæg: D.total, service: E.total },
      economicImpact,
      payback: computePayback(p.years, economicImpact, hasAmount),
    },
    findings,
  };
}
