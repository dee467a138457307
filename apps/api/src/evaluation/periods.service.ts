import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { dayBounds, gridVersionFor, type AgentPeriodRow } from '@vigie/domain';
import type { Grid } from '@vigie/protocol';
import { AuditLog } from '../auth/audit-log.js';
import type { Principal } from '../auth/roles.js';
import { Database, type Queryable } from '../db/database.js';
import { cutoverMinute, type Site } from '../sites/site.schema.js';
import type { PeriodRow } from './evaluation-rows.js';
import { EvaluationStore } from './evaluation-store.js';
import { periodEnd, type OpenPeriodBody } from './evaluation.schema.js';
import { GridStore } from './grid-store.js';
import { PeriodKpisService } from './period-kpis.service.js';
import { httpErrors, kpiValues, scoreIfComplete } from './scoring.js';

/** A period as the API shows it. */
export interface PeriodView {
  id: string;
  kind: PeriodRow['kind'];
  start: string;
  end: string;
  gridId: string;
  gridVersion: number;
  evaluations: number;
  openedBy: string;
  openedAt: string;
}

export const periodView = (p: PeriodRow): PeriodView => ({
  id: p.id,
  kind: p.kind,
  start: p.start,
  end: p.end,
  gridId: p.gridId,
  gridVersion: p.gridVersion,
  evaluations: p.evaluations,
  openedBy: p.openedBy,
  openedAt: p.openedAt,
});

/** Agents the event log shows logged in during the period, in a team the grid applies to. */
const evaluated = (rows: AgentPeriodRow[], teams: string[]) =>
  rows.filter(
    (r) =>
      (r.loggedInSec > 0 || r.daysLoggedIn.length > 0) &&
      (teams.length === 0 || (r.team !== null && teams.includes(r.team))),
  );

/** Evaluation periods: opened on the grid version in force on their first day, one draft per agent seen. */
@Injectable()
export class PeriodsService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(GridStore) private readonly grids: GridStore,
    @Inject(EvaluationStore) private readonly store: EvaluationStore,
    @Inject(PeriodKpisService) private readonly kpis: PeriodKpisService,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async list(site: Site): Promise<PeriodView[]> {
    return (await this.store.periods(site.id)).map(periodView);
  }

  async open(p: Principal, site: Site, body: OpenPeriodBody): Promise<PeriodView> {
    const versions = await this.grids.versions(site.id, body.gridId);
    if (versions.length === 0) {
      throw new NotFoundException(`no grid ${body.gridId} on site ${site.id}`);
    }
    const end = periodEnd(body.kind, body.start);
    const cutover = cutoverMinute(site);
    const startAtMs = dayBounds(body.start, site.timezone, cutover).startMs;
    const endAtMs = dayBounds(end, site.timezone, cutover).endMs;
    const grid = gridVersionFor(
      versions.map((v) => v.grid),
      startAtMs,
    );
    const inForce = versions.find((v) => v.version === grid?.version);
    if (!grid || !inForce) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: `invalid body: start: no version of grid ${body.gridId} is in force on ${body.start}`,
        details: [{ field: 'start', reason: `no version of grid ${body.gridId} is in force on ${body.start}` }],
      });
    }
    const existing = (await this.store.periods(site.id)).find(
      (x) => x.gridId === body.gridId && x.kind === body.kind && x.start === body.start,
    );
    if (existing) {
      throw new ConflictException(
        `a ${body.kind} period of grid ${body.gridId} starting ${body.start} is already open`,
      );
    }
    const agents = evaluated((await this.kpis.compute(site, startAtMs, endAtMs)).agents, inForce.teams);
    const actor = AuditLog.actorOf(p);
    return httpErrors(() =>
      this.db.transaction(async (tx) => {
        const period = await this.store.insertPeriod(tx, site.id, {
          kind: body.kind,
          start: body.start,
          end,
          gridId: body.gridId,
          gridVersion: grid.version,
          startAtMs,
          endAtMs,
          openedBy: actor,
        });
        for (const agent of agents) {
          await this.addDraft(tx, site, period.id, grid, agent, actor);
        }
        const opened = periodView((await this.store.period(site.id, period.id, tx))!);
        await this.audit.record(
          { actor, action: 'eval-period.open', target: period.id, site: site.id, after: opened },
          tx,
        );
        return opened;
      }),
    );
  }

  /**
   * Recomputes the KPI-fed values of the period's first drafts and adds a draft for agents seen since; submitted and
   * later evaluations, and HR's revisions, are left as they are.
   */
  async refresh(p: Principal, site: Site, id: string): Promise<PeriodView & { refreshed: number; added: number }> {
    const period = await this.store.period(site.id, id);
    if (!period) {
      throw new NotFoundException(`no evaluation period ${id} on site ${site.id}`);
    }
    const version = (await this.grids.version(site.id, period.gridId, period.gridVersion))!;
    const agents = evaluated((await this.kpis.compute(site, period.startAtMs, period.endAtMs)).agents, version.teams);
    const actor = AuditLog.actorOf(p);
    return httpErrors(() =>
      this.db.transaction(async (tx) => {
        const current = new Map((await this.store.ofPeriod(period.id, tx)).map((e) => [e.agent, e]));
        let refreshed = 0;
        let added = 0;
        for (const agent of agents) {
          const e = current.get(agent.agent);
          if (!e) {
            await this.addDraft(tx, site, period.id, version.grid, agent, actor);
            added += 1;
            continue;
          }
          const kpi = kpiValues(version.grid, agent.kpis);
          // A draft revision 2+ is HR's correction of a validated evaluation: its values are HR's, not refreshed.
          if (e.status !== 'draft' || e.revision > 1 || Object.entries(kpi).every(([c, v]) => e.values[c] === v)) {
            continue;
          }
          const values = { ...e.values, ...kpi };
          await this.store.updateRevision(tx, e.id, e.revision, { values, ...scoreIfComplete(version.grid, values) });
          await this.audit.record(
            {
              actor,
              action: 'evaluation.refresh',
              target: e.id,
              site: site.id,
              before: { revision: e.revision, values: e.values },
              after: { revision: e.revision, values },
            },
            tx,
          );
          refreshed += 1;
        }
        const after = periodView((await this.store.period(site.id, period.id, tx))!);
        await this.audit.record(
          { actor, action: 'eval-period.refresh', target: id, site: site.id, after: { ...after, refreshed, added } },
          tx,
        );
        return { ...after, refreshed, added };
      }),
    );
  }

  private async addDraft(
    tx: Queryable,
    site: Site,
    periodId: string,
    grid: Grid,
    agent: AgentPeriodRow,
    actor: string,
  ): Promise<void> {
    const values = kpiValues(grid, agent.kpis);
    const created = await this.store.insertEvaluation(
      tx,
      site.id,
      { periodId, agent: agent.agent, team: agent.team },
      { values, ...scoreIfComplete(grid, values), author: actor },
    );
    await this.audit.record(
      {
        actor,
        action: 'evaluation.create',
        target: created.id,
        site: site.id,
        after: { ...created, values },
      },
      tx,
    );
  }
}
