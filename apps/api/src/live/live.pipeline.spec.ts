import type { VigieEvent } from '@vigie/protocol';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { liveFrames, type Floor } from './live.pipeline.js';

/** Counts applied events; its snapshot is the count and the time asked for. */
class CountingFloor implements Floor<{ applied: number; at: number }> {
  applied = 0;
  apply(event: VigieEvent): void {
    if (event.id === 'boom') {
      throw new Error('broken event');
    }
    this.applied += 1;
  }
  snapshot(nowMs: number) {
    return { applied: this.applied, at: nowMs };
  }
}

const ev = (id: string): VigieEvent => ({
  type: 'agent.ready',
  id,
  site: 'demo',
  at: '2026-03-10T08:00:00Z',
  agent: 'a1',
});
const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe(liveFrames.name, () => {
  it('ticks every second with no event, so durations move', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      const floor = new CountingFloor();
      const frames = cold<VigieEvent[]>('-').pipe(liveFrames(floor, { tickMs: 1000, coalesceMs: 250 }));
      expectObservable(frames, '^ 2500ms !').toBe('1000ms a 999ms b', {
        a: { seq: 1, snapshot: { applied: 0, at: 1000 } },
        b: { seq: 2, snapshot: { applied: 0, at: 2000 } },
      });
    });
  });

  it('applies a batch at once and coalesces a burst to one leading and one trailing snapshot', () => {
    newScheduler().run(({ hot, expectObservable }) => {
      const floor = new CountingFloor();
      const batches = hot<VigieEvent[]>('100ms a 49ms b 49ms c', { a: [ev('1'), ev('2')], b: [ev('3')], c: [ev('4')] });
      expectObservable(batches.pipe(liveFrames(floor, { tickMs: 10_000, coalesceMs: 250 })), '^ 600ms !').toBe(
        '100ms x 249ms y',
        { x: { seq: 1, snapshot: { applied: 2, at: 100 } }, y: { seq: 2, snapshot: { applied: 4, at: 350 } } },
      );
    });
  });

  it('never sends more than one snapshot per coalescing window, ticks included', () => {
    newScheduler().run(({ hot, expectObservable }) => {
      const floor = new CountingFloor();
      const batches = hot<VigieEvent[]>('990ms a 19ms b', { a: [ev('1')], b: [ev('2')] });
      expectObservable(batches.pipe(liveFrames(floor, { tickMs: 1000, coalesceMs: 250 })), '^ 1300ms !').toBe(
        '990ms x 249ms y',
        { x: { seq: 1, snapshot: { applied: 1, at: 990 } }, y: { seq: 2, snapshot: { applied: 2, at: 1240 } } },
      );
    });
  });

  it('logs and skips an event that throws; the stream goes on', () => {
    const failures: string[] = [];
    newScheduler().run(({ hot, expectObservable }) => {
      const floor = new CountingFloor();
      const batches = hot<VigieEvent[]>('10ms a', { a: [ev('1'), ev('boom'), ev('2')] });
      const frames = batches.pipe(
        liveFrames(floor, { tickMs: 1000, coalesceMs: 250, onError: (e) => failures.push(e.id) }),
      );
      expectObservable(frames, '^ 1100ms !').toBe('10ms x 989ms y', {
        x: { seq: 1, snapshot: { applied: 2, at: 10 } },
        y: { seq: 2, snapshot: { applied: 2, at: 1000 } },
      });
    });
    expect(failures).toEqual(['boom']);
  });
});
