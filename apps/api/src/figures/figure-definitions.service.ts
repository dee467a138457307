import {
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { businessDay, dayBounds, FigureBook } from '@vigie/domain';
import type { CreateFigureDefinition, FigureDefinition } from '@vigie/protocol';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { AuditLog } from '../auth/audit-log.js';
import { Database } from '../db/database.js';
import { REDIS } from '../redis/redis.module.js';
import { cutoverMinute, type Site } from '../sites/site.schema.js';
import { SitesService } from '../sites/sites.service.js';
import { FigureDefinitionsRepository } from './figure-definitions.repository.js';

/** Redis channel telling the other instances that a site's definitions changed. */
export const DEFINITIONS_CHANNEL = 'vigie:figure-definitions';

/**
 * What to do when a site's definitions change from `fromMs` (the start of the new definition's first business
 * day): `origin` is true on the instance that stored the change (it recomputes shared state such as rollups),
 * false on the others (they refresh what they keep in memory).
 */
export type DefinitionsHook = (site: Site, fromMs: number, origin: boolean) => Promise<void>;

/**
 * Figure definitions per site (docs/figures.md): cached, created from today's business day on, each change
 * audited and announced to the live engine and the rollups, here and (with Redis) on the other instances.
 */
@Injectable()
export class FigureDefinitionsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(FigureDefinitionsService.name);
  private readonly cache = new Map<string, Promise<FigureDefinition[]>>();
  private readonly hooks: DefinitionsHook[] = [];
  private readonly instance = randomUUID();
  private subscriber: Redis | undefined;

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(FigureDefinitionsRepository) private readonly repo: FigureDefinitionsRepository,
    @Inject(SitesService) private readonly sites: SitesService,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(REDIS) private readonly redis: Redis | null,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.redis) {
      return;
    }
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('message', (_channel: string, message: string) => {
      this.received(message).catch((error: unknown) =>
        this.logger.error({ err: error }, 'figure definitions not reloaded'),
      );
    });
    await this.subscriber.subscribe(DEFINITIONS_CHANNEL);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit();
  }

  /** Registers what follows a change (live engine, rollups); to be called at module init. */
  onChange(hook: DefinitionsHook): void {
    this.hooks.push(hook);
  }

  /** Every version of every definition of the site, by queue then version. */
  list(siteId: string): Promise<FigureDefinition[]> {
    let defs = this.cache.get(siteId);
    if (!defs) {
      defs = this.repo.list(siteId);
      this.cache.set(siteId, defs);
      defs.catch(() => this.cache.delete(siteId));
    }
    return defs;
  }

  /** The site's definitions by queue and business day, for the domain's ContactLedger. */
  async book(site: Site): Promise<FigureBook> {
    return new FigureBook(await this.list(site.id), site.timezone, cutoverMinute(site));
  }

  /**
   * Stores a new definition. It applies from `validFrom`, which may not be before the site's current business
   * day (the past keeps the figures it was counted with); one valid from today recounts today from its start.
   */
  async create(site: Site, input: CreateFigureDefinition, actor: string, nowMs: number): Promise<FigureDefinition> {
    const cutover = cutoverMinute(site);
    const today = businessDay(nowMs, site.timezone, cutover).date;
    if (input.validFrom < today) {
      const reason = `on or after ${today}, the site's current business day: a definition never rewrites the past`;
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: `invalid body: validFrom: ${reason}`,
        details: [{ field: 'validFrom', reason }],
      });
    }
    const created = await this.db.transaction(async (tx) => {
      const row = await this.repo.insert(tx, site.id, input, actor);
      if (!row) {
        throw new ConflictException(`definition "${input.id}" already exists on site ${site.id}`);
      }
      await this.audit.record(
        { actor, action: 'figure-definition.create', target: row.id, site: site.id, after: row },
        tx,
      );
      return row;
    });
    const fromMs = dayBounds(input.validFrom, site.timezone, cutover).startMs;
    this.cache.delete(site.id);
    await this.changed(site, fromMs, true);
    await this.redis?.publish(DEFINITIONS_CHANNEL, JSON.stringify({ site: site.id, fromMs, from: this.instance }));
    return created;
  }

  private async received(message: string): Promise<void> {
    const { site, fromMs, from } = JSON.parse(message) as { site: string; fromMs: number; from: string };
    if (from === this.instance) {
      return;
    }
    this.cache.delete(site);
    const known = await this.sites.find(site);
    if (known) {
      await this.changed(known, fromMs, false);
    }
  }

  private async changed(site: Site, fromMs: number, origin: boolean): Promise<void> {
    for (const hook of this.hooks) {
      await hook(site, fromMs, origin);
    }
  }
}
