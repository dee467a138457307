import { describe, expect, it } from 'vitest';
import { logIntegralOfConcave } from './log-concave-integral.js';

function logFactorial(k: number): number {
  let sum = 0;
  for (let i = 2; i <= k; i++) {
    sum += Math.log(i);
  }
  return sum;
}

describe(logIntegralOfConcave.name, () => {
  it.each([
    { name: 'e^−v on [0, ∞)', psi: (v: number) => -v, lo: 0, hi: Infinity, guess: 0, expected: 0 },
    { name: 'e^−v on [0, 1]', psi: (v: number) => -v, lo: 0, hi: 1, guess: 0, expected: Math.log(1 - Math.exp(-1)) },
    {
      name: 'half a Gaussian',
      psi: (v: number) => (-v * v) / 2,
      lo: 0,
      hi: Infinity,
      guess: 0,
      expected: Math.log(Math.sqrt(Math.PI / 2)),
    },
    {
      name: 'a Gaussian off its centre',
      psi: (v: number) => (-((v - 50) ** 2) / 2) * 1e4,
      lo: 0,
      hi: Infinity,
      guess: 40,
      expected: Math.log(Math.sqrt(2 * Math.PI) / 100),
    },
    ...[1, 10, 1000].map((k) => ({
      name: `Γ(${k + 1}) = ∫ v^${k}·e^−v`,
      psi: (v: number) => k * Math.log(v) - v,
      lo: 0,
      hi: Infinity,
      guess: 1,
      expected: logFactorial(k),
    })),
    {
      name: 'e^(100000 − v), far beyond doubles',
      psi: (v: number) => 1e5 - v,
      lo: 0,
      hi: Infinity,
      guess: 0,
      expected: 1e5,
    },
    {
      name: 'a fast rise then a slow decay, (1 − e^−100v)·e^−v/1000',
      psi: (v: number) => Math.log(-Math.expm1(-100 * v)) - v / 1000,
      lo: 0,
      hi: Infinity,
      guess: 0,
      expected: Math.log(1000 - 1 / 100.001),
    },
  ])('integrates $name', ({ psi, lo, hi, guess, expected }) => {
    const result = logIntegralOfConcave(psi, lo, hi, { guess, scale: 0.001 });
    expect(Math.abs(result - expected)).toBeLessThan(1e-12 * Math.max(1, Math.abs(expected)));
  });

  it('gives log 0 for an empty interval', () => {
    expect(logIntegralOfConcave((v) => -v, 2, 2, { guess: 2, scale: 1 })).toBe(-Infinity);
  });
});
