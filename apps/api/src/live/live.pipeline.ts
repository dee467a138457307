import type { VigieEvent } from '@vigie/protocol';
import {
  asyncScheduler,
  interval,
  map,
  merge,
  share,
  throttleTime,
  type OperatorFunction,
  type SchedulerLike,
} from 'rxjs';

/** What the pipeline needs of a site's floor state (libs/domain FloorState). */
export interface Floor<S> {
  apply(event: VigieEvent): void;
  /** The frame pushed to screens. */
  snapshot(nowMs: number): S;
  /** The figures as of now for a one-off read, when they differ from the frame (default: `snapshot`). */
  current?(nowMs: number): S;
}

export interface Frame<S> {
  /** 1, 2, 3… per engine: a screen that sees a gap asks for a fresh snapshot. */
  seq: number;
  snapshot: S;
}

export interface LiveOptions {
  /** A snapshot at least this often with no event, so waits and state durations move (1 s). */
  tickMs: number;
  /** At most one snapshot per this window, however many events arrive (250 ms: 4 a second). */
  coalesceMs: number;
  scheduler?: SchedulerLike;
  /** Called when an event throws in the domain: it is logged and counted, the stream goes on. */
  onError?: (event: VigieEvent, error: unknown) => void;
}

/** Applies one event; a failing event is reported and skipped, never fatal to the stream. */
function applySafely<S>(floor: Floor<S>, event: VigieEvent, onError: LiveOptions['onError']): void {
  try {
    floor.apply(event);
  } catch (error) {
    onError?.(event, error);
  }
}

/**
 * Committed event batches in, numbered snapshots out: each batch is applied to the floor at once, and
 * snapshots follow changes (coalesced) and a steady tick. Time comes from the scheduler, so tests run on
 * virtual time and replays on event time.
 */
export function liveFrames<S>(floor: Floor<S>, opts: LiveOptions): OperatorFunction<readonly VigieEvent[], Frame<S>> {
  const scheduler = opts.scheduler ?? asyncScheduler;
  return (batches$) => {
    const applied$ = batches$.pipe(
      map((batch) => {
        for (const event of batch) {
          applySafely(floor, event, opts.onError);
        }
      }),
      share(),
    );
    return merge(applied$, interval(opts.tickMs, scheduler)).pipe(
      throttleTime(opts.coalesceMs, scheduler, { leading: true, trailing: true }),
      map((_, i) => ({ seq: i + 1, snapshot: floor.snapshot(scheduler.now()) })),
    );
  };
}
