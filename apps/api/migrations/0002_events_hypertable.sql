--! timescale
-- Applied only where the timescaledb extension is available (see docs/architecture.md).
create extension if not exists timescaledb;
select create_hypertable('events', by_range('at', interval '1 day'), migrate_data => true);
alter table events set (timescaledb.compress, timescaledb.compress_segmentby = 'site', timescaledb.compress_orderby = 'at, seq');
select add_compression_policy('events', interval '7 days');
