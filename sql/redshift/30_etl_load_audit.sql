-- Object: ${schema}.etl_load_audit (bookkeeping)
-- Grain:  one row per committed warehouse load; written in the same transaction as the load, so a
--         load id present here means that load's rows are committed and a rerun is a no-op.
-- Columns:
--   load_id   VARCHAR   deterministic id derived from the dataset, the partitions and the input checksum
--   dataset   VARCHAR   target table, e.g. 'fact_flow_hourly'
--   partition VARCHAR   partitions replaced by the load, e.g. '20261125/05,20261125/06'
--                       (PARTITION is a Redshift reserved word: always write it quoted)
--   rows      BIGINT    rows read from the input (staged)
--   checksum  VARCHAR   the caller's stable checksum of the input
--   run_id    VARCHAR   the run that committed the load
--   loaded_at TIMESTAMP commit time (UTC), bookkeeping only
CREATE TABLE IF NOT EXISTS ${schema}.etl_load_audit (
    load_id   VARCHAR(128)  NOT NULL ENCODE RAW,
    dataset   VARCHAR(128)  NOT NULL ENCODE ZSTD,
    "partition" VARCHAR(MAX) NOT NULL ENCODE ZSTD,
    rows      BIGINT        NOT NULL ENCODE AZ64,
    checksum  VARCHAR(128)  NOT NULL ENCODE ZSTD,
    run_id    VARCHAR(128)  NOT NULL ENCODE ZSTD,
    loaded_at TIMESTAMP     NOT NULL ENCODE AZ64,
    PRIMARY KEY (load_id)
)
DISTSTYLE ALL
SORTKEY (load_id);
