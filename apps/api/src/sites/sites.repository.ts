import { Inject, Injectable } from '@nestjs/common';
import { Database, type Queryable } from '../db/database.js';
import { cutoverMinute, cutoverOf, type Site } from './site.schema.js';

interface SiteRow {
  id: string;
  name: string;
  timezone: string;
  cutover_minute: number;
  demo: boolean;
}

const toSite = (r: SiteRow): Site => ({
  id: r.id,
  name: r.name,
  timezone: r.timezone,
  cutover: cutoverOf(r.cutover_minute),
  demo: r.demo,
});
const COLUMNS = 'id, name, timezone, cutover_minute, demo';

@Injectable()
export class SitesRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  /** Inserts the site; returns false when the id is taken. */
  async create(site: Site, q: Queryable = this.db): Promise<boolean> {
    const { rowCount } = await q.query(
      `insert into sites (id, name, timezone, cutover_minute, demo) values ($1, $2, $3, $4, $5)
       on conflict (id) do nothing`,
      [site.id, site.name, site.timezone, cutoverMinute(site), site.demo],
    );
    return rowCount === 1;
  }

  async get(id: string): Promise<Site | undefined> {
    const { rows } = await this.db.query<SiteRow>(`select ${COLUMNS} from sites where id = $1`, [id]);
    return rows[0] && toSite(rows[0]);
  }

  async list(): Promise<Site[]> {
    const { rows } = await this.db.query<SiteRow>(`select ${COLUMNS} from sites order by id`);
    return rows.map(toSite);
  }
}
