-- Figure definitions (docs/figures.md): how a site's (queue = '*') or a queue's ratio figures are computed, from a
-- business day on. Rows are never updated nor deleted: a change is a new row, so the past keeps its definition.
create table figure_definitions (
  site text not null references sites (id),
  id text not null,
  version integer not null,
  queue text not null,
  valid_from date not null,
  target_sec integer not null check (target_sec >= 0),
  short_abandon_sec integer check (short_abandon_sec > 0),
  count_not_distributed boolean not null,
  created_at timestamptz not null default now(),
  created_by text not null,
  constraint figure_definitions_pkey primary key (site, id),
  constraint figure_definitions_version_key unique (site, queue, version)
);

-- Rollups keep the definition they were computed with and the contacts it left out of the ratios.
alter table queue_stats add column definition text not null default 'contract-v1';
alter table queue_stats add column excluded integer not null default 0;
