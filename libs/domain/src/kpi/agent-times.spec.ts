import type { VigieEvent } from '@vigie/protocol';
import { describe, expect, it } from 'vitest';
import { agentTimesAtSince, runningSec } from './agent-times.js';
import { FloorState } from './floor-state.js';

const T0 = Date.UTC(2026, 1, 10, 8); // 09:00 in Paris
const ev = (type: string, sec: number, fields: Record<string, unknown>) =>
  ({ type, id: `${type}${sec}`, site: 'paris', at: new Date(T0 + sec * 1000).toISOString(), ...fields }) as VigieEvent;

describe(agentTimesAtSince.name, () => {
  const floor = new FloorState({ timeZone: 'Europe/Paris' });
  [
    ev('agent.logged_in', 0, { agent: 'A', queue: 'q' }),
    ev('agent.logged_in', 0, { agent: 'B', queue: 'q' }),
    ev('agent.paused', 100, { agent: 'B', reason: 'Pause' }),
    ev('contact.queued', 200, { contactId: 'c', queue: 'q', channel: 'voice' }),
    ev('contact.answered', 210, { contactId: 'c', queue: 'q', agent: 'A', waitSec: 10 }),
  ].forEach((e) => floor.apply(e));

  it('runs agents’ times to their state change, so frames a second apart are equal', () => {
    const a = agentTimesAtSince(floor.snapshot(T0 + 300_000));
    const b = agentTimesAtSince(floor.snapshot(T0 + 301_000));
    expect(a.agentTimes).toBe('since');
    expect(a.agents).toEqual(b.agents);
    // A: ready 0–210, talking since 210. B: ready 0–100, paused since 100.
    expect(a.agents[0]).toMatchObject({ agent: 'A', loggedInSec: 210, readySec: 210, talkSec: 0 });
    expect(a.agents[1]).toMatchObject({ agent: 'B', loggedInSec: 100, readySec: 100, pausedSec: 0, pauseByReason: {} });
  });

  it('gives back the figures now when a screen adds the running seconds', () => {
    const now = floor.snapshot(T0 + 300_000);
    const since = agentTimesAtSince(now);
    const dayStart = Date.parse(now.dayStart);
    for (const [i, agent] of since.agents.entries()) {
      const running = runningSec(agent, T0 + 300_000, dayStart);
      expect(agent.loggedInSec + running).toBe(now.agents[i]?.loggedInSec);
    }
    expect(since.agents[1]!.pausedSec + runningSec(since.agents[1]!, T0 + 300_000, dayStart)).toBe(200);
    expect(now.agents[1]?.pauseByReason).toEqual({ Pause: 200 });
  });
});
