-- Keys and display tokens are listed per site.
create index api_keys_site_idx on api_keys (site);
create index display_tokens_site_idx on display_tokens (site);
