import type { BreakPolicy } from '@vigie/protocol';
import { describe, expect, it } from 'vitest';
import { adviseBreak, type BreakAdviceInput, type BreakQueueInput } from './advise.js';
import { DEFAULT_BREAK_POLICY } from './policy.js';

const NOW = Date.UTC(2026, 2, 10, 9, 30);
const MIN = 60_000;

/** 100 calls per 30 minutes, 3-minute calls, 20-second target: the textbook queue (A = 10 erlangs). */
const textbook: BreakQueueInput = {
  queue: 'standard',
  load: { callsPerHour: 200, ahtSec: 180 },
  agents: 15,
  breaksEndAtMs: [],
};

function request(queue: Partial<BreakQueueInput>, more: Partial<BreakAdviceInput> = {}): BreakAdviceInput {
  return {
    now: NOW,
    policy: DEFAULT_BREAK_POLICY,
    agent: { agent: 'SIP/2001', team: 'A', workedSec: 7200, breakTakenSec: 0, workedSinceLastBreakSec: 7200 },
    queues: [{ ...textbook, ...queue }],
    ...more,
  };
}

const withPolicy = (change: Partial<BreakPolicy>): BreakPolicy => ({ ...DEFAULT_BREAK_POLICY, ...change });

describe(adviseBreak.name, () => {
  it('grants a break taking 15 agents to 14 at 80/20 (SL 0.88835 with 14)', () => {
    const advice = adviseBreak(request({ agents: 15 }));
    expect(advice).toMatchObject({ kind: 'grant', reasons: [] });
    expect(advice.queues[0]!.serviceLevelWithout).toBeCloseTo(0.88835, 5);
  });

  it('refuses a break taking 14 agents to 13 at 80/20 (SL 0.7955948 < 0.8) and shows the numbers', () => {
    const advice = adviseBreak(request({ agents: 14 }));
    expect(advice).toMatchObject({ kind: 'wait', beyondHorizon: true, minutes: 60 });
    expect(advice.reasons).toEqual([{ code: 'service-level', queue: 'standard' }, { code: 'beyond-horizon' }]);
    const figures = advice.queues[0]!;
    expect(figures).toMatchObject({ callsPerHour: 200, ahtSec: 180, agents: 14, targetSec: 20, goal: 0.8 });
    expect(figures.serviceLevelNow).toBeCloseTo(0.88835, 5);
    expect(figures.serviceLevelWithout).toBeCloseTo(0.7955948, 7);
  });

  it('gives the Erlang A abandon rate when the patience is known (14 agents, 5 min: 0.013984)', () => {
    const advice = adviseBreak(request({ agents: 14, load: { callsPerHour: 200, ahtSec: 180, patienceSec: 300 } }));
    expect(advice.queues[0]!.abandonNow).toBeCloseTo(0.013984, 6);
    expect(advice.queues[0]!.abandonWithout).toBeGreaterThan(0.013984);
    expect(adviseBreak(request({ agents: 14 })).queues[0]!.abandonNow).toBeNull();
  });

  it('says wait when the load is unstable with one agent fewer', () => {
    const advice = adviseBreak(request({ agents: 11 }));
    expect(advice.kind).toBe('wait');
    expect(advice.reasons[0]).toEqual({ code: 'unstable', queue: 'standard' });
    expect(advice.queues[0]!.serviceLevelWithout).toBeNull();
  });

  it.each([
    { worked: 9001, kind: 'overdue' },
    { worked: 9000, kind: 'wait' },
  ])('after $worked s worked without a break, says $kind despite the load', ({ worked, kind }) => {
    const agent = {
      agent: 'SIP/2001',
      team: 'A',
      workedSec: worked,
      breakTakenSec: 0,
      workedSinceLastBreakSec: worked,
    };
    const advice = adviseBreak(request({ agents: 14 }, { agent }));
    expect(advice.kind).toBe(kind);
    expect(advice.reasons[0]!.code).toBe(kind === 'overdue' ? 'overdue' : 'service-level');
  });

  describe('waiting for a better moment', () => {
    it.each([
      { name: 'the load falls to 180 calls/h in 30 min', forecast: [200, 180, 150], minutes: 30 },
      { name: 'the load falls at once', forecast: [150], minutes: 15 },
      { name: 'the load never falls within the hour', forecast: [200, 210, 220, 230, 100], minutes: 60 },
    ])('with a forecast where $name: wait $minutes min', ({ forecast, minutes }) => {
      const advice = adviseBreak(request({ agents: 14, forecastCallsPerHour: forecast }));
      expect(advice).toMatchObject({ kind: 'wait', minutes, beyondHorizon: minutes === 60 });
    });

    it('counts an agent back from a break that ends in 10 min: wait 15 min', () => {
      const advice = adviseBreak(request({ agents: 14, breaksEndAtMs: [NOW + 10 * MIN] }));
      expect(advice).toMatchObject({ kind: 'wait', minutes: 15, beyondHorizon: false });
    });
  });

  describe('policy limits', () => {
    it('waits for a team break to end when the team is at its maximum', () => {
      const policy = withPolicy({ maxSimultaneousBreaks: { perTeam: { A: 1 }, perQueue: {} } });
      const advice = adviseBreak(request({}, { policy, teamBreaksEndAtMs: [NOW + 6.5 * MIN] }));
      expect(advice).toMatchObject({ kind: 'wait', minutes: 7, reasons: [{ code: 'max-breaks-team' }] });
      expect(adviseBreak(request({}, { policy, teamBreaksEndAtMs: [] })).kind).toBe('grant');
    });

    it('waits for the second break of the queue to end when two are over its maximum of 1', () => {
      const policy = withPolicy({ maxSimultaneousBreaks: { perTeam: {}, perQueue: {}, defaultPerQueue: 1 } });
      const advice = adviseBreak(request({ agents: 20, breaksEndAtMs: [NOW + 9 * MIN, NOW + 3 * MIN] }, { policy }));
      expect(advice).toMatchObject({ kind: 'wait', minutes: 9 });
      expect(advice.reasons).toEqual([{ code: 'max-breaks-queue', queue: 'standard' }]);
      expect(advice.queues[0]).toMatchObject({ onBreak: 2, maxBreaks: 1 });
    });

    it('keeps the minimum of available agents in a queue', () => {
      const policy = withPolicy({ minReadyAgents: { perQueue: { standard: 15 }, default: 1 } });
      const advice = adviseBreak(request({ agents: 15, breaksEndAtMs: [NOW + 4 * MIN] }, { policy }));
      expect(advice).toMatchObject({ kind: 'wait', minutes: 4, reasons: [{ code: 'min-ready', queue: 'standard' }] });
      const none = adviseBreak(request({ agents: 15 }, { policy }));
      expect(none).toMatchObject({ kind: 'wait', minutes: 60, beyondHorizon: true });
    });

    it('grants a break of an overdue agent even at the limits, saying which are hit', () => {
      const policy = withPolicy({ maxSimultaneousBreaks: { perTeam: { A: 0 }, perQueue: {} } });
      const agent = { agent: 'SIP/2001', team: 'A', workedSec: 9600, breakTakenSec: 0, workedSinceLastBreakSec: 9600 };
      const advice = adviseBreak(request({}, { policy, agent }));
      expect(advice.kind).toBe('overdue');
      expect(advice.reasons.map((r) => r.code)).toEqual(['overdue', 'max-breaks-team', 'beyond-horizon']);
    });
  });

  it('takes the longest wait over every queue the agent serves', () => {
    const quiet: BreakQueueInput = {
      queue: 'vip',
      load: { callsPerHour: 20, ahtSec: 240 },
      agents: 4,
      breaksEndAtMs: [],
    };
    const input = request({ agents: 14, forecastCallsPerHour: [200, 180] });
    expect(adviseBreak({ ...input, queues: [...input.queues, quiet] })).toMatchObject({ kind: 'wait', minutes: 30 });
    expect(adviseBreak({ ...request({ agents: 15 }), queues: [textbook, quiet] }).kind).toBe('grant');
  });

  it('shows the entitlement: 4 h 30 worked, 10 min taken, 10 min left', () => {
    const agent = { agent: 'SIP/2001', team: null, workedSec: 16_200, breakTakenSec: 600, workedSinceLastBreakSec: 60 };
    expect(adviseBreak(request({}, { agent })).entitlement).toEqual({
      earnedSec: 1200,
      takenSec: 600,
      remainingSec: 600,
    });
  });
});
