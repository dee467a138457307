/**
 * Integer arithmetic for scores and money. Every amount is computed exactly (bigint numerators and denominators)
 * and rounded once, at the end of its line:
 * - scores and money lines: to the nearest integer, halves up (`divRoundHalfUp`). Every quantity here is ≥ 0, so
 *   "half up" is the spreadsheet's ROUND(): HR can check any line by hand, and the bias (≤ ½ cent per line, once)
 *   is immaterial against half-even's harder-to-explain "79.5 → 80 but 80.5 → 80".
 * - shares of a fixed total (a collective pool, a period cap): largest remainder (`allocate`), so the shares add up
 *   to the total exactly and no cent is created or lost.
 */

/** `n / d` rounded to the nearest integer, halves up; `n ≥ 0`, `d > 0`. */
export function divRoundHalfUp(n: bigint, d: bigint): bigint {
  if (n < 0n || d <= 0n) {
    throw new RangeError(`divRoundHalfUp expects n ≥ 0 and d > 0, got ${n}/${d}`);
  }
  const q = n / d;
  return 2n * (n % d) >= d ? q + 1n : q;
}

/**
 * Splits `total` in proportion to `weights` (non-negative integers): each share is floored, then the units left
 * go one each to the largest remainders, ties to the earlier index (callers sort by agent id). The shares add up
 * to `total` exactly and none exceeds its exact value by a unit or more. All weights 0: every share is 0.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + BigInt(w), 0n);
  if (sum === 0n) {
    return weights.map(() => 0);
  }
  const exact = weights.map((w) => BigInt(total) * BigInt(w));
  const shares = exact.map((e) => e / sum);
  let left = BigInt(total) - shares.reduce((a, s) => a + s, 0n);
  const order = exact
    .map((e, i) => ({ i, remainder: e % sum }))
    .sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) {
      break;
    }
    shares[i] = (shares[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return shares.map(Number);
}
