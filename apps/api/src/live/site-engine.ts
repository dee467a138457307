import type { StoredEvent, VigieEvent } from '@vigie/protocol';
import { eventTime } from '@vigie/protocol';
import { Subject, shareReplay, type Observable, type SchedulerLike, type Subscription } from 'rxjs';
import { liveFrames, type Floor, type Frame } from './live.pipeline.js';

/** How far back a start-up replay reaches, and how old a live event may be to still move the floor. */
export const LOOKBACK_MS = 24 * 3600_000;
/** Events stamped further in the future than this (a wrong clock) are left to history. */
export const FUTURE_SLACK_MS = 3600_000;

export interface SiteEngineOptions {
  tickMs: number;
  coalesceMs: number;
  scheduler?: SchedulerLike;
  onError?: (event: VigieEvent, error: unknown) => void;
}

/**
 * One site's live engine: a floor state rebuilt from the log, then fed by committed batches, turned into
 * numbered snapshots (hot, the latest replayed to each new subscriber).
 */
export class SiteEngine<S> {
  readonly frames$: Observable<Frame<S>>;
  private readonly input = new Subject<readonly VigieEvent[]>();
  private readonly keepHot: Subscription;
  private lastSeq = 0;
  private replaying = true;
  private held: StoredEvent[][] = [];
  private readonly now: () => number;

  constructor(
    readonly site: string,
    private readonly floor: Floor<S>,
    private readonly opts: SiteEngineOptions,
  ) {
    this.now = () => (opts.scheduler ?? { now: () => Date.now() }).now();
    this.frames$ = this.input.pipe(liveFrames(floor, opts), shareReplay({ bufferSize: 1, refCount: true }));
    this.keepHot = this.frames$.subscribe();
  }

  /** Replays stored events (start-up), before `goLive`. */
  replay(events: readonly StoredEvent[]): void {
    for (const { seq, event } of events) {
      try {
        this.floor.apply(event);
      } catch (error) {
        this.opts.onError?.(event, error);
      }
      this.lastSeq = Math.max(this.lastSeq, seq);
    }
  }

  /** Committed events from the bus: held during the replay, then applied in commit order. */
  receive(events: readonly StoredEvent[]): void {
    if (this.replaying) {
      this.held.push([...events]);
      return;
    }
    const now = this.now();
    const fresh = events
      .filter((s) => s.seq > this.lastSeq)
      .map((s) => s.event)
      .filter((e) => {
        const at = eventTime(e);
        return at >= now - LOOKBACK_MS && at <= now + FUTURE_SLACK_MS;
      });
    this.lastSeq = Math.max(this.lastSeq, ...events.map((s) => s.seq));
    if (fresh.length > 0) {
      this.input.next(fresh);
    }
  }

  /** Ends the replay: what arrived meanwhile is applied (skipping what the replay already read). */
  goLive(): void {
    this.replaying = false;
    const held = this.held;
    this.held = [];
    for (const batch of held) {
      this.receive(batch);
    }
  }

  /**
   * Rebuilds the floor (e.g. under new figure definitions): `rebuild` reads the log into a fresh floor, swaps it
   * in and returns the last position it read; batches committed meanwhile are held, then applied skipping what it
   * read, as at start-up.
   */
  async rebuild(rebuild: () => Promise<number>): Promise<void> {
    this.replaying = true;
    try {
      this.lastSeq = Math.max(this.lastSeq, await rebuild());
    } finally {
      this.goLive();
    }
  }

  /** The floor as of now (every committed event applied), for one-off reads such as GET /live. */
  snapshotNow(): S {
    return (this.floor.current ?? this.floor.snapshot).call(this.floor, this.now());
  }

  /** Ends the frames; with the last subscriber gone, the tick stops too. */
  stop(): void {
    this.input.complete();
    this.keepHot.unsubscribe();
  }
}
