-- Users, tokens and the audit log (docs/auth.md).
create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  display_name text,
  password_hash text not null,
  roles text[] not null,
  teams text[] not null default '{}',
  disabled boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint users_email_key unique (email)
);

-- Ingest API keys, each bound to one site; only a SHA-256 of the secret is kept.
create table api_keys (
  id uuid primary key default gen_random_uuid(),
  site text not null references sites (id),
  name text not null,
  key_hash text not null,
  prefix text not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  constraint api_keys_key_hash_key unique (key_hash)
);

-- Read-only tokens for TV screens: one site (and later one board), revocable.
create table display_tokens (
  id uuid primary key default gen_random_uuid(),
  site text not null references sites (id),
  board_id text,
  name text not null,
  token_hash text not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  constraint display_tokens_token_hash_key unique (token_hash)
);

create table settings (
  key text primary key,
  value jsonb not null
);

create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor text not null,
  action text not null,
  target text not null,
  site text,
  before jsonb,
  after jsonb
);
create index audit_log_at_idx on audit_log (at);
