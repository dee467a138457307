-- The telephony agent id a user works as (e.g. SIP/2001): what an `agent` user may ask breaks for.
alter table users add column agent text;
create unique index users_agent_key on users (agent) where agent is not null;

-- Keys and display tokens are listed per site.
create index api_keys_site_idx on api_keys (site);
create index display_tokens_site_idx on display_tokens (site);
