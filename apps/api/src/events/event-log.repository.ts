import { Inject, Injectable } from '@nestjs/common';
import type { StoredEvent, VigieEvent } from '@vigie/protocol';
import { Database, type Queryable } from '../db/database.js';

export interface AppendResult {
  /** Events stored by this call, in commit order, with their position in the log. */
  stored: StoredEvent[];
  /** Events whose id the site already had (or that repeated an id earlier in the same batch). */
  duplicates: number;
}

interface EventRow {
  seq: number;
  body: VigieEvent;
}

/** The append-only event log. Idempotent on (site, event id); one statement per batch, so a batch is all or nothing. */
@Injectable()
export class EventLogRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  async append(site: string, events: readonly VigieEvent[], q: Queryable = this.db): Promise<AppendResult> {
    const unique = new Map<string, VigieEvent>();
    for (const event of events) {
      if (!unique.has(event.id)) {
        unique.set(event.id, event);
      }
    }
    if (unique.size === 0) {
      return { stored: [], duplicates: events.length };
    }
    const batch = [...unique.values()];
    const { rows } = await q.query<{ seq: number; id: string }>(
      `with input as (
         select * from unnest($2::text[], $3::text[], $4::timestamptz[], $5::jsonb[]) with ordinality as t(id, type, at, body, ord)
       ), fresh as (
         insert into event_ids (site, id) select $1, id from input on conflict do nothing returning id
       )
       insert into events (site, id, type, at, body)
       select $1, i.id, i.type, i.at, i.body from input i join fresh f using (id) order by i.ord
       returning seq, id`,
      [
        site,
        batch.map((e) => e.id),
        batch.map((e) => e.type),
        batch.map((e) => e.at),
        batch.map((e) => JSON.stringify(e)),
      ],
    );
    const stored = rows
      .map((r) => ({ seq: r.seq, event: unique.get(r.id) as VigieEvent }))
      .sort((a, b) => a.seq - b.seq);
    return { stored, duplicates: events.length - stored.length };
  }

  /** Events of a site whose time is in [fromMs, toMs), in commit order, streamed in pages. */
  async *readRange(site: string, fromMs: number, toMs: number, pageSize = 20_000): AsyncGenerator<StoredEvent[]> {
    const page = (after: number): Promise<{ rows: EventRow[] }> =>
      this.db.query<EventRow>(
        `select seq, body from events
          where site = $1 and at >= $2 and at < $3 and seq > $4
          order by seq limit $5`,
        [site, new Date(fromMs), new Date(toMs), after, pageSize],
      );
    // The next page is asked for before this one is handed over, so the database reads while the caller works.
    let next: Promise<{ rows: EventRow[] }> | undefined = page(0);
    while (next) {
      const { rows }: { rows: EventRow[] } = await next;
      next = rows.length === pageSize ? page(rows[rows.length - 1]!.seq) : undefined;
      if (rows.length > 0) {
        yield rows.map((r) => ({ seq: r.seq, event: r.body }));
      }
    }
  }

  /** The site's events after position `afterSeq`, in commit order (at most `limit`). */
  async readAfter(site: string, afterSeq: number, limit: number): Promise<StoredEvent[]> {
    const { rows } = await this.db.query<EventRow>(
      `select seq, body from events where site = $1 and seq > $2 order by seq limit $3`,
      [site, afterSeq, limit],
    );
    return rows.map((r) => ({ seq: r.seq, event: r.body }));
  }

  /** The last `count` events of the site up to position `uptoSeq`, in commit order. */
  async readTail(site: string, uptoSeq: number, count: number): Promise<StoredEvent[]> {
    const { rows } = await this.db.query<EventRow>(
      `select seq, body from (
         select seq, body from events where site = $1 and seq <= $2 order by seq desc limit $3
       ) t order by seq`,
      [site, uptoSeq, count],
    );
    return rows.map((r) => ({ seq: r.seq, event: r.body }));
  }

  /** Events of the site since `sinceMs` (by event time), all events ever stored, and the last event time. */
  async counts(site: string, sinceMs: number): Promise<{ today: number; total: number; last: string | null }> {
    const { rows } = await this.db.query<{ today: number; total: number; last: Date | null }>(
      `select (select count(*) from events where site = $1 and at >= $2)::int as today,
              (select count(*) from event_ids where site = $1)::int as total,
              (select max(at) from events where site = $1 and at >= $2) as last`,
      [site, new Date(sinceMs)],
    );
    const r = rows[0];
    return { today: r?.today ?? 0, total: r?.total ?? 0, last: r?.last?.toISOString() ?? null };
  }
}
