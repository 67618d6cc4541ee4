-- Object: ${schema}.schema_version (bookkeeping of this DDL)
-- Grain:  one row per DDL file of sql/redshift/ applied to the schema, with the checksum of the statement that was
--         applied. A command whose files all match their rows changes nothing (no DDL, no locks: a loader with DML
--         rights only works); a file whose checksum differs is applied again, once, and its row replaced.
-- Columns:
--   object_file VARCHAR   the DDL file, e.g. '43_v_sales_by_season.sql'
--   checksum    CHAR(64)  SHA-256 hex of the statement as rendered for this schema and dialect
--   applied_at  TIMESTAMP when that statement was applied (UTC)
CREATE TABLE IF NOT EXISTS ${schema}.schema_version (
    object_file VARCHAR(128) NOT NULL ENCODE RAW,
    checksum    CHAR(64)     NOT NULL ENCODE ZSTD,
    applied_at  TIMESTAMP    NOT NULL ENCODE AZ64,
    PRIMARY KEY (object_file)
)
DISTSTYLE ALL
SORTKEY (object_file);
