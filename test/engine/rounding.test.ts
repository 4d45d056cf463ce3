/**
 * Rounding and payback at their edges, through the public surface.
 */
import { computeProposal, roundHalfAway, roundLargestRemainder, snap } from '../../src/engine';
import { emptyProposal } from '../support/proposals';

describe('roundHalfAway', () => {
  it.each([
    [2.5, 3],
    [-2.5, -3],
    [2.4999, 2],
    [-0.4, 0],
    [0.5, 1],
    [-0.5, -1],
    [368.74999999999994, 369], // binary noise of 0.25 · 1475 snaps to .75
    [-368.75, -369],
    [7, 7],
  ])('%d → %d', (x, want) => {
    expect(Object.is(roundHalfAway(x), want)).toBe(true);
  });

  it('never gives -0', () => {
    expect(Object.is(roundHalfAway(-0.2), 0)).toBe(true);
    expect(Object.is(snap(-1e-12), 0)).toBe(true);
    expect(snap(1.0000000001)).toBe(1);
    expect(snap(0.1 + 0.2)).toBe(0.3);
  });
});

describe('roundLargestRemainder', () => {
  it('hands the missing units to the largest remainders', () => {
    expect(roundLargestRemainder([0.6, 0.3, 0.1])).toEqual([1, 0, 0]);
    expect(roundLargestRemainder([1.5, 1.5, 1.5, 1.5])).toEqual([2, 2, 1, 1]);
    expect(roundLargestRemainder([-333.3333, -333.3333, -333.3334])).toEqual([-333, -333, -334]);
  });

  it('breaks ties by the larger magnitude, then by the earlier row', () => {
    expect(roundLargestRemainder([0.5, 10.5])).toEqual([0, 11]);
    expect(roundLargestRemainder([10.5, 0.5])).toEqual([11, 0]);
    expect(roundLargestRemainder([0.5, 0.5, 0.5, 0.5])).toEqual([1, 1, 0, 0]);
    expect(roundLargestRemainder([-0.5, -0.5])).toEqual([0, -1]);
  });

  it('keeps whole values and meets a given target, also one below the sum', () => {
    expect(roundLargestRemainder([3, -2, 0])).toEqual([3, -2, 0]);
    expect(roundLargestRemainder([0.4, 0.4, 0.4], 2)).toEqual([1, 1, 0]);
    expect(roundLargestRemainder([0.6, 0.7, 0.2], 0)).toEqual([0, 0, 0]);
    expect(roundLargestRemainder([1.2, 1.9], 2)).toEqual([1, 1]);
    expect(roundLargestRemainder([1, 1], 4)).toEqual([2, 2]);
    expect(roundLargestRemainder([], 0)).toEqual([]);
    expect(roundLargestRemainder([-0.2, 0.2]).map((v) => Object.is(v, -0))).toEqual([false, false]);
  });
});

describe('payback edges', () => {
  it('is paid back in the year the cumulative impact reaches exactly 0', () => {
    const r = computeProposal({
      ...emptyProposal(),
      effects: [{ label: 'a', unit: 'TMU', amounts: [0, -5, -5] }],
      investments: [{ label: 'i', kind: 'anlæg', unit: 'TMU', amounts: [10, 0, 0] }],
    });
    expect(r.summary.economicImpact).toEqual([10, -5, -5]);
    expect(r.summary.payback).toEqual({ years: 3, year: 2027 });
  });

  it('counts from the first year with an effect, cost or investment, not a transfer', () => {
    const r = computeProposal({
      ...emptyProposal(),
      transfers: [{ label: 't', from: 'KIT', to: 'TMU', amounts: [100, 100, 100] }],
      effects: [{ label: 'a', unit: 'TMU', amounts: [0, -5, -5] }],
    });
    expect(r.summary.payback).toEqual({ years: 1, year: 2026 });
  });

  it('a saving from year 1 pays back at once', () => {
    const r = computeProposal({ ...emptyProposal(), effects: [{ label: 'a', unit: 'TMU', amounts: [-1, 0, 0] }] });
    expect(r.summary.payback).toEqual({ years: 1, year: 2025 });
  });
});

describe('per-cell rounding', () => {
  it('rounds B from the exact C − A and reports each table and year whose rows miss the total', () => {
    const r = computeProposal(
      { ...emptyProposal(), effects: [{ label: 'a', unit: 'ØU', amounts: [-1000, -10, 0], credit: { KFU: 1 / 3, BUU: 1 / 3, SU: 1 / 3 } }] },
      { rounding: 'cell' },
    );
    const row = (t: 'A' | 'B' | 'C', u: string) => r.tables[t].rows.find((x) => x.unit === u)!.values;
    expect(row('A', 'KFU')).toEqual([-333, -3, 0]);
    expect(row('B', 'KFU')).toEqual([333, 3, 0]);
    expect(row('B', 'ØU')).toEqual([-1000, -10, 0]);
    expect(r.tables.B.total).toEqual([0, 0, 0]);
    expect(r.findings.map((f) => [f.params.table, f.params.year, f.expected, f.actual, f.range, f.cell])).toEqual([
      ['A', 2025, -1000, -999, null, ''],
      ['A', 2026, -10, -9, null, ''],
      ['B', 2025, 0, -1, null, ''],
      ['B', 2026, 0, -1, null, ''],
    ]);
    expect(r.findings[0].message).toBe('Med celle-afrunding summerer rækkerne i Tabel A 2025 til -999, men totalen er -1.000.');
  });

  it('total rounding reports nothing and keeps C = A + B', () => {
    const r = computeProposal({
      ...emptyProposal(),
      effects: [{ label: 'a', unit: 'ØU', amounts: [-1000, -10, 0], credit: { KFU: 1 / 3, BUU: 1 / 3, SU: 1 / 3 } }],
    });
    expect(r.findings).toEqual([]);
    expect(r.priceLevel).toBe(2025);
    expect(r.years).toEqual([2025, 2026, 2027]);
  });
});
