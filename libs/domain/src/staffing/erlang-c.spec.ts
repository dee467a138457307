import { describe, expect, it } from 'vitest';
import { erlangB } from './erlang-b.js';
import { agentsFor, erlangC, type ErlangCResult } from './erlang-c.js';
import { STAFFING_LIMITS, type StaffingResult } from './staffing-input.js';

function valueOf<T>(result: StaffingResult<T>): T {
  if (!result.ok) {
    throw new Error(`expected a value, got: ${result.error.message}`);
  }
  return result.value;
}

function expectSane(result: ErlangCResult): void {
  for (const probability of [result.probWait, result.serviceLevel, result.occupancy]) {
    expect(probability).toBeGreaterThanOrEqual(0);
    expect(probability).toBeLessThanOrEqual(1);
  }
  expect(Number.isFinite(result.asaSec)).toBe(true);
}

/** 100 calls per 30 minutes, 3-minute calls, 20-second target: the textbook example (A = 10 erlangs). */
const textbook = { callsPerHour: 200, ahtSec: 180, targetSec: 20 };

describe(erlangB.name, () => {
  it.each([
    { agents: 1, offeredLoad: 1, blocking: 0.5, digits: 12 },
    { agents: 2, offeredLoad: 1, blocking: 0.2, digits: 12 },
    { agents: 5, offeredLoad: 0, blocking: 0, digits: 12 },
    { agents: 132, offeredLoad: 123, blocking: 0.031243, digits: 6 },
  ])('gives $blocking for $agents agents offered $offeredLoad erlangs', ({ agents, offeredLoad, blocking, digits }) => {
    expect(valueOf(erlangB(agents, offeredLoad))).toBeCloseTo(blocking, digits);
  });

  it('underflows to 0 instead of overflowing when the load is tiny for 2,000 agents', () => {
    expect(valueOf(erlangB(2000, 100))).toBe(0);
  });

  it.each([
    { agents: STAFFING_LIMITS.maxAgents + 1, limit: STAFFING_LIMITS.maxAgents },
    { agents: 0, limit: undefined },
  ])('reports the cap as the limit only when agents $agents is above it', ({ agents, limit }) => {
    const result = erlangB(agents, 1);
    expect(result.ok ? undefined : result.error.limit).toBe(limit);
  });

  it.each([
    { agents: 0, offeredLoad: 1, parameter: 'agents' },
    { agents: 2.5, offeredLoad: 1, parameter: 'agents' },
    { agents: STAFFING_LIMITS.maxAgents + 1, offeredLoad: 1, parameter: 'agents' },
    { agents: 10, offeredLoad: -1, parameter: 'offeredLoad' },
    { agents: 10, offeredLoad: Number.NaN, parameter: 'offeredLoad' },
  ])('refuses agents $agents with load $offeredLoad, naming $parameter', ({ agents, offeredLoad, parameter }) => {
    expect(erlangB(agents, offeredLoad)).toMatchObject({ ok: false, error: { code: 'invalid', parameter } });
  });
});

