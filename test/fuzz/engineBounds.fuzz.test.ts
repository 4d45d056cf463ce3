/**
 * Bounded arithmetic: the engine ends on any number a proposal may hold. Extreme, tiny and
 * many-decimal amounts either compute (rows adding up to their totals, C = A + B) or are refused
 * as a `ProposalValidationError` naming the amount's path; nothing loops and nothing else is thrown.
 */
import fc from 'fast-check';
import { AMOUNT_LIMIT, computeProposal, ProposalValidationError, roundLargestRemainder } from '../../src/engine';
import { runs } from './arbitraries';

const extreme = fc.oneof(
  fc.double({ noNaN: false }),
  fc.constantFrom(1e300, -1e300, Number.MAX_VALUE, -Number.MAX_VALUE, 1e12, -1e12, 999_999_999_999.5, 2 ** 53, Infinity, -Infinity, NaN),
  fc.double({ min: -1e-300, max: 1e-300, noNaN: true }),
  fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 1e9 + 0.123456789123),
  fc.double({ min: -1e13, max: 1e13, noNaN: true }),
);

const sane = fc.oneof(
  fc.double({ min: -AMOUNT_LIMIT, max: AMOUNT_LIMIT, noNaN: true, maxExcluded: true, minExcluded: true }),
  fc.double({ min: -1e-6, max: 1e-6, noNaN: true }),
  fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 7),
);

function proposal(amounts: number[][]) {
  return {
    title: 'Fuzz',
    priceLevel: 2025,
    years: [2025, 2026, 2027],
    effects: amounts.map((a, i) => ({
      label: `Effekt ${i + 1}`,
      unit: i % 2 ? 'TMU' : 'BUU',
      amounts: a,
      credit: { ØU: 0.25, [i % 2 ? 'TMU' : 'BUU']: 0.75 },
    })),
    operatingCosts: [{ label: 'Drift', unit: 'KS', amounts: amounts[0] ?? [0, 0, 0], financing: { ØU: 1 / 3, KS: 2 / 3 } }],
  };
}

describe('bounded arithmetic: computeProposal on extreme, tiny and many-decimal amounts', () => {
  it('an amount at or beyond ±10^12 (or not finite) is refused with its path; anything else computes balanced tables', () => {
    fc.assert(
      fc.property(fc.array(fc.array(extreme, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 4 }), (amounts) => {
        const bad = amounts.flat().some((v) => !(Math.abs(v) < AMOUNT_LIMIT));
        let result;
        try {
          result = computeProposal(proposal(amounts));
        } catch (error) {
          if (!(error instanceof ProposalValidationError)) throw error;
          expect(bad).toBe(true);
          expect(error.problems.some((p) => /^(effects|operatingCosts)\[\d+\]\.amounts\[\d\]$/.test(p.path))).toBe(true);
          return;
        }
        expect(bad).toBe(false);
        for (const key of ['A', 'B', 'C'] as const) {
          const t = result.tables[key];
          t.total.forEach((total, y) => expect(t.rows.reduce((s, r) => s + r.values[y], 0)).toBe(total));
        }
        result.tables.C.total.forEach((c, y) => expect(c).toBe(result.tables.A.total[y] + result.tables.B.total[y]));
      }),
      runs(300),
    );
  });

  it('sane amounts (|x| < 10^12, tiny, many decimals) always compute', () => {
    fc.assert(
      fc.property(fc.array(fc.array(sane, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 4 }), (amounts) => {
        const result = computeProposal(proposal(amounts));
        for (const t of Object.values(result.tables)) for (const v of t.total) expect(Number.isSafeInteger(v)).toBe(true);
      }),
      runs(300),
    );
  });
});

describe('bounded arithmetic: roundLargestRemainder ends on any input', () => {
  it('meets any safe target in at most a few passes, or refuses values too large to round', () => {
    fc.assert(
      fc.property(fc.array(extreme, { minLength: 1, maxLength: 12 }), fc.option(fc.integer({ min: -1e15, max: 1e15 })), (values, target) => {
        let out: number[];
        try {
          out = roundLargestRemainder(values, target ?? undefined);
        } catch (error) {
          expect(error).toBeInstanceOf(RangeError);
          return;
        }
        const sum = out.reduce((s, v) => s + v, 0);
        if (target !== null) expect(sum).toBe(target);
        for (const v of out) expect(Number.isFinite(v)).toBe(true);
      }),
      runs(1000),
    );
  });

  it('a target far off the sum is met exactly (every row gets whole rounds, not one unit at a time)', () => {
    expect(roundLargestRemainder([0.5, 0.25, 0.25], 3_000_000_001)).toEqual([1_000_000_001, 1_000_000_000, 1_000_000_000]);
    expect(roundLargestRemainder([0.5, 0.25, 0.25], -2_999_999_999)).toEqual([-999_999_999, -1_000_000_000, -1_000_000_000]);
    expect(() => roundLargestRemainder([1e300, 1, 2.5])).toThrow(RangeError);
  });
});
