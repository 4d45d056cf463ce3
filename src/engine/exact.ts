/**
 * Exact fractions for distributing amounts by keys. A keyed share such as 288/1342 has no exact
 * binary form; multiplying 880 by a rounded share and rounding again can move a table cell by
 * one. Amounts, bases and shares are therefore turned into fractions of big integers, every
 * table cell is summed exactly, and only the final rounding to whole 1.000 kr. leaves them.
 */

// BigInt() calls rather than literals (0n): the add-in's bundle must parse as ES2018.
const B0 = BigInt(0);
const B1 = BigInt(1);
const B2 = BigInt(2);
const B10 = BigInt(10);

/** An exact fraction `num / den` with `den > 0`, kept in lowest terms. */
export class Fraction {
  private constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}

  static readonly ZERO = new Fraction(B0, B1);
  static readonly ONE = new Fraction(B1, B1);

  static of(num: bigint, den: bigint = B1): Fraction {
    if (den === B1) return new Fraction(num, B1);
    if (den === B0) throw new RangeError('division by zero');
    if (den < B0) {
      num = -num;
      den = -den;
    }
    const g = gcd(num < B0 ? -num : num, den);
    return g === B1 ? new Fraction(num, den) : new Fraction(num / g, den / g);
  }

  /**
   * The number exactly as written in decimal: 0.1 is 1/10, not the nearest binary fraction, so a
   * share typed as 0.3 behaves as 3/10. Accepts any finite number, exponent notation included.
   */
  static fromNumber(value: number): Fraction {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    if (Number.isInteger(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER) return new Fraction(BigInt(value), B1);
    const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(value));
    if (!m) throw new RangeError(`unreadable number: ${value}`);
    const digits = BigInt(m[2] + (m[3] ?? ''));
    const exponent = Number(m[4] ?? 0) - (m[3]?.length ?? 0);
    const signed = m[1] === '-' ? -digits : digits;
    return exponent >= 0 ? Fraction.of(signed * B10 ** BigInt(exponent)) : Fraction.of(signed, B10 ** BigInt(-exponent));
  }

  /**
   * A share as the simplest fraction within floating-point noise: 0.36666666666666664 (what
   * 11 / 30 becomes in JSON) is 11/30, 0.25 is 1/4, and a share typed as 0.3333 stays 3333/10000.
   * Shares computed by division would otherwise carry their binary error into a rounding tie.
   */
  static fromShare(value: number): Fraction {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    const tolerance = 1e-12 * Math.max(1, Math.abs(value));
    // Continued-fraction convergents p/q of |value|, the first within the tolerance; bounded, as a
    // double has at most a few dozen terms before the remainder is noise.
    const x = Math.abs(value);
    let [p0, q0, p1, q1] = [0, 1, 1, 0];
    let rest = x;
    for (let i = 0; i < 64; i++) {
      const a = Math.floor(rest);
      [p0, q0, p1, q1] = [p1, q1, a * p1 + p0, a * q1 + q0];
      if (Math.abs(x - p1 / q1) <= tolerance || !Number.isSafeInteger(p1) || !Number.isSafeInteger(q1)) break;
      const frac = rest - a;
      if (frac === 0) break;
      rest = 1 / frac;
    }
    if (!Number.isSafeInteger(p1) || !Number.isSafeInteger(q1) || Math.abs(x - p1 / q1) > tolerance) return Fraction.fromNumber(value);
    return Fraction.of(BigInt(value < 0 ? -p1 : p1), BigInt(q1));
  }

  add(other: Fraction): Fraction {
    if (other.num === B0) return this;
    if (this.num === B0) return other;
    if (this.den === B1 && other.den === B1) return new Fraction(this.num + other.num, B1);
    if (this.den === other.den) return Fraction.of(this.num + other.num, this.den);
    return Fraction.of(this.num * other.den + other.num * this.den, this.den * other.den);
  }

  sub(other: Fraction): Fraction {
    return this.add(other.neg());
  }

  mul(other: Fraction): Fraction {
    if (this.num === B0 || other.num === B0) return Fraction.ZERO;
    if (other.num === B1 && other.den === B1) return this;
    return Fraction.of(this.num * other.num, this.den * other.den);
  }

  div(other: Fraction): Fraction {
    return Fraction.of(this.num * other.den, this.den * other.num);
  }

  neg(): Fraction {
    return new Fraction(-this.num, this.den);
  }

  abs(): Fraction {
    return this.num < B0 ? this.neg() : this;
  }

  sign(): -1 | 0 | 1 {
    return this.num < B0 ? -1 : this.num > B0 ? 1 : 0;
  }

  compare(other: Fraction): -1 | 0 | 1 {
    const d = this.num * other.den - other.num * this.den;
    return d < B0 ? -1 : d > B0 ? 1 : 0;
  }

  isZero(): boolean {
    return this.num === B0;
  }

  /** The largest integer ≤ this. */
  floor(): bigint {
    if (this.den === B1) return this.num;
    const q = this.num / this.den;
    return this.num < B0 && q * this.den !== this.num ? q - B1 : q;
  }

  /** Rounded half away from zero: 2.5 → 3, −2.5 → −3. */
  roundHalfAway(): number {
    const twice = Fraction.of(B2 * (this.num < B0 ? -this.num : this.num) + this.den, B2 * this.den);
    const r = Number(twice.floor());
    return this.num < B0 && r !== 0 ? -r : r;
  }

  toNumber(): number {
    return Number(this.num) / Number(this.den);
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== B0) [a, b] = [b, a % b];
  return a === B0 ? B1 : a;
}

