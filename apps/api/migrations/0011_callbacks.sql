-- Who called back an abandoned caller of a day, when, with what outcome (docs/callbacks.md). `key` is the caller
-- id, or the contact id when the caller is unknown.
create table callback_marks (
  id bigint generated always as identity primary key,
  site text not null references sites (id),
  day date not null,
  key text not null,
  outcome text not null check (outcome in ('reached', 'no_answer', 'voicemail', 'wrong_number', 'not_needed')),
  note text,
  by_actor text not null,
  at timestamptz not null default now()
);
create index callback_marks_day_idx on callback_marks (site, day, key);
