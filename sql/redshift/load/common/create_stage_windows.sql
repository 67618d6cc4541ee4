-- Session-scoped table of the hourly partitions a load replaces: the day, the hour, and the hour as a
-- [starts_at, ends_at) time range (UTC), so each fact deletes by whichever columns it has.
CREATE TEMP TABLE stage_windows (
    datekey   INTEGER,
    hr        SMALLINT,
    starts_at TIMESTAMP,
    ends_at   TIMESTAMP
)
