-- Variable pay (docs/evaluation.md, "Pay"): each site's pay rules in force, and pay runs. A run keeps a copy of the
-- rules and terms it used and its lines with their explanations; once locked it never changes (a trigger refuses
-- it), and a correction is a new run that `supersedes` it.
create table pay_rules (
  site text primary key references sites (id),
  -- The protocol's PayRules (currency, individual tiers, collective pools, challenges, caps, proration).
  rules jsonb not null,
  updated_by text not null,
  updated_at timestamptz not null default now()
);

create table pay_runs (
  id uuid primary key default gen_random_uuid(),
  site text not null references sites (id),
  period_id uuid not null references eval_periods (id),
  -- The locked run of the same period this one corrects.
  supersedes uuid references pay_runs (id),
  -- Copy of the pay rules used, and the terms per agent (part-time ratio, scheduled and absence days, challenges).
  rules jsonb not null,
  terms jsonb not null,
  -- The domain PayRun without its lock (period, currency, lines with their explanations, adjustments included).
  run jsonb not null,
  currency text not null,
  total_cents bigint not null,
  created_by text not null,
  created_at timestamptz not null default now(),
  locked_by text,
  locked_at timestamptz,
  constraint pay_runs_lock_check check ((locked_by is null) = (locked_at is null))
);
create index pay_runs_site_period_idx on pay_runs (site, period_id, created_at);

-- A locked run is the payroll's record: neither updated nor deleted.
create function pay_runs_locked_guard() returns trigger language plpgsql as $$
begin
  if old.locked_at is not null then
    raise exception 'pay run % is locked', old.id using errcode = 'P0001';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end;
$$;
create trigger pay_runs_locked_guard before update or delete on pay_runs
  for each row execute function pay_runs_locked_guard();
