-- Object: ${schema}.fact_article_events (fact)
-- Grain:  one row per day, hour, article, user version and action.
-- Columns:
--   datekey     INTEGER  yyyyMMdd of the event time (UTC), joins dim_date.d_datekey
--   hr          SMALLINT hour of day 0-23 (UTC)
--   article_key BIGINT   joins dim_article.article_key
--   user_key    BIGINT   the dim_user version valid at the event's hour (valid_from <= hour start < valid_to),
--                        or -1 when the user has no version then (unknown user: no dim_user row, LEFT JOIN it)
--   action      VARCHAR  'click', 'impression' or any other action as landed (lower-cased)
--   event_count BIGINT   distinct click events at this grain
-- Loaded per (datekey, hr) partition by delete-then-insert in one transaction, guarded by etl_load_audit.
-- Distributed on the article key (spreads evenly, co-locates each article's rows for per-article rollups),
-- sorted by time so partition deletes and date-range scans touch few blocks. The first sort-key column stays RAW.
CREATE TABLE IF NOT EXISTS ${schema}.fact_article_events (
    datekey     INTEGER      NOT NULL ENCODE RAW,
    hr          SMALLINT     NOT NULL ENCODE AZ64,
    article_key BIGINT       NOT NULL ENCODE AZ64,
    user_key    BIGINT       NOT NULL ENCODE AZ64,
    action      VARCHAR(256) NOT NULL ENCODE ZSTD,
    event_count BIGINT       NOT NULL ENCODE AZ64,
    PRIMARY KEY (datekey, hr, article_key, user_key, action)
)
DISTSTYLE KEY
DISTKEY (article_key)
COMPOUND SORTKEY (datekey, hr);
