import {
  addCounters,
  ContactLedger,
  dayBounds,
  emptyCounters,
  FIGURES,
  FloorState,
  toPeriodFigures,
  type PeriodFigures,
  type QueueCounters,
} from '@vigie/domain';
import { parseQueueLogText } from '@vigie/queue-log';
import { expectedFigures, simulate, toQueueLogLines } from '@vigie/simulator';
import { describe, expect, it } from 'vitest';

const TZ = 'Europe/Paris';
/** The figures that are whole counts (exact), as opposed to ratios and means (compared with a tolerance). */
const COUNT_FIELDS = (Object.keys(toPeriodFigures(emptyCounters())) as (keyof PeriodFigures)[]).filter(
  (f) => FIGURES[f].unit === 'count' || f === 'maxWaitSec',
);
const close = (a: number | null, b: number | null, tol: number) =>
  a === null ? b === null : b !== null && Math.abs(a - b) <= tol;

/** The figures of the domain, fed with the simulator's day, against the simulator's plain reference. */
describe('figures against an independent oracle', () => {
  const day = '2026-02-10';
  const events = simulate({ site: 'sim', seed: 11, startMs: dayBounds(day, TZ).startMs + 8 * 3600_000, scale: 2 });
  const expected = expectedFigures(events, TZ);

  it('the contact ledger (report rollups) gives every expected figure of the day', () => {
    const ledger = new ContactLedger(TZ);
    const byQueue = new Map<string, QueueCounters>();
    for (const e of events) {
      const delta = ledger.apply(e);
      if (delta) {
        const c = byQueue.get(delta.queue) ?? emptyCounters();
        addCounters(c, delta.counters);
        byQueue.set(delta.queue, c);
      }
    }
    for (const row of expected) {
      const got = toPeriodFigures(byQueue.get(row.queue)!);
      const { queue: _q, day: _d, ...figures } = row;
      expect(got).toEqual(figures);
    }
  });

  it('the live floor at the end of the day shows the same figures', () => {
    const floor = new FloorState({ timeZone: TZ });
    events.forEach((e) => floor.apply(e));
    const snapshot = floor.snapshot(dayBounds(day, TZ).endMs - 1);
    for (const row of expected) {
      const live = snapshot.queues.find((q) => q.queue === row.queue)!;
      for (const field of COUNT_FIELDS) {
        expect([row.queue, field, live[field]]).toEqual([row.queue, field, row[field]]);
      }
      expect(close(live.serviceLevel, row.serviceLevel, 1e-12)).toBe(true);
      expect(close(live.avgTalkSec, row.avgTalkSec, 1e-9)).toBe(true);
    }
  });

  it('the same day written as queue_log and parsed back gives the same voice figures', async () => {
    const parsed = await parseQueueLogText(`${toQueueLogLines(events).join('\n')}\n`, 'sim');
    expect(parsed.rejected).toEqual([]);
    const fromLog = expectedFigures(parsed.events, TZ);
    expect(fromLog).toEqual(expected.filter((r) => r.queue !== 'email'));
  });
});
