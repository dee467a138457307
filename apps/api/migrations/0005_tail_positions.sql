-- Where each followed queue_log file was read up to, so a restart resumes there (re-reading is harmless anyway:
-- ingest is idempotent on line-derived event ids).
create table tail_positions (
  site text not null references sites (id),
  path text not null,
  byte_offset bigint not null,
  inode bigint not null,
  line integer not null,
  updated_at timestamptz not null default now(),
  constraint tail_positions_pkey primary key (site, path)
);
