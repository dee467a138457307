import { dayBounds, FloorState } from '@vigie/domain';
import { expectedPauses, simulate } from '@vigie/simulator';
import { describe, expect, it } from 'vitest';

const TZ = 'Europe/Paris';

/**
 * The pauses on the wall (issue 8, point 4) over a simulated day, against the simulator's plain reference: every
 * agent takes its breaks ('Pause', 'Formation') and a meal ('Repas'), some running across the instants read.
 */
describe('pause figures on a simulated day against an independent reference', () => {
  const day = '2026-02-10';
  const { startMs, endMs } = dayBounds(day, TZ);
  const events = simulate({ site: 'sim', seed: 7, startMs: startMs + 8 * 3600_000, scale: 2 });
  const floor = new FloorState({ timeZone: TZ });
  let applied = 0;
  const readAt = (atMs: number) => {
    while (applied < events.length && Date.parse(events[applied]!.at) <= atMs) {
      floor.apply(events[applied]!);
      applied += 1;
    }
    return floor.snapshot(atMs).pauses;
  };

  it('the simulated day has pauses of three reasons, some running at each instant read', () => {
    const reasons = new Set(events.flatMap((e) => (e.type === 'agent.paused' ? [e.reason] : [])));
    expect([...reasons].sort()).toEqual(['Formation', 'Pause', 'Repas']);
  });

  for (const hhmm of ['10:00', '12:47', '14:30', '17:05', '23:59']) {
    it(`at ${hhmm}, per reason: agents in it now, the longest, count and total today`, () => {
      const [h, m] = hhmm.split(':').map(Number);
      const atMs = Math.min(endMs - 1, startMs + (h! * 60 + m!) * 60_000);
      const got = readAt(atMs);
      const expected = expectedPauses(events, startMs, atMs);
      expect(got.map((p) => p.reason)).toEqual(expected.map((p) => p.reason));
      for (const want of expected) {
        const live = got.find((p) => p.reason === want.reason)!;
        expect({ reason: live.reason, agentsNow: live.agentsNow, longestNowSec: live.longestNowSec }).toEqual({
          reason: want.reason,
          agentsNow: want.agentsNow,
          longestNowSec: want.longestNowSec,
        });
        expect(live.countToday).toBe(want.countToday);
        // The wall counts whole seconds per pause; the reference sums exact times: within a second per pause.
        expect(Math.abs(live.totalSecToday - want.totalSecToday)).toBeLessThanOrEqual(want.countToday + want.agentsNow);
      }
    });
  }
});
