-- Threshold rules and action types per site (docs/alarms.md), edited by admins and supervisors.
create table alarm_rules (
  site text not null references sites (id),
  id text not null,
  rule jsonb not null,
  updated_at timestamptz not null default now(),
  constraint alarm_rules_pkey primary key (site, id)
);

create table action_types (
  site text not null references sites (id),
  action_type text not null,
  priority integer not null,
  max_delay_sec double precision not null,
  escalation text not null,
  constraint action_types_pkey primary key (site, action_type)
);

-- One row per alarm from raise to clear; `key` names the rule and the subject. At most one open alarm per key
-- and site: an instance that loses the race to raise it writes nothing (and sends nothing).
create table alarms (
  id uuid primary key default gen_random_uuid(),
  site text not null references sites (id),
  key text not null,
  rule_id text not null,
  subject_kind text not null,
  subject_name text not null,
  figure text not null,
  level text not null check (level in ('orange', 'red')),
  max_level text not null check (max_level in ('orange', 'red')),
  value double precision,
  -- What else the alarm says (an overdue contact's queue, action type, maximum delay and escalation).
  detail jsonb,
  raised_at timestamptz not null,
  escalated_at timestamptz,
  cleared_at timestamptz,
  acked_by text,
  acked_at timestamptz,
  ack_comment text
);
create unique index alarms_open_key on alarms (site, key) where cleared_at is null;
create index alarms_site_raised_idx on alarms (site, raised_at desc);

-- Every transition of an alarm, in order.
create table alarm_transitions (
  id bigint generated always as identity primary key,
  alarm_id uuid not null references alarms (id),
  type text not null,
  level text not null,
  previous_level text not null,
  value double precision,
  at timestamptz not null
);
create index alarm_transitions_alarm_idx on alarm_transitions (alarm_id);

-- Outgoing webhooks per site, and their delivery log (an outbox: written with the transition, sent after).
create table webhooks (
  id uuid primary key default gen_random_uuid(),
  site text not null references sites (id),
  url text not null,
  secret text not null,
  created_at timestamptz not null default now(),
  disabled_at timestamptz
);
create index webhooks_site_idx on webhooks (site);

create table webhook_deliveries (
  id bigint generated always as identity primary key,
  webhook_id uuid not null references webhooks (id),
  event text not null,
  payload jsonb not null,
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  delivered_at timestamptz,
  failed_at timestamptz,
  last_status integer,
  last_error text,
  created_at timestamptz not null default now()
);
create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at)
  where delivered_at is null and failed_at is null;
create index webhook_deliveries_webhook_idx on webhook_deliveries (webhook_id, id desc);
