import { describe, expect, it } from 'vitest';
import { allocate, divRoundHalfUp } from './rounding.js';

describe(divRoundHalfUp.name, () => {
  it.each([
    { n: 0n, d: 7n, q: 0n },
    { n: 10n, d: 4n, q: 3n }, // 2.5 → 3 (halves up)
    { n: 14n, d: 4n, q: 4n }, // 3.5 → 4
    { n: 9n, d: 4n, q: 2n }, // 2.25 → 2
    { n: 190_000n, d: 21n, q: 9048n }, // 9047.619… → 9048
  ])('rounds $n / $d to $q', ({ n, d, q }) => {
    expect(divRoundHalfUp(n, d)).toBe(q);
  });

  it('refuses a negative numerator or a zero denominator', () => {
    expect(() => divRoundHalfUp(-1n, 2n)).toThrow(RangeError);
    expect(() => divRoundHalfUp(1n, 0n)).toThrow(RangeError);
  });
});

describe(allocate.name, () => {
  it.each([
    { total: 30000, weights: [20, 12, 19], shares: [11765, 7059, 11176] },
    { total: 100, weights: [1, 1, 1], shares: [34, 33, 33] }, // a tie: the earlier index gets the cent
    { total: 10, weights: [0, 3, 0], shares: [0, 10, 0] },
    { total: 500, weights: [0, 0], shares: [0, 0] },
    { total: 0, weights: [5, 5], shares: [0, 0] },
  ])('splits $total by $weights into $shares', ({ total, weights, shares }) => {
    expect(allocate(total, weights)).toEqual(shares);
  });
});
