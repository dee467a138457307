import { ConflictException, Inject, Injectable } from '@nestjs/common';
import type { Grid } from '@vigie/protocol';
import { Database, type Queryable } from '../db/database.js';

/** One stored version of a grid, as the API shows it. */
export interface GridVersionRow {
  id: string;
  version: number;
  /** First local business day the version is in force. */
  validFrom: string;
  /** Teams the grid applies to; empty: every team. */
  teams: string[];
  grid: Grid;
  createdBy: string;
  createdAt: string;
}

interface Row {
  id: string;
  version: number;
  valid_from: string;
  teams: string[];
  grid: Grid;
  created_by: string;
  created_at: Date;
}

const COLUMNS = `id, version, to_char(valid_from, 'YYYY-MM-DD') as valid_from, teams, grid, created_by, created_at`;

function toRow(r: Row): GridVersionRow {
  return {
    id: r.id,
    version: r.version,
    validFrom: r.valid_from,
    teams: r.teams,
    grid: r.grid,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
  };
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/** Whether a grid applies to an agent of one of `teams` (a grid without teams applies to all). */
export const appliesTo = (grid: Pick<GridVersionRow, 'teams'>, teams: readonly string[]) =>
  grid.teams.length === 0 || grid.teams.some((t) => teams.includes(t));

/** Evaluation grids: one row per version, never updated. */
@Injectable()
export class GridStore {
  constructor(@Inject(Database) private readonly db: Database) {}

  /** Inserts a version; 409 when that version (or a version valid from that day) exists. */
  async insert(
    q: Queryable,
    site: string,
    v: { grid: Grid; validFrom: string; teams: string[]; createdBy: string },
  ): Promise<GridVersionRow> {
    try {
      const { rows } = await q.query<Row>(
        `insert into eval_grids (site, id, version, valid_from, teams, grid, created_by)
         values ($1, $2, $3, $4, $5, $6, $7) returning ${COLUMNS}`,
        [site, v.grid.id, v.grid.version, v.validFrom, v.teams, JSON.stringify(v.grid), v.createdBy],
      );
      return toRow(rows[0]!);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictException(
          v.grid.version === 1
            ? `grid ${v.grid.id} already exists`
            : `grid ${v.grid.id} already has a version ${v.grid.version} or one valid from ${v.validFrom}`,
        );
      }
      throw error;
    }
  }

  /** Every version of a grid, oldest first (empty when unknown). */
  async versions(site: string, id: string, q: Queryable = this.db): Promise<GridVersionRow[]> {
    const { rows } = await q.query<Row>(
      `select ${COLUMNS} from eval_grids where site = $1 and id = $2 order by version`,
      [site, id],
    );
    return rows.map(toRow);
  }

  async version(site: string, id: string, version: number, q: Queryable = this.db): Promise<GridVersionRow | null> {
    const { rows } = await q.query<Row>(
      `select ${COLUMNS} from eval_grids where site = $1 and id = $2 and version = $3`,
      [site, id, version],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** The latest version of each grid of the site, by id. */
  async latest(site: string): Promise<GridVersionRow[]> {
    const { rows } = await this.db.query<Row>(
      `select distinct on (id) ${COLUMNS} from eval_grids where site = $1 order by id, version desc`,
      [site],
    );
    return rows.map(toRow);
  }

  /** Serialises versioning of one grid until the transaction ends. */
  async lockGrid(q: Queryable, site: string, id: string): Promise<void> {
    await q.query(`select pg_advisory_xact_lock(hashtext('eval_grids'), hashtext($1 || '/' || $2))`, [site, id]);
  }
}
