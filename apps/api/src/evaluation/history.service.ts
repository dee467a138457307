import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../auth/roles.js';
import { EvaluationAccess } from './access.js';
import { EvaluationStore } from './evaluation-store.js';
import type { HistoryQuery } from './evaluation.schema.js';

export interface HistoryPoint {
  periodId: string;
  start: string;
  /** The agent's score, or the mean of the team's agents' scores (rounded to a basis point). */
  scoreBp: number | null;
  /** Value per criterion (a team's: the mean of its agents' values that are not N/A). */
  criteria: Record<string, number | null>;
  /** How many evaluations the point is made of. */
  agents: number;
}

const mean = (xs: number[]): number | null => (xs.length === 0 ? null : xs.reduce((a, x) => a + x, 0) / xs.length);

/** The trend of an agent's or a team's scores over the periods: the validated (else latest) revision of each. */
@Injectable()
export class HistoryService {
  constructor(
    @Inject(EvaluationStore) private readonly store: EvaluationStore,
    @Inject(EvaluationAccess) private readonly access: EvaluationAccess,
  ) {}

  async history(p: Principal, site: string, query: HistoryQuery): Promise<HistoryPoint[]> {
    const scope = await this.access.scope(p);
    this.access.assertFilter(scope, query);
    const rows = await this.store.history(site, { agent: query.agent, team: query.team }, scope);
    const byPeriod = new Map<string, typeof rows>();
    for (const row of rows) {
      byPeriod.set(row.periodId, [...(byPeriod.get(row.periodId) ?? []), row]);
    }
    return [...byPeriod.values()].map((group) => {
      const ids = [...new Set(group.flatMap((r) => Object.keys(r.values)))].sort();
      const criteria: Record<string, number | null> = {};
      for (const id of ids) {
        criteria[id] = mean(group.map((r) => r.values[id]).filter((v): v is number => typeof v === 'number'));
      }
      const scores = group.map((r) => r.scoreBp).filter((s): s is number => s !== null);
      const score = mean(scores);
      return {
        periodId: group[0]!.periodId,
        start: group[0]!.start,
        scoreBp: score === null ? null : Math.round(score),
        criteria,
        agents: group.length,
      };
    });
  }
}
