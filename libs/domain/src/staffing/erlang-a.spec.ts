import { describe, expect, it } from 'vitest';
import { erlangA, type ErlangAInput, type ErlangAResult } from './erlang-a.js';
import { erlangC } from './erlang-c.js';
import { STAFFING_LIMITS, type StaffingResult } from './staffing-input.js';

function valueOf<T>(result: StaffingResult<T>): T {
  if (!result.ok) {
    throw new Error(`expected a value, got: ${result.error.message}`);
  }
  return result.value;
}

function expectSane(result: ErlangAResult): void {
  for (const probability of [result.probWait, result.probAbandon, result.serviceLevel, result.occupancy]) {
    expect(probability).toBeGreaterThanOrEqual(0);
    expect(probability).toBeLessThanOrEqual(1);
  }
  expect(result.probAbandon).toBeLessThanOrEqual(result.probWait);
  expect(result.serviceLevel).toBeLessThanOrEqual(1 - result.probAbandon + 1e-12);
  expect(Number.isFinite(result.asaSec)).toBe(true);
}

/**
 * The model by brute force, independent of the closed form: the birth–death chain (death min(n, N)·μ +
 * max(n − N, 0)·θ) summed state by state, and the service level from a tagged caller's own chain: with k callers
 * ahead it moves to k − 1 at rate Nμ + kθ, reaches an agent from k = 0 at rate Nμ and hangs up at rate θ,
 * integrated with RK4 from the states arrivals see (PASTA) up to the target.
 */
function bruteForce({ callsPerHour, ahtSec, agents, targetSec, patienceSec }: ErlangAInput): ErlangAResult {
  const [lambda, mu, theta] = [callsPerHour / 3600, 1 / ahtSec, 1 / patienceSec];
  const weights = [1];
  for (let n = 1; n <= agents || (weights[n - 1] ?? 0) > 1e-20; n++) {
    const death = Math.min(n, agents) * mu + Math.max(n - agents, 0) * theta;
    weights.push(((weights[n - 1] ?? 0) * lambda) / death);
  }
  const total = weights.reduce((sum, w) => sum + w, 0);
  const p = weights.map((w) => w / total);
  const queued = p.slice(agents);
  const probWait = queued.reduce((sum, x) => sum + x, 0);
  const meanQueue = queued.reduce((sum, x, k) => sum + k * x, 0);
  const busy = p.reduce((sum, x, n) => sum + Math.min(n, agents) * x, 0);

  const service = agents * mu;
  const rate = (k: number): number => service + k * theta;
  // state[0]: answered so far; state[1 + k]: callers still waiting with k ahead of them.
  const derivative = (state: readonly number[]): number[] =>
    state.map((x, i) =>
      i === 0 ? service * (state[1] ?? 0) : -(rate(i - 1) + theta) * x + rate(i) * (state[i + 1] ?? 0),
    );
  const plus = (state: readonly number[], factor: number, slope: readonly number[]): number[] =>
    state.map((x, i) => x + factor * (slope[i] ?? 0));
  const h = 0.01 / (rate(queued.length) + theta);
  let state = [0, ...queued];
  for (let t = 0; t < targetSec - 1e-12; t += h) {
    const step = Math.min(h, targetSec - t);
    const k1 = derivative(state);
    const k2 = derivative(plus(state, step / 2, k1));
    const k3 = derivative(plus(state, step / 2, k2));
    const k4 = derivative(plus(state, step, k3));
    state = state.map((x, i) => x + (step / 6) * ((k1[i] ?? 0) + 2 * (k2[i] ?? 0) + 2 * (k3[i] ?? 0) + (k4[i] ?? 0)));
  }
  const answered = state[0] ?? 0;
  return {
    probWait,
    probAbandon: (theta * meanQueue) / lambda,
    serviceLevel: 1 - probWait + answered,
    asaSec: meanQueue / lambda,
    occupancy: busy / agents,
  };
}

/** The textbook queue (200 calls/h, 3-minute calls, 20 s target) on 14 agents, callers waiting 5 minutes on average. */
const textbook = { callsPerHour: 200, ahtSec: 180, agents: 14, targetSec: 20, patienceSec: 300 };

