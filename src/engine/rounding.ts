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
  const snapped = values.map(snap);
  const goal = target ?? roundHalfAway(snapped.reduce((a, b) => a + b, 0));
  // Most tables hold whole amounts already; then there is nothing to distribute.
  if (snapped.every(Number.isInteger) && snapped.reduce((a, b) => a + b, 0) === goal) return snapped.map((v) => (v === 0 ? 0 : v));
  const floors = snapped.map(Math.floor);
  let missing = goal - floors.reduce((a, b) => a + b, 0);
  const order = snapped
    .map((v, i) => ({ i, rem: snap(v - floors[i]), mag: Math.abs(v) }))
    .sort((a, b) => b.rem - a.rem || b.mag - a.mag || a.i - b.i);
  const out = floors.slice();
  // Normally 0 ≤ missing ≤ the number of non-integers; the loops also cope with a target off by
  // floating-point noise in the parts.
  for (let k = 0; missing > 0 && order.length > 0; k = (k + 1) % order.length) {
    out[order[k].i] += 1;
    missing -= 1;
  }
  for (let k = order.length - 1; missing < 0 && order.length > 0; k = (k - 1 + order.length) % order.length) {
    out[order[k].i] -= 1;
    missing += 1;
  }
  return out.map((v) => (v === 0 ? 0 : v));
}
