import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { businessDay } from '@vigie/domain';
import { EventLogRepository } from '../events/event-log.repository.js';
import { cutoverMinute, type CreateSite, type Site } from './site.schema.js';
import { SitesRepository } from './sites.repository.js';

export interface SiteSummary extends Site {
  eventsToday: number;
  eventsTotal: number;
  lastEventAt: string | null;
}

/** Sites, cached in memory: ingest looks a site up on every request. */
@Injectable()
export class SitesService {
  private readonly cache = new Map<string, Site>();

  constructor(
    @Inject(SitesRepository) private readonly sites: SitesRepository,
    @Inject(EventLogRepository) private readonly events: EventLogRepository,
  ) {}

  async create(input: CreateSite, demo = false): Promise<Site> {
    const site: Site = { ...input, demo };
    if (!(await this.sites.create(site))) {
      throw new ConflictException(`site "${input.id}" already exists`);
    }
    this.cache.set(site.id, site);
    return site;
  }

  /** Creates the site unless it exists; returns the stored one. */
  async ensure(input: CreateSite, demo = false): Promise<Site> {
    await this.sites.create({ ...input, demo });
    return this.require(input.id);
  }

  async find(id: string): Promise<Site | undefined> {
    const cached = this.cache.get(id);
    if (cached) {
      return cached;
    }
    const site = await this.sites.get(id);
    if (site) {
      this.cache.set(id, site);
    }
    return site;
  }

  async require(id: string): Promise<Site> {
    const site = await this.find(id);
    if (!site) {
      throw new NotFoundException(`unknown site "${id}"`);
    }
    return site;
  }

  list(): Promise<Site[]> {
    return this.sites.list();
  }

  async summaries(nowMs: number): Promise<SiteSummary[]> {
    const sites = await this.sites.list();
    return Promise.all(
      sites.map(async (site) => {
        const counts = await this.events.counts(
          site.id,
          businessDay(nowMs, site.timezone, cutoverMinute(site)).startMs,
        );
        return { ...site, eventsToday: counts.today, eventsTotal: counts.total, lastEventAt: counts.last };
      }),
    );
  }
}
