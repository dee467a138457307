import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import {
  applyAgentBreakEvent,
  businessDay,
  emptyAgentBreakState,
  intervalStart,
  LoadEstimator,
  workedSinceLastBreak,
  type AgentBreakState,
  type QueueLoad,
} from '@vigie/domain';
import type { BreakPolicy, StoredEvent } from '@vigie/protocol';
import { DateTime } from 'luxon';
import type { Subscription } from 'rxjs';
import { EventBus } from '../bus/event-bus.js';
import { Database } from '../db/database.js';
import { EventLogRepository } from '../events/event-log.repository.js';
import { cutoverMinute } from '../sites/site.schema.js';
import { SitesService } from '../sites/sites.service.js';
import { forecastFrom, HISTORY_WEIGHT, historyRates, type HistoryCount, type QueueLoadInput } from './break-advice.js';

/** The load window; the replay reaches back a day (night shifts); how many previous weeks the history reads. */
const WINDOW_MS = 15 * 60_000;
const LOOKBACK_MS = 24 * 3_600_000;
const HISTORY_WEEKS = 4;

/**
 * One site's inputs that come from events: the load estimator (contact events of the last 15 minutes) and each
 * agent's work and rest breaks over the business day (for "worked since the last break").
 */
class SiteFeed {
  readonly estimator = new LoadEstimator({ windowSec: WINDOW_MS / 1000 });
  private agents = new Map<string, AgentBreakState>();
  private lastSeq = 0;
  /** Batches that arrived while the log was being read; null once live. */
  private held: StoredEvent[][] | null = [];
  private dayStartMs: number;

  constructor(
    readonly timeZone: string,
    private readonly cutoverMinute: number,
    fromMs: number,
    public policy: BreakPolicy,
  ) {
    this.dayStartMs = businessDay(fromMs, timeZone, cutoverMinute).startMs;
  }

  receive(events: StoredEvent[]): void {
    if (this.held) {
      this.held.push(events);
    } else {
      events.forEach((e) => this.apply(e));
    }
  }

  /** Applies what arrived during the replay, skipping what the replay read (by `seq`). */
  goLive(): void {
    const held = this.held ?? [];
    this.held = null;
    held.forEach((events) => events.forEach((e) => this.apply(e)));
  }

  apply({ seq, event }: StoredEvent): void {
    if (seq <= this.lastSeq) {
      return;
    }
    this.lastSeq = seq;
    this.estimator.apply(event);
    const agent = event.type.startsWith('agent.') && 'agent' in event ? event.agent : undefined;
    if (agent) {
      this.rollDay(Date.parse(event.at));
      const state = this.agents.get(agent) ?? { ...emptyAgentBreakState, accruedToMs: this.dayStartMs };
      this.agents.set(agent, applyAgentBreakEvent(state, event, this.policy));
    }
  }

  workedSinceLastBreakSec(agent: string, now: number): number {
    this.rollDay(now);
    const state = this.agents.get(agent);
    return state ? workedSinceLastBreak(state, now, this.policy) : 0;
  }

  /** A new business day (by the events' or the clock's time) starts every agent's count again; who is logged in or
   * paused carries over. */
  private rollDay(now: number): void {
    const start = businessDay(now, this.timeZone, this.cutoverMinute).startMs;
    if (start <= this.dayStartMs) {
      return;
    }
    this.dayStartMs = start;
    for (const [agent, s] of this.agents) {
      this.agents.set(agent, { ...emptyAgentBreakState, loggedIn: s.loggedIn, pause: s.pause, accruedToMs: start });
    }
  }
}

/** A queue's load for the advisor, and what it rests on (for the screen). */
export interface QueueLoadView extends QueueLoadInput {
  readonly queue: string;
  readonly basis: QueueLoad['basis'] & { readonly forecastCallsPerHour: readonly number[] | null };
}

/**
 * Per site, on first use: a feed replayed from the last 24 hours of the event log,
 * then kept live from the committed events on the bus; and the same intervals of previous weeks from the rollups.
 */
