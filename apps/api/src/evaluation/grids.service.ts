import { BadRequestException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { businessDay, dayBounds } from '@vigie/domain';
import { Grid } from '@vigie/protocol';
import { AuditLog } from '../auth/audit-log.js';
import type { Principal } from '../auth/roles.js';
import { zodDetails } from '../common/zod.pipe.js';
import { Database } from '../db/database.js';
import { cutoverMinute, type Site } from '../sites/site.schema.js';
import { EvaluationAccess, isHr } from './access.js';
import type { CreateGridBody, GridVersionBody } from './evaluation.schema.js';
import { appliesTo, GridStore, type GridVersionRow } from './grid-store.js';

/** A grid's latest version as `GET /grids` lists it. */
export interface GridSummary {
  id: string;
  label: string;
  version: number;
  validFrom: string;
  teams: string[];
  grid: Grid;
}

const badRequest = (field: string, reason: string) =>
  new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: `invalid body: ${field}: ${reason}`,
    details: [{ field, reason }],
  });

const summary = (v: GridVersionRow): GridSummary => ({
  id: v.id,
  label: v.grid.label,
  version: v.version,
  validFrom: v.validFrom,
  teams: v.teams,
  grid: v.grid,
});

/** Evaluation grids: versioned, never edited; a period keeps the version it opened on. */
@Injectable()
export class GridsService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(GridStore) private readonly store: GridStore,
    @Inject(EvaluationAccess) private readonly access: EvaluationAccess,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  /** Grids the caller reads: all for staff, those applying to their team for an agent. */
  async list(p: Principal, site: Site): Promise<GridSummary[]> {
    const latest = await this.store.latest(site.id);
    if (this.readsAll(p)) {
      return latest.map(summary);
    }
    const teams = await this.access.agentTeams(p, site.id);
    return latest.filter((g) => appliesTo(g, teams)).map(summary);
  }

  async get(p: Principal, site: Site, id: string) {
    const versions = await this.store.versions(site.id, id);
    const latest = versions.at(-1);
    if (!latest) {
      throw new NotFoundException(`no grid ${id} on site ${site.id}`);
    }
    if (!this.readsAll(p) && !appliesTo(latest, await this.access.agentTeams(p, site.id))) {
      throw new ForbiddenException(`grid ${id} does not apply to your team`);
    }
    return {
      id,
      versions: versions.map((v) => ({
        version: v.version,
        validFrom: v.validFrom,
        teams: v.teams,
        grid: v.grid,
        createdBy: v.createdBy,
        createdAt: v.createdAt,
      })),
    };
  }

  /** Version 1 of a new grid; 409 when the id exists. */
  async create(p: Principal, site: Site, body: CreateGridBody): Promise<GridSummary> {
    const actor = AuditLog.actorOf(p);
    const grid = this.toGrid(site, body.id, 1, body);
    return this.db.transaction(async (tx) => {
      await this.store.lockGrid(tx, site.id, body.id);
      const row = await this.store.insert(tx, site.id, {
        grid,
        validFrom: body.validFrom,
        teams: body.teams,
        createdBy: actor,
      });
      await this.audit.record({ actor, action: 'eval-grid.create', target: body.id, site: site.id, after: row }, tx);
      return summary(row);
    });
  }

  /**
   * The next version of a grid, in force from `validFrom`: after the latest version's, and not before the site's
   * current business day (a period already opened keeps its version).
   */
  async addVersion(p: Principal, site: Site, id: string, body: GridVersionBody): Promise<GridSummary> {
    const actor = AuditLog.actorOf(p);
    const today = businessDay(Date.now(), site.timezone, cutoverMinute(site)).date;
    if (body.validFrom < today) {
      throw badRequest('validFrom', `must not be before the site's current business day ${today}`);
    }
    return this.db.transaction(async (tx) => {
      await this.store.lockGrid(tx, site.id, id);
      const latest = (await this.store.versions(site.id, id, tx)).at(-1);
      if (!latest) {
        throw new NotFoundException(`no grid ${id} on site ${site.id}`);
      }
      if (body.validFrom <= latest.validFrom) {
        throw badRequest('validFrom', `must be after version ${latest.version}'s ${latest.validFrom}`);
      }
      const grid = this.toGrid(site, id, latest.version + 1, body);
      const row = await this.store.insert(tx, site.id, {
        grid,
        validFrom: body.validFrom,
        teams: body.teams,
        createdBy: actor,
      });
      await this.audit.record(
        { actor, action: 'eval-grid.version', target: id, site: site.id, before: latest, after: row },
        tx,
      );
      return summary(row);
    });
  }

  private readsAll(p: Principal): boolean {
    return isHr(p) || (p.kind === 'user' && p.roles.some((r) => r === 'supervisor'));
  }

  /** The protocol's Grid: `validFrom` is the start of that business day in the site's zone, with its cut-over. */
  private toGrid(site: Site, id: string, version: number, body: GridVersionBody): Grid {
    const validFrom = dayBounds(body.validFrom, site.timezone, cutoverMinute(site)).startMs;
    const parsed = Grid.safeParse({ id, version, validFrom, label: body.label, sections: body.sections });
    if (!parsed.success) {
      const [first] = zodDetails(parsed.error);
      throw badRequest(first?.field ?? '(body)', first?.reason ?? 'not a valid grid');
    }
    return parsed.data;
  }
}
