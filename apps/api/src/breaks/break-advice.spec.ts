import { DEFAULT_BREAK_POLICY } from '@vigie/domain';
import type { AgentLive, QueueLive } from '@vigie/protocol';
import { describe, expect, it } from 'vitest';
import { adviceInput, breaksUnderWay, forecastFrom, historyRates, type QueueLoadInput } from './break-advice.js';

const NOW = Date.UTC(2026, 2, 10, 10, 0, 0);
const iso = (agoSec: number) => new Date(NOW - agoSec * 1000).toISOString();

function agent(id: string, over: Partial<AgentLive> = {}): AgentLive {
  return {
    agent: id,
    name: null,
    team: 'A',
    state: 'ready',
    since: iso(60),
    pauseReason: null,
    loggedInSec: 3600,
    pausedSec: 0,
    readySec: 0,
    talkSec: 0,
    wrapupSec: 0,
    answered: 0,
    handled: 0,
    avgHandlingSec: null,
    ringNoAnswer: 0,
    ringNoAnswerInARow: 0,
    pauseByReason: {},
    pauseCountByReason: {},
    queues: ['sales'],
    levels: {},
    ...over,
  };
}

describe(breaksUnderWay.name, () => {
  it('ends a rest pause at its reason maximum, ignores work pauses, and adds granted breaks not started', () => {
    const agents = [
      agent('a1', { state: 'paused', pauseReason: 'Pause', since: iso(300) }),
      agent('a2', { state: 'paused', pauseReason: 'Formation', since: iso(300) }),
      agent('a3', { team: 'B', queues: ['support'] }),
    ];
    const granted = [
      { agent: 'a1', durationSec: 600 },
      { agent: 'a3', durationSec: 600 },
    ];
    expect(breaksUnderWay(agents, granted, DEFAULT_BREAK_POLICY, NOW)).toEqual([
      { agent: 'a1', team: 'A', queues: ['sales'], endsAtMs: NOW + 600_000 },
      { agent: 'a3', team: 'B', queues: ['support'], endsAtMs: NOW + 600_000 },
    ]);
  });
});

describe(adviceInput.name, () => {
  const loads = new Map<string, QueueLoadInput>([
    ['sales', { callsPerHour: 60, ahtSec: 180, patienceSec: null }],
    ['support', { callsPerHour: 20, ahtSec: 360, patienceSec: 120, forecastCallsPerHour: [10, 5] }],
  ]);
  const queues = [{ queue: 'support', slTargetSec: 30 } as QueueLive];

  it('counts the agents each queue can rely on, its breaks and the team breaks, the requester excepted', () => {
    const me = agent('me', { queues: ['sales', 'support'], loggedInSec: 8000, pauseByReason: { Pause: 800 } });
    const agents = [
      me,
      agent('s1'),
      agent('s2'),
      agent('p1', { state: 'paused', pauseReason: 'Pause', queues: ['support'] }),
      agent('x', { state: 'logged_out', queues: ['sales'] }),
    ];
    const breaks = [
      { agent: 'p1', team: 'A', queues: ['support'], endsAtMs: NOW + 60_000 },
      { agent: 'me', team: 'A', queues: ['sales'], endsAtMs: NOW + 1 },
    ];
    const input = adviceInput({
      now: NOW,
      policy: DEFAULT_BREAK_POLICY,
      agent: me,
      workedSinceLastBreakSec: 4000,
      agents,
      queues,
      loads,
      breaks,
    });
    expect(input.agent).toEqual({
      agent: 'me',
      team: 'A',
      workedSec: 7200,
      breakTakenSec: 800,
      workedSinceLastBreakSec: 4000,
    });
    // sales: 3 available, less the support load `me` carries (20 × 360 / 3600 = 2 erlangs, alone on support).
    expect(input.queues).toEqual([
      { queue: 'sales', load: loads.get('sales'), agents: 1, available: 3, breaksEndAtMs: [], targetSec: undefined },
      {
        queue: 'support',
        load: loads.get('support'),
        agents: 0,
        available: 1,
        breaksEndAtMs: [NOW + 60_000],
        targetSec: 30,
        forecastCallsPerHour: [10, 5],
      },
    ]);
    expect(input.teamBreaksEndAtMs).toEqual([NOW + 60_000]);
  });
});

describe(historyRates.name, () => {
  it('averages calls per hour over the weeks the queue had contacts, a missing interval counting 0', () => {
    const rates = historyRates(
      [
        { queue: 'sales', week: 1, slot: 0, offered: 10 },
        { queue: 'sales', week: 1, slot: 1, offered: 4 },
        { queue: 'sales', week: 2, slot: 0, offered: 6 },
        { queue: 'sales', week: 2, slot: 9, offered: 99 },
      ],
      2,
    );
    expect(rates).toEqual(new Map([['sales', [32, 8]]]));
  });
});

describe(forecastFrom.name, () => {
  it('blends the live rate half and half with each slot ahead, or has no forecast without history', () => {
    expect(forecastFrom(40, [0, 20, 60])).toEqual([30, 50]);
    expect(forecastFrom(40, undefined)).toBeUndefined();
  });
});
