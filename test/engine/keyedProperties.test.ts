/**
 * 1,000 random proposals with fordelingsnøgler (bases per unit and administration, ØKF split by
 * a key of its own, several bevillinger per unit), held against a naive floating-point model
 * and every invariant of the tables and the Kvantum lines.
 */
import fc from 'fast-check';
import { computeProposal, type ProposalInput, type ProposalResult, type TableKey } from '../../src/engine';

const YEARS = [2024, 2025, 2026, 2027, 2028, 2029];
/** Names a key entry may use, and the row each counts for (written out here, not looked up). */
const ROW_OF: Record<string, string> = {
  ØU: 'ØU',
  KS: 'KS',
  KIT: 'KIT',
  KEJD: 'KEJD',
  BYK: 'BYK',
  KFU: 'KFU',
  BUU: 'BUU',
  SUU: 'SUU',
  SU: 'SU',
  TMU: 'TMU',
  BIU: 'BIU',
  ØKF: 'ØU',
  KFF: 'KFU',
  BUF: 'BUU',
  SUF: 'SUU',
  SOF: 'SU',
  TMF: 'TMU',
  BIF: 'BIU',
  Borgerrådgiveren: 'Borgerrådgiveren',
};
const ENTRY_NAMES = Object.keys(ROW_OF);
const OEKF_ROWS = ['ØU', 'KS', 'KIT', 'KEJD', 'BYK'];

const basis = fc.oneof(
  fc.integer({ min: 0, max: 400_000 }),
  fc.integer({ min: 1, max: 100_000 }).map((x) => x / 1000),
);
const entries = fc
  .uniqueArray(fc.constantFrom(...ENTRY_NAMES), { minLength: 1, maxLength: 8 })
  .chain((names) => fc.tuple(fc.constant(names), fc.array(basis, { minLength: names.length, maxLength: names.length })))
  .map(([names, bases]) => Object.fromEntries(names.map((n, i) => [n, i === 0 ? bases[i] + 1 : bases[i]])));
const amount = fc.oneof(
  fc.integer({ min: -50_000, max: 50_000 }),
  fc.integer({ min: -5_000_000, max: 5_000_000 }).map((x) => x / 100),
);
const amounts = fc.array(amount, { minLength: YEARS.length, maxLength: YEARS.length });
const unit = fc.constantFrom('ØU', 'KS', 'KIT', 'KEJD', 'KFU', 'BUU', 'SU', 'TMU', 'BIU');
const keyName = fc.constantFrom('K0', 'K1', 'K2');
const placement = fc.oneof(
  unit,
  keyName.map((key) => ({ key })),
);
const bevilling = fc.option(fc.constantFrom('Service', 'Efterspørgselsstyret', '3190, KS anlæg'), { nil: undefined });

const proposal: fc.Arbitrary<ProposalInput> = fc
  .record({
    keys: fc.tuple(entries, entries, entries),
    split: fc.option(fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 5, maxLength: 5 }), { nil: undefined }),
    effects: fc.array(
      fc.record({
        label: fc.constant('e'),
        unit: placement,
        amounts,
        credit: fc.option(
          keyName.map((key) => ({ key })),
          { nil: undefined },
        ),
        bevilling,
      }),
      { minLength: 1, maxLength: 4 },
    ),
    operatingCosts: fc.array(
      fc.record({
        label: fc.constant('d'),
        unit: placement,
        amounts,
        financing: fc.option(
          keyName.map((key) => ({ key })),
          { nil: undefined },
        ),
        bevilling,
      }),
      { maxLength: 3 },
    ),
    transfers: fc.array(fc.record({ label: fc.constant('t'), from: unit, to: keyName.map((key) => ({ key })), amounts, bevilling }), { maxLength: 2 }),
    investments: fc.array(
      fc.record({ label: fc.constant('i'), kind: fc.constantFrom('anlæg' as const, 'service' as const), unit: placement, amounts, bevilling }),
      { maxLength: 3 },
    ),
  })
  .map((g) => {
    const lines = [...g.effects, ...g.operatingCosts, ...g.investments];
    const refs = [...lines.map((l) => l.unit), ...g.effects.map((e) => e.credit), ...g.operatingCosts.map((d) => d.financing), ...g.transfers.map((t) => t.to)];
    const used = new Set<string>(refs.flatMap((r) => (r !== undefined && typeof r !== 'string' ? [r.key] : [])));
    const keys: Record<string, Record<string, number>> = {};
    g.keys.forEach((k, i) => {
      if (used.has(`K${i}`)) keys[`K${i}`] = k;
    });
    const usesOekf = Object.values(keys).some((k) => 'ØKF' in k);
    if (g.split && usesOekf) keys['ØKF'] = Object.fromEntries(OEKF_ROWS.map((u, i) => [u, g.split![i]]));
    const { effects, operatingCosts, transfers, investments } = g;
    return { title: 'Tilfældigt', priceLevel: 2025, years: YEARS, keys, effects, operatingCosts, transfers, investments };
  });

