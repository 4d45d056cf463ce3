/**
 * computeProposal beyond the common case: per-cell rounding in every table, the implemented price
 * level, rows for one unit with several bevillinger, and the summary's investments and payback
 * when only costs or investments start the count.
 */
import { computeProposal, type ProposalInput } from '../../src/engine';
import { emptyProposal } from '../support/proposals';

const thirds = { KFU: 1 / 3, BUU: 1 / 3, SU: 1 / 3 };

describe('per-cell rounding', () => {
  it('reports a table whose rounded rows miss its total as info, for every table A–E', () => {
    const r = computeProposal(
      {
        ...emptyProposal(),
        effects: [{ label: 'a', unit: { key: 'Tre' }, amounts: [-10, 0, 0], credit: { ØU: 1 } }],
        investments: [
          { label: 'd', kind: 'anlæg', unit: { key: 'Tre' }, amounts: [0, 10, 0] },
          { label: 'e', kind: 'service', unit: { key: 'Tre' }, amounts: [0, 0, 10] },
        ],
        keys: { Tre: thirds },
      },
      { rounding: 'cell' },
    );
    expect(r.tables.C.rows.filter((row) => row.values[0] !== 0).map((row) => [row.unit, row.values[0]])).toEqual([
      ['KFU', -3],
      ['BUU', -3],
      ['SU', -3],
    ]);
    expect(r.findings.map((f) => [f.rule, f.severity, f.sheet, f.params.table, f.params.year, f.expected, f.actual])).toEqual([
      ['cell-rounding-imbalance', 'info', '', 'B', 2025, 0, 1],
      ['cell-rounding-imbalance', 'info', '', 'C', 2025, -10, -9],
      ['cell-rounding-imbalance', 'info', '', 'D', 2026, 10, 9],
      ['cell-rounding-imbalance', 'info', '', 'E', 2027, 10, 9],
    ]);
  });

  it('rounds B from the exact difference C − A, not from the rounded A and C', () => {
    // C − A is 1 − 0.5 = 0.5 at TMU and 0 − 0.5 at KFU: rounded, 1 and -1. From the rounded A (1, 1)
    // and C (1, 0) it would be 0 and -1.
    const r = computeProposal(
      { ...emptyProposal(), effects: [{ label: 'a', unit: 'TMU', amounts: [1, 0, 0], credit: { TMU: 0.5, KFU: 0.5 } }] },
      { rounding: 'cell' },
    );
    const row = (t: 'A' | 'B' | 'C', u: string) => r.tables[t].rows.find((x) => x.unit === u)!.values[0];
    expect([row('A', 'TMU'), row('A', 'KFU'), row('C', 'TMU')]).toEqual([1, 1, 1]);
    expect([row('B', 'TMU'), row('B', 'KFU')]).toEqual([1, -1]);
    expect(r.tables.B.total).toEqual([0, 0, 0]);
  });
});

describe('total rounding', () => {
  it('derives every row of B as C − A, so C = A + B holds row by row', () => {
    const r = computeProposal({
      ...emptyProposal(),
      effects: [{ label: 'a', unit: 'ØU', amounts: [-1000, -10, -1] }],
      operatingCosts: [{ label: 'd', unit: 'TMU', amounts: [5, 5, 5], financing: thirds }],
    });
    r.tables.C.rows.forEach((c, i) => expect(c.values).toEqual(c.values.map((v, y) => r.tables.A.rows[i].values[y] + r.tables.B.rows[i].values[y])));
    expect(r.tables.A.rows.filter((row) => row.values[2] !== 0).map((row) => [row.unit, row.values[2]])).toEqual([
      ['ØU', -1],
      ['KFU', 2],
      ['BUU', 2],
      ['SU', 1],
    ]);
  });
});

describe('the implemented price level', () => {
  const index = new Map([
    [2025, 100],
    [2026, 110],
  ]);
  const proposal = (): ProposalInput => ({
    ...emptyProposal(),
    implementedPriceLevel: 2026,
    effects: [{ label: 'a', unit: 'TMU', amounts: [-10, -10, -10], credit: thirds }],
    investments: [{ label: 'd', kind: 'anlæg', unit: 'TMU', amounts: [100, 0, 0] }],
  });

  it('computes the tables again in that level, anlæg only when asked', () => {
    const r = computeProposal(proposal(), { priceIndex: index });
    expect(r.implemented?.priceLevel).toBe(2026);
    expect(r.implemented?.tables.A.total).toEqual([-11, -11, -11]);
    expect(r.implemented?.tables.D.total).toEqual([100, 0, 0]);
    expect(r.implemented?.kvantum.find((l) => l.table === 'D')?.amount).toBe(100);
    expect(r.implemented?.tabel1).toBeDefined();
    const withAnlaeg = computeProposal(proposal(), { priceIndex: index, convertAnlaeg: true });
    expect(withAnlaeg.implemented?.tables.D.total).toEqual([110, 0, 0]);
    expect(r.tables.A.total).toEqual([-10, -10, -10]);
  });

  it('keeps the rounding mode asked for', () => {
    const cell = computeProposal(proposal(), { priceIndex: index, rounding: 'cell' });
    const total = computeProposal(proposal(), { priceIndex: index });
    // -11 in thirds: -3.666… each, per cell -4 three times; by total the first row gives back one.
    const rows = (r: typeof cell) => r.implemented!.tables.A.rows.filter((x) => x.values[0] !== 0).map((x) => x.values[0]);
    expect(rows(cell)).toEqual([-4, -4, -4]);
    expect(rows(total)).toEqual([-3, -4, -4]);
  });

  it('is absent when the proposal is implemented in its own level, names none, or no index is given', () => {
    expect(computeProposal({ ...proposal(), implementedPriceLevel: 2025 }, { priceIndex: index }).implemented).toBeUndefined();
    expect(computeProposal({ ...proposal(), implementedPriceLevel: undefined }, { priceIndex: index }).implemented).toBeUndefined();
    expect(computeProposal(proposal()).implemented).toBeUndefined();
  });
});

