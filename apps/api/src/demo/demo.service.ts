import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { businessDay } from '@vigie/domain';
import { LiveSimulation } from '@vigie/simulator';
import { AuthRepository } from '../auth/auth.repository.js';
import type { Config } from '../config/config.schema.js';
import { CONFIG } from '../config/load-config.js';
import { IngestService } from '../ingest/ingest.service.js';
import { SitesService } from '../sites/sites.service.js';

export const DEMO_SITE = { id: 'demo', name: 'Démo — plateau simulé', timezone: 'Europe/Paris', cutover: '00:00' };
const HOUR = 3600_000;
const FLOOR_HOURS = 12;

interface DemoRun {
  startMs: number;
  profileStartHour: number;
  seed: number;
}

/**
 * Feeds site `demo` with a simulated floor (libs/simulator) through the normal ingest path, one second at a
 * time, after back-filling the day so far. Outside 08:00–20:00 local the floor runs shifted (its profile
 * starts at 09:00 when the demo starts), so the demo is lively at any hour. The run is kept in the database,
 * so a restart replays the same events (idempotent ids) instead of starting another floor.
 */
@Injectable()
export class DemoService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DemoService.name);
  private timer: NodeJS.Timeout | undefined;
  private simulation: LiveSimulation | undefined;
  private run: DemoRun | undefined;
  private feeding: Promise<void> | undefined;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(SitesService) private readonly sites: SitesService,
    @Inject(IngestService) private readonly ingest: IngestService,
    @Inject(AuthRepository) private readonly settings: AuthRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo.enabled) {
      return;
    }
    await this.sites.ensure(DEMO_SITE, true);
    await this.feed();
    this.timer = setInterval(() => void this.feed(), 1000);
    this.logger.log({ site: DEMO_SITE.id, scale: this.config.demo.scale }, 'demo floor running');
  }

  /** Stops feeding and lets a feed in flight finish before the database closes. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.feeding;
  }

  private feed(): Promise<void> {
    this.feeding ??= this.feedOnce().finally(() => (this.feeding = undefined));
    return this.feeding;
  }

  private async feedOnce(): Promise<void> {
    try {
      const now = Date.now();
      if (!this.simulation || !this.run || now >= this.run.startMs + FLOOR_HOURS * HOUR) {
        this.run = await this.currentRun(now);
        this.simulation = new LiveSimulation({
          site: DEMO_SITE.id,
          seed: this.run.seed,
          startMs: this.run.startMs,
          hours: FLOOR_HOURS,
          profileStartHour: this.run.profileStartHour,
          scale: this.config.demo.scale,
        });
      }
      const due = this.simulation.takeDue(now);
      if (due.length > 0) {
        await this.ingest.ingest(DEMO_SITE.id, [{ line: 1, events: due }]);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'demo feed failed; retrying');
    }
  }

  /** Today's run: the stored one while it lasts, else a new one from now. */
  private async currentRun(now: number): Promise<DemoRun> {
    const stored = await this.settings.setting<DemoRun>('demo_run');
    if (stored && now >= stored.startMs && now < stored.startMs + FLOOR_HOURS * HOUR) {
      return stored;
    }
    const day = businessDay(now, DEMO_SITE.timezone);
    const opening = day.startMs + 8 * HOUR;
    const run: DemoRun =
      now >= opening && now < opening + FLOOR_HOURS * HOUR
        ? { startMs: opening, profileStartHour: 8, seed: Number(day.date.replaceAll('-', '')) }
        : { startMs: now - 90 * 60_000, profileStartHour: 9, seed: Math.floor(now / HOUR) };
    await this.settings.db.query(
      `insert into settings (key, value) values ('demo_run', $1) on conflict (key) do update set value = excluded.value`,
      [JSON.stringify(run)],
    );
    return run;
  }
}
