import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { addCounters, CONTACT_HORIZON_MS, ContactLedger, type CounterDelta } from '@vigie/domain';
import { Mutex } from 'async-mutex';
import type { Subscription } from 'rxjs';
import { EventBus } from '../bus/event-bus.js';
import { Database } from '../db/database.js';
import { EventLogRepository } from '../events/event-log.repository.js';
import { FigureDefinitionsService } from '../figures/figure-definitions.service.js';
import type { Site } from '../sites/site.schema.js';
import { SitesService } from '../sites/sites.service.js';
import { QueueStatsRepository, type BucketCounters } from './queue-stats.repository.js';

const PAGE = 20_000;
/** Events re-read (without writing) to know the contacts still open when the projector starts. */
export const LEDGER_REBUILD_EVENTS = 500_000;
/** "To the end of the log" for a time range. */
const END_OF_TIME_MS = Date.UTC(9999, 11, 31);

interface SiteProjection {
  ledger: ContactLedger;
  cursor: number;
  lock: Mutex;
}

/**
 * Keeps `queue_stats` up to date from the event log: reads the events after its cursor in commit order, folds
 * them through the domain's ContactLedger (the live floor's own), and adds the counter deltas and the new
 * cursor in one transaction, so every event counts exactly once. Reports wait for it to catch up.
 */