type Cells = Map<string, number[]>;

/** A naive model in floating point: shares as basis / total, no rounding. */
function reference(p: ProposalInput) {
  const keys: Record<string, Record<string, number>> = p.keys ?? {};
  const shares = (name: string): [string, number][] => {
    const out = new Map<string, number>();
    const entries = Object.entries(keys[name]);
    const total = entries.reduce((s, [, b]) => s + b, 0);
    for (const [entry, b] of entries) {
      if (b === 0) continue; // a unit with no basis gets no row
      if (entry === 'ØKF' && name !== 'ØKF' && keys['ØKF']) {
        for (const [u, s] of shares('ØKF')) out.set(u, (out.get(u) ?? 0) + (b / total) * s);
      } else out.set(ROW_OF[entry], (out.get(ROW_OF[entry]) ?? 0) + b / total);
    }
    return [...out];
  };
  const spread = (where: string | { key: string }): [string, number][] => (typeof where === 'string' ? [[where, 1]] : shares(where.key));
  const tables: Record<'A' | 'C' | 'D' | 'E', Cells> = { A: new Map(), C: new Map(), D: new Map(), E: new Map() };
  const add = (t: Cells, parts: [string, number][], bev: string, a: number[], sign = 1) => {
    for (const [u, s] of parts) {
      const id = `${u}|${bev}`;
      const row = t.get(id) ?? YEARS.map(() => 0);
      a.forEach((x, y) => (row[y] += sign * s * x));
      t.set(id, row);
    }
  };
  for (const e of p.effects ?? []) {
    add(tables.A, spread((e.credit as { key: string } | undefined) ?? e.unit), e.bevilling ?? 'Service', e.amounts);
    add(tables.C, spread(e.unit), e.bevilling ?? 'Service', e.amounts);
  }
  for (const d of p.operatingCosts ?? []) {
    add(tables.A, spread((d.financing as { key: string } | undefined) ?? d.unit), d.bevilling ?? 'Service', d.amounts);
    add(tables.C, spread(d.unit), d.bevilling ?? 'Service', d.amounts);
  }
  for (const t of p.transfers ?? []) {
    add(tables.C, spread(t.to), t.bevilling ?? 'Service', t.amounts);
    add(tables.C, spread(t.from), t.bevilling ?? 'Service', t.amounts, -1);
  }
  for (const v of p.investments ?? [])
    add(v.kind === 'anlæg' ? tables.D : tables.E, spread(v.unit), v.bevilling ?? (v.kind === 'anlæg' ? 'Anlæg' : 'Service'), v.amounts);
  return tables;
}

function check(condition: boolean, what: () => string) {
  if (!condition) throw new Error(what());
}

function roundHalfAway(x: number): number {
  const v = Math.round(x * 1e6) / 1e6;
  return Math.sign(v) * Math.round(Math.abs(v)) || 0;
}

