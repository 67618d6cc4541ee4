-- Session-scoped staging table for one users_ref snapshot: one row per user_id. user_key is the key a version
-- opened by this snapshot gets (SHA-256 of user_id and the snapshot date, computed by Spark).
CREATE TEMP TABLE stage_users (
    user_key   BIGINT,
    user_id    BIGINT,
    gender     VARCHAR(64),
    segment_id INTEGER
)