@Injectable()
export class RollupProjector implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RollupProjector.name);
  private readonly projections = new Map<string, Promise<SiteProjection>>();
  private subscription: Subscription | undefined;

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(EventLogRepository) private readonly log: EventLogRepository,
    @Inject(QueueStatsRepository) private readonly stats: QueueStatsRepository,
    @Inject(SitesService) private readonly sites: SitesService,
    @Inject(EventBus) private readonly bus: EventBus,
    @Inject(FigureDefinitionsService) private readonly definitions: FigureDefinitionsService,
  ) {
    definitions.onChange((site, fromMs, origin) => this.redefine(site, fromMs, origin));
  }

  onApplicationBootstrap(): void {
    this.subscription = this.bus.committed$.subscribe(({ site }) => {
      this.catchUp(site).catch((error: unknown) => this.logger.error({ site, err: error }, 'rollup failed'));
    });
  }

  /** Stops taking batches and lets a running projection finish before the database closes. */
  async onModuleDestroy(): Promise<void> {
    this.subscription?.unsubscribe();
    const open = await Promise.allSettled([...this.projections.values()]);
    const running = open.flatMap((p) => (p.status === 'fulfilled' ? [p.value.lock.waitForUnlock()] : []));
    await Promise.all(running);
  }

  /**
   * Projects every event stored so far for the site. Each batch is written under the stored cursor's row lock and
   * only if that cursor is still where this instance left it: when another instance moved it, this one's ledger is
   * stale, so it is reopened from the stored cursor and the batch read again.
   */
  async catchUp(site: string): Promise<void> {
    for (;;) {
      const opened = this.projection(site);
      const projection = await opened;
      if (projection.lock.isLocked()) {
        await projection.lock.waitForUnlock();
      }
      if (await projection.lock.runExclusive(() => this.project(site, projection))) {
        return;
      }
      this.forget(site, opened);
    }
  }

  /**
   * Projects batches until the end of the log; false when another instance had moved the cursor (nothing is
   * written, and the projection, whose ledger has seen the batch, is to be forgotten).
   */
  private async project(site: string, projection: SiteProjection): Promise<boolean> {
    for (;;) {
      const events = await this.log.readAfter(site, projection.cursor, PAGE);
      if (events.length === 0) {
        return true;
      }
      const deltas = new Map<string, BucketCounters>();
      for (const { event } of events) {
        const delta = projection.ledger.apply(event);
        if (delta) {
          accumulate(deltas, delta);
        }
      }
      const cursor = events[events.length - 1]!.seq;
      const written = await this.db.transaction(async (tx) => {
        if ((await this.stats.lockCursor(site, tx)) !== projection.cursor) {
          return false;
        }
        await this.stats.add(site, [...deltas.values()], tx);
        await this.stats.setCursor(site, cursor, tx);
        return true;
      });
      if (!written) {
        return false;
      }
      projection.cursor = cursor;
    }
  }

  /**
   * After the site's figure definitions changed from `fromMs` on: the instance that stored the change recounts
   * the rollups from then (the days before keep theirs, and the definition id they were counted with); every
   * instance continues with a ledger that follows the new definitions.
   */
  async redefine(site: Site, fromMs: number, recount: boolean): Promise<void> {
    if (!recount) {
      // Reopened from the stored cursor on next use, with the new definitions.
      const open = this.projections.get(site.id);
      await (
        await open?.catch(() => undefined)
      )?.lock.runExclusive(() => {
        if (this.projections.get(site.id) === open) {
          this.projections.delete(site.id);
        }
      });
      return;
    }
    for (;;) {
      await this.catchUp(site.id);
      const opened = this.projection(site.id);
      const projection = await opened;
      if (await projection.lock.runExclusive(() => this.recount(site, fromMs, projection))) {
        return;
      }
      this.forget(site.id, opened);
    }
  }

  /** Recounts the rollups from `fromMs` with a ledger on the new definitions; false when the cursor had moved. */
  private async recount(site: Site, fromMs: number, projection: SiteProjection): Promise<boolean> {
    const ledger = new ContactLedger(site.timezone, (await this.definitions.book(site)).resolve);
    const deltas = new Map<string, BucketCounters>();
    // From the horizon before the earlier of the new definition's start and now, so that the new ledger knows
    // every contact still open (including today's under the definitions before).
    const readFrom = Math.min(fromMs, Date.now()) - CONTACT_HORIZON_MS;
    for await (const page of this.log.readRange(site.id, readFrom, END_OF_TIME_MS)) {
      for (const { seq, event } of page) {
        const delta = seq <= projection.cursor ? ledger.apply(event) : undefined;
        if (delta && delta.bucketStartMs >= fromMs) {
          accumulate(deltas, delta);
        }
      }
    }
    const written = await this.db.transaction(async (tx) => {
      if ((await this.stats.lockCursor(site.id, tx)) !== projection.cursor) {
        return false;
      }
      await this.stats.deleteFrom(site.id, fromMs, tx);
      await this.stats.add(site.id, [...deltas.values()], tx);
      return true;
    });
    if (written) {
      projection.ledger = ledger;
    }
    return written;
  }

  /** Drops a projection this instance no longer trusts; the next use reopens it from the stored cursor. */
  private forget(site: string, opened: Promise<SiteProjection>): void {
    if (this.projections.get(site) === opened) {
      this.projections.delete(site);
    }
  }

  private projection(site: string): Promise<SiteProjection> {
    let projection = this.projections.get(site);
    if (!projection) {
      projection = this.open(site);
      this.projections.set(site, projection);
      projection.catch(() => this.projections.delete(site));
    }
    return projection;
  }

  private async open(siteId: string): Promise<SiteProjection> {
    const site = await this.sites.require(siteId);
    const ledger = new ContactLedger(site.timezone, (await this.definitions.book(site)).resolve);
    const cursor = await this.stats.cursor(site.id);
    if (cursor > 0) {
      for (const { event } of await this.log.readTail(site.id, cursor, LEDGER_REBUILD_EVENTS)) {
        ledger.apply(event);
      }
    }
    return { ledger, cursor, lock: new Mutex() };
  }
}

function accumulate(deltas: Map<string, BucketCounters>, delta: CounterDelta): void {
  const key = `${delta.queue}\u0000${delta.bucketStartMs}`;
  const existing = deltas.get(key);
  if (existing) {
    addCounters(existing.counters, delta.counters);
  } else {
    deltas.set(key, {
      queue: delta.queue,
      bucketStartMs: delta.bucketStartMs,
      definition: delta.definition,
      counters: { ...delta.counters },
    });
  }
}
