import { FloorState } from '@vigie/domain';
import type { FloorSnapshot, VigieEvent } from '@vigie/protocol';
import { map, type SchedulerLike } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { liveFrames } from './live.pipeline.js';

/** The test scheduler's virtual time, read as wall-clock time from `baseMs` on. */
function wallClock(scheduler: TestScheduler, baseMs: number): SchedulerLike {
  return { now: () => baseMs + scheduler.now(), schedule: scheduler.schedule.bind(scheduler) };
}

let n = 0;
const event = (type: VigieEvent['type'], atMs: number, fields: Record<string, unknown>): VigieEvent =>
  ({ type, id: `e${++n}`, site: 'paris', at: new Date(atMs).toISOString(), ...fields }) as VigieEvent;

/** What a wallboard reads in these tests: the day, today's answered calls, and the wait of the call on hold. */
const view = ({ snapshot }: { snapshot: FloorSnapshot }) => ({
  day: snapshot.day,
  answered: snapshot.totals.answered,
  longestWaitSec: snapshot.totals.longestWaitSec,
  intervals: snapshot.intervals.length,
});

describe('live pipeline over day boundaries (virtual time, Europe/Paris)', () => {
  it("resets today's figures at local midnight while a call waiting across it keeps its wait", () => {
    const base = Date.parse('2026-02-10T22:59:58Z'); // 23:59:58 in Paris
    const day = [
      event('contact.queued', base - 60_000, { contactId: 'c1', queue: 'standard', channel: 'voice' }),
      event('contact.answered', base - 50_000, { contactId: 'c1', queue: 'standard', agent: 'A', waitSec: 10 }),
      event('contact.queued', base - 30_000, { contactId: 'c2', queue: 'standard', channel: 'voice' }),
    ];
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    scheduler.run(({ cold, expectObservable }) => {
      const floor = new FloorState({ timeZone: 'Europe/Paris' });
      day.forEach((e) => floor.apply(e));
      const frames = cold<VigieEvent[]>('-').pipe(
        liveFrames(floor, { tickMs: 1000, coalesceMs: 250, scheduler: wallClock(scheduler, base) }),
        map(view),
      );
      expectObservable(frames, '^ 3500ms !').toBe('1000ms a 999ms b 999ms c', {
        a: { day: '2026-02-10', answered: 1, longestWaitSec: 31, intervals: 1 },
        b: { day: '2026-02-11', answered: 0, longestWaitSec: 32, intervals: 0 },
        c: { day: '2026-02-11', answered: 0, longestWaitSec: 33, intervals: 0 },
      });
    });
  });

  it('crosses the spring-forward hour of a DST day without a jump in waits', () => {
    // 29 March 2026: Paris goes from 01:59:59 (+01:00) to 03:00:00 (+02:00); the day lasts 23 hours.
    const base = Date.parse('2026-03-29T00:59:58Z'); // 01:59:58 in Paris
    const queued = event('contact.queued', base - 20_000, { contactId: 'c1', queue: 'night', channel: 'voice' });
    const answer = event('contact.answered', base + 2_000, {
      contactId: 'c1',
      queue: 'night',
      agent: 'A',
      waitSec: 22,
    });
    const held = event('contact.queued', base - 5_000, { contactId: 'c2', queue: 'night', channel: 'voice' });
    const later = event('contact.queued', base + 2_500, { contactId: 'c3', queue: 'night', channel: 'voice' });
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    scheduler.run(({ hot, expectObservable }) => {
      const floor = new FloorState({ timeZone: 'Europe/Paris' });
      [queued, held].forEach((e) => floor.apply(e));
      const batches = hot<VigieEvent[]>('2000ms a 499ms b', { a: [answer], b: [later] });
      const frames = batches.pipe(
        liveFrames(floor, { tickMs: 1000, coalesceMs: 250, scheduler: wallClock(scheduler, base) }),
        map(view),
      );
      // 01:59:59 → 03:00:00 is one second: c1 has waited 21 s, is answered at 03:00:00, and c2's wait goes on
      // 7, 8 s. c1 and c2 entered in the 01:45 interval, c3 in 03:00: two intervals, nothing in between.
      expectObservable(frames, '^ 3200ms !').toBe('1000ms a 999ms b 249ms c 249ms d 499ms e', {
        a: { day: '2026-03-29', answered: 0, longestWaitSec: 21, intervals: 1 },
        b: { day: '2026-03-29', answered: 1, longestWaitSec: 7, intervals: 1 },
        c: { day: '2026-03-29', answered: 1, longestWaitSec: 7, intervals: 1 },
        d: { day: '2026-03-29', answered: 1, longestWaitSec: 7, intervals: 2 },
        e: { day: '2026-03-29', answered: 1, longestWaitSec: 8, intervals: 2 },
      });
    });
  });
});
