-- Wallboard layouts (docs/wallboard.md): tiles on a 12-column grid, one board per screen design, per site.
-- Display tokens name a board by id (display_tokens.board_id, text since 0003).
create table boards (
  id uuid primary key default gen_random_uuid(),
  site text not null references sites (id),
  name text not null,
  layout jsonb not null default '[]',
  created_by text not null,
  updated_at timestamptz not null default now()
);
create index boards_site_idx on boards (site, name);
