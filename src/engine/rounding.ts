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
 * Rounds `values` to integers that add up to `roundHalfAway(sum)`, changing each value by less
 * than 1. Integers stay as they are. Ties go to the larger magnitude, then to the earlier row.
 */
export function roundLargestRemainder(values: readonly number[]): number[] {
  const snapped = values.map(snap);
  const exactTotal = snapped.reduce((a, b) => a + b, 0);
  const target = roundHalfAway(exactTotal);
  const floors = snapped.map(Math.floor);
  let missing = target - floors.reduce((a, b) => a + b, 0);
  const order = snapped
    .map((v, i) => ({ i, rem: snap(v - floors[i]), mag: Math.abs(v) }))
    .filter((x) => x.rem > 0)
    .sort((a, b) => b.rem - a.rem || b.mag - a.mag || a.i - b.i);
  const out = floors.slice();
  for (const { i } of order) {
    if (missing <= 0) break;
    out[i] += 1;
    missing -= 1;
  }
  return out.map((v) => (v === 0 ? 0 : v));
}
