import { Inject, Injectable } from '@nestjs/common';
import { Database, type Queryable } from '../db/database.js';
import type { Site } from './site.schema.js';

interface SiteRow {
  id: string;
  name: string;
  timezone: string;
  demo: boolean;
}

const toSite = (r: SiteRow): Site => ({ id: r.id, name: r.name, timezone: r.timezone, demo: r.demo });

@Injectable()
export class SitesRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  /** Inserts the site; returns false when the id is taken. */
  async create(site: Site, q: Queryable = this.db): Promise<boolean> {
    const { rowCount } = await q.query(
      `insert into sites (id, name, timezone, demo) values ($1, $2, $3, $4) on conflict (id) do nothing`,
      [site.id, site.name, site.timezone, site.demo],
    );
    return rowCount === 1;
  }

  async get(id: string): Promise<Site | undefined> {
    const { rows } = await this.db.query<SiteRow>(`select id, name, timezone, demo from sites where id = $1`, [id]);
    return rows[0] && toSite(rows[0]);
  }

  async list(): Promise<Site[]> {
    const { rows } = await this.db.query<SiteRow>(`select id, name, timezone, demo from sites order by id`);
    return rows.map(toSite);
  }
}
