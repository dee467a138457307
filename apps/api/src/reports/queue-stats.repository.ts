import { Inject, Injectable } from '@nestjs/common';
import type { QueueCounters } from '@vigie/domain';
import { Database, type Queryable } from '../db/database.js';

export interface BucketCounters {
  queue: string;
  bucketStartMs: number;
  /** Id of the figure definition the bucket's contacts were counted with. */
  definition: string;
  counters: QueueCounters;
}

interface StatsRow {
  queue: string;
  bucket_start: Date;
  offered: number;
  answered: number;
  abandoned: number;
  not_distributed: number;
  answered_within_sl: number;
  excluded: number;
  definition: string;
  wait_answered_sum_sec: number;
  talk_sum_sec: number;
  talk_count: number;
  max_wait_sec: number;
}

const toCounters = (r: StatsRow): QueueCounters => ({
  offered: r.offered,
  answered: r.answered,
  abandoned: r.abandoned,
  notDistributed: r.not_distributed,
  answeredWithinSl: r.answered_within_sl,
  excluded: r.excluded,
  waitAnsweredSumSec: r.wait_answered_sum_sec,
  talkSumSec: r.talk_sum_sec,
  talkCount: r.talk_count,
  maxWaitSec: r.max_wait_sec,
});

/** The 15-minute rollups: counter deltas added in, read back per range. */
@Injectable()
export class QueueStatsRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  /** Adds deltas (counts add up, the longest wait takes the max), in one statement. */
  async add(site: string, deltas: readonly BucketCounters[], q: Queryable = this.db): Promise<void> {
    if (deltas.length === 0) {
      return;
    }
    const col = <K extends keyof QueueCounters>(k: K) => deltas.map((d) => d.counters[k]);
    await q.query(
      `insert into queue_stats as s (site, queue, bucket_start, offered, answered, abandoned, not_distributed,
         answered_within_sl, wait_answered_sum_sec, talk_sum_sec, talk_count, max_wait_sec, excluded, definition)
       select $1, * from unnest($2::text[], $3::timestamptz[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[],
         $9::float8[], $10::float8[], $11::int[], $12::float8[], $13::int[], $14::text[])
       on conflict (site, bucket_start, queue) do update set
         offered = s.offered + excluded.offered,
         answered = s.answered + excluded.answered,
         abandoned = s.abandoned + excluded.abandoned,
         not_distributed = s.not_distributed + excluded.not_distributed,
         answered_within_sl = s.answered_within_sl + excluded.answered_within_sl,
         wait_answered_sum_sec = s.wait_answered_sum_sec + excluded.wait_answered_sum_sec,
         talk_sum_sec = s.talk_sum_sec + excluded.talk_sum_sec,
         talk_count = s.talk_count + excluded.talk_count,
         max_wait_sec = greatest(s.max_wait_sec, excluded.max_wait_sec),
         excluded = s.excluded + excluded.excluded,
         definition = excluded.definition`,
      [
        site,
        deltas.map((d) => d.queue),
        deltas.map((d) => new Date(d.bucketStartMs)),
        col('offered'),
        col('answered'),
        col('abandoned'),
        col('notDistributed'),
        col('answeredWithinSl'),
        col('waitAnsweredSumSec'),
        col('talkSumSec'),
        col('talkCount'),
        col('maxWaitSec'),
        col('excluded'),
        deltas.map((d) => d.definition),
      ],
    );
  }

  async range(site: string, fromMs: number, toMs: number): Promise<BucketCounters[]> {
    const { rows } = await this.db.query<StatsRow>(
      `select queue, bucket_start, offered, answered, abandoned, not_distributed, answered_within_sl,
              wait_answered_sum_sec, talk_sum_sec, talk_count, max_wait_sec, excluded, definition
         from queue_stats where site = $1 and bucket_start >= $2 and bucket_start < $3
        order by bucket_start, queue`,
      [site, new Date(fromMs), new Date(toMs)],
    );
    return rows.map((r) => ({
      queue: r.queue,
      bucketStartMs: r.bucket_start.getTime(),
      definition: r.definition,
      counters: toCounters(r),
    }));
  }

  /** Forgets the site's rollups from `fromMs` on (before they are recomputed under new figure definitions). */
  async deleteFrom(site: string, fromMs: number, q: Queryable): Promise<void> {
    await q.query(`delete from queue_stats where site = $1 and bucket_start >= $2`, [site, new Date(fromMs)]);
  }

  async cursor(site: string, q: Queryable = this.db): Promise<number> {
    const { rows } = await q.query<{ seq: string | number }>(`select seq from rollup_cursors where site = $1`, [site]);
    return Number(rows[0]?.seq ?? 0);
  }

  /**
   * The stored cursor, locked until the end of the transaction `q`: another instance projecting the same site waits,
   * then sees the cursor this one moved.
   */
  async lockCursor(site: string, q: Queryable): Promise<number> {
    await q.query(`insert into rollup_cursors (site, seq) values ($1, 0) on conflict (site) do nothing`, [site]);
    const { rows } = await q.query<{ seq: string | number }>(
      `select seq from rollup_cursors where site = $1 for update`,
      [site],
    );
    return Number(rows[0]?.seq ?? 0);
  }

  async setCursor(site: string, seq: number, q: Queryable = this.db): Promise<void> {
    await q.query(
      `insert into rollup_cursors (site, seq) values ($1, $2) on conflict (site) do update set seq = excluded.seq`,
      [site, seq],
    );
  }
}
