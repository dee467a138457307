import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { agentTimesAtSince, FloorState } from '@vigie/domain';
import type { FloorSnapshot, VigieEvent } from '@vigie/protocol';
import type { Observable, Subscription } from 'rxjs';
import { EventBus } from '../bus/event-bus.js';
import { EventLogRepository } from '../events/event-log.repository.js';
import { FigureDefinitionsService } from '../figures/figure-definitions.service.js';
import { cutoverMinute, type Site } from '../sites/site.schema.js';
import { SitesService } from '../sites/sites.service.js';
import type { Floor, Frame } from './live.pipeline.js';
import { LOOKBACK_MS, SiteEngine } from './site-engine.js';

export const TICK_MS = 1000;
export const COALESCE_MS = 250;

/**
 * A step every snapshot of a site goes through after the floor computed it (e.g. alarm levels), made once per
 * engine start. It may change the snapshot it gets (a fresh object each time) and returns it.
 */
export type SnapshotStage = (
  site: Site,
  floor: FloorState,
) => Promise<(snapshot: FloorSnapshot, nowMs: number) => FloorSnapshot>;

/** Owns one live engine per site: started on boot (or on a site's first event), rebuilt from the log. */
@Injectable()
export class LiveService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LiveService.name);
  private readonly engines = new Map<string, Promise<SiteEngine<FloorSnapshot>>>();
  private busSubscription: Subscription | undefined;
  private failures = 0;
  private readonly stages: SnapshotStage[] = [];
  /** Each started engine's floor, and the rebuild in progress (one at a time per site). */
  private readonly floors = new Map<string, { state: FloorState; rebuilt: Promise<void> }>();

  constructor(
    @Inject(EventBus) private readonly bus: EventBus,
    @Inject(EventLogRepository) private readonly log: EventLogRepository,
    @Inject(SitesService) private readonly sites: SitesService,
    @Inject(FigureDefinitionsService) private readonly definitions: FigureDefinitionsService,
  ) {
    definitions.onChange((site) => this.redefine(site));
  }

  async onApplicationBootstrap(): Promise<void> {
    this.busSubscription = this.bus.committed$.subscribe((batch) => {
      this.engine(batch.site).then(
        (engine) => engine.receive(batch.events),
        (error: unknown) => this.logger.warn({ site: batch.site, err: error }, 'live engine not started'),
      );
    });
    await Promise.all((await this.sites.list()).map((site) => this.engine(site.id)));
  }

  onModuleDestroy(): void {
    this.busSubscription?.unsubscribe();
    for (const engine of this.engines.values()) {
      // An engine still starting when the app stops may fail (its database closing): nothing to stop then.
      engine.then(
        (e) => e.stop(),
        () => undefined,
      );
    }
  }

  /** Adds a snapshot stage; to be called before the application boots (in `onModuleInit`). */
  addStage(stage: SnapshotStage): void {
    this.stages.push(stage);
  }

  /** The site's engine, started (and its day replayed) on first use. */
  engine(siteId: string): Promise<SiteEngine<FloorSnapshot>> {
    let engine = this.engines.get(siteId);
    if (!engine) {
      engine = this.start(siteId);
      this.engines.set(siteId, engine);
      engine.catch(() => this.engines.delete(siteId));
    }
    return engine;
  }

  async frames(siteId: string): Promise<Observable<Frame<FloorSnapshot>>> {
    return (await this.engine(siteId)).frames$;
  }

  /** The site's figures as of now. */
  async current(siteId: string): Promise<FloorSnapshot> {
    return (await this.engine(siteId)).snapshotNow();
  }

  /** Events the domain refused since start (logged one by one). */
  failureCount(): number {
    return this.failures;
  }

  /**
   * After the site's figure definitions changed: the floor is rebuilt from the log under them and swapped in, so
   * screens and stages keep their subscriptions (docs/figures.md). Nothing to do for an engine not started.
   */
  async redefine(site: Site): Promise<void> {
    const engine = await this.engines.get(site.id)?.catch(() => undefined);
    const floor = this.floors.get(site.id);
    if (!engine || !floor) {
      return;
    }
    const rebuild = floor.rebuilt.then(() =>
      engine.rebuild(async () => {
        const next = await this.floorOf(site);
        const now = Date.now();
        let seq = 0;
        for await (const page of this.log.readRange(site.id, now - LOOKBACK_MS, now + LOOKBACK_MS)) {
          for (const stored of page) {
            try {
              next.apply(stored.event);
            } catch {
              // Refused events were counted and logged when they first came.
            }
            seq = Math.max(seq, stored.seq);
          }
        }
        floor.state.adopt(next);
        return seq;
      }),
    );
    floor.rebuilt = rebuild.catch((error: unknown) =>
      this.logger.error({ site: site.id, err: error }, 'live floor not rebuilt'),
    );
    await rebuild;
  }

  private async floorOf(site: Site): Promise<FloorState> {
    return new FloorState({
      timeZone: site.timezone,
      cutoverMinute: cutoverMinute(site),
      definitionOf: (await this.definitions.book(site)).resolve,
    });
  }

  private async start(siteId: string): Promise<SiteEngine<FloorSnapshot>> {
    const site = await this.sites.require(siteId);
    const state = await this.floorOf(site);
    this.floors.set(site.id, { state, rebuilt: Promise.resolve() });
    const steps = await Promise.all(this.stages.map((stage) => stage(site, state)));
    const current = (nowMs: number) => steps.reduce((snapshot, step) => step(snapshot, nowMs), state.snapshot(nowMs));
    const floor: Floor<FloorSnapshot> = {
      apply: (event: VigieEvent) => state.apply(event),
      // Frames carry agents' times to their last state change (screens add the running seconds): a frame then
      // changes an agent only when its state does, and patches stay small.
      snapshot: (nowMs: number) => agentTimesAtSince(current(nowMs)),
      current,
    };
    const engine = new SiteEngine(site.id, floor, {
      tickMs: TICK_MS,
      coalesceMs: COALESCE_MS,
      onError: (event, error) => {
        this.failures += 1;
        this.logger.warn({ site: site.id, event: event.id, err: error }, 'event refused by the live engine');
      },
    });
    const started = Date.now();
    let replayed = 0;
    for await (const page of this.log.readRange(site.id, started - LOOKBACK_MS, started + LOOKBACK_MS)) {
      engine.replay(page);
      replayed += page.length;
    }
    engine.goLive();
    this.logger.log({ site: site.id, replayed, ms: Date.now() - started }, 'live engine started');
    return engine;
  }
}
