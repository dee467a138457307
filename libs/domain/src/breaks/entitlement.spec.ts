import type { VigieEvent } from '@vigie/protocol';
import { describe, expect, it } from 'vitest';
import {
  agentBreakStatus,
  applyAgentBreakEvent,
  emptyAgentBreakState,
  entitlement,
  workedFromLive,
  workedSinceLastBreak,
} from './entitlement.js';
import { DEFAULT_BREAK_POLICY as POLICY } from './policy.js';

const H = 3600;
const at = (hh: number, mm = 0): string => new Date(Date.UTC(2026, 2, 10, hh, mm)).toISOString();
const ms = (hh: number, mm = 0): number => Date.UTC(2026, 2, 10, hh, mm);
const base = { site: 'demo', agent: 'SIP/2001' };

describe(entitlement.name, () => {
  it.each([
    { worked: 4.5 * H, taken: 0, earned: 1200, remaining: 1200 },
    { worked: 4.5 * H, taken: 600, earned: 1200, remaining: 600 },
    { worked: 2 * H - 1, taken: 0, earned: 0, remaining: 0 },
    { worked: 2 * H, taken: 0, earned: 600, remaining: 600 },
    { worked: 3 * H, taken: 900, earned: 600, remaining: 0 },
    { worked: 8 * H, taken: 1800, earned: 2400, remaining: 600 },
  ])(
    'earns $earned s for $worked s worked; $taken s taken leaves $remaining s',
    ({ worked, taken, earned, remaining }) => {
      expect(entitlement(worked, taken, POLICY)).toEqual({
        earnedSec: earned,
        takenSec: taken,
        remainingSec: remaining,
      });
    },
  );
});

describe(workedFromLive.name, () => {
  it('counts training as work and only paid rest pauses as breaks taken', () => {
    const live = { loggedInSec: 5 * H, pauseByReason: { Pause: 600, Repas: 1800, Formation: 1200 } };
    expect(workedFromLive(live, POLICY)).toEqual({ workedSec: 5 * H - 2400, breakTakenSec: 600 });
  });
});

describe(applyAgentBreakEvent.name, () => {
  const day: VigieEvent[] = [
    { ...base, id: '1', type: 'agent.logged_in', at: at(8), queue: 'standard' },
    { ...base, id: '2', type: 'agent.paused', at: at(10), reason: 'Pause' },
    { ...base, id: '3', type: 'agent.ready', at: at(10, 10) },
    { ...base, id: '4', type: 'agent.paused', at: at(10, 30), reason: 'Formation' },
    { ...base, id: '5', type: 'agent.ready', at: at(11) },
    { ...base, id: '6', type: 'agent.paused', at: at(11, 30), reason: 'Pause', queue: 'standard' },
  ];
  const state = day.reduce((s, e) => applyAgentBreakEvent(s, e, POLICY), emptyAgentBreakState);

  it('counts the time worked since the last rest break, training included, queue pauses not ending work', () => {
    expect(workedSinceLastBreak(state, ms(12), POLICY)).toBe(110 * 60);
    expect(state.lastBreakEndMs).toBe(ms(10, 10));
  });

  it('reports worked time, the entitlement and no break under way', () => {
    expect(agentBreakStatus(state, ms(12), POLICY)).toEqual({
      workedSec: 230 * 60,
      workedSinceLastBreakSec: 110 * 60,
      entitlement: { earnedSec: 600, takenSec: 600, remainingSec: 0 },
      onBreak: null,
    });
  });

  it('shows a rest break under way and when its maximum runs out; an unpaid lunch draws nothing', () => {
    const lunch = applyAgentBreakEvent(
      state,
      { ...base, id: '7', type: 'agent.paused', at: at(12), reason: 'Repas' },
      POLICY,
    );
    const status = agentBreakStatus(lunch, ms(12, 20), POLICY);
    expect(status.onBreak).toEqual({ reason: 'Repas', sinceMs: ms(12), endsAtMs: ms(13) });
    expect(status).toMatchObject({ workedSec: 230 * 60, workedSinceLastBreakSec: 0, entitlement: { takenSec: 600 } });
  });

  it('stops counting while logged out', () => {
    const out = applyAgentBreakEvent(state, { ...base, id: '8', type: 'agent.logged_out', at: at(12) }, POLICY);
    expect(workedSinceLastBreak(out, ms(14), POLICY)).toBe(110 * 60);
  });
});
