-- Object: ${schema}.dim_user (dimension, slowly changing type 2)
-- Grain:  one row per user and version: a version opens when a reference snapshot shows a user new or with a
--         changed attribute (gender, segment_id), and closes on the next change.
-- Columns:
--   user_key    BIGINT    surrogate key, deterministic: the first 8 bytes of
--                         SHA-256(user_id || '/' || snapshot date yyyy-MM-dd of valid_from) as a signed long,
--                         computed in Java
--   user_id     BIGINT    the source's user id (users_ref.user_id)
--   gender      VARCHAR   as coded by the source, NULL when empty
--   segment_id  INTEGER   NULL when empty
--   valid_from  TIMESTAMP start of the version (inclusive): midnight UTC of the snapshot date that opened it
--   valid_to    TIMESTAMP end of the version (exclusive); '9999-12-31 00:00:00' while current
--   is_current  BOOLEAN   true for the one open version of each user
-- Facts join the version valid at the event time: valid_from <= event_ts < valid_to.
-- Loaded per users_ref snapshot, in date order, one audited transaction each: a user missing from a snapshot
-- keeps its current version (a snapshot is not a delete); a snapshot older than one already loaded is refused.
-- Small and joined by facts: replicated to all nodes (DISTSTYLE ALL).
CREATE TABLE IF NOT EXISTS ${schema}.dim_user (
    user_key   BIGINT      NOT NULL ENCODE RAW,
    user_id    BIGINT      NOT NULL ENCODE RAW,
    gender     VARCHAR(64)          ENCODE ZSTD,
    segment_id INTEGER              ENCODE AZ64,
    valid_from TIMESTAMP   NOT NULL ENCODE AZ64,
    valid_to   TIMESTAMP   NOT NULL ENCODE AZ64,
    is_current BOOLEAN     NOT NULL ENCODE RAW,
    PRIMARY KEY (user_key)
)
DISTSTYLE ALL
SORTKEY (user_id, valid_from);
