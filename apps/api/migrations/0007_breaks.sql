-- Break advisor (docs/breaks.md): each site's break policy, agents' break requests and their decisions.
create table break_policies (
  site text primary key references sites (id),
  policy jsonb not null,
  updated_at timestamptz not null default now()
);

create table break_requests (
  id uuid primary key default gen_random_uuid(),
  site text not null references sites (id),
  agent text not null,
  requested_by text not null,
  reason text not null,
  duration_sec integer not null check (duration_sec > 0),
  status text not null default 'pending'
    check (status in ('pending', 'approved', 'denied', 'expired', 'cancelled', 'on_break', 'done')),
  requested_at timestamptz not null default now(),
  expires_at timestamptz not null,
  -- Worked since the agent's last rest break when the request was made (the fairness order starts from it).
  worked_since_break_sec double precision not null default 0,
  decided_by text,
  decided_at timestamptz,
  decision_reason text,
  -- The advice shown when the decision was taken.
  advice jsonb,
  break_started_at timestamptz,
  break_ended_at timestamptz
);
-- One pending request per agent and site.
create unique index break_requests_pending_agent_key on break_requests (site, agent) where status = 'pending';
create index break_requests_site_status_idx on break_requests (site, status, requested_at desc);
create index break_requests_site_agent_idx on break_requests (site, agent, requested_at desc);

-- The agent id (e.g. 'SIP/2001') a user with the `agent` role asks breaks for.
