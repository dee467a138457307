import { Inject, Injectable } from '@nestjs/common';
import type { CreateFigureDefinition, FigureDefinition } from '@vigie/protocol';
import { Database, type Queryable } from '../db/database.js';

interface DefinitionRow {
  id: string;
  version: number;
  queue: string;
  valid_from: string;
  target_sec: number;
  short_abandon_sec: number | null;
  count_not_distributed: boolean;
  created_at: Date;
  created_by: string;
}

const toDefinition = (r: DefinitionRow): FigureDefinition => ({
  id: r.id,
  version: r.version,
  queue: r.queue,
  validFrom: r.valid_from,
  targetSec: r.target_sec,
  shortAbandonSec: r.short_abandon_sec,
  countNotDistributed: r.count_not_distributed,
  createdAt: r.created_at.toISOString(),
  createdBy: r.created_by,
});

const COLUMNS = `id, version, queue, to_char(valid_from, 'YYYY-MM-DD') as valid_from, target_sec, short_abandon_sec,
  count_not_distributed, created_at, created_by`;

/** A site's figure definitions: inserted, never updated nor deleted. */
@Injectable()
export class FigureDefinitionsRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  async list(site: string, q: Queryable = this.db): Promise<FigureDefinition[]> {
    const { rows } = await q.query<DefinitionRow>(
      `select ${COLUMNS} from figure_definitions where site = $1 order by queue, version`,
      [site],
    );
    return rows.map(toDefinition);
  }

  /** Inserts the next version for the queue; undefined when the id is taken on the site. */
  async insert(
    q: Queryable,
    site: string,
    input: CreateFigureDefinition,
    createdBy: string,
  ): Promise<FigureDefinition | undefined> {
    // One writer per site at a time, so versions follow each other.
    await q.query(`select pg_advisory_xact_lock(hashtext('figure_definitions:' || $1))`, [site]);
    const { rows } = await q.query<DefinitionRow>(
      `insert into figure_definitions (site, id, version, queue, valid_from, target_sec, short_abandon_sec,
         count_not_distributed, created_by)
       select $1, $2, coalesce(max(version), 0) + 1, $3, $4, $5, $6, $7, $8
         from figure_definitions where site = $1 and queue = $3
       on conflict (site, id) do nothing
       returning ${COLUMNS}`,
      [
        site,
        input.id,
        input.queue,
        input.validFrom,
        input.targetSec,
        input.shortAbandonSec,
        input.countNotDistributed,
        createdBy,
      ],
    );
    return rows[0] && toDefinition(rows[0]);
  }
}