/** Σ of fractions. */
export function sumFractions(values: Iterable<Fraction>): Fraction {
  let s = Fraction.ZERO;
  for (const v of values) s = s.add(v);
  return s;
}

/**
 * Largest-remainder rounding of exact values to integers that add up to `target`: every value
 * is first rounded down, then the missing units go to the largest remainders (ties: the larger
 * magnitude, then the earlier row). When the target lies below the rounded-down sum (only with
 * shares that do not sum exactly to 1), units are taken back from the smallest remainders.
 */
export function roundFractionsLargestRemainder(values: readonly Fraction[], target: number): number[] {
  const n = values.length;
  const floors = values.map((v) => v.floor());
  const out = floors.map(Number);
  let missing = target - out.reduce((a, b) => a + b, 0);
  // Most columns hold whole amounts: nothing to hand out, and no remainders to compare.
  if (n === 0 || missing === 0) return out.map((v) => (v === 0 ? 0 : v));
  const rem = values.map((v, i) => v.sub(Fraction.of(floors[i])));
  // A target more than a round away (only with shares that miss 1 by a little, on large amounts):
  // every row gets the same whole rounds at once, so fewer than n units are handed out one by one.
  const rounds = Math.trunc(missing / n);
  if (rounds !== 0) {
    for (let i = 0; i < n; i++) out[i] += rounds;
    missing -= rounds * n;
  }
  const used = new Array<boolean>(n).fill(false);
  const better = (i: number, j: number, up: boolean): boolean => {
    const d = up ? rem[i].compare(rem[j]) : rem[j].compare(rem[i]);
    if (d !== 0) return d > 0;
    const m = up ? values[i].abs().compare(values[j].abs()) : values[j].abs().compare(values[i].abs());
    if (m !== 0) return m > 0;
    return up ? i < j : i > j;
  };
  while (missing !== 0) {
    const up = missing > 0;
    let best = -1;
    for (let i = 0; i < n; i++) if (!used[i] && (best < 0 || better(i, best, up))) best = i;
    if (best < 0) {
      used.fill(false);
      continue;
    }
    used[best] = true;
    out[best] += up ? 1 : -1;
    missing += up ? -1 : 1;
  }
  return out.map((v) => (v === 0 ? 0 : v));
}
