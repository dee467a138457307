-- Sites and the append-only event log.
create table sites (
  id text primary key,
  name text not null,
  timezone text not null,
  demo boolean not null default false,
  created_at timestamptz not null default now()
);

-- Idempotency ledger: one row per (site, event id) ever accepted. Kept apart from `events` so that
-- `events` can become a TimescaleDB hypertable (whose unique keys must include the time column).
create table event_ids (
  site text not null references sites (id),
  id text not null,
  constraint event_ids_pkey primary key (site, id)
);

-- The event log. `seq` is the commit order (one writer per site at a time); `body` the validated event.
create table events (
  seq bigint generated always as identity,
  site text not null references sites (id),
  id text not null,
  type text not null,
  at timestamptz not null,
  body jsonb not null,
  received_at timestamptz not null default now()
);
create index events_site_at_idx on events (site, at);
create index events_site_seq_idx on events (site, seq);
