-- A site's business day may start at a cut-over other than midnight (24/7 and overnight floors), on a quarter hour
-- so that the 15-minute rollups fall inside one day.
alter table sites add column cutover_minute integer not null default 0
  check (cutover_minute >= 0 and cutover_minute < 1440 and cutover_minute % 15 = 0);