@Injectable()
export class BreakLoadService implements OnModuleInit, OnModuleDestroy {
  private readonly feeds = new Map<string, Promise<SiteFeed>>();
  private readonly history = new Map<string, { key: string; rates: Promise<Map<string, number[]>> }>();
  private subscription: Subscription | undefined;

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(EventBus) private readonly bus: EventBus,
    @Inject(EventLogRepository) private readonly log: EventLogRepository,
    @Inject(SitesService) private readonly sites: SitesService,
  ) {}

  onModuleInit(): void {
    this.subscription = this.bus.committed$.subscribe((batch) => {
      this.feeds.get(batch.site)?.then(
        (feed) => feed.receive(batch.events),
        () => undefined,
      );
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  async workedSinceLastBreakSec(site: string, agent: string, policy: BreakPolicy, now: number): Promise<number> {
    const feed = await this.feed(site, policy);
    return feed.workedSinceLastBreakSec(agent, now);
  }

  /** The load of each queue now: live rate blended with previous weeks' when they had contacts, and a forecast. */
  async loads(site: string, queues: readonly string[], policy: BreakPolicy, now: number): Promise<QueueLoadView[]> {
    const feed = await this.feed(site, policy);
    const past = await this.historyRates(site, feed.timeZone, 1 + Math.floor(policy.horizonMin / 15), now);
    return queues.map((queue) => {
      const history = past.get(queue);
      const load = feed.estimator.estimate(
        queue,
        now,
        history ? { callsPerHour: history[0]!, weight: HISTORY_WEIGHT } : undefined,
      );
      const forecast = forecastFrom(load.basis.liveCallsPerHour, history);
      return {
        queue,
        callsPerHour: load.callsPerHour,
        ahtSec: load.ahtSec,
        patienceSec: load.basis.patienceFromData ? load.patienceSec : null,
        ...(forecast ? { forecastCallsPerHour: forecast } : {}),
        basis: { ...load.basis, forecastCallsPerHour: forecast ?? null },
      };
    });
  }

  private feed(site: string, policy: BreakPolicy): Promise<SiteFeed> {
    let feed = this.feeds.get(site);
    if (!feed) {
      feed = this.start(site, policy);
      this.feeds.set(site, feed);
      feed.catch(() => this.feeds.delete(site));
    }
    return feed.then((f) => {
      f.policy = policy;
      return f;
    });
  }

  private async start(siteId: string, policy: BreakPolicy): Promise<SiteFeed> {
    const site = await this.sites.require(siteId);
    const now = Date.now();
    const feed = new SiteFeed(site.timezone, cutoverMinute(site), now - LOOKBACK_MS, policy);
    for await (const page of this.log.readRange(siteId, now - LOOKBACK_MS, now + 3_600_000)) {
      page.forEach((e) => feed.apply(e));
    }
    feed.goLive();
    return feed;
  }

  /** Offered per queue in the same 15-minute intervals (now and ahead) of the last weeks; cached per interval. */
  private historyRates(site: string, timeZone: string, slots: number, now: number): Promise<Map<string, number[]>> {
    const bucket = intervalStart(now, timeZone, 15);
    const key = `${bucket}/${slots}`;
    const cached = this.history.get(site);
    if (cached?.key === key) {
      return cached.rates;
    }
    const at = new Map<number, { week: number; slot: number }>();
    for (let week = 1; week <= HISTORY_WEEKS; week++) {
      const start = DateTime.fromMillis(bucket, { zone: timeZone }).minus({ weeks: week });
      for (let slot = 0; slot < slots; slot++) {
        at.set(start.plus({ minutes: 15 * slot }).toMillis(), { week, slot });
      }
    }
    const rates = this.db
      .query<{ queue: string; bucket_start: Date; offered: number }>(
        `select queue, bucket_start, offered from queue_stats where site = $1 and bucket_start = any($2::timestamptz[])`,
        [site, [...at.keys()].map((ms) => new Date(ms))],
      )
      .then(({ rows }) => {
        const counts: HistoryCount[] = rows.map((r) => ({
          queue: r.queue,
          offered: r.offered,
          ...at.get(r.bucket_start.getTime())!,
        }));
        return historyRates(counts, slots);
      });
    rates.catch(() => this.history.delete(site));
    this.history.set(site, { key, rates });
    return rates;
  }
}