describe(erlangA.name, () => {
  it('reproduces the published textbook queue: P(abandon) 0.013984, P(wait) 0.14526', () => {
    const result = valueOf(erlangA(textbook));
    expect(result.probAbandon).toBeCloseTo(0.013984, 6);
    expect(result.probWait).toBeCloseTo(0.14526, 5);
  });

  it.each([
    { name: 'the textbook queue', input: textbook },
    {
      name: 'an overloaded queue (A = 10 on 8 agents)',
      input: { ...textbook, agents: 8, targetSec: 30, patienceSec: 120 },
    },
    {
      name: 'impatient callers',
      input: { callsPerHour: 300, ahtSec: 240, agents: 22, targetSec: 15, patienceSec: 10 },
    },
    { name: 'patient callers', input: { callsPerHour: 50, ahtSec: 300, agents: 5, targetSec: 60, patienceSec: 3600 } },
    { name: 'a single agent', input: { callsPerHour: 30, ahtSec: 100, agents: 1, targetSec: 10, patienceSec: 60 } },
    { name: 'a zero target', input: { ...textbook, targetSec: 0 } },
  ])('matches the birth–death chain summed state by state for $name', ({ input }) => {
    const result = valueOf(erlangA(input));
    const reference = bruteForce(input);
    expect(result.probWait).toBeCloseTo(reference.probWait, 10);
    expect(result.probAbandon).toBeCloseTo(reference.probAbandon, 10);
    expect(result.asaSec).toBeCloseTo(reference.asaSec, 8);
    expect(result.occupancy).toBeCloseTo(reference.occupancy, 10);
    expect(result.serviceLevel).toBeCloseTo(reference.serviceLevel, 9);
  });

  it.each([1e6, 1e8, 1e10, 1e12])(
    'tends to Erlang C as patience grows: %d s, within 1,000 s / patience',
    (patienceSec) => {
      const result = valueOf(erlangA({ ...textbook, patienceSec }));
      const withoutAbandonment = valueOf(erlangC(textbook));
      const tolerance = 1000 / patienceSec;
      expect(result.probAbandon).toBeLessThan(tolerance);
      expect(Math.abs(result.probWait - withoutAbandonment.probWait)).toBeLessThan(tolerance);
      expect(Math.abs(result.serviceLevel - withoutAbandonment.serviceLevel)).toBeLessThan(tolerance);
      expect(Math.abs(result.occupancy - withoutAbandonment.occupancy)).toBeLessThan(tolerance);
      expect(Math.abs(result.asaSec / withoutAbandonment.asaSec - 1)).toBeLessThan(tolerance);
    },
  );

  it.each([
    {
      name: '1,500 erlangs on 1,400 agents',
      input: { callsPerHour: 30_000, ahtSec: 180, agents: 1400, targetSec: 20, patienceSec: 300 },
    },
    {
      name: '1,500 erlangs on 1,560 agents',
      input: { callsPerHour: 30_000, ahtSec: 180, agents: 1560, targetSec: 20, patienceSec: 300 },
    },
    {
      name: '2,100 erlangs on 2,000 patient agents',
      input: { callsPerHour: 42_000, ahtSec: 180, agents: 2000, targetSec: 20, patienceSec: 1e6 },
    },
    {
      name: 'a tenfold overload',
      input: { callsPerHour: 2000, ahtSec: 180, agents: 10, targetSec: 20, patienceSec: 60 },
    },
    {
      name: 'one-second patience',
      input: { callsPerHour: 200, ahtSec: 7200, agents: 300, targetSec: 20, patienceSec: 1 },
    },
    {
      name: '100 erlangs on 2,000 agents',
      input: { callsPerHour: 2000, ahtSec: 180, agents: 2000, targetSec: 20, patienceSec: 300 },
    },
    {
      name: 'the load limit on one agent',
      input: { callsPerHour: 2e6, ahtSec: 180, agents: 1, targetSec: 20, patienceSec: 86_400 },
    },
  ])('stays finite and consistent for $name', ({ input }) => {
    const result = valueOf(erlangA(input));
    expectSane(result);
    const offeredLoad = (input.callsPerHour * input.ahtSec) / 3600;
    expect(result.probAbandon).toBeGreaterThanOrEqual(1 - input.agents / offeredLoad - 1e-12);
  });

  it('answers every caller who does not abandon when the target is endless, and at once when it is 0', () => {
    const result = valueOf(erlangA(textbook));
    expect(valueOf(erlangA({ ...textbook, targetSec: 1e9 })).serviceLevel).toBeCloseTo(1 - result.probAbandon, 14);
    expect(valueOf(erlangA({ ...textbook, targetSec: 0 })).serviceLevel).toBeCloseTo(1 - result.probWait, 14);
  });

  it('gives the mean wait of all callers as patience × P(abandon)', () => {
    const result = valueOf(erlangA(textbook));
    expect(result.asaSec).toBeCloseTo(result.probAbandon * textbook.patienceSec, 12);
  });

  it('answers everyone at once when no call is offered', () => {
    expect(valueOf(erlangA({ ...textbook, callsPerHour: 0 }))).toEqual({
      probWait: 0,
      probAbandon: 0,
      serviceLevel: 1,
      asaSec: 0,
      occupancy: 0,
    });
  });

  it.each([
    { change: { patienceSec: 0 }, parameter: 'patienceSec' },
    { change: { patienceSec: Number.POSITIVE_INFINITY }, parameter: 'patienceSec' },
    { change: { callsPerHour: Number.NaN }, parameter: 'callsPerHour' },
    { change: { callsPerHour: (STAFFING_LIMITS.maxOfferedLoad + 1) * 20 }, parameter: 'callsPerHour' },
    { change: { agents: -3 }, parameter: 'agents' },
    { change: { targetSec: -1 }, parameter: 'targetSec' },
    { change: { ahtSec: 0 }, parameter: 'ahtSec' },
  ])('refuses $change, naming $parameter', ({ change, parameter }) => {
    expect(erlangA({ ...textbook, ...change })).toMatchObject({ ok: false, error: { code: 'invalid', parameter } });
  });
});
