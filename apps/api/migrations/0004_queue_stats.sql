-- Rollups for reports: the counters of libs/domain per queue and 15-minute interval in which the contacts
-- ENTERED the queue, maintained by the application's projector from the event log (docs/architecture.md).
create table queue_stats (
  site text not null references sites (id),
  queue text not null,
  bucket_start timestamptz not null,
  offered integer not null default 0,
  answered integer not null default 0,
  abandoned integer not null default 0,
  not_distributed integer not null default 0,
  answered_within_sl integer not null default 0,
  wait_answered_sum_sec double precision not null default 0,
  talk_sum_sec double precision not null default 0,
  talk_count integer not null default 0,
  max_wait_sec double precision not null default 0,
  constraint queue_stats_pkey primary key (site, bucket_start, queue)
);

-- How far in each site's log the projector has gone (updated in the same transaction as the counters).
create table rollup_cursors (
  site text primary key references sites (id),
  seq bigint not null
);