describe(erlangC.name, () => {
  it.each([
    { agents: 11, serviceLevel: 0.3896138, slDigits: 7, probWait: 0.6821182 },
    { agents: 12, serviceLevel: 0.640158, slDigits: 6, probWait: 0.4493882 },
    { agents: 13, serviceLevel: 0.7955948, slDigits: 7, probWait: 0.2852705 },
    { agents: 14, serviceLevel: 0.88835, slDigits: 5, probWait: 0.1741319 },
  ])(
    'reproduces the published table with $agents agents: SL $serviceLevel, P(wait) $probWait',
    ({ agents, serviceLevel, slDigits, probWait }) => {
      const result = valueOf(erlangC({ ...textbook, agents }));
      expect(result.offeredLoad).toBeCloseTo(10, 12);
      expect(result.serviceLevel).toBeCloseTo(serviceLevel, slDigits);
      expect(result.probWait).toBeCloseTo(probWait, 7);
      expect(result.occupancy).toBeCloseTo(10 / agents, 12);
      expect(result.asaSec).toBeCloseTo((result.probWait * 180) / (agents - 10), 12);
    },
  );

  it('gives P(wait) 0.32112 for 123 erlangs on 132 agents', () => {
    const result = valueOf(erlangC({ callsPerHour: 2460, ahtSec: 180, agents: 132, targetSec: 20 }));
    expect(result.probWait).toBeCloseTo(0.32112, 5);
  });

  it.each([
    { before: 15, after: 14, granted: true },
    { before: 14, after: 13, granted: false },
  ])('at 80/20, a break taking $before agents to $after keeps the target: $granted', ({ after, granted }) => {
    expect(valueOf(erlangC({ ...textbook, agents: after })).serviceLevel >= 0.8).toBe(granted);
  });

  it('answers everyone at once when no call is offered', () => {
    expect(valueOf(erlangC({ ...textbook, callsPerHour: 0, agents: 1 }))).toEqual({
      offeredLoad: 0,
      probWait: 0,
      serviceLevel: 1,
      asaSec: 0,
      occupancy: 0,
    });
  });

  it.each([
    { offeredLoad: 1500, agents: 1560 },
    { offeredLoad: 1999.9, agents: 2000 },
    { offeredLoad: 100, agents: 2000 },
  ])('stays finite and sane with $offeredLoad erlangs on $agents agents', ({ offeredLoad, agents }) => {
    const result = valueOf(erlangC({ callsPerHour: offeredLoad * 20, ahtSec: 180, agents, targetSec: 20 }));
    expectSane(result);
    expect(result.probWait).toBeLessThan(1);
  });

  it.each([
    { callsPerHour: 200, agents: 10, limit: 11 },
    { callsPerHour: 210, agents: 10, limit: 11 },
    { callsPerHour: 1000, agents: 10, limit: 51 },
  ])(
    'has no steady state for $callsPerHour calls/h on $agents agents: at least $limit',
    ({ callsPerHour, agents, limit }) => {
      expect(erlangC({ ...textbook, callsPerHour, agents })).toMatchObject({
        ok: false,
        error: { code: 'unstable', parameter: 'agents', limit },
      });
    },
  );

  it.each([
    { change: { callsPerHour: -1 }, parameter: 'callsPerHour' },
    { change: { callsPerHour: Number.POSITIVE_INFINITY }, parameter: 'callsPerHour' },
    { change: { callsPerHour: 1e9 }, parameter: 'callsPerHour' },
    { change: { ahtSec: 0 }, parameter: 'ahtSec' },
    { change: { agents: 0 }, parameter: 'agents' },
    { change: { agents: 13.5 }, parameter: 'agents' },
    { change: { targetSec: -20 }, parameter: 'targetSec' },
    { change: { targetSec: Number.NaN }, parameter: 'targetSec' },
  ])('refuses $change, naming $parameter', ({ change, parameter }) => {
    const result = erlangC({ ...textbook, agents: 14, ...change });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid', parameter } });
    expect(result.ok || result.error.message.startsWith(parameter)).toBe(true);
  });
});

describe(agentsFor.name, () => {
  it('staffs the textbook queue at 80/20 with 14 agents', () => {
    expect(valueOf(agentsFor({ ...textbook, serviceLevel: 0.8 }))).toEqual({
      agents: 14,
      serviceLevel: valueOf(erlangC({ ...textbook, agents: 14 })).serviceLevel,
    });
  });

  it.each([
    { offeredLoad: 0.5, targetSec: 20, serviceLevel: 0.8 },
    { offeredLoad: 10.5, targetSec: 20, serviceLevel: 0 },
    { offeredLoad: 123, targetSec: 20, serviceLevel: 0.9 },
    { offeredLoad: 1500, targetSec: 20, serviceLevel: 0.8 },
    { offeredLoad: 1500, targetSec: 0, serviceLevel: 0.95 },
    { offeredLoad: 20_000, targetSec: 15, serviceLevel: 0.99 },
  ])(
    'finds the fewest agents for $offeredLoad erlangs at $serviceLevel within $targetSec s',
    ({ offeredLoad, targetSec, serviceLevel }) => {
      const queue = { callsPerHour: offeredLoad * 20, ahtSec: 180, targetSec };
      const { agents } = valueOf(agentsFor({ ...queue, serviceLevel }));
      expect(valueOf(erlangC({ ...queue, agents })).serviceLevel).toBeGreaterThanOrEqual(serviceLevel);
      const fewer = erlangC({ ...queue, agents: agents - 1 });
      expect(!fewer.ok || fewer.value.serviceLevel < serviceLevel).toBe(true);
    },
  );

  it('needs one agent when no call is offered', () => {
    expect(valueOf(agentsFor({ ...textbook, callsPerHour: 0, serviceLevel: 0.8 }))).toEqual({
      agents: 1,
      serviceLevel: 1,
    });
  });

  it.each([
    { change: { serviceLevel: 1 }, parameter: 'serviceLevel' },
    { change: { serviceLevel: 80 }, parameter: 'serviceLevel' },
    { change: { serviceLevel: -0.1 }, parameter: 'serviceLevel' },
    { change: { ahtSec: -180 }, parameter: 'ahtSec' },
    { change: { callsPerHour: 2e6 * 20 }, parameter: 'callsPerHour' },
  ])('refuses $change, naming $parameter', ({ change, parameter }) => {
    expect(agentsFor({ ...textbook, serviceLevel: 0.8, ...change })).toMatchObject({ ok: false, error: { parameter } });
  });

  it('says so when the target needs more agents than the limit', () => {
    const queue = { callsPerHour: (STAFFING_LIMITS.maxAgents - 1) * 20, ahtSec: 180, targetSec: 20 };
    expect(agentsFor({ ...queue, serviceLevel: 0.99 })).toMatchObject({
      ok: false,
      error: { parameter: 'serviceLevel', limit: STAFFING_LIMITS.maxAgents },
    });
  });
});
