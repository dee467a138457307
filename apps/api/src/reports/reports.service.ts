import { Inject, Injectable } from '@nestjs/common';
import {
  businessDay,
  dayBounds,
  emptyCounters,
  formatOffsetIso,
  intervalStart,
  mergeCounters,
  toPeriodFigures,
  type PeriodFigures,
  type QueueCounters,
} from '@vigie/domain';
import { cutoverMinute, type Site } from '../sites/site.schema.js';
import { QueueStatsRepository } from './queue-stats.repository.js';
import type { QueueReportQuery } from './reports.schema.js';
import { RollupProjector } from './rollup.projector.js';

/**
 * A report row: the contract's figures, the id of the figure definition its contacts were counted with, and how
 * many of `received` that definition left out of the ratios (docs/figures.md).
 */
export type QueueReportRow = { queue: string; start: string } & PeriodFigures & {
    definition: string;
    excludedFromRatios: number;
  };

export interface QueueReport {
  site: string;
  timezone: string;
  interval: QueueReportQuery['interval'];
  rows: QueueReportRow[];
}

const MINUTES = { hour: 60, '30m': 30, '15m': 15 } as const;

/** Reports from the rollups, with the figure definitions of libs/domain (the ones the live engine uses). */
@Injectable()
export class ReportsService {
  constructor(
    @Inject(QueueStatsRepository) private readonly stats: QueueStatsRepository,
    @Inject(RollupProjector) private readonly projector: RollupProjector,
  ) {}

  async queues(site: Site, query: QueueReportQuery): Promise<QueueReport> {
    await this.projector.catchUp(site.id);
    const cutover = cutoverMinute(site);
    const fromMs = dayBounds(query.from, site.timezone, cutover).startMs;
    const toMs = dayBounds(query.to, site.timezone, cutover).endMs;
    const periodOf = (bucketMs: number) =>
      query.interval === 'day'
        ? businessDay(bucketMs, site.timezone, cutover).startMs
        : intervalStart(bucketMs, site.timezone, MINUTES[query.interval]);
    const periods = new Map<string, { queue: string; startMs: number; definition: string; counters: QueueCounters }>();
    for (const bucket of await this.stats.range(site.id, fromMs, toMs)) {
      const startMs = periodOf(bucket.bucketStartMs);
      const key = `${bucket.queue}\u0000${startMs}`;
      // A period lies within one business day, whose contacts all follow one definition per queue.
      const period = periods.get(key) ?? {
        queue: bucket.queue,
        startMs,
        definition: bucket.definition,
        counters: emptyCounters(),
      };
      period.counters = mergeCounters(period.counters, bucket.counters);
      periods.set(key, period);
    }
    const rows = [...periods.values()]
      .sort((a, b) => (a.queue < b.queue ? -1 : a.queue > b.queue ? 1 : a.startMs - b.startMs))
      .map((p) => ({
        queue: p.queue,
        start: formatOffsetIso(p.startMs, site.timezone),
        ...toPeriodFigures(p.counters),
        definition: p.definition,
        excludedFromRatios: p.counters.excluded,
      }));
    return { site: site.id, timezone: site.timezone, interval: query.interval, rows };
  }
}
