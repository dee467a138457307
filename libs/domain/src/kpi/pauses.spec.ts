import type { VigieEvent } from '@vigie/protocol';
import { describe, expect, it } from 'vitest';
import { FloorState } from './floor-state.js';
import { withPausePolicy } from './pauses.js';

const T0 = Date.UTC(2026, 1, 10, 8); // 09:00 in Paris
let n = 0;
const ev = (type: string, min: number, fields: Record<string, unknown>) =>
  ({ type, id: `p${++n}`, site: 'paris', at: new Date(T0 + min * 60_000).toISOString(), ...fields }) as VigieEvent;

/** A: two breaks (09:10–09:20, 11:00–11:12); B: lunch from 12:00. */
function floor(): FloorState {
  const f = new FloorState({ timeZone: 'Europe/Paris' });
  [
    ev('agent.logged_in', 0, { agent: 'A', queue: 'q' }),
    ev('agent.logged_in', 0, { agent: 'B', queue: 'q' }),
    ev('agent.paused', 10, { agent: 'A', reason: 'Pause' }),
    ev('agent.paused', 10, { agent: 'A', queue: 'q', reason: 'Pause' }), // the per-queue echo: the same pause
    ev('agent.ready', 20, { agent: 'A' }),
    ev('agent.paused', 120, { agent: 'A', reason: 'Pause' }),
    ev('agent.ready', 132, { agent: 'A' }),
    ev('agent.paused', 180, { agent: 'B', reason: 'Repas' }),
  ].forEach((e) => f.apply(e));
  return f;
}

describe('pauses on the wall', () => {
  it('gives per reason the agents in it now, the pauses begun today and their time', () => {
    const snapshot = floor().snapshot(T0 + 210 * 60_000); // 12:30
    expect(snapshot.pauses).toEqual([
      {
        reason: 'Pause',
        agentsNow: 0,
        longestNowSec: 0,
        countToday: 2,
        totalSecToday: 600 + 720,
        maxSec: null,
        paid: null,
        overMax: 0,
      },
      {
        reason: 'Repas',
        agentsNow: 1,
        longestNowSec: 1800,
        countToday: 1,
        totalSecToday: 1800,
        maxSec: null,
        paid: null,
        overMax: 0,
      },
    ]);
  });

  it("adds the policy's maximum and paid flag, and counts the agents past the maximum", () => {
    const snapshot = floor().snapshot(T0 + 210 * 60_000);
    const policy = { Pause: { maxSec: 600, paid: true }, Repas: { maxSec: 1500, paid: false } };
    const pauses = withPausePolicy(
      snapshot.pauses,
      snapshot.agents,
      (reason) => policy[reason as keyof typeof policy],
      T0 + 210 * 60_000,
    );
    expect(pauses.map((p) => [p.reason, p.maxSec, p.paid, p.overMax])).toEqual([
      ['Pause', 600, true, 0],
      ['Repas', 1500, false, 1],
    ]);
  });
});
