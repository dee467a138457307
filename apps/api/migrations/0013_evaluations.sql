-- Evaluation grids, periods and evaluations (docs/evaluation.md). Grids and revisions are never updated in place:
-- a change is a new version (grids) or a new revision (evaluations); only the workflow columns move.

-- One row per version of a grid; a period is scored on the version in force on its first day.
create table eval_grids (
  site text not null references sites (id),
  id text not null,
  version integer not null check (version > 0),
  -- First business day (site's time zone and cut-over) the version is in force.
  valid_from date not null,
  -- Teams the grid applies to; empty: every team of the site.
  teams text[] not null default '{}',
  -- The protocol's Grid (sections, criteria, weights, tiers).
  grid jsonb not null,
  created_by text not null,
  created_at timestamptz not null default now(),
  primary key (site, id, version),
  constraint eval_grids_valid_from_key unique (site, id, valid_from)
);

-- A period of evaluation (a week, a month or a quarter of business days), scored on one grid version.
create table eval_periods (
  id uuid primary key default gen_random_uuid(),
  site text not null references sites (id),
  kind text not null check (kind in ('week', 'month', 'quarter')),
  -- Inclusive local business days.
  start_day date not null,
  end_day date not null,
  start_at timestamptz not null,
  end_at timestamptz not null,
  grid_id text not null,
  grid_version integer not null,
  opened_by text not null,
  opened_at timestamptz not null default now(),
  foreign key (site, grid_id, grid_version) references eval_grids (site, id, version),
  constraint eval_periods_key unique (site, grid_id, kind, start_day)
);

-- One evaluation per agent and period; its content lives in revisions.
create table evaluations (
  id uuid primary key default gen_random_uuid(),
  site text not null references sites (id),
  period_id uuid not null references eval_periods (id),
  agent text not null,
  -- The agent's team in the period (from the event log), which decides which supervisors see it.
  team text,
  status text not null default 'draft'
    check (status in ('draft', 'submitted', 'acknowledged', 'disputed', 'validated')),
  -- The revision the status refers to (the latest).
  current_revision integer not null default 1,
  updated_at timestamptz not null default now(),
  constraint evaluations_period_agent_key unique (period_id, agent)
);
create index evaluations_site_agent_idx on evaluations (site, agent);

create table evaluation_revisions (
  evaluation_id uuid not null references evaluations (id),
  revision integer not null check (revision > 0),
  supersedes integer,
  -- Value per criterion id (null: N/A); KPI-fed values come from the event log.
  values jsonb not null,
  -- Comment per criterion id, and '' for the whole evaluation.
  comments jsonb not null default '{}',
  -- The scored result (domain EvaluationScore) and its total in basis points, kept as computed.
  score jsonb,
  score_bp integer,
  author text not null,
  authored_at timestamptz not null default now(),
  reason text,
  -- Who submitted this revision to the agent (draft → submitted).
  submitted_by text,
  submitted_at timestamptz,
  -- The agent's acknowledgement or dispute, and HR's arbitration: { by, at, comment, ... }.
  agent_response jsonb,
  arbitration jsonb,
  locked_by text,
  locked_at timestamptz,
  primary key (evaluation_id, revision)
);
