import { Inject, Injectable } from '@nestjs/common';
import type { Board, BoardInput, BoardLayout } from '@vigie/protocol';
import { Database, type Queryable } from '../db/database.js';

interface BoardRow {
  id: string;
  site: string;
  name: string;
  layout: BoardLayout;
  created_by: string;
  updated_at: Date;
}

/** Display tokens store the board id as free text: anything else than a uuid names no board. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COLUMNS = 'id, site, name, layout, created_by, updated_at';

const toBoard = (r: BoardRow): Board => ({
  id: r.id,
  site: r.site,
  name: r.name,
  layout: r.layout,
  createdBy: r.created_by,
  updatedAt: r.updated_at.toISOString(),
});

/** Boards of a site, SQL through `pg`; writes take the caller's transaction. */
@Injectable()
export class BoardsRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  async list(site: string): Promise<Board[]> {
    const { rows } = await this.db.query<BoardRow>(`select ${COLUMNS} from boards where site = $1 order by name, id`, [
      site,
    ]);
    return rows.map(toBoard);
  }

  async get(site: string, id: string, q: Queryable = this.db): Promise<Board | undefined> {
    if (!UUID.test(id)) {
      return undefined;
    }
    const { rows } = await q.query<BoardRow>(`select ${COLUMNS} from boards where site = $1 and id = $2`, [site, id]);
    return rows[0] && toBoard(rows[0]);
  }

  async insert(tx: Queryable, site: string, input: BoardInput, actor: string): Promise<Board> {
    const { rows } = await tx.query<BoardRow>(
      `insert into boards (site, name, layout, created_by) values ($1, $2, $3::jsonb, $4) returning ${COLUMNS}`,
      [site, input.name, JSON.stringify(input.layout), actor],
    );
    return toBoard(rows[0]!);
  }

  async update(tx: Queryable, site: string, id: string, input: BoardInput): Promise<Board | undefined> {
    const { rows } = await tx.query<BoardRow>(
      `update boards set name = $3, layout = $4::jsonb, updated_at = now()
        where site = $1 and id = $2 returning ${COLUMNS}`,
      [site, id, input.name, JSON.stringify(input.layout)],
    );
    return rows[0] && toBoard(rows[0]);
  }

  async delete(tx: Queryable, site: string, id: string): Promise<void> {
    await tx.query(`delete from boards where site = $1 and id = $2`, [site, id]);
  }
}
