import { Inject, Injectable } from '@nestjs/common';
import { agentDay, dayBounds, listIntervals, type AgentDayRow } from '@vigie/domain';
import type { VigieEvent } from '@vigie/protocol';
import { EventLogRepository } from '../events/event-log.repository.js';
import { cutoverMinute, type Site } from '../sites/site.schema.js';
import type { AgentReportQuery } from './reports.schema.js';

/** A day's figures (the live-only parts, such as the state now, are left out). */
export type AgentReportRow = { day: string } & AgentDayRow;

export interface AgentReport {
  site: string;
  timezone: string;
  rows: AgentReportRow[];
}

const LOOKBACK_MS = 24 * 3600_000;

/**
 * The agent daily report (DOMAIN.md): per agent and local day, contacts answered and handled, average handling
 * time, talk and wrap-up time, logged-in, ready and paused time by reason, rings not answered, ring time,
 * transfers and long calls, split per queue and direction. Computed from the event log by the live floor's own
 * agent rules (`agentDay`), so a closed day reads as the wall showed it.
 */
@Injectable()
export class AgentReportService {
  constructor(@Inject(EventLogRepository) private readonly log: EventLogRepository) {}

  async agents(site: Site, query: AgentReportQuery): Promise<AgentReport> {
    const cutover = cutoverMinute(site);
    const from = dayBounds(query.from, site.timezone, cutover).startMs;
    const to = dayBounds(query.to, site.timezone, cutover).endMs;
    const rows: AgentReportRow[] = [];
    for (const dayStartMs of listIntervals(from, to, site.timezone, 'day', cutover)) {
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: site.timezone }).format(dayStartMs);
      const { endMs } = dayBounds(day, site.timezone, cutover);
      const events: VigieEvent[] = [];
      for await (const page of this.log.readRange(site.id, dayStartMs - LOOKBACK_MS, endMs)) {
        events.push(...page.map((s) => s.event));
      }
      for (const agent of agentDay(events, site.timezone, dayStartMs, endMs)) {
        rows.push({ day, ...agent });
      }
    }
    return { site: site.id, timezone: site.timezone, rows };
  }
}
