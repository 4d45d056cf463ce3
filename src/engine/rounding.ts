/**
 * Rounding to whole 1.000 kr. Kvantum corrections must balance, so a table's rows are rounded
 * with the largest-remainder method: they add up exactly to the rounded total.
 */

// Amounts are sums of products of decimals (0.25 · 345); snapping to 1e-9 keeps binary noise
// such as 368.74999999999994 from deciding a rounding.
const SNAP = 1e9;

/** Removes floating-point noise below 1e-9. */
export function snap(value: number): number {
  const v = Math.round(value * SNAP) / SNAP;
  return v === 0 ? 0 : v;
}

/** Rounds half away from zero: 2.5 → 3, -2.5 → -3. */
export function roundHalfAway(value: number): number {
  const v = snap(value);
  const r = Math.sign(v) * Math.round(Math.abs(v));
  return r === 0 ? 0 : r;
}

/**
 * Rounds `values` to integers that add up to `target` (by default `roundHalfAway(sum)`), changing
 * each value by less than 1 when the target is that default. Integers stay as they are unless the
 * target cannot be met otherwise. Ties go to the larger magnitude, then to the earlier row.
 */
export function roundLargestRemainder(values: readonly number[], target?: number): number[] {
  const n = values.length;
  const exact = values.map((v) => snap(v));
  const out = exact.map((v) => Math.floor(v));
  const floorSum = out.reduce((a, b) => a + b, 0);
  const goal = target ?? roundHalfAway(exact.reduce((a, b) => a + b, 0));
  if (!Number.isSafeInteger(goal) || !Number.isSafeInteger(floorSum) || out.some((f) => !Number.isSafeInteger(f)) || !Number.isSafeInteger(goal - floorSum)) {
    // Beyond 2^53 whole numbers no longer step by one, and a loop handing out units would never end.
    throw new RangeError(`roundLargestRemainder: values too large to round exactly (target ${goal}, sum of floors ${floorSum})`);
  }
  if (n === 0 && goal !== 0) throw new RangeError(`roundLargestRemainder: no values to make up the target ${goal}`);
  let missing = goal - floorSum;
  // Most columns hold whole amounts already: then there is nothing to distribute. Otherwise
  // `missing` is a few units, handed out one at a time to the best remaining candidate (a sort
  // would cost more than the few passes over eleven rows).
  if (missing === 0) return out;
  const rem = exact.map((v, i) => snap(v - out[i]));
  // A target more than a round away (only an explicit target far off the sum): every row gets
  // the same whole rounds at once, so at most n units are left to hand out one by one.
  const rounds = Math.trunc(missing / n);
  if (rounds !== 0) {
    for (let i = 0; i < n; i++) out[i] += rounds;
    missing -= rounds * n;
  }
  const used = new Set<number>();
  // |missing| < n here, and each pass uses up one row: the loop ends after fewer than n passes.
  for (let pass = 0; missing !== 0 && pass < n; pass++) {
    const up = missing > 0;
    let best = -1;
    for (let i = 0; i < n; i++) {
      if (used.has(i)) continue;
      if (best < 0 || better(i, best, up)) best = i;
    }
    used.add(best);
    out[best] += up ? 1 : -1;
    missing += up ? -1 : 1;
  }
  // Whether row i (later) beats row j (the best so far, found earlier in the scan).
  function better(i: number, j: number, up: boolean): boolean {
    // Rounding up: largest remainder first, then larger magnitude, then earlier row.
    // Rounding down (a noisy target): the reverse order.
    const d = up ? rem[i] - rem[j] : rem[j] - rem[i];
    if (d !== 0) return d > 0;
    const m = up ? Math.abs(exact[i]) - Math.abs(exact[j]) : Math.abs(exact[j]) - Math.abs(exact[i]);
    if (m !== 0) return m > 0;
    // A full tie: rounding up keeps the earlier row j, rounding down moves on to the later row i.
    return !up;
  }
  // No row is -0: snap never gives it, and Math.floor and sums of whole numbers keep +0.
  return out;
}
