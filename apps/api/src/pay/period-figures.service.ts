import { Inject, Injectable } from '@nestjs/common';
import { PeriodKpiAccumulator } from '@vigie/domain';
import { EventLogRepository } from '../events/event-log.repository.js';
import { FigureDefinitionsService } from '../figures/figure-definitions.service.js';
import { cutoverMinute, type Site } from '../sites/site.schema.js';
import type { PeriodAgent, PeriodFigures } from './pay-inputs.js';
import type { PeriodRow } from './pay-store.js';

/** Events before the period are read so that states carried over its start (logged in, on a call) are known. */
const LOOKBACK_MS = 24 * 3600_000;

/**
 * A period's agent and team figures from the event log, read page by page into the domain's period accumulator
 * (the agent report's rules): names and login days per agent, and the team figures the collective rules use, by
 * the site's figure definitions (a team's service level is the one its queues' reports show).
 */
@Injectable()
export class PeriodFiguresService {
  constructor(
    @Inject(EventLogRepository) private readonly log: EventLogRepository,
    @Inject(FigureDefinitionsService) private readonly definitions: FigureDefinitionsService,
  ) {}

  async figures(site: Site, period: PeriodRow): Promise<PeriodFigures> {
    const accumulator = new PeriodKpiAccumulator({
      timeZone: site.timezone,
      startMs: period.startMs,
      endMs: period.endMs,
      cutoverMinute: cutoverMinute(site),
      definitions: (await this.definitions.book(site)).resolve,
    });
    for await (const page of this.log.readRange(site.id, period.startMs - LOOKBACK_MS, period.endMs)) {
      for (const stored of page) {
        accumulator.add(stored.event);
      }
    }
    const result = accumulator.result();
    const agents = new Map<string, PeriodAgent>(
      result.agents.map((a) => [
        a.agent,
        { name: a.name ?? a.agent, team: a.team ?? null, daysLoggedIn: [...a.daysLoggedIn] },
      ]),
    );
    return { agents, teams: result.teams };
  }
}