describe('rows', () => {
  it('lists one unit with several bevillinger in the order they are first used, after the unit order', () => {
    const r = computeProposal({
      ...emptyProposal(),
      effects: [
        { label: 'a', unit: 'TMU', amounts: [-1, 0, 0], bevilling: 'Anden' },
        { label: 'b', unit: 'ØU', amounts: [-2, 0, 0] },
        { label: 'c', unit: 'TMU', amounts: [-3, 0, 0], bevilling: 'Første', styringsomraade: 'Anlæg' },
        { label: 'd', unit: 'TMU', amounts: [-4, 0, 0], bevilling: 'Anden' },
      ],
    });
    const used = r.tables.C.rows.filter((row) => row.values[0] !== 0).map((row) => [row.unit, row.bevilling, row.styringsomraade, row.values[0]]);
    expect(used).toEqual([
      ['ØU', 'Service', 'Service', -2],
      ['TMU', 'Anden', 'Service', -5],
      ['TMU', 'Første', 'Anlæg', -3],
    ]);
    // A unit with its own bevilling gets no default row beside it; the other standard units get one each.
    expect(r.tables.C.rows.filter((row) => row.unit === 'TMU')).toHaveLength(2);
    expect(r.tables.C.rows).toHaveLength(12);
    expect(r.tables.C.rows.find((row) => row.unit === 'KFU')).toMatchObject({
      name: 'Kultur- og Fritidsudvalget',
      bevilling: 'Service',
      styringsomraade: 'Service',
      values: [0, 0, 0],
    });
  });

  it('gives anlæg investments rows of their own, with anlæg as the default', () => {
    const r = computeProposal({
      ...emptyProposal(),
      investments: [
        { label: 'd', kind: 'anlæg', unit: 'TMU', amounts: [5, 0, 0] },
        { label: 'e', kind: 'service', unit: 'KFU', amounts: [0, 7, 0] },
      ],
    });
    expect(r.tables.D.rows.find((row) => row.unit === 'TMU')).toMatchObject({ bevilling: 'Anlæg', styringsomraade: 'Anlæg', values: [5, 0, 0] });
    expect(r.tables.E.rows.find((row) => row.unit === 'KFU')).toMatchObject({ bevilling: 'Service', styringsomraade: 'Service', values: [0, 7, 0] });
    expect(r.tables.D.total).toEqual([5, 0, 0]);
    expect(r.tables.E.total).toEqual([0, 7, 0]);
  });
});

describe('summary', () => {
  it('keeps anlæg and service investments apart and adds both to the economic impact', () => {
    const r = computeProposal({
      ...emptyProposal(),
      effects: [{ label: 'a', unit: 'TMU', amounts: [0, -10, -10] }],
      investments: [
        { label: 'd', kind: 'anlæg', unit: 'TMU', amounts: [4, 0, 0] },
        { label: 'e', kind: 'service', unit: 'TMU', amounts: [3, 2, 0] },
      ],
    });
    expect(r.summary.netPermanent).toEqual([0, -10, -10]);
    expect(r.summary.investments).toEqual({ anlæg: [4, 0, 0], service: [3, 2, 0] });
    expect(r.summary.economicImpact).toEqual([7, -8, -10]);
    expect(r.summary.payback).toEqual({ years: 2, year: 2026 });
  });

  it('counts payback from the first year with an operating cost or an investment', () => {
    const cost = computeProposal({
      ...emptyProposal(),
      effects: [{ label: 'a', unit: 'TMU', amounts: [0, 0, -5] }],
      operatingCosts: [{ label: 'd', unit: 'TMU', amounts: [0, 2, 0] }],
    });
    expect(cost.summary.payback).toEqual({ years: 2, year: 2027 });
    const invest = computeProposal({
      ...emptyProposal(),
      effects: [{ label: 'a', unit: 'TMU', amounts: [0, 0, -5] }],
      investments: [{ label: 'd', kind: 'service', unit: 'TMU', amounts: [0, 2, 0] }],
    });
    expect(invest.summary.payback).toEqual({ years: 2, year: 2027 });
  });

  it('has no payback when the impact stays above zero, or without any amount', () => {
    expect(
      computeProposal({
        ...emptyProposal(),
        investments: [{ label: 'd', kind: 'anlæg', unit: 'TMU', amounts: [10, 0, 0] }],
        effects: [{ label: 'a', unit: 'TMU', amounts: [0, -3, -3] }],
      }).summary.payback,
    ).toBeNull();
    expect(computeProposal({ ...emptyProposal(), transfers: [{ label: 't', from: 'KIT', to: 'TMU', amounts: [1, 1, 1] }] }).summary.payback).toBeNull();
    expect(computeProposal(emptyProposal()).summary.payback).toBeNull();
  });

  it('returns the years and price level of the proposal', () => {
    const r = computeProposal({ ...emptyProposal(), priceLevel: 2024, years: [2026, 2027] });
    expect([r.years, r.priceLevel]).toEqual([[2026, 2027], 2024]);
  });
});
