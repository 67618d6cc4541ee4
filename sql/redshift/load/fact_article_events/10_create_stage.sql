-- Session-scoped staging table for one load's input, in the column order of the staged files (Spark aggregates
-- click_events to this grain: day, hour, article, user id, action). hour_start picks the dim_user version;
-- article_key is computed in Java (see dim_article).
CREATE TEMP TABLE stage_fact_article_events (
    datekey     INTEGER,
    hr          SMALLINT,
    hour_start  TIMESTAMP,
    article_key BIGINT,
    article_id  BIGINT,
    user_id     BIGINT,
    action      VARCHAR(256),
    event_count BIGINT
)
