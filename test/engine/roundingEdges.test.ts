/**
 * Largest-remainder rounding where it is easiest to get wrong: targets far from the sum, targets
 * below the sum of floors (rounding down), full ties in both directions, and amounts too large to
 * round exactly.
 */
import { roundHalfAway, roundLargestRemainder, snap } from '../../src/engine';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('roundLargestRemainder towards a target far from the sum', () => {
  it('gives every row the same whole rounds first, then hands out the rest by remainder', () => {
    expect(roundLargestRemainder([1, 1], 5)).toEqual([3, 2]);
    expect(roundLargestRemainder([0.2, 0.7, 0.1], 7)).toEqual([2, 3, 2]);
    expect(roundLargestRemainder([1, 1, 1], 10)).toEqual([4, 3, 3]);
  });

  it('takes whole rounds away when the target lies far below', () => {
    expect(roundLargestRemainder([1, 1], -3)).toEqual([-1, -2]);
    expect(roundLargestRemainder([5.5, 0.25], -4)).toEqual([1, -5]);
  });

  it('always meets the target it is given', () => {
    const values = [12.4, -3.75, 0.5, 7.125, -0.3];
    for (let target = -40; target <= 60; target += 7) expect(sum(roundLargestRemainder(values, target))).toBe(target);
  });
});

describe('roundLargestRemainder rounding down to a target below the sum of floors', () => {
  it('takes a unit from the smallest remainder first', () => {
    expect(roundLargestRemainder([1.2, 1.9], 1)).toEqual([0, 1]);
    expect(roundLargestRemainder([1.9, 1.2], 1)).toEqual([1, 0]);
    expect(roundLargestRemainder([2.9, 1.2, 0.5], 1)).toEqual([2, 0, -1]);
  });

  it('on equal remainders takes from the smaller magnitude, then from the later row', () => {
    expect(roundLargestRemainder([10.5, 0.5], 9)).toEqual([10, -1]);
    expect(roundLargestRemainder([0.5, 10.5], 9)).toEqual([-1, 10]);
    expect(roundLargestRemainder([3, 3, 3], 8)).toEqual([3, 3, 2]);
    expect(roundLargestRemainder([3, 3, 3], 7)).toEqual([3, 2, 2]);
  });
});

describe('roundLargestRemainder rounding up', () => {
  it('on equal remainders gives to the larger magnitude, then to the earlier row', () => {
    expect(roundLargestRemainder([3, 3, 3], 10)).toEqual([4, 3, 3]);
    expect(roundLargestRemainder([3, 3, 3], 11)).toEqual([4, 4, 3]);
    expect(roundLargestRemainder([-0.5, -10.5, 0.5])).toEqual([-1, -10, 0]);
    expect(roundLargestRemainder([0.25, 0.75, 0.5, 0.5])).toEqual([0, 1, 1, 0]);
  });

  it('reads a remainder after snapping away binary noise', () => {
    // 0.1 + 0.2 is 0.30000000000000004: snapped it ties with 0.3, and the earlier row wins.
    expect(roundLargestRemainder([0.1 + 0.2, 0.3, 0.2, 0.2])).toEqual([1, 0, 0, 0]);
    expect(roundLargestRemainder([0.3, 0.1 + 0.2, 0.2, 0.2])).toEqual([1, 0, 0, 0]);
    // 2.3 − 2 is 0.2999999999999998: snapped it ties with 0.3, and the larger amount wins.
    expect(roundLargestRemainder([0.3, 2.3])).toEqual([0, 3]);
    expect(roundLargestRemainder([368.74999999999994, 0.25])).toEqual([369, 0]);
  });
});

describe('roundLargestRemainder beyond whole-number precision', () => {
  const big = 2 ** 52;
  it.each([
    ['a target beyond 2^53', [big - 1, big - 1], 2 ** 53],
    ['a sum of floors beyond 2^53', [big, big], 2 ** 53 - 1],
    ['one amount beyond 2^53', [2 ** 53, -(2 ** 53)], 0],
    ['a distance to the target beyond 2^53', [-(2 ** 53 - 1), 0, 0], 2 ** 53 - 1],
  ])('refuses %s', (_, values, target) => {
    expect(() => roundLargestRemainder(values, target)).toThrow(
      new RangeError(`roundLargestRemainder: values too large to round exactly (target ${target}, sum of floors ${sum(values.map(Math.floor))})`),
    );
  });

  it('still rounds amounts of a trillion', () => {
    expect(roundLargestRemainder([1e12 + 0.5, 0.5])).toEqual([1e12 + 1, 0]);
  });
});

describe('roundLargestRemainder at zero', () => {
  it('refuses a target other than zero with no values to make it up', () => {
    expect(() => roundLargestRemainder([], 5)).toThrow(new RangeError('roundLargestRemainder: no values to make up the target 5'));
    expect(roundLargestRemainder([])).toEqual([]);
  });

  it('never gives -0, also where units are handed out to reach zero', () => {
    const zeros = [
      roundLargestRemainder([-0.5], 0),
      roundLargestRemainder([-1.5, -1.5], 0),
      roundLargestRemainder([0.4, -0.4]),
      roundLargestRemainder([1, -0.5], 0),
    ].flat();
    expect(zeros.filter((v) => v === 0).every((v) => Object.is(v, 0))).toBe(true);
    expect(zeros).toEqual([0, 0, 0, 0, 0, 1, -1]);
  });
});

describe('roundLargestRemainder when remainder and magnitude disagree', () => {
  it('goes by the remainder first', () => {
    expect(roundLargestRemainder([10.2, 0.7])).toEqual([10, 1]);
    expect(roundLargestRemainder([10.2, 0.7], 9)).toEqual([9, 0]);
  });
});

describe('snap and roundHalfAway', () => {
  it('keeps nine decimals and rounds the tenth', () => {
    expect(snap(1.123456789)).toBe(1.123456789);
    expect(snap(1.1234567894)).toBe(1.123456789);
    expect(snap(-2.0000000006)).toBe(-2.000000001);
    expect(snap(123456)).toBe(123456);
  });

  it('rounds a half after snapping, in both directions', () => {
    expect(roundHalfAway(2.4999999999)).toBe(3);
    expect(roundHalfAway(-2.4999999999)).toBe(-3);
    expect(roundHalfAway(1474.5)).toBe(1475);
    expect(roundHalfAway(-1474.5)).toBe(-1475);
    expect(roundHalfAway(-7)).toBe(-7);
  });
});
