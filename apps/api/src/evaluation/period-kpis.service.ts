import { Inject, Injectable } from '@nestjs/common';
import { PeriodKpiAccumulator, type PeriodKpis } from '@vigie/domain';
import { EventLogRepository } from '../events/event-log.repository.js';
import { cutoverMinute, type Site } from '../sites/site.schema.js';

/** Events this long before the period are fed too, so that logins and calls carried into it are known. */
const LOOKBACK_MS = 24 * 3600_000;

/**
 * The KPI-fed figures of every agent over a period (docs/evaluation.md, "KPI-fed figures"), read from the event
 * log page by page into the domain's accumulator: a month is never held in memory.
 */
@Injectable()
export class PeriodKpisService {
  constructor(@Inject(EventLogRepository) private readonly log: EventLogRepository) {}

  async compute(site: Site, startMs: number, endMs: number): Promise<PeriodKpis> {
    const acc = new PeriodKpiAccumulator({
      timeZone: site.timezone,
      startMs,
      endMs,
      cutoverMinute: cutoverMinute(site),
    });
    for await (const page of this.log.readRange(site.id, startMs - LOOKBACK_MS, endMs)) {
      for (const stored of page) {
        acc.add(stored.event);
      }
    }
    return acc.result();
  }
}