function expectInvariants(p: ProposalInput, r: ProposalResult) {
  const ref = reference(p);
  const sumOf = (items: { amounts: number[] }[]) => YEARS.map((_, y) => items.reduce((s, i) => s + i.amounts[y], 0));
  const permanent = sumOf([...(p.effects ?? []), ...(p.operatingCosts ?? [])]);
  const totals: Record<'A' | 'C' | 'D' | 'E', number[]> = {
    A: permanent,
    C: permanent,
    D: sumOf((p.investments ?? []).filter((v) => v.kind === 'anlæg')),
    E: sumOf((p.investments ?? []).filter((v) => v.kind === 'service')),
  };
  for (const key of ['A', 'C', 'D', 'E'] as const) {
    const table = r.tables[key];
    const seen = new Set<string>();
    for (const row of table.rows) {
      const id = `${row.unit}|${row.bevilling}`;
      check(!seen.has(id), () => `Tabel ${key}: two rows for ${id}`);
      seen.add(id);
      const exact = ref[key].get(id) ?? YEARS.map(() => 0);
      row.values.forEach((v, y) =>
        check(Number.isInteger(v) && Math.abs(v - exact[y]) < 1 + 1e-6, () => `Tabel ${key} ${id} ${YEARS[y]}: ${v} vs exact ${exact[y]}`),
      );
    }
    for (const id of ref[key].keys()) check(seen.has(id), () => `Tabel ${key} has no row ${id}`);
    YEARS.forEach((_, y) => {
      check(table.total[y] === roundHalfAway(totals[key][y]), () => `Tabel ${key} total ${YEARS[y]}: ${table.total[y]} vs ${totals[key][y]}`);
      check(table.rows.reduce((s, row) => s + row.values[y], 0) === table.total[y], () => `Tabel ${key} rows ≠ total in ${YEARS[y]}`);
    });
  }
  const { A, B, C } = r.tables;
  B.rows.forEach((row, i) => {
    check(row.unit === A.rows[i].unit && row.bevilling === A.rows[i].bevilling && row.unit === C.rows[i].unit, () => 'A, B and C rows differ');
    row.values.forEach((b, y) => check(b === C.rows[i].values[y] - A.rows[i].values[y], () => `C ≠ A + B for ${row.unit} ${YEARS[y]}`));
  });
  check(
    B.total.every((v) => v === 0),
    () => `Σ B ≠ 0: ${B.total.join(', ')}`,
  );

  // Kvantum lines: non-zero whole amounts summing per table, unit and year to the tables.
  const fromLines = new Map<string, number>();
  for (const line of r.kvantum) {
    check(Number.isInteger(line.amount) && line.amount !== 0, () => `Kvantum line of ${line.amount}`);
    const id = `${line.table}|${line.unit}|${line.year}`;
    fromLines.set(id, (fromLines.get(id) ?? 0) + line.amount);
  }
  for (const key of ['A', 'B', 'C', 'D', 'E'] as TableKey[]) {
    const fromTable = new Map<string, number>();
    for (const row of r.tables[key].rows)
      row.values.forEach((v, y) => fromTable.set(`${key}|${row.unit}|${YEARS[y]}`, (fromTable.get(`${key}|${row.unit}|${YEARS[y]}`) ?? 0) + v));
    for (const [id, v] of fromTable) check((fromLines.get(id) ?? 0) === v, () => `Kvantum lines for ${id} sum to ${fromLines.get(id) ?? 0}, table says ${v}`);
  }
  for (const id of fromLines.keys()) check(r.tables[id[0] as TableKey] !== undefined, () => `line for unknown table ${id}`);
}

describe('computeProposal on 1,000 random keyed proposals', () => {
  it('agrees with a naive model within rounding; tables, B = C − A and Kvantum lines exact', () => {
    fc.assert(
      fc.property(proposal, (p) => expectInvariants(p, computeProposal(p))),
      // Fewer runs under mutation testing (jest.stryker.config.js sets TB_PROPERTY_RUNS).
      { numRuns: Number(process.env.TB_PROPERTY_RUNS ?? 1000), seed: 20261130 },
    );
  });
});
