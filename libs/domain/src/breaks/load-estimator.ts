import { eventTime, type VigieEvent } from '@vigie/protocol';

/** What the estimator keeps of a contact event: when, in which queue, and the wait or handling it reports. */
export type LoadSample =
  | { readonly kind: 'arrival'; readonly queue: string; readonly atMs: number }
  /** The contact left the queue after `waitSec`: answered, abandoned, or not distributed (timeout, key…). */
  | {
      readonly kind: 'left';
      readonly queue: string;
      readonly atMs: number;
      readonly waitSec: number;
      readonly abandoned: boolean;
    }
  /** Talk + wrap-up of a conversation that ended. */
  | { readonly kind: 'handled'; readonly queue: string; readonly atMs: number; readonly handlingSec: number };

export interface LoadEstimatorOptions {
  /** Sliding window, seconds (15 min by default). */
  readonly windowSec?: number;
  /** Fewer abandons than this in the window: the patience is `defaultPatienceSec`. */
  readonly minAbandons?: number;
  readonly defaultPatienceSec?: number;
  /** Handling time when no conversation ended in the window. */
  readonly defaultAhtSec?: number;
}

export interface QueueLoad {
  readonly callsPerHour: number;
  readonly ahtSec: number;
  readonly patienceSec: number;
  /** What the figures rest on, for the screen: counts in the window and which values are defaults. */
  readonly basis: {
    readonly windowSec: number;
    readonly arrivals: number;
    readonly handled: number;
    readonly abandons: number;
    readonly liveCallsPerHour: number;
    readonly historyCallsPerHour: number | null;
    readonly ahtFromData: boolean;
    readonly patienceFromData: boolean;
  };
}

/** The arrival rate of the same interval in previous weeks, and how much of it to blend in (0 to 1). */
export interface LoadHistory {
  readonly callsPerHour: number;
  readonly weight: number;
}

const DEFAULTS: Required<LoadEstimatorOptions> = {
  windowSec: 900,
  minAbandons: 5,
  defaultPatienceSec: 300,
  defaultAhtSec: 180,
};

/**
 * Recent load per queue from contact events: arrival rate, mean handling time, and mean patience by the censored
 * exponential estimator (total time waited by every contact that left the queue ÷ abandons: answered and
 * timed-out contacts waited without giving up, so their waits count in the exposure only). Fed from the live
 * stream with `apply`, or sample by sample with `record`; samples older than the window are dropped.
 */
export class LoadEstimator {
  private readonly options: Required<LoadEstimatorOptions>;
  private readonly samples = new Map<string, LoadSample[]>();
  private firstMs: number | null = null;

  constructor(options: LoadEstimatorOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Takes the contact events that tell the load; every other event is ignored. */
  apply(event: VigieEvent, at: number = eventTime(event)): void {
    switch (event.type) {
      case 'contact.queued':
        return this.record({ kind: 'arrival', queue: event.queue, atMs: at });
      case 'contact.answered':
      case 'contact.not_distributed':
        return this.record({ kind: 'left', queue: event.queue, atMs: at, waitSec: event.waitSec, abandoned: false });
      case 'contact.abandoned':
        return this.record({ kind: 'left', queue: event.queue, atMs: at, waitSec: event.waitSec, abandoned: true });
      case 'contact.ended':
        return this.record({
          kind: 'handled',
          queue: event.queue,
          atMs: at,
          handlingSec: event.talkSec + (event.wrapupSec ?? 0),
        });
      case 'contact.transferred':
        return this.record({ kind: 'handled', queue: event.queue, atMs: at, handlingSec: event.talkSec });
      default:
        return undefined;
    }
  }

  record(sample: LoadSample): void {
    this.firstMs = Math.min(this.firstMs ?? sample.atMs, sample.atMs);
    const list = this.samples.get(sample.queue) ?? [];
    list.push(sample);
    this.samples.set(sample.queue, list);
    const from = sample.atMs - this.options.windowSec * 1000;
    while (list.length > 0 && list[0]!.atMs <= from) {
      list.shift();
    }
  }

  /** Queues seen in the window. */
  queues(): string[] {
    return [...this.samples.keys()].sort();
  }

  /**
   * The load of a queue over the window ending at `now`. Before a full window has been seen, the rate is over the
   * time observed so far. With `history`, the rate is (1 − weight)·live + weight·history.
   */
  estimate(queue: string, now: number, history?: LoadHistory): QueueLoad {
    const { windowSec, minAbandons, defaultPatienceSec, defaultAhtSec } = this.options;
    const from = now - windowSec * 1000;
    const observedSec = Math.min(windowSec, Math.max(0, (now - (this.firstMs ?? now)) / 1000));
    let arrivals = 0;
    let handled = 0;
    let handlingSec = 0;
    let abandons = 0;
    let exposureSec = 0;
    for (const s of this.samples.get(queue) ?? []) {
      if (s.atMs <= from || s.atMs > now) {
        continue;
      }
      if (s.kind === 'arrival') {
        arrivals += 1;
      } else if (s.kind === 'handled') {
        handled += 1;
        handlingSec += s.handlingSec;
      } else {
        exposureSec += s.waitSec;
        abandons += s.abandoned ? 1 : 0;
      }
    }
    const liveCallsPerHour = observedSec > 0 ? (arrivals * 3600) / observedSec : 0;
    const weight = history ? Math.min(1, Math.max(0, history.weight)) : 0;
    const patienceFromData = abandons >= minAbandons && exposureSec > 0;
    return {
      callsPerHour: (1 - weight) * liveCallsPerHour + weight * (history?.callsPerHour ?? 0),
      ahtSec: handled > 0 && handlingSec > 0 ? handlingSec / handled : defaultAhtSec,
      patienceSec: patienceFromData ? exposureSec / abandons : defaultPatienceSec,
      basis: {
        windowSec,
        arrivals,
        handled,
        abandons,
        liveCallsPerHour,
        historyCallsPerHour: history?.callsPerHour ?? null,
        ahtFromData: handled > 0 && handlingSec > 0,
        patienceFromData,
      },
    };
  }
}
